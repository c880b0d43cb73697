package com.webinar.billing.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A recording of a sub-account (the media itself is held by another service): erased with it (R9). */
@Entity
@Table(name = "sub_account_recording")
public class SubAccountRecordingEntity {
    @Id
    public UUID id;

    @Column(name = "sub_account_id")
    public UUID subAccountId;

    @Column(name = "event_id")
    public UUID eventId;

    public String title;

    @Column(name = "duration_seconds")
    public int durationSeconds;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "created_at")
    public Instant createdAt;
}
