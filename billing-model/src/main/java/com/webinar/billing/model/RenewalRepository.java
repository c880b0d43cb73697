package com.webinar.billing.model;

import static com.webinar.billing.model.CycleTurnRepository.names;

import com.webinar.billing.core.PaymentKeys;
import com.webinar.billing.core.PaymentOutcome;
import com.webinar.billing.core.RenewalStatus;
import com.webinar.billing.core.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** R8's state of each renewal invoice: what is due to charge, and what the outcomes of its charges made of it. */
@ApplicationScoped
public class RenewalRepository {

    /** A renewal to charge, with what its charge and its outcome's event need. */
    public record Due(
            UUID invoiceId,
            String accountId,
            String ownerId,
            String invoiceKey,
            long amountMinor,
            String currency,
            RenewalStatus status,
            int retries,
            Instant failedAt,
            Instant nextRetryAt,
            LocalDate cycleStart) {

        /** The key this attempt is charged under (a retry is a new attempt). */
        public String paymentKey() {
            return PaymentKeys.forAttempt(invoiceKey, status, retries);
        }
    }

    /** Where one renewal stands after a decision, for {@link #update}. */
    public record Standing(
            UUID invoiceId,
            RenewalStatus status,
            Instant failedAt,
            int retries,
            Instant nextRetryAt,
            Instant leasedUntil) {}

    private static final String DUE_COLUMNS = """
            i.account_id, u.id, i.payment_key, i.total_minor, i.currency, %s.status, %<s.retries, %<s.failed_at,
            %<s.next_retry_at, i.cycle_start""";

    /** Where a lease goes on from: the last renewal taken, in the order renewals are taken. */
    public record LeaseCursor(Instant updatedAt, UUID invoiceId) {}

    private static final String LEASE = """
            with picked as materialized (
                select invoice_id, updated_at from renewal
                 where (status = :due or (status = :pastDue and next_retry_at <= :now))
                   and (leased_until is null or leased_until <= :now)
                   and account_id in (select id from account where plan in (:paidPlans))
                   and invoice_id not in (select invoice_id from past_due_payment where closed_at is null)
                   %s
                 order by updated_at, invoice_id
                 limit :limit
                 for update skip locked),
            taken as (
                update renewal r set leased_until = :leaseEnd
                  from picked p
                 where r.invoice_id = p.invoice_id
                returning r.invoice_id, r.status, r.retries, r.failed_at, r.next_retry_at, p.updated_at)
            select t.invoice_id, %s, t.updated_at
              from taken t
              join invoice i on i.id = t.invoice_id
              join app_user u on u.account_id = i.account_id and u.role = :owner
            """;

    /**
     * Takes up to {@code :limit} renewals to charge: new ones, and refused ones whose retry day has come, leased
     * until {@code :leaseEnd} (a tick that dies holding them lets them go then). An invoice whose owner's on-session
     * attempt ({@code pay-past-due}) is open is left alone: the provider never sees two attempts of one invoice at once.
     */
    static final String LEASE_DUE = LEASE.formatted("", DUE_COLUMNS.formatted("t"));

    /**
     * {@link #LEASE_DUE} after the last renewal taken: from the start, each lease would step over the index
     * entries of every renewal charged before it (dead until vacuumed), a cost that grows with the backlog.
     */
    static final String LEASE_DUE_AFTER =
            LEASE.formatted("and (updated_at, invoice_id) > (:afterUpdate, :afterId)", DUE_COLUMNS.formatted("t"));

    static final String LOCK_ONE = """
            select r.invoice_id, %s
              from renewal r
              join invoice i on i.id = r.invoice_id
              join app_user u on u.account_id = i.account_id and u.role = :owner
             where r.invoice_id = :id
               for update of r
            """.formatted(DUE_COLUMNS.formatted("r"));

    static final String LOCK_SETTLED = """
            select invoice_id from renewal where invoice_id in (:ids) and status in (:settled) for update""";

    static final String ALREADY_RECORDED = """
            select count(*) from payment_event
             where invoice_id = :id and outcome = :outcome and provider_reference = :reference""";

    /** Every renewal's new standing in one statement. */
    static final String UPDATE_STANDINGS = """
            update renewal r set status = s.status, failed_at = s.failed_at, retries = s.retries,
                   next_retry_at = s.next_retry_at, leased_until = s.leased_until, updated_at = ?
              from unnest(?::uuid[], ?::text[], ?::text[]::timestamptz[], ?::int[], ?::text[]::timestamptz[],
                          ?::text[]::timestamptz[])
                   as s(invoice_id, status, failed_at, retries, next_retry_at, leased_until)
             where r.invoice_id = s.invoice_id""";

    @Inject
    EntityManager em;

    /** What one lease took, and where the next goes on from (null when it took nothing). */
    public record Leased(List<Due> renewals, LeaseCursor last) {}

    /** {@link #LEASE_DUE}, or {@link #LEASE_DUE_AFTER} {@code after} when there is one. */
    @SuppressWarnings("unchecked")
    public Leased leaseDue(Instant now, Instant leaseEnd, Collection<String> paidPlans, LeaseCursor after, int limit) {
        Query lease = em.createNativeQuery(after == null ? LEASE_DUE : LEASE_DUE_AFTER);
        if (after != null) {
            lease.setParameter("afterUpdate", after.updatedAt()).setParameter("afterId", after.invoiceId());
        }
        List<Object[]> rows = lease.setParameter("now", now)
                .setParameter("leaseEnd", leaseEnd)
                .setParameter("paidPlans", paidPlans)
                .setParameter("limit", limit)
                .setParameter("due", RenewalStatus.DUE.name())
                .setParameter("pastDue", RenewalStatus.PAST_DUE.name())
                .setParameter("owner", Role.OWNER.name())
                .getResultList();
        LeaseCursor last = rows.stream()
                .map(row -> new LeaseCursor(NativeRows.instant(row[11]), NativeRows.uuid(row[0])))
                .max(LEASE_ORDER)
                .orElse(null);
        return new Leased(rows.stream().map(RenewalRepository::due).toList(), last);
    }

    /** The order renewals are taken in. */
    public static final java.util.Comparator<LeaseCursor> LEASE_ORDER = java.util.Comparator.comparing(
                    LeaseCursor::updatedAt)
            .thenComparing(LeaseCursor::invoiceId, RenewalRepository::compareAsPostgres);

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed halves. */
    static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** The renewal of an invoice, locked for the webhook that settles it; empty for an invoice without one. */
    @SuppressWarnings("unchecked")
    public Optional<Due> lockOne(UUID invoiceId) {
        List<Object[]> rows = em.createNativeQuery(LOCK_ONE)
                .setParameter("id", invoiceId)
                .setParameter("owner", Role.OWNER.name())
                .getResultList();
        return rows.stream().map(RenewalRepository::due).findFirst();
    }

    /** Which of these renewals are settled already (the webhook was first), locking them all. */
    @SuppressWarnings("unchecked")
    public List<UUID> lockSettled(Collection<UUID> invoiceIds) {
        List<Object> rows = em.createNativeQuery(LOCK_SETTLED)
                .setParameter("ids", invoiceIds)
                .setParameter("settled", names(RenewalStatus.settled()))
                .getResultList();
        return rows.stream().map(NativeRows::uuid).toList();
    }

    /** Whether the ledger already holds this outcome of this provider payment (the tick saw it first). */
    public boolean alreadyRecorded(UUID invoiceId, PaymentOutcome outcome, String providerReference) {
        return ((Number) em.createNativeQuery(ALREADY_RECORDED)
                                .setParameter("id", invoiceId)
                                .setParameter("outcome", outcome.name())
                                .setParameter("reference", providerReference)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    /** {@link #UPDATE_STANDINGS}. */
    public void update(List<Standing> standings, Instant now) {
        if (standings.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_STANDINGS)) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setArray(2, connection.createArrayOf("uuid", column(standings, Standing::invoiceId)));
                update.setArray(
                        3,
                        connection.createArrayOf(
                                "text", column(standings, s -> s.status().name())));
                update.setArray(4, connection.createArrayOf("text", column(standings, s -> text(s.failedAt()))));
                update.setArray(5, connection.createArrayOf("int4", column(standings, Standing::retries)));
                update.setArray(6, connection.createArrayOf("text", column(standings, s -> text(s.nextRetryAt()))));
                update.setArray(7, connection.createArrayOf("text", column(standings, s -> text(s.leasedUntil()))));
                update.executeUpdate();
            }
        });
    }

    private static Object[] column(List<Standing> standings, java.util.function.Function<Standing, Object> value) {
        return standings.stream().map(value).toArray();
    }

    /** ISO-8601 with its offset: read the same whatever the session's zone. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Due due(Object[] row) {
        return new Due(
                NativeRows.uuid(row[0]),
                (String) row[1],
                (String) row[2],
                (String) row[3],
                ((Number) row[4]).longValue(),
                row[5].toString().trim(),
                RenewalStatus.valueOf((String) row[6]),
                ((Number) row[7]).intValue(),
                NativeRows.instant(row[8]),
                NativeRows.instant(row[9]),
                NativeRows.date(row[10]));
    }
}
