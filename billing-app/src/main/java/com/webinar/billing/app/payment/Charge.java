package com.webinar.billing.app.payment;

import com.webinar.billing.core.Money;
import java.util.Map;

/**
 * One charge of the account owner's saved payment method. {@code paymentKey} names the invoice and is the
 * provider's idempotency key: asking twice with the same key charges once. {@code ownerPresent}: the owner is at
 * the keyboard (a purchase, {@code pay-past-due}) and can authenticate the payment; else (a renewal) the charge is
 * off-session and a request for authentication is a refusal.
 */
public record Charge(
        String paymentKey,
        String accountId,
        String payerUserId,
        Money amount,
        Map<String, String> metadata,
        boolean ownerPresent) {}
