package com.webinar.billing.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "sub_account")
public class SubAccountEntity {
    @Id
    public UUID id;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "purchase_id")
    public UUID purchaseId;

    public String name;

    @Column(name = "storage_gb")
    public int storageGb;

    @Column(name = "recording_hours")
    public int recordingHours;

    @Column(name = "created_at")
    public Instant createdAt;
}
