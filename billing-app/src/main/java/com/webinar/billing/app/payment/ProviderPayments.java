package com.webinar.billing.app.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to what the payment provider has on record, read back for reconciliation. Paged as the provider pages:
 * newest first, each page continuing after the last reference of the one before.
 */
public interface ProviderPayments {

    /** One payment as the provider has it; {@code invoiceId} is the one we gave in its metadata (null if none). */
    record ProviderPayment(
            String reference,
            String invoiceId,
            boolean succeeded,
            long amountMinor,
            String currency,
            Instant created) {}

    record Page(List<ProviderPayment> payments, boolean more) {
        public String last() {
            return payments.isEmpty() ? null : payments.getLast().reference();
        }
    }

    /** The provider could not be read: a reconciliation must fail rather than report a clean day. */
    final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** Payments created in {@code [from, to)}, after {@code startingAfter} (null: from the first). */
    Page page(Instant from, Instant to, String startingAfter);

    /** One payment by its reference; empty when the provider does not know it. */
    Optional<ProviderPayment> find(String reference);
}
