package com.webinar.billing.core;

import java.util.Objects;

/**
 * The owner's on-session payment of a renewal in its grace period ({@code pay-past-due}). Each attempt is a provider
 * payment of its own under its own idempotency key, distinct from the tick's off-session keys ({@code <key>} and
 * {@code <key>-retry-N}): asking again for one attempt charges once, and a new attempt after a refused or abandoned
 * one is never answered from the provider's cache of the old one.
 */
public final class PastDuePayment {

    private PastDuePayment() {}

    /** {@code invoicePaymentKey} is the renewal invoice's payment key; attempts count from 1. */
    public static String paymentKey(String invoicePaymentKey, int attempt) {
        Objects.requireNonNull(invoicePaymentKey, "invoicePaymentKey");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        return invoicePaymentKey + "-owner-" + attempt;
    }
}
