package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The provider events that took effect (R12). */
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
}
