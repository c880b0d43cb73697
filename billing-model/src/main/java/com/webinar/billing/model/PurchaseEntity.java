package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.EndReason;
import com.webinar.billing.core.PurchaseStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "purchase")
public class PurchaseEntity {
    @Id
    public UUID id;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "quote_id")
    public UUID quoteId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "add_on")
    public AddOn addOn;

    public int quantity;

    @Enumerated(EnumType.STRING)
    public PurchaseStatus status;

    @Column(name = "purchased_at")
    public Instant purchasedAt;

    @Column(name = "active_from")
    public LocalDate activeFrom;

    @Column(name = "active_until")
    public LocalDate activeUntil;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    /** The renewal whose refusal made this purchase PAST_DUE; written by the renewal tick only. */
    @Column(name = "past_due_invoice_id", insertable = false, updatable = false)
    public UUID pastDueInvoiceId;

    @Column(name = "erasure_confirmed")
    public boolean erasureConfirmed;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
