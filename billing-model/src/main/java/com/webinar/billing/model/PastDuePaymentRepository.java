package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What an account owes after a refused renewal, and the owner's on-session attempts to pay it ({@code
 * past_due_payment}, V12; the use case is billing-app {@code PayPastDue}).
 */
@ApplicationScoped
public class PastDuePaymentRepository {

    /** A renewal invoice in its grace period; {@code leasedUntil}: a tick is charging it until then. */
    public record Owed(UUID invoiceId, String paymentKey, Instant leasedUntil) {}

    /** One attempt of the owner; {@code clientSecret} is set while the provider waits for the owner to authenticate. */
    public record Attempt(
            UUID invoiceId,
            int attempt,
            String paymentKey,
            Instant startedAt,
            String providerReference,
            String clientSecret,
            boolean open) {}

    private static final String ATTEMPT_COLUMNS =
            "invoice_id, attempt, payment_key, started_at, provider_reference, client_secret, closed_at is null";

    @Inject
    EntityManager em;

    /**
     * The oldest renewal of the account in {@code status} (its grace period), its row locked for the caller's
     * transaction, as every writer of a renewal (tick, webhook) locks it.
     */
    public Optional<Owed> oldestLocked(String accountId, String status) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select r.invoice_id, i.payment_key, r.leased_until
                          from renewal r join invoice i on i.id = r.invoice_id
                         where r.account_id = ?1 and r.status = ?2
                         order by r.cycle_start
                         limit 1
                           for update of r
                        """)
                .setParameter(1, accountId)
                .setParameter(2, status)
                .getResultList();
        return rows.stream()
                .map(row -> new Owed((UUID) row[0], (String) row[1], instant(row[2])))
                .findFirst();
    }

    /** The invoice's open attempt: at most one (V12's partial unique index). */
    public Optional<Attempt> open(UUID invoiceId) {
        return attempts("where invoice_id = ?1 and closed_at is null", invoiceId).stream()
                .findFirst();
    }

    /** The attempt a provider's answer is about: by the provider's reference, else by its payment key. */
    public Optional<Attempt> answeredBy(UUID invoiceId, String providerReference, String paymentKey) {
        return attempts(
                        "where invoice_id = ?1 and (provider_reference = ?2 or payment_key = ?3)"
                                + " order by attempt desc limit 1",
                        invoiceId,
                        providerReference == null ? "" : providerReference,
                        paymentKey == null ? "" : paymentKey)
                .stream()
                .findFirst();
    }

    /** Starts the invoice's next attempt (the caller holds the renewal's row and computed {@code paymentKey}). */
    public void start(UUID invoiceId, int attempt, String paymentKey, Instant now) {
        em.createNativeQuery("insert into past_due_payment (invoice_id, attempt, payment_key, started_at)"
                        + " values (?1, ?2, ?3, ?4)")
                .setParameter(1, invoiceId)
                .setParameter(2, attempt)
                .setParameter(3, paymentKey)
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
    }

    /**
     * Leases the renewal as a tick does ({@code leased_until}), in the transaction that starts an attempt: a tick
     * whose claim read the renewal before that commit re-reads the row when it locks it and leaves it, where the open
     * attempt alone (a row of another table) would not stop it. {@code null} gives the renewal back.
     */
    public void lease(UUID invoiceId, Instant until) {
        var update = until == null
                ? em.createNativeQuery("update renewal set leased_until = null where invoice_id = ?1")
                : em.createNativeQuery("update renewal set leased_until = ?2 where invoice_id = ?1")
                        .setParameter(2, Timestamp.from(until));
        update.setParameter(1, invoiceId).executeUpdate();
    }

    /** The number the invoice's next attempt takes. */
    public int nextAttempt(UUID invoiceId) {
        return ((Number) em.createNativeQuery(
                                "select coalesce(max(attempt), 0) + 1 from past_due_payment where invoice_id = ?1")
                        .setParameter(1, invoiceId)
                        .getSingleResult())
                .intValue();
    }

    /** What the provider answered an open attempt without settling it; the first answer is kept. */
    public void answered(UUID invoiceId, int attempt, String providerReference, String clientSecret) {
        em.createNativeQuery("""
                        update past_due_payment
                           set provider_reference = coalesce(provider_reference, ?3),
                               client_secret = coalesce(client_secret, ?4)
                         where invoice_id = ?1 and attempt = ?2 and closed_at is null
                        """)
                .setParameter(1, invoiceId)
                .setParameter(2, attempt)
                .setParameter(3, providerReference)
                .setParameter(4, clientSecret)
                .executeUpdate();
    }

    /** Paid, refused or given up: the attempt no longer holds the invoice. */
    public void close(UUID invoiceId, int attempt, String providerReference, Instant now) {
        em.createNativeQuery("""
                        update past_due_payment
                           set closed_at = ?3, provider_reference = coalesce(provider_reference, ?4)
                         where invoice_id = ?1 and attempt = ?2 and closed_at is null
                        """)
                .setParameter(1, invoiceId)
                .setParameter(2, attempt)
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, providerReference)
                .executeUpdate();
    }

    /** Open attempts started at or before {@code cutoff}, oldest first. */
    public List<Attempt> openSince(Instant cutoff, int limit) {
        return attempts(
                "where closed_at is null and started_at <= ?1 order by started_at limit ?2",
                Timestamp.from(cutoff),
                limit);
    }

    private List<Attempt> attempts(String where, Object... parameters) {
        var query = em.createNativeQuery("select " + ATTEMPT_COLUMNS + " from past_due_payment " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new Attempt(
                        (UUID) row[0],
                        ((Number) row[1]).intValue(),
                        (String) row[2],
                        instant(row[3]),
                        (String) row[4],
                        (String) row[5],
                        (Boolean) row[6]))
                .toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
