package com.webinar.billing.core;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The payment key of an invoice: unique per invoice and sent to the provider as its idempotency key, so that no
 * retry of ours charges twice. A renewal retry is a new attempt under a key of its own, else the provider would
 * answer it with the refusal it kept for the first one.
 */
public final class PaymentKeys {
    private PaymentKeys() {}

    public static String purchase(UUID purchaseId) {
        return "purchase-" + purchaseId;
    }

    public static String renewal(String accountId, LocalDate cycleStart) {
        return "renewal-" + accountId + "-" + cycleStart;
    }

    /** The key of the {@code retry}-th retry (1, 2, 3) of an invoice's payment. */
    public static String retry(String paymentKey, int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, not " + retry);
        }
        return paymentKey + "-retry-" + retry;
    }
}
