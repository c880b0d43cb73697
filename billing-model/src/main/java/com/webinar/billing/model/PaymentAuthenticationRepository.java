package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments waiting for the owner to authenticate them ({@code payment_authentication}, V10). */
@ApplicationScoped
public class PaymentAuthenticationRepository {

    /** What the provider asked the owner to do for an invoice. */
    public record Requested(UUID invoiceId, String providerReference, String clientSecret, Instant requestedAt) {}

    /** A purchase still waiting for its authentication, asked for before the cut-off. */
    public record Waiting(UUID invoiceId, UUID purchaseId, String providerReference) {}

    @Inject
    EntityManager em;

    /** Keeps the first request of an invoice: a repeated answer (same idempotency key) changes nothing. */
    public void remember(UUID invoiceId, String providerReference, String clientSecret, Instant now) {
        em.createNativeQuery("insert into payment_authentication"
                        + " (invoice_id, provider_reference, client_secret, requested_at) values (?1, ?2, ?3, ?4)"
                        + " on conflict (invoice_id) do nothing")
                .setParameter(1, invoiceId)
                .setParameter(2, providerReference)
                .setParameter(3, clientSecret)
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
    }

    public Optional<Requested> of(UUID invoiceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select invoice_id, provider_reference, client_secret,"
                        + " requested_at from payment_authentication where invoice_id = ?1")
                .setParameter(1, invoiceId)
                .getResultList();
        return rows.stream()
                .map(row -> new Requested((UUID) row[0], (String) row[1], (String) row[2], instant(row[3])))
                .findFirst();
    }

    /** Purchases in {@code waitingStatus} whose authentication was asked for before {@code cutoff}, oldest first. */
    public List<Waiting> purchasesWaitingSince(Instant cutoff, String waitingStatus, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.invoice_id, p.id, a.provider_reference"
                        + " from payment_authentication a"
                        + " join invoice_line l on l.invoice_id = a.invoice_id"
                        + " join purchase p on p.id = l.purchase_id"
                        + " join invoice i on i.id = a.invoice_id and i.kind = ?4"
                        + " where a.requested_at <= ?1 and p.status = ?2"
                        + " order by a.requested_at limit ?3")
                .setParameter(1, Timestamp.from(cutoff))
                .setParameter(2, waitingStatus)
                .setParameter(3, limit)
                .setParameter(4, InvoiceEntity.Kind.PURCHASE.name())
                .getResultList();
        return rows.stream()
                .map(row -> new Waiting((UUID) row[0], (UUID) row[1], (String) row[2]))
                .toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i : null;
    }
}
