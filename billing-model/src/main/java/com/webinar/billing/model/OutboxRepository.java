package com.webinar.billing.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The transactional outbox: append in the transaction of the change, publish later. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEventEntity, UUID> {

    /**
     * Appends one event of the account with the account's next sequence number. Taking the number updates the
     * account's row, which stays locked until the caller's transaction ends: numbers follow commit order and a
     * rollback gives them back, so an account's sequence has no gap.
     */
    public OutboxEventEntity append(String accountId, String type, String payloadJson, Instant occurredAt) {
        OutboxEventEntity event = new OutboxEventEntity();
        event.id = UUID.randomUUID();
        event.type = type;
        event.accountId = accountId;
        event.sequence = nextSequences(accountId, 1);
        event.payload = payloadJson;
        event.createdAt = occurredAt;
        persist(event);
        return event;
    }

    /** Reserves {@code count} numbers and answers the first of them. */
    private long nextSequences(String accountId, int count) {
        Number last = (Number) getEntityManager()
                .createNativeQuery("update account set last_event_sequence = last_event_sequence + :count"
                        + " where id = :account returning last_event_sequence")
                .setParameter("count", count)
                .setParameter("account", accountId)
                .getSingleResult();
        return last.longValue() - count + 1;
    }
}
