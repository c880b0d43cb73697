package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The provider events that took effect (R12), and the ledger look-ups the payment webhook needs. */
@ApplicationScoped
public class WebhookEventRepository {

    @Inject
    EntityManager em;

    /**
     * Records an event id in the current transaction; false when it was recorded before (a redelivery). A
     * concurrent delivery of the same id waits here until the first one commits or rolls back.
     */
    public boolean record(String eventId, String type, Instant receivedAt) {
        return em.createNativeQuery("insert into webhook_event (id, type, received_at) values (?1, ?2, ?3)"
                                + " on conflict (id) do nothing")
                        .setParameter(1, eventId)
                        .setParameter(2, type)
                        .setParameter(3, receivedAt)
                        .executeUpdate()
                == 1;
    }

    /** The invoice a provider reference (a PaymentIntent id) was recorded for, if any. */
    public Optional<UUID> invoiceOfReference(String providerReference) {
        return em.createQuery(
                        "select e.invoiceId from PaymentEventEntity e where e.providerReference = ?1 order by e.id",
                        UUID.class)
                .setParameter(1, providerReference)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** What the ledger already records as refunded for an invoice, in minor units. */
    public long refundedMinor(UUID invoiceId) {
        Long sum = em.createQuery(
                        "select sum(e.amountMinor) from PaymentEventEntity e where e.invoiceId = ?1 and e.outcome = ?2",
                        Long.class)
                .setParameter(1, invoiceId)
                .setParameter(2, PaymentEventEntity.Outcome.REFUNDED)
                .getSingleResult();
        return sum == null ? 0 : sum;
    }
}
