package com.webinar.billing.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment the owner must authenticate (3-D Secure) waits at most {@link #ABANDONED_AFTER}: then it is given up
 * (the PaymentIntent cancelled, the purchase {@code FAILED}). 23 hours, under Stripe's 24 h idempotency window, so
 * a retry with the same key never reaches Stripe after Stripe has forgotten the key.
 */
public final class PaymentAuthentication {

    public static final Duration ABANDONED_AFTER = Duration.ofHours(23);

    /** Why an abandoned purchase failed, as its {@code addon.purchase_failed} event says. */
    public static final String ABANDONED_REASON = "authentication_abandoned";

    private PaymentAuthentication() {}

    /** Authentications asked for at or before this instant are abandoned at {@code now}. */
    public static Instant abandonedIfRequestedBy(Instant now) {
        return Objects.requireNonNull(now, "now").minus(ABANDONED_AFTER);
    }

    public static boolean isAbandoned(Instant requestedAt, Instant now) {
        return !Objects.requireNonNull(requestedAt, "requestedAt").isAfter(abandonedIfRequestedBy(now));
    }
}
