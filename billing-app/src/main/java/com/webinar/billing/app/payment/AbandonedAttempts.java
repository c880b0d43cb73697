package com.webinar.billing.app.payment;

import com.webinar.billing.core.PaymentAuthentication;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How an on-session payment the owner never finished ({@link PaymentAuthentication#ABANDONED_AFTER}) is given up,
 * whatever it paid for: the provider cancels the payment first, so no late authentication takes the money, and only
 * then is the attempt settled as refused, each in its own transaction. A payment the provider could not be told
 * about is left for the next tick.
 */
@ApplicationScoped
public class AbandonedAttempts {

    @Inject
    PaymentProvider provider;

    /**
     * @param stale the attempts to give up, read in a transaction of their own
     * @param reference an attempt's provider reference ({@code null}: the provider never answered, nothing to cancel)
     * @param settleAsRefused records the refusal; run in a new transaction
     * @return the number of attempts given up
     */
    public <T> int giveUp(Supplier<List<T>> stale, Function<T, String> reference, Consumer<T> settleAsRefused) {
        List<T> attempts = QuarkusTransaction.requiringNew().call(stale::get);
        int given = 0;
        for (T attempt : attempts) {
            String providerReference = reference.apply(attempt);
            if (providerReference != null && !provider.cancel(providerReference)) {
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> settleAsRefused.accept(attempt));
            given++;
        }
        return given;
    }
}
