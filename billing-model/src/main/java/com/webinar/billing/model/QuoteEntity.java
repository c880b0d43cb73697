package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
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
}
