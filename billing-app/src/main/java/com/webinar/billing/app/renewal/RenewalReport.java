package com.webinar.billing.app.renewal;

/** The tick's answer (SPEC §5). {@code more}: it stopped on its budget and the next tick goes on. */
public record RenewalReport(
        int accountsRenewed,
        int purchasesRenewed,
        int purchasesEnded,
        int subAccountsErased,
        int paymentsFailed,
        boolean more) {}
