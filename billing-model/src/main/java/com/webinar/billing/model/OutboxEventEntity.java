package com.webinar.billing.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * An event for the platform's other services, written in the transaction of the change it announces and
 * published afterwards; {@code publishedAt} stays null until then. The row is the envelope of docs/events.md:
 * {@code id}, {@code type}, {@code accountId}, {@code sequence} (the account's events counted from 1, no gap),
 * {@code createdAt} (occurredAt) and {@code payload} (data: a JSON object of ids, amounts, dates and codes).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity {
    @Id
    public UUID id;

    public String type;

    @Column(name = "account_id")
    public String accountId;

    public long sequence;

    /** JSON text, stored as jsonb. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
