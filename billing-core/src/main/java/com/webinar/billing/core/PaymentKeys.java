package com.webinar.billing.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The keys an invoice is collected under, sent to the provider as idempotency keys: asking twice under one key
 * charges once, so every key is built here and nowhere else.
 */
public final class PaymentKeys {

    /** A renewal's key is this prefix, the account id, {@link #SEPARATOR} and the new cycle's first day. */
    public static final String RENEWAL_PREFIX = "renewal-";

    public static final String SEPARATOR = "-";

    private PaymentKeys() {}

    public static String purchase(UUID purchaseId) {
        return "purchase-" + Objects.requireNonNull(purchaseId, "purchaseId");
    }

    /** One per (account, cycle), as there is one renewal invoice per (account, cycle). */
    public static String renewal(String accountId, LocalDate cycleStart) {
        return RENEWAL_PREFIX
                + Objects.requireNonNull(accountId, "accountId")
                + SEPARATOR
                + Objects.requireNonNull(cycleStart, "cycleStart");
    }

    /**
     * The key of a renewal's {@code retry}-th retry (from 1): a retry is a new attempt, which the provider must not
     * answer with the refusal it cached for the attempt before.
     */
    public static String retry(String invoiceKey, int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1: " + retry);
        }
        return Objects.requireNonNull(invoiceKey, "invoiceKey") + "-retry-" + retry;
    }

    /** The key a renewal is charged under now: its invoice's, or a retry's once it has been refused. */
    public static String forAttempt(String invoiceKey, RenewalStatus status, int retriesSoFar) {
        return status == RenewalStatus.PAST_DUE ? retry(invoiceKey, retriesSoFar + 1) : invoiceKey;
    }

    /**
     * The key of the owner's {@code attempt}-th on-session payment (from 1) of a renewal in its grace period
     * ({@code pay-past-due}): distinct from the tick's keys, so a new attempt after a refused or abandoned one is
     * never answered from the provider's cache of the old one.
     */
    public static String ownerAttempt(String invoiceKey, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        return Objects.requireNonNull(invoiceKey, "invoiceKey") + "-owner-" + attempt;
    }
}
