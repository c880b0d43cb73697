package com.webinar.billing.app.renewal;

import static com.webinar.billing.model.PaymentEventEntity.Outcome.FAILED;
import static com.webinar.billing.model.PaymentEventEntity.Outcome.PENDING;
import static com.webinar.billing.model.PaymentEventEntity.Outcome.SUCCEEDED;

import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.subaccount.SubAccountErasure;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.core.GracePeriod;
import com.webinar.billing.core.InvoiceNumber;
import com.webinar.billing.core.Plan;
import com.webinar.billing.model.AccountRepository;
import com.webinar.billing.model.InvoiceNumberRepository;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.LedgerRepository.ProviderAnswer;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.SubAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The set-based steps of the renewal tick, each run inside the caller's transaction: a batch of accounts is a
 * handful of statements, not one round trip per row. Their facts are announced in the same transaction
 * ({@link RenewalEvents}).
 */
@ApplicationScoped
public class RenewalBatches {
    private static final String CYCLE_DAYS = "(case a.billing_period when 'MONTHLY' then 30 else 365 end)";
    /** A period change scheduled for the turn (account-sync) gives the new cycle its length and prices. */
    private static final String NEXT_PERIOD = "coalesce(a.pending_billing_period, a.billing_period)";

    private static final String NEXT_CYCLE_DAYS = "(case " + NEXT_PERIOD + " when 'MONTHLY' then 30 else 365 end)";
    /** R1, in depth: the tick never renews nor charges an account on a free plan, and ends its add-ons. */
    private static final List<String> PAID_PLANS = plans(true);

    private static final List<String> FREE_PLANS = plans(false);

    /** What goes on into the new cycle of the claimed accounts, at the catalog price in force on its first day. */
    private static final String RENEWED_LINES = """
            select p.id as purchase_id, p.account_id, p.add_on, p.quantity, p.purchased_at, a.currency, a.new_start,
                   a.new_end,
                   (select c.unit_price_minor from catalog_price c
                     where c.add_on = p.add_on and c.billing_period = a.billing_period and c.currency = a.currency
                       and c.valid_from <= a.new_start
                     order by c.valid_from desc limit 1) as unit_price
              from purchase p
              join (select a.id, a.currency, %1$s as billing_period, a.cycle_start + %2$s as new_start,
                           a.cycle_start + %2$s + %3$s as new_end
                      from account a where a.id in (:ids) and a.plan in (:paidPlans)) a on a.id = p.account_id
              join add_on o on o.code = p.add_on and o.kind = 'RECURRING'
             where p.active_from < a.new_start
               and (p.status in ('ACTIVE', 'PAST_DUE')
                    or (p.status = 'CANCELLATION_SCHEDULED' and p.active_until > a.new_start))
            """.formatted(NEXT_PERIOD, CYCLE_DAYS, NEXT_CYCLE_DAYS);

    public record Turned(int accounts, int purchasesRenewed, int purchasesEnded, int subAccountsErased) {}

    public record Due(
            UUID invoiceId,
            String accountId,
            String ownerId,
            String paymentKey,
            long amountMinor,
            String currency,
            String status,
            int retries,
            Instant failedAt,
            LocalDate cycleStart) {}

    /** A request for authentication is recorded as the refusal it is for a renewal (R8's grace period). */
    public record Outcome(Due renewal, ChargeResult result) {
        public Outcome {
            result = ChargeResult.offSession(result);
        }
    }

    /** {@code renewals}: the charges this recording settled, for the business metrics. */
    public record Recorded(
            int paymentsFailed, int purchasesEnded, int subAccountsErased, List<BusinessMetrics.Renewal> renewals) {}

    /**
     * A tick that has just issued this many invoices asks PostgreSQL to look at them again: planning the charge
     * phase on statistics that still say "no renewals" turns its joins into scans.
     */
    static final int FRESH_STATISTICS_AFTER = 1000;

    @Inject
    EntityManager em;

    public void refreshStatistics() {
        em.createNativeQuery("analyze renewal, invoice, invoice_line").executeUpdate();
    }

    @Inject
    SubAccountRepository subAccounts;

    @Inject
    SubAccountErasure erasure;

    @Inject
    AccountRepository accounts;

    @Inject
    PurchaseRepository purchases;

    @Inject
    LedgerRepository ledger;

    @Inject
    EventOutbox events;

    /** Claims up to {@code limit} accounts whose cycle has turned and moves each on by one cycle. */
    @SuppressWarnings("unchecked")
    public Turned turnCycles(Instant now, int limit) {
        List<String> ids = em.createNativeQuery(
                        "select id from account where cycle_turns_at <= :now order by cycle_turns_at, id"
                                + " limit :limit for update skip locked",
                        String.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return new Turned(0, 0, 0, 0);
        }
        List<PurchaseRepository.Ended> ended = purchases.endAtTurn(ids, FREE_PLANS, now);
        events.announceAll(RenewalEvents.endedAtTurn(ended), now);
        // what a free account still owes for a cycle it has left is no longer collected
        em.createNativeQuery("""
                        update renewal r set status = 'UNPAID_ENDED', next_retry_at = null, leased_until = null,
                               updated_at = :now
                          from account a
                         where a.id = r.account_id and r.account_id in (:ids) and a.plan in (:freePlans)
                           and r.status in ('DUE', 'PAST_DUE')
                        """)
                .setParameter("now", now)
                .setParameter("ids", ids)
                .setParameter("freePlans", FREE_PLANS)
                .executeUpdate();
        int erased = eraseSeatsOf(ended, now);
        events.announceEntitlements(RenewalEvents.accountsOf(ended), now);
        // one statement: the lines are read once, the batch's invoices take one block of numbers (one short lock
        // of the year's counter per batch, held to this commit), and an account that already has its renewal
        // invoice (the claim's row lock keeps any other writer out) is left out before numbering: no number is lost
        int year = InvoiceNumber.yearOf(now);
        Number lines = (Number) em.createNativeQuery(
                        """
                        with lines as materialized (%s),
                        issued as materialized (
                            select l.account_id, l.new_start, l.new_end, l.currency,
                                   sum(l.unit_price * l.quantity) as total,
                                   row_number() over (order by l.account_id) as rank
                              from lines l
                             where not exists (select 1 from invoice e where e.kind = 'RENEWAL'
                                                  and e.account_id = l.account_id and e.cycle_start = l.new_start)
                             group by l.account_id, l.new_start, l.new_end, l.currency),
                        block as (%s),
                        invoices as (
                            insert into invoice (id, account_id, kind, cycle_start, cycle_end, currency, total_minor,
                                                 issued_at, payment_key, number_year, number_seq)
                            select gen_random_uuid(), s.account_id, 'RENEWAL', s.new_start, s.new_end, s.currency,
                                   s.total, :now, 'renewal-' || s.account_id || '-' || s.new_start, :year,
                                   b.last_seq - (select count(*) from issued) + s.rank
                              from issued s cross join block b
                            returning id, account_id, cycle_start, total_minor),
                        renewals as (
                            insert into renewal (invoice_id, account_id, cycle_start, status, updated_at)
                            select i.id, i.account_id, i.cycle_start,
                                   case when i.total_minor = 0 then 'PAID' else 'DUE' end, :now
                              from invoices i
                            returning 1),
                        inserted as (
                            insert into invoice_line (invoice_id, line_no, purchase_id, add_on, quantity, unit_price_minor, amount_minor)
                            select i.id, row_number() over (partition by i.id order by l.purchased_at, l.purchase_id),
                                   l.purchase_id, l.add_on, l.quantity, l.unit_price, l.unit_price * l.quantity
                              from lines l
                              join invoices i on i.account_id = l.account_id
                            returning 1)
                        select count(*) from inserted
                        """.formatted(RENEWED_LINES, InvoiceNumberRepository.reserve("select count(*) from issued")))
                .setParameter("now", now)
                .setParameter("year", year)
                .setParameter("ids", ids)
                .setParameter("paidPlans", PAID_PLANS)
                .getSingleResult();
        em.createNativeQuery("""
                        update account a
                           set cycle_start = a.cycle_start + %1$s,
                               billing_period = %2$s,
                               pending_billing_period = null,
                               cycle_turns_at = ((a.cycle_start + %1$s + %3$s)::timestamp at time zone a.time_zone),
                               updated_at = :now
                         where a.id in (:ids)
                        """.formatted(CYCLE_DAYS, NEXT_PERIOD, NEXT_CYCLE_DAYS))
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
        return new Turned(ids.size(), lines.intValue(), ended.size(), erased);
    }

    /**
     * Takes up to {@code limit} renewals to charge: new ones, and refused ones whose retry day has come. A tick
     * that dies holding them lets them go when the lease runs out. An invoice whose owner's on-session attempt
     * ({@code pay-past-due}) is open is left alone: the provider never sees two attempts of one invoice at once.
     */
    @SuppressWarnings("unchecked")
    public List<Due> leaseDue(Instant now, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        with picked as materialized (
                            select invoice_id from renewal
                             where (status = 'DUE' or (status = 'PAST_DUE' and next_retry_at <= :now))
                               and (leased_until is null or leased_until <= :now)
                               and account_id in (select id from account where plan in (:paidPlans))
                               and invoice_id not in (select invoice_id from past_due_payment where closed_at is null)
                             order by updated_at, invoice_id
                             limit :limit
                             for update skip locked),
                        taken as (
                            update renewal r set leased_until = :leaseEnd
                             where r.invoice_id in (select invoice_id from picked)
                            returning r.invoice_id, r.status, r.retries, r.failed_at)
                        select t.invoice_id, i.account_id, u.id, i.payment_key, i.total_minor, i.currency,
                               t.status, t.retries, t.failed_at, i.cycle_start
                          from taken t
                          join invoice i on i.id = t.invoice_id
                          join app_user u on u.account_id = i.account_id and u.role = 'OWNER'
                        """)
                .setParameter("now", now)
                .setParameter("leaseEnd", now.plus(java.time.Duration.ofMinutes(10)))
                .setParameter("paidPlans", PAID_PLANS)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(RenewalBatches::due).toList();
    }

    /** The renewal of an invoice, locked for the webhook that settles it; empty for an invoice without one. */
    @SuppressWarnings("unchecked")
    public Optional<Due> lockOne(UUID invoiceId) {
        List<Object[]> rows =
                em.createNativeQuery("""
                        select r.invoice_id, i.account_id, u.id, i.payment_key, i.total_minor, i.currency,
                               r.status, r.retries, r.failed_at, i.cycle_start
                          from renewal r
                          join invoice i on i.id = r.invoice_id
                          join app_user u on u.account_id = i.account_id and u.role = 'OWNER'
                         where r.invoice_id = :id
                           for update of r
                        """).setParameter("id", invoiceId).getResultList();
        return rows.stream().map(RenewalBatches::due).findFirst();
    }

    /** Whether the ledger already holds this outcome of this provider payment (the tick saw it first). */
    public boolean alreadyRecorded(UUID invoiceId, String outcome, String providerReference) {
        return ((Number) em.createNativeQuery(
                                        "select count(*) from payment_event where invoice_id = :id and outcome = :outcome"
                                                + " and provider_reference = :reference")
                                .setParameter("id", invoiceId)
                                .setParameter("outcome", outcome)
                                .setParameter("reference", providerReference)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    private static Due due(Object[] row) {
        String status = (String) row[6];
        int retries = ((Number) row[7]).intValue();
        // a retry is a new attempt: the provider must not answer it with the refusal it cached for the first
        String paymentKey = "PAST_DUE".equals(status) ? row[3] + "-retry-" + (retries + 1) : (String) row[3];
        return new Due(
                RenewalTick.uuid(row[0]),
                (String) row[1],
                (String) row[2],
                paymentKey,
                ((Number) row[4]).longValue(),
                row[5].toString().trim(),
                status,
                retries,
                toInstant(row[8]),
                row[9] instanceof LocalDate date ? date : ((java.sql.Date) row[9]).toLocalDate());
    }

    /** Appends what the provider said and applies R8 to the renewals and their purchases. */
    @SuppressWarnings("unchecked")
    public Recorded record(List<Outcome> answered, Instant now) {
        // the webhook may have settled a renewal while this tick was asking: its answer is the one kept
        List<UUID> ids = answered.stream().map(o -> o.renewal().invoiceId()).toList();
        List<Object> settled = em.createNativeQuery(
                        "select invoice_id from renewal where invoice_id in (:ids) and status in ('PAID', 'UNPAID_ENDED')"
                                + " for update")
                .setParameter("ids", ids)
                .getResultList();
        java.util.Set<UUID> alreadySettled = new java.util.HashSet<>();
        settled.forEach(id -> alreadySettled.add(RenewalTick.uuid(id)));
        List<Outcome> outcomes = answered.stream()
                .filter(o -> !alreadySettled.contains(o.renewal().invoiceId()))
                .toList();
        // the accounts before their purchases, in id order: as every other writer locks them
        accounts.lockAll(outcomes.stream().map(o -> o.renewal().accountId()).toList());
        ledger.appendAnswers(
                outcomes.stream()
                        .map(RenewalBatches::ledgerEntry)
                        .flatMap(Optional::stream)
                        .toList(),
                now);
        events.announceAll(RenewalEvents.outcomes(outcomes, now), now);
        List<UUID> paid = new ArrayList<>();
        List<UUID> firstRefusal = new ArrayList<>();
        List<UUID> released = new ArrayList<>();
        List<UUID> awaitingWebhook = new ArrayList<>();
        List<UUID> givenUp = new ArrayList<>();
        int failed = 0;
        for (Outcome outcome : outcomes) {
            UUID invoice = outcome.renewal().invoiceId();
            switch (outcome.result()) {
                case ChargeResult.Paid p -> paid.add(invoice);
                case ChargeResult.Pending p -> (p.reference() == null ? released : awaitingWebhook).add(invoice);
                case ChargeResult.NeedsAuthentication n -> throw unreachable(n);
                case ChargeResult.Refused r -> {
                    failed++;
                    if ("DUE".equals(outcome.renewal().status())) {
                        firstRefusal.add(invoice);
                    } else {
                        Optional<Instant> next = GracePeriod.nextRetryAt(
                                outcome.renewal().failedAt(), outcome.renewal().retries() + 1);
                        if (next.isPresent()) {
                            em.createNativeQuery("update renewal set retries = retries + 1, next_retry_at = :next,"
                                            + " leased_until = null, updated_at = :now where invoice_id = :id")
                                    .setParameter("next", next.get())
                                    .setParameter("now", now)
                                    .setParameter("id", invoice)
                                    .executeUpdate();
                        } else {
                            givenUp.add(invoice);
                        }
                    }
                }
            }
        }
        if (!paid.isEmpty()) {
            update(
                    "update renewal set status = 'PAID', leased_until = null, updated_at = :now"
                            + " where invoice_id in (:ids)",
                    paid,
                    now);
            update(
                    "update purchase set status = 'ACTIVE', past_due_invoice_id = null, updated_at = :now"
                            + " where past_due_invoice_id in (:ids) and status = 'PAST_DUE'",
                    paid,
                    now);
        }
        if (!awaitingWebhook.isEmpty()) {
            // the provider is on it (processing, or the payer must act): its webhook settles it; ask again
            // only if it has said nothing for a day
            em.createNativeQuery(
                            "update renewal set leased_until = :askAgain, updated_at = :now where invoice_id in (:ids)")
                    .setParameter("askAgain", now.plus(java.time.Duration.ofDays(1)))
                    .setParameter("now", now)
                    .setParameter("ids", awaitingWebhook)
                    .executeUpdate();
        }
        if (!released.isEmpty()) {
            update(
                    "update renewal set leased_until = null, updated_at = :now where invoice_id in (:ids)",
                    released,
                    now);
        }
        if (!firstRefusal.isEmpty()) {
            em.createNativeQuery("""
                            update renewal set status = 'PAST_DUE', failed_at = :now, retries = 0,
                                   next_retry_at = :firstRetry, leased_until = null, updated_at = :now
                             where invoice_id in (:ids)
                            """)
                    .setParameter("now", now)
                    .setParameter("firstRetry", GracePeriod.nextRetryAt(now, 0).orElseThrow())
                    .setParameter("ids", firstRefusal)
                    .executeUpdate();
            update("""
                    update purchase p set status = 'PAST_DUE', past_due_invoice_id = l.invoice_id, updated_at = :now
                      from invoice_line l
                     where l.purchase_id = p.id and l.invoice_id in (:ids) and p.status = 'ACTIVE'
                    """, firstRefusal, now);
        }
        int ended = 0;
        int erased = 0;
        if (!givenUp.isEmpty()) {
            update(
                    "update renewal set status = 'UNPAID_ENDED', leased_until = null, next_retry_at = null,"
                            + " retries = 3, updated_at = :now where invoice_id in (:ids)",
                    givenUp,
                    now);
            List<PurchaseRepository.Ended> endedRows = purchases.endUnpaid(givenUp, now);
            events.announceAll(RenewalEvents.ended(endedRows, BillingEvent.EndReason.UNPAID), now);
            ended = endedRows.size();
            erased = eraseSeatsOf(endedRows, now);
        }
        events.announceEntitlements(
                outcomes.stream().map(o -> o.renewal().accountId()).toList(), now);
        return new Recorded(failed, ended, erased, settledRenewals(outcomes, givenUp));
    }

    private static List<BusinessMetrics.Renewal> settledRenewals(List<Outcome> outcomes, List<UUID> givenUp) {
        List<BusinessMetrics.Renewal> renewals = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            Due renewal = outcome.renewal();
            BusinessMetrics.RenewalResult result = switch (outcome.result()) {
                case ChargeResult.Paid p -> BusinessMetrics.RenewalResult.CHARGED;
                case ChargeResult.Refused r ->
                    givenUp.contains(renewal.invoiceId())
                            ? BusinessMetrics.RenewalResult.ENDED
                            : BusinessMetrics.RenewalResult.FAILED;
                case ChargeResult.Pending p -> null;
                case ChargeResult.NeedsAuthentication n -> throw unreachable(n);
            };
            if (result != null) {
                renewals.add(new BusinessMetrics.Renewal(renewal.currency(), renewal.amountMinor(), result));
            }
        }
        return renewals;
    }

    /** What the ledger appends for one answer: nothing for no answer at all (a later tick asks again). */
    private static Optional<ProviderAnswer> ledgerEntry(Outcome outcome) {
        UUID invoice = outcome.renewal().invoiceId();
        long amount = outcome.renewal().amountMinor();
        return switch (outcome.result()) {
            case ChargeResult.Paid p -> Optional.of(new ProviderAnswer(invoice, SUCCEEDED, amount, p.reference()));
            case ChargeResult.Refused r -> Optional.of(new ProviderAnswer(invoice, FAILED, amount, r.reference()));
            case ChargeResult.Pending p ->
                Optional.ofNullable(p.reference()).map(ref -> new ProviderAnswer(invoice, PENDING, amount, ref));
            case ChargeResult.NeedsAuthentication n -> throw unreachable(n);
        };
    }

    /** {@link Outcome} made it a refusal. */
    static IllegalStateException unreachable(ChargeResult.NeedsAuthentication result) {
        return new IllegalStateException("a renewal outcome still asks for authentication: " + result);
    }

    private int eraseSeatsOf(List<PurchaseRepository.Ended> ended, Instant now) {
        int erased = 0;
        for (PurchaseRepository.Ended purchase : ended) {
            if (purchase.addOn() != AddOn.SUB_ACCOUNTS) {
                continue;
            }
            for (var subAccount : subAccounts.inSeatsOf(purchase.purchaseId())) {
                erasure.erase(subAccount.id, now);
                erased++;
            }
        }
        return erased;
    }

    private void update(String sql, List<UUID> ids, Instant now) {
        em.createNativeQuery(sql)
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    private static List<String> plans(boolean paid) {
        return java.util.Arrays.stream(Plan.values())
                .filter(plan -> plan.isPaid() == paid)
                .map(Enum::name)
                .toList();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
