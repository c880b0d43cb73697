package com.webinar.billing.app.renewal;

import com.webinar.billing.app.payment.Charge;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.PaymentProvider;
import com.webinar.billing.core.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * R7, R8: the scheduled renewal. Every account whose cycle has turned is, one cycle at a time: its purchases
 * cancelled for that cycle ended (sub-account data erased), one renewal invoice issued for what goes on, and
 * its cycle moved on 30 or 365 days — all in the transaction that holds the account's row. Then the
 * renewals due (new ones, and retries of refused ones on days 1, 3 and 7) are charged.
 *
 * <p>Exactly once per (account, cycle): accounts are claimed with {@code FOR UPDATE SKIP LOCKED}, the cycle
 * moves in the same transaction as the invoice is issued, and {@code invoice_one_renewal_per_cycle} refuses
 * a second one. A charge is asked under the invoice's payment key, so asking again after a crash charges
 * nothing more.
 */
@ApplicationScoped
public class RenewalTick {
    private static final Logger LOG = Logger.getLogger(RenewalTick.class);
    static final int BATCH = 500;

    @Inject
    RenewalBatches batches;

    @Inject
    PaymentProvider provider;

    @Inject
    Clock clock;

    public RenewalReport run(TickBudget budget) {
        Instant now = clock.instant();
        Totals totals = new Totals();
        while (true) {
            if (!budget.allowsAnotherBatch()) {
                return totals.report(true);
            }
            RenewalBatches.Turned turned = QuarkusTransaction.requiringNew().call(() -> batches.turnCycles(now, BATCH));
            totals.add(turned);
            if (turned.accounts() == 0) {
                break;
            }
        }
        if (totals.accountsRenewed >= RenewalBatches.FRESH_STATISTICS_AFTER) {
            QuarkusTransaction.requiringNew().run(batches::refreshStatistics);
        }
        while (true) {
            if (!budget.allowsAnotherBatch()) {
                return totals.report(true);
            }
            List<RenewalBatches.Due> due = QuarkusTransaction.requiringNew().call(() -> batches.leaseDue(now, BATCH));
            if (due.isEmpty()) {
                break;
            }
            List<RenewalBatches.Outcome> outcomes = new ArrayList<>(due.size());
            for (RenewalBatches.Due renewal : due) {
                outcomes.add(new RenewalBatches.Outcome(renewal, charge(renewal)));
            }
            RenewalBatches.Recorded recorded =
                    QuarkusTransaction.requiringNew().call(() -> batches.record(outcomes, now));
            totals.add(recorded);
            if (due.size() < BATCH) {
                break;
            }
        }
        return totals.report(false);
    }

    /** Only the first phase: cycles turned and invoices issued, nothing charged (what a crash can leave). */
    public RenewalReport turnCyclesOnly() {
        Instant now = clock.instant();
        Totals totals = new Totals();
        RenewalBatches.Turned turned;
        do {
            turned = QuarkusTransaction.requiringNew().call(() -> batches.turnCycles(now, BATCH));
            totals.add(turned);
        } while (turned.accounts() > 0);
        return totals.report(false);
    }

    private ChargeResult charge(RenewalBatches.Due renewal) {
        try {
            return provider.charge(new Charge(
                    renewal.paymentKey(),
                    renewal.accountId(),
                    renewal.ownerId(),
                    Money.of(renewal.amountMinor(), renewal.currency()),
                    Map.of("invoiceId", renewal.invoiceId().toString(), "kind", "renewal")));
        } catch (RuntimeException e) {
            LOG.warnf("no answer from the payment provider for %s: %s", renewal.paymentKey(), e.toString());
            return new ChargeResult.Pending(null, "no answer from the payment provider");
        }
    }

    private static final class Totals {
        int accountsRenewed;
        int purchasesRenewed;
        int purchasesEnded;
        int subAccountsErased;
        int paymentsFailed;

        void add(RenewalBatches.Turned turned) {
            accountsRenewed += turned.accounts();
            purchasesRenewed += turned.purchasesRenewed();
            purchasesEnded += turned.purchasesEnded();
            subAccountsErased += turned.subAccountsErased();
        }

        void add(RenewalBatches.Recorded recorded) {
            paymentsFailed += recorded.paymentsFailed();
            purchasesEnded += recorded.purchasesEnded();
            subAccountsErased += recorded.subAccountsErased();
        }

        RenewalReport report(boolean more) {
            return new RenewalReport(
                    accountsRenewed, purchasesRenewed, purchasesEnded, subAccountsErased, paymentsFailed, more);
        }
    }

    /** The payment key of the renewal of (account, cycle): also the provider's idempotency key. */
    public static String paymentKey(String accountId, java.time.LocalDate cycleStart) {
        return "renewal-" + accountId + "-" + cycleStart;
    }

    static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
