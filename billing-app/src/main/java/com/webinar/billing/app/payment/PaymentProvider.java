package com.webinar.billing.app.payment;

/** The port to whoever takes the money. Implementations never throw for a refusal or a missing answer. */
public interface PaymentProvider {
    ChargeResult charge(Charge charge);
}
