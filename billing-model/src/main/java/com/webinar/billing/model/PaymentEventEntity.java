package com.webinar.billing.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** What the payment provider said about an invoice, appended in the order we learnt it. */
@Entity
@Immutable
@Table(name = "payment_event")
public class PaymentEventEntity {
    public enum Outcome {
        PENDING,
        SUCCEEDED,
        FAILED,
        REFUNDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "amount_minor")
    public long amountMinor;

    @Column(name = "provider_reference")
    public String providerReference;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
