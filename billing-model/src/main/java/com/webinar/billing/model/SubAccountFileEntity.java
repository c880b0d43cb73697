package com.webinar.billing.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file stored by a sub-account, counted against its own storage quota: erased with it (R9). */
@Entity
@Table(name = "sub_account_file")
public class SubAccountFileEntity {
    @Id
    public UUID id;

    @Column(name = "sub_account_id")
    public UUID subAccountId;

    public String name;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "created_at")
    public Instant createdAt;
}
