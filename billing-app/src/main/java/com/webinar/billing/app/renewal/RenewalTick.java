package com.webinar.billing.app.renewal;

import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.Charge;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.PaymentProvider;
import com.webinar.billing.app.purchase.AbandonedAuthentications;
import com.webinar.billing.core.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

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
    /** The connections a tick uses: the datasource's pool holds two per function instance. */
    static final int WORKERS = 2;

    @Inject
    RenewalBatches batches;

    @Inject
    PaymentProvider provider;

    @Inject
    Clock clock;

    @Inject
    BusinessMetrics metrics;

    @Inject
    AbandonedAuthentications abandoned;

    @Inject
    AbandonedPastDuePayments abandonedPastDue;

    public RenewalReport run(TickBudget budget) {
        long started = System.nanoTime();
        abandoned.giveUp();
        abandonedPastDue.giveUp();
        RenewalReport report = renew(budget);
        metrics.tick(report, Duration.ofNanos(System.nanoTime() - started));
        return report;
    }

    private RenewalReport renew(TickBudget budget) {
        Instant now = clock.instant();
        Totals totals = new Totals();
        if (inParallel(budget, worker -> turnCycles(now, worker, totals))) {
            return totals.report(true);
        }
        if (totals.accountsRenewed() >= RenewalBatches.FRESH_STATISTICS_AFTER) {
            QuarkusTransaction.requiringNew().run(batches::refreshStatistics);
        }
        return totals.report(inParallel(budget, worker -> chargeDue(now, worker, totals)));
    }

    /** Turns cycles batch after batch; true when it stopped on its budget with work left. */
    private boolean turnCycles(Instant now, TickBudget budget, Totals totals) {
        while (budget.allowsAnotherBatch()) {
            long started = System.nanoTime();
            RenewalBatches.Turned turned = QuarkusTransaction.requiringNew().call(() -> batches.turnCycles(now, BATCH));
            totals.add(turned);
            LOG.debugf("turned %d accounts in %d ms", turned.accounts(), (System.nanoTime() - started) / 1_000_000);
            if (turned.accounts() == 0) {
                return false;
            }
        }
        return true;
    }

    private boolean chargeDue(Instant now, TickBudget budget, Totals totals) {
        while (budget.allowsAnotherBatch()) {
            long started = System.nanoTime();
            List<RenewalBatches.Due> due = QuarkusTransaction.requiringNew().call(() -> batches.leaseDue(now, BATCH));
            long leased = System.nanoTime();
            if (due.isEmpty()) {
                return false;
            }
            List<RenewalBatches.Outcome> outcomes = new ArrayList<>(due.size());
            for (RenewalBatches.Due renewal : due) {
                outcomes.add(new RenewalBatches.Outcome(renewal, charge(renewal)));
            }
            long charged = System.nanoTime();
            RenewalBatches.Recorded recorded =
                    QuarkusTransaction.requiringNew().call(() -> batches.record(outcomes, now));
            totals.add(recorded);
            metrics.renewals(recorded.renewals());
            LOG.debugf(
                    "charged %d renewals: lease %d ms, charge %d ms, record %d ms",
                    due.size(),
                    (leased - started) / 1_000_000,
                    (charged - leased) / 1_000_000,
                    (System.nanoTime() - charged) / 1_000_000);
            if (due.size() < BATCH) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs a phase in {@link #WORKERS} workers at once: batches are claimed with SKIP LOCKED, so workers never
     * share an account, and the database works on two batches while one waits on the network. True when any
     * worker stopped on the budget with work left.
     */
    private boolean inParallel(TickBudget budget, Predicate<TickBudget> phase) {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        // the workers' log lines carry the invocation's request id and function, as the handler's thread's do
        Map<String, Object> invocation = MDC.getMap();
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                TickBudget own = budget.forWorker();
                results.add(workers.submit(() -> {
                    invocation.forEach(MDC::put);
                    try {
                        return phase.test(own);
                    } finally {
                        MDC.clear();
                    }
                }));
            }
            boolean more = false;
            for (Future<Boolean> result : results) {
                more |= result.get();
            }
            return more;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("renewal tick interrupted", e);
        } finally {
            workers.shutdown();
        }
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
            return ChargeResult.offSession(provider.charge(new Charge(
                    renewal.paymentKey(),
                    renewal.accountId(),
                    renewal.ownerId(),
                    Money.of(renewal.amountMinor(), renewal.currency()),
                    Map.of("invoiceId", renewal.invoiceId().toString(), "kind", "renewal"),
                    false)));
        } catch (RuntimeException e) {
            LOG.warnf("no answer from the payment provider for %s: %s", renewal.paymentKey(), e.toString());
            return new ChargeResult.Pending(null, "no answer from the payment provider");
        }
    }

    /** Added to by both workers. */
    private static final class Totals {
        private int accountsRenewed;
        private int purchasesRenewed;
        private int purchasesEnded;
        private int subAccountsErased;
        private int paymentsFailed;

        synchronized void add(RenewalBatches.Turned turned) {
            accountsRenewed += turned.accounts();
            purchasesRenewed += turned.purchasesRenewed();
            purchasesEnded += turned.purchasesEnded();
            subAccountsErased += turned.subAccountsErased();
        }

        synchronized void add(RenewalBatches.Recorded recorded) {
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

    static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
