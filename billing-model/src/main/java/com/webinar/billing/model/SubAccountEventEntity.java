package com.webinar.billing.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event organised in a sub-account: the sub-account's data, erased with it (R9). */
@Entity
@Table(name = "sub_account_event")
public class SubAccountEventEntity {
    @Id
    public UUID id;

    @Column(name = "sub_account_id")
    public UUID subAccountId;

    public String title;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
