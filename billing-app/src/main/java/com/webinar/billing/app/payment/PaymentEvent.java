package com.webinar.billing.app.payment;

/**
 * What the payment provider tells us about a payment, in our words: the payment webhook's input, made by the
 * provider's integration from an event it authenticated. {@code id} is the provider's event id (recorded, so that a
 * redelivery takes effect once), {@code type} the provider's name for it (for logs and metrics).
 */
public record PaymentEvent(String id, String type, Fact fact) {

    /**
     * Which payment: our invoice id and payment key as the provider echoes them (the metadata we charged with), and
     * the provider's own id of the payment. Any may be null.
     */
    public record Payment(String invoiceId, String paymentKey, String providerReference) {}

    public sealed interface Fact {}

    /** {@code amountMinor} and {@code currency}: what the provider says it took, null when it does not say. */
    public record Paid(Payment payment, Long amountMinor, String currency) implements Fact {}

    public record Refused(Payment payment, String reason, Long amountMinor, String currency) implements Fact {}

    /**
     * {@code refundedMinor}: all that was refunded of the charge so far, a running total (refund events may arrive
     * in any order); {@code chargeReference}: the provider's id of the charge.
     */
    public record Refunded(Payment payment, String chargeReference, long refundedMinor) implements Fact {}

    /** The payer must authenticate (3-D Secure): the purchase waits, and the event changes nothing here. */
    public record NeedsAuthentication(Payment payment) implements Fact {}

    /** Any other event: acknowledged and logged. */
    public record Other() implements Fact {}
}
