package com.webinar.billing.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The audit record of one erased sub-account: ids, counts and time, never a name (R9). */
@Entity
@Immutable
@Table(name = "sub_account_erasure")
public class SubAccountErasureEntity {
    @Id
    @Column(name = "erased_sub_account_id")
    public UUID erasedSubAccountId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "purchase_id")
    public UUID purchaseId;

    public int users;

    public int events;

    public int recordings;

    public int files;

    @Column(name = "erased_at")
    public Instant erasedAt;
}
