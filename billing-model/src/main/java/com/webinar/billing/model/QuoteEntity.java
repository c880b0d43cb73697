package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "quote")
public class QuoteEntity {
    @Id
    public UUID id;

    @Column(name = "account_id")
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "add_on")
    public AddOn addOn;

    public int quantity;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    public String currency;

    @Column(name = "unit_price_minor")
    public long unitPriceMinor;

    @Column(name = "cycle_price_minor")
    public long cyclePriceMinor;

    @Column(name = "charge_now_minor")
    public long chargeNowMinor;

    @Column(name = "cycle_start")
    public LocalDate cycleStart;

    @Column(name = "cycle_end")
    public LocalDate cycleEnd;

    @Column(name = "cycle_days")
    public int cycleDays;

    @Column(name = "days_remaining")
    public int daysRemaining;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    // Money to and from the quote's columns: here alone

    public void prices(Money unitPrice, Money cyclePrice, Money chargeNow) {
        currency = unitPrice.currency().getCurrencyCode();
        unitPriceMinor = unitPrice.minor();
        cyclePriceMinor = cyclePrice.minor();
        chargeNowMinor = chargeNow.minor();
    }

    public Money unitPrice() {
        return Money.of(unitPriceMinor, currency);
    }

    public Money cyclePrice() {
        return Money.of(cyclePriceMinor, currency);
    }

    public Money chargeNow() {
        return Money.of(chargeNowMinor, currency);
    }
}
