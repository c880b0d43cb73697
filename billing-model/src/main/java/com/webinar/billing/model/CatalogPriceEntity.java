package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingPeriod;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Immutable
@Table(name = "catalog_price")
public class CatalogPriceEntity {
    @Embeddable
    public record Key(
            @Enumerated(EnumType.STRING) @Column(name = "add_on")
            AddOn addOn,

            @Enumerated(EnumType.STRING) @Column(name = "billing_period")
            BillingPeriod billingPeriod,

            @JdbcTypeCode(SqlTypes.CHAR) @Column(name = "currency", length = 3)
            String currency,

            @Column(name = "valid_from") LocalDate validFrom)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "unit_price_minor")
    public long unitPriceMinor;
}
