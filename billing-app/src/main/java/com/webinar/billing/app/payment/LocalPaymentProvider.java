package com.webinar.billing.app.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The provider of local mode and tests: accepts every charge, except for payers whose user id ends in
 * {@code -declined}. Like a real provider it answers a repeated payment key with the first result. Chosen by
 * {@link PaymentProviders} ({@code billing.payment-provider=local}); injectable by its own type in tests.
 */
@Typed(LocalPaymentProvider.class)
@ApplicationScoped
public class LocalPaymentProvider implements PaymentProvider {
    private final Map<String, ChargeResult> resultsByKey = new ConcurrentHashMap<>();
    private final List<Charge> taken = new CopyOnWriteArrayList<>();
    private final List<Charge> asked = new CopyOnWriteArrayList<>();

    @Override
    public ChargeResult charge(Charge charge) {
        asked.add(charge);
        return resultsByKey.computeIfAbsent(charge.paymentKey(), key -> {
            taken.add(charge);
            String reference = "local_" + key;
            return charge.payerUserId().endsWith("-declined")
                    ? new ChargeResult.Refused(reference, "card_declined")
                    : new ChargeResult.Paid(reference);
        });
    }

    /** Distinct charges taken so far: what would appear on the owner's card statement. */
    public List<Charge> charges() {
        return List.copyOf(taken);
    }

    /** Every call, repeated payment keys included: what tests count to see a second charge attempt. */
    public List<Charge> attempts() {
        return List.copyOf(asked);
    }
}
