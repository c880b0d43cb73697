package com.webinar.billing.app.payment;

/** What the provider answered. {@code Pending} also covers "no answer yet": the webhook settles it later. */
public sealed interface ChargeResult {
    /** The provider's id of the payment (a PaymentIntent); null when there is none (no answer, a refused request). */
    String reference();

    record Paid(String reference) implements ChargeResult {}

    record Refused(String reference, String reason) implements ChargeResult {}

    record Pending(String reference, String reason) implements ChargeResult {}

    /**
     * The owner must authenticate the payment (3-D Secure) with the provider's front-end library and {@code
     * clientSecret}; the webhook settles it. Only ever the answer to a charge made with the owner present.
     */
    record NeedsAuthentication(String reference, String clientSecret) implements ChargeResult {}

    /** Why a renewal charged without the owner fails when the bank wants the owner. */
    String AUTHENTICATION_REQUIRED = "authentication_required";

    /** An off-session charge cannot be authenticated by anyone: its request for authentication is a refusal. */
    static ChargeResult offSession(ChargeResult result) {
        return result instanceof NeedsAuthentication asked
                ? new Refused(asked.reference(), AUTHENTICATION_REQUIRED)
                : result;
    }
}
