package com.webinar.billing.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** R4: a quote binds for 15 minutes, once, within the cycle it was made in. */
public final class QuoteValidity {

    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private QuoteValidity() {}

    public static Instant expiresAt(Instant createdAt) {
        return createdAt.plus(LIFETIME);
    }

    public static void requireUsable(
            Instant expiresAt,
            boolean alreadyUsed,
            LocalDate quotedCycleStart,
            LocalDate currentCycleStart,
            Instant now) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(quotedCycleStart, "quotedCycleStart");
        Objects.requireNonNull(currentCycleStart, "currentCycleStart");
        Objects.requireNonNull(now, "now");
        if (alreadyUsed) {
            throw BillingException.of(BillingError.QUOTE_EXPIRED, "The quote was already used");
        }
        if (!now.isBefore(expiresAt)) {
            throw BillingException.of(BillingError.QUOTE_EXPIRED, "The quote expired at " + expiresAt);
        }
        if (!quotedCycleStart.equals(currentCycleStart)) {
            // Its prices were computed for days that are no longer the ones left.
            throw BillingException.of(
                    BillingError.QUOTE_EXPIRED, "The quote was made in the cycle starting " + quotedCycleStart);
        }
    }

    /**
     * A quote made before the account's terms changed (a period change scheduled or dropped, a plan left or
     * joined, another zone) priced a renewal or days that are no longer the ones it would buy.
     */
    public static void requireMadeUnderCurrentTerms(Instant quotedAt, Instant termsChangedAt) {
        Objects.requireNonNull(quotedAt, "quotedAt");
        if (termsChangedAt != null && quotedAt.isBefore(termsChangedAt)) {
            throw BillingException.of(
                    BillingError.QUOTE_EXPIRED,
                    "The account's plan changed at " + termsChangedAt + ", after the quote");
        }
    }
}
