package com.webinar.billing.app.renewal;

/** What a tick did so far, added to by both its workers. */
final class TickTotals {
    private int accountsRenewed;
    private int purchasesRenewed;
    private int purchasesEnded;
    private int subAccountsErased;
    private int paymentsFailed;

    synchronized void add(CycleTurn.Turned turned) {
        accountsRenewed += turned.accounts();
        purchasesRenewed += turned.purchasesRenewed();
        purchasesEnded += turned.purchasesEnded();
        subAccountsErased += turned.subAccountsErased();
    }

    synchronized void add(RenewalOutcomes.Recorded recorded) {
        paymentsFailed += recorded.paymentsFailed();
        purchasesEnded += recorded.purchasesEnded();
        subAccountsErased += recorded.subAccountsErased();
    }

    synchronized int accountsRenewed() {
        return accountsRenewed;
    }

    synchronized RenewalReport report(boolean more) {
        return new RenewalReport(
                accountsRenewed, purchasesRenewed, purchasesEnded, subAccountsErased, paymentsFailed, more);
    }
}
