package com.webinar.billing.model;

import com.webinar.billing.core.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A charge. Appended, never rewritten: the table refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "invoice")
public class InvoiceEntity {
    public enum Kind {
        PURCHASE,
        RENEWAL
    }

    @Id
    public UUID id;

    @Column(name = "account_id")
    public String accountId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "cycle_start")
    public LocalDate cycleStart;

    @Column(name = "cycle_end")
    public LocalDate cycleEnd;

    /** With {@link #numberSeq}, the invoice's number (InvoiceNumber): taken by LedgerRepository.append. */
    @Column(name = "number_year")
    public int numberYear;

    @Column(name = "number_seq")
    public long numberSeq;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    public String currency;

    @Column(name = "total_minor")
    public long totalMinor;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "payment_key")
    public String paymentKey;

    // Money to and from the ledger's columns: here alone (its lines and payments are in the invoice's currency)

    public Money total() {
        return money(totalMinor);
    }

    public void total(Money total) {
        currency = total.currency().getCurrencyCode();
        totalMinor = total.minor();
    }

    /** An amount of this invoice, of one of its lines or payments, in the invoice's currency. */
    public Money money(long minor) {
        return Money.of(minor, currency.trim());
    }
}
