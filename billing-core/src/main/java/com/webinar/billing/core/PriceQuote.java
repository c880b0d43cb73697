package com.webinar.billing.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * R3: the two prices of a quote, the whole cycle's and the one charged now. The cycle fields
 * describe the cycle the quote was made in, which binds it (R4). {@code renewsOn} is null for
 * one-time add-ons, whose {@code chargeNow} is the full {@code cyclePrice}, never prorated.
 */
public record PriceQuote(
        AddOn addOn,
        int quantity,
        Money unitPrice,
        Money cyclePrice,
        Money chargeNow,
        int cycleDays,
        int daysRemaining,
        LocalDate cycleStart,
        LocalDate cycleEnd,
        LocalDate renewsOn) {

    public PriceQuote {
        Objects.requireNonNull(addOn, "addOn");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(cyclePrice, "cyclePrice");
        Objects.requireNonNull(chargeNow, "chargeNow");
        Objects.requireNonNull(cycleStart, "cycleStart");
        Objects.requireNonNull(cycleEnd, "cycleEnd");
    }

    /** {@code today} must be a date of {@code cycle}: the caller catches the cycle up first. */
    public static PriceQuote of(AddOn addOn, int quantity, Money unitPrice, Cycle cycle, LocalDate today) {
        Objects.requireNonNull(addOn, "addOn");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(cycle, "cycle");
        if (!addOn.allowsQuantity(quantity)) {
            throw BillingException.of(
                    BillingError.INVALID_REQUEST,
                    "Quantity of " + addOn + " must be between " + addOn.minQuantity() + " and " + addOn.maxQuantity()
                            + ", was " + quantity);
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("A unit price cannot be negative: " + unitPrice);
        }
        Money cyclePrice = unitPrice.times(quantity);
        int daysRemaining = cycle.daysRemaining(today);
        if (!addOn.isRecurring()) {
            return new PriceQuote(
                    addOn,
                    quantity,
                    unitPrice,
                    cyclePrice,
                    cyclePrice,
                    cycle.days(),
                    daysRemaining,
                    cycle.start(),
                    cycle.end(),
                    null);
        }
        Money chargeNow = Proration.chargeNow(cyclePrice, daysRemaining, cycle.days());
        return new PriceQuote(
                addOn,
                quantity,
                unitPrice,
                cyclePrice,
                chargeNow,
                cycle.days(),
                daysRemaining,
                cycle.start(),
                cycle.end(),
                cycle.end());
    }
}
