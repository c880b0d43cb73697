package com.webinar.billing.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

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

    /** One event to append: {@code dataJson} is the envelope's {@code data}, a JSON object. */
    public record NewEvent(String accountId, String type, String dataJson, Instant occurredAt) {}

    /**
     * Appends events of any number of accounts in one statement, numbered in list order within each account. The
     * accounts' rows are locked in id order (two batches sharing accounts never wait on each other in a cycle),
     * each account's range of numbers is reserved at once, and the rows are inserted with their numbers: the
     * same guarantees as {@link #append}, without a round trip per event.
     */
    public void appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        String[] accounts = new String[n];
        String[] types = new String[n];
        String[] data = new String[n];
        Timestamp[] occurred = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            NewEvent event = events.get(i);
            accounts[i] = event.accountId();
            types[i] = event.type();
            data[i] = event.dataJson();
            occurred[i] = Timestamp.from(event.occurredAt());
        }
        getEntityManager().flush();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    with wanted as materialized (
                        select e.account_id, e.type, e.data, e.occurred_at, e.position
                          from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[])
                               with ordinality as e(account_id, type, data, occurred_at, position)),
                    counts as (select account_id, count(*) as n from wanted group by account_id),
                    locked as materialized (
                        select a.id from account a where a.id in (select account_id from counts)
                         order by a.id for update),
                    reserved as (
                        update account a set last_event_sequence = a.last_event_sequence + c.n
                          from counts c
                         where a.id = c.account_id and a.id in (select id from locked)
                        returning a.id, a.last_event_sequence - c.n as before)
                    insert into outbox_event (id, type, account_id, sequence, payload, created_at)
                    select uuid_v7(), w.type, w.account_id,
                           r.before + row_number() over (partition by w.account_id order by w.position),
                           cast(w.data as jsonb), w.occurred_at
                      from wanted w join reserved r on r.id = w.account_id
                    """)) {
                insert.setArray(1, connection.createArrayOf("text", accounts));
                insert.setArray(2, connection.createArrayOf("text", types));
                insert.setArray(3, connection.createArrayOf("text", data));
                insert.setArray(4, connection.createArrayOf("timestamptz", occurred));
                int inserted = insert.executeUpdate();
                if (inserted != n) {
                    throw new IllegalStateException("appended " + inserted + " of " + n + " events (unknown account?)");
                }
            }
        });
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
