package com.webinar.billing.app.renewal;

import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.Charge;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.PaymentProvider;
import com.webinar.billing.app.purchase.AbandonedAuthentications;
import com.webinar.billing.core.Money;
import com.webinar.billing.model.CycleTurnRepository;
import com.webinar.billing.model.RenewalRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    /**
     * Accounts claimed, and renewals charged, per transaction: one statement per step per batch, so the round trips
     * and the plans are paid once per batch (docs/benchmarks.md measures 500 against larger batches).
     */
    @ConfigProperty(name = "billing.renewal.batch-size", defaultValue = "500")
    int batch;
    /** The connections a tick uses: the datasource's pool holds two per function instance. */
    static final int WORKERS = 2;
    /**
     * A tick that has just issued this many invoices asks PostgreSQL to look at them again: planning the charge
     * phase on statistics that still say "no renewals" turns its joins into scans.
     */
    static final int FRESH_STATISTICS_AFTER = 1000;

    /** A tick that dies holding renewals to charge lets them go after this. */
    static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    CycleTurn cycleTurn;

    @Inject
    CycleTurnRepository cycles;

    @Inject
    RenewalRepository renewals;

    @Inject
    RenewalOutcomes outcomes;

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
        TickTotals totals = new TickTotals();
        if (inParallel(budget, worker -> turnCycles(now, worker, totals))) {
            return totals.report(true);
        }
        if (totals.accountsRenewed() >= FRESH_STATISTICS_AFTER) {
            QuarkusTransaction.requiringNew().run(cycles::refreshStatistics);
        }
        return totals.report(inParallel(budget, worker -> chargeDue(now, worker, totals)));
    }

    /**
     * Turns cycles batch after batch; true when it stopped on its budget with work left. Each batch is claimed
     * after the last one this worker claimed; at the end, once more from the first due account, for those it went
     * past (due again after their turn, or locked when it passed).
     */
    private boolean turnCycles(Instant now, TickBudget budget, TickTotals totals) {
        CycleTurnRepository.DueAccount after = null;
        while (budget.allowsAnotherBatch()) {
            long started = System.nanoTime();
            CycleTurnRepository.DueAccount from = after;
            CycleTurn.Turned turned = QuarkusTransaction.requiringNew().call(() -> cycleTurn.turn(now, from, batch));
            totals.add(turned);
            LOG.debugf("turned %d accounts in %d ms", turned.accounts(), (System.nanoTime() - started) / 1_000_000);
            if (turned.accounts() == 0 && from == null) {
                return false;
            }
            after = turned.last();
        }
        return true;
    }

    /** Charges what is due batch after batch, each leased after the last this worker leased. */
    private boolean chargeDue(Instant now, TickBudget budget, TickTotals totals) {
        RenewalRepository.LeaseCursor after = null;
        while (budget.allowsAnotherBatch()) {
            long started = System.nanoTime();
            RenewalRepository.LeaseCursor from = after;
            RenewalRepository.Leased leased = QuarkusTransaction.requiringNew().call(() -> lease(now, from, batch));
            List<RenewalRepository.Due> due = leased.renewals();
            long leasedAt = System.nanoTime();
            if (due.isEmpty()) {
                return false;
            }
            List<RenewalOutcomes.Outcome> answered = new ArrayList<>(due.size());
            for (RenewalRepository.Due renewal : due) {
                answered.add(new RenewalOutcomes.Outcome(renewal, charge(renewal)));
            }
            long charged = System.nanoTime();
            RenewalOutcomes.Recorded recorded =
                    QuarkusTransaction.requiringNew().call(() -> outcomes.record(answered, now));
            totals.add(recorded);
            metrics.renewals(recorded.renewals());
            LOG.debugf(
                    "charged %d renewals: lease %d ms, charge %d ms, record %d ms",
                    due.size(),
                    (leasedAt - started) / 1_000_000,
                    (charged - leasedAt) / 1_000_000,
                    (System.nanoTime() - charged) / 1_000_000);
            if (due.size() < batch) {
                return false;
            }
            after = leased.last();
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
        TickTotals totals = new TickTotals();
        CycleTurn.Turned turned;
        do {
            turned = QuarkusTransaction.requiringNew().call(() -> cycleTurn.turn(now, null, batch));
            totals.add(turned);
        } while (turned.accounts() > 0);
        return totals.report(false);
    }

    /**
     * Takes up to {@code limit} renewals to charge (new ones, and refused ones whose retry day has come) for
     * {@link #LEASE}, in the caller's transaction; what a tick that dies before charging leaves.
     */
    public RenewalRepository.Leased lease(Instant now, RenewalRepository.LeaseCursor after, int limit) {
        return renewals.leaseDue(now, now.plus(LEASE), CycleTurn.PAID_PLANS, after, limit);
    }

    private ChargeResult charge(RenewalRepository.Due renewal) {
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
}
