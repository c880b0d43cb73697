package com.webinar.billing.app.payment;

/** The port to whoever takes the money. Implementations never throw for a refusal or a missing answer. */
public interface PaymentProvider {
    ChargeResult charge(Charge charge);

    /**
     * Gives up a payment that waits for the owner ({@link ChargeResult.NeedsAuthentication}): no later
     * authentication can take the money. False when the provider could not be told (a later tick asks again).
     */
    boolean cancel(String reference);
}
