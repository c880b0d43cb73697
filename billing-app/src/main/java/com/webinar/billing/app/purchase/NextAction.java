package com.webinar.billing.app.purchase;

import com.webinar.billing.model.PaymentAuthenticationRepository;

/**
 * What the front end must do to finish a payment: {@code authenticate} = pass {@code clientSecret} to Stripe.js
 * ({@code stripe.handleNextAction}) so the owner completes 3-D Secure; the payment webhook then settles it.
 */
public record NextAction(String type, String clientSecret) {
    public static final String AUTHENTICATE = "authenticate";

    public static NextAction of(PaymentAuthenticationRepository.Requested requested) {
        return new NextAction(AUTHENTICATE, requested.clientSecret());
    }
}
