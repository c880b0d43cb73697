package com.webinar.billing.core;

import java.util.Objects;

/** R3: the share of a cycle's price for the days left in it. */
public final class Proration {

    private Proration() {}

    /**
     * {@code round_half_up(cyclePrice * daysRemaining / cycleDays)}, on the whole line, in long
     * arithmetic.
     */
    public static Money chargeNow(Money cyclePrice, int daysRemaining, int cycleDays) {
        Objects.requireNonNull(cyclePrice, "cyclePrice");
        if (cyclePrice.minor() < 0) {
            throw new IllegalArgumentException("A cycle price cannot be negative: " + cyclePrice.minor());
        }
        if (daysRemaining <= 0 || daysRemaining > cycleDays) {
            throw new IllegalArgumentException("Days remaining must be in 1.." + cycleDays + ", was " + daysRemaining);
        }
        long numerator = Math.multiplyExact(cyclePrice.minor(), (long) daysRemaining);
        long quotient = numerator / cycleDays;
        long remainder = numerator % cycleDays;
        // remainder < cycleDays, so doubling it cannot overflow.
        long rounded = 2 * remainder >= cycleDays ? quotient + 1 : quotient;
        return new Money(rounded, cyclePrice.currency());
    }
}
