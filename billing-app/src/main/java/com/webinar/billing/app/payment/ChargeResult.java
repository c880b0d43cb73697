package com.webinar.billing.app.payment;

/** What the provider answered. {@code Pending} also covers "no answer yet": the webhook settles it later. */
public sealed interface ChargeResult {
    record Paid(String reference) implements ChargeResult {}

    record Refused(String reference, String reason) implements ChargeResult {}

    record Pending(String reference, String reason) implements ChargeResult {}
}
