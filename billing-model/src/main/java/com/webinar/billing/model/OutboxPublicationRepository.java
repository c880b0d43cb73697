package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The relay's side of the outbox (docs/events.md): which accounts have events to publish, their events in
 * sequence order, marking what the bus accepted, pruning what was published long ago. Every method runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class OutboxPublicationRepository {

    /** An unpublished outbox row: the envelope's fields, {@code payload} its {@code data} as JSON text. */
    public record Pending(UUID id, String type, String accountId, long sequence, Instant occurredAt, String payload) {}

    @Inject
    EntityManager em;

    /**
     * Up to {@code accounts} accounts with unpublished events, the one waiting longest first, each held by this
     * transaction alone: an account is taken with a transaction-scoped advisory lock ({@code lockSpace}, hash of
     * its id) and skipped when another relay holds it, so two relays never publish one account's events at once.
     * Writers never take these locks, so they are not slowed down.
     */
    public List<String> claimAccounts(int accounts, int lockSpace) {
        return work(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    with waiting as materialized (
                        select account_id, min(created_at) as oldest
                          from outbox_event
                         where published_at is null
                         group by account_id
                         order by oldest, account_id
                         limit ?)
                    select account_id from waiting
                     where pg_try_advisory_xact_lock(?, hashtext(account_id))
                     limit ?
                    """)) {
                s.setInt(1, accounts * 4);
                s.setInt(2, lockSpace);
                s.setInt(3, accounts);
                List<String> claimed = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        claimed.add(r.getString(1));
                    }
                }
                return claimed;
            }
        });
    }

    /** The first {@code perAccount} unpublished events of each account, in (account, sequence) order. */
    public List<Pending> pendingOf(Collection<String> accounts, int perAccount) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return work(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    select e.id, e.type, e.account_id, e.sequence, e.created_at, e.payload::text
                      from unnest(?) as a(id)
                      cross join lateral (
                            select o.* from outbox_event o
                             where o.account_id = a.id and o.published_at is null
                             order by o.sequence
                             limit ?) e
                     order by e.account_id, e.sequence
                    """)) {
                s.setArray(1, connection.createArrayOf("text", accounts.toArray()));
                s.setInt(2, perAccount);
                List<Pending> pending = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        pending.add(new Pending(
                                r.getObject(1, UUID.class),
                                r.getString(2),
                                r.getString(3),
                                r.getLong(4),
                                r.getTimestamp(5).toInstant(),
                                r.getString(6)));
                    }
                }
                return pending;
            }
        });
    }

    /** Marks events published; those already marked keep their first publication time. */
    public int markPublished(Collection<UUID> ids, Instant publishedAt) {
        if (ids.isEmpty()) {
            return 0;
        }
        return work(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "update outbox_event set published_at = ? where id = any(?) and published_at is null")) {
                Array array = connection.createArrayOf("uuid", ids.toArray());
                s.setTimestamp(1, Timestamp.from(publishedAt));
                s.setArray(2, array);
                return s.executeUpdate();
            }
        });
    }

    /** Deletes up to {@code limit} events published before {@code before}; answers how many. */
    public int prunePublishedBefore(Instant before, int limit) {
        return work(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    delete from outbox_event where id in (
                        select id from outbox_event where published_at < ? limit ?)
                    """)) {
                s.setTimestamp(1, Timestamp.from(before));
                s.setInt(2, limit);
                return s.executeUpdate();
            }
        });
    }

    /** When the oldest unpublished event occurred; empty when everything is published. */
    public Optional<Instant> oldestUnpublished() {
        return work(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                            "select min(created_at) from outbox_event where published_at is null");
                    ResultSet r = s.executeQuery()) {
                r.next();
                Timestamp oldest = r.getTimestamp(1);
                return Optional.ofNullable(oldest).map(Timestamp::toInstant);
            }
        });
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
