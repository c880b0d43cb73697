package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "invoice_line")
public class InvoiceLineEntity {
    @Embeddable
    public record Key(
            @Column(name = "invoice_id") UUID invoiceId,
            @Column(name = "line_no") int lineNo) implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "purchase_id")
    public UUID purchaseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "add_on")
    public AddOn addOn;

    public int quantity;

    @Column(name = "unit_price_minor")
    public long unitPriceMinor;

    @Column(name = "amount_minor")
    public long amountMinor;

    /** The line's prices, in its invoice's currency. */
    public void prices(Money unitPrice, Money amount) {
        unitPriceMinor = unitPrice.minor();
        amountMinor = amount.minor();
    }
}
