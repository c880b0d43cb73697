package com.webinar.billing.app.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The provider of local mode and tests: accepts every charge, except for payers whose user id ends in
 * {@code -declined} (refused) or {@code -3ds} (the owner must authenticate: {@link ChargeResult.NeedsAuthentication}
 * when present, else refused as {@code authentication_required}). Like a real provider it answers a repeated payment key with the first result. Chosen by
 * {@link PaymentProviders} ({@code billing.payment-provider=local}); injectable by its own type in tests.
 */
@Typed(LocalPaymentProvider.class)
@ApplicationScoped
public class LocalPaymentProvider implements PaymentProvider {
    private final Map<String, ChargeResult> resultsByKey = new ConcurrentHashMap<>();
    // queues, not copy-on-write lists: a tick of a million renewals appends a million times, and a copy-on-write
    // list copies itself whole on each append (the renewal benchmark's cost per account grew with the backlog)
    private final Queue<Charge> taken = new ConcurrentLinkedQueue<>();
    private final Queue<String> cancelled = new ConcurrentLinkedQueue<>();
    private final Queue<Charge> asked = new ConcurrentLinkedQueue<>();

    /** Off: the calls are not kept for {@link #attempts()} and {@link #charges()} (a benchmark's million). */
    private volatile boolean keepingCalls = true;

    @Override
    public ChargeResult charge(Charge charge) {
        if (keepingCalls) {
            asked.add(charge);
        }
        return resultsByKey.computeIfAbsent(charge.paymentKey(), key -> {
            if (keepingCalls) {
                taken.add(charge);
            }
            String reference = "local_" + key;
            if (charge.payerUserId().endsWith("-declined")) {
                return new ChargeResult.Refused(reference, "card_declined");
            }
            if (charge.payerUserId().endsWith("-3ds")) {
                return charge.ownerPresent()
                        ? new ChargeResult.NeedsAuthentication(reference, reference + "_secret")
                        : new ChargeResult.Refused(reference, ChargeResult.AUTHENTICATION_REQUIRED);
            }
            return new ChargeResult.Paid(reference);
        });
    }

    @Override
    public boolean cancel(String reference) {
        cancelled.add(reference);
        return true;
    }

    /** Whether calls are kept for {@link #attempts()} and {@link #charges()}; answers stay idempotent either way. */
    public void keepCalls(boolean keep) {
        keepingCalls = keep;
    }

    /** References of the payments given up so far. */
    public List<String> cancelled() {
        return List.copyOf(cancelled);
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
