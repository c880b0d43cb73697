package com.webinar.billing.app.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * The seam between the payment webhook and renewals (R8): what the provider said, later, about the charge of a
 * {@code RENEWAL} invoice. Called inside the webhook's transaction, after the event id was recorded, so an
 * exception rolls the whole event back and the provider redelivers it. Implementations are idempotent per
 * outcome and must let a late failure never undo a recorded success. {@code paymentKey}: the payment key the charge
 * was asked under ({@code metadata.paymentKey}, null when the event has none), which tells the owner's on-session
 * attempts ({@code pay-past-due}) from the tick's.
 */
public interface RenewalPayments {
    void settle(UUID invoiceId, String paymentKey, ChargeResult result, Instant now);
}
