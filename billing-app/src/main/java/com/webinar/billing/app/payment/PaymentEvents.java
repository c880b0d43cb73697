package com.webinar.billing.app.payment;

/** The provider's webhook events, authenticated and in our words (Stripe: {@code stripe.StripeEvents}). */
public interface PaymentEvents {

    /**
     * The event in a request, once its signature proved it the provider's: else {@code 400 invalid_signature};
     * {@code 400 invalid_request} when it is no event; {@code 503 unavailable} when no secret is configured.
     */
    PaymentEvent authenticated(String signature, byte[] rawBody);
}
