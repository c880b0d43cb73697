package com.webinar.billing.app.payment;

import com.webinar.billing.app.payment.stripe.StripePaymentIntents;
import com.webinar.billing.app.payment.stripe.StripePaymentProvider;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the {@link PaymentProvider} by configuration: {@code billing.payment-provider=local|stripe} ({@code
 * local} in dev and tests, {@code stripe} otherwise; env {@code BILLING_PAYMENT_PROVIDER} in AWS), and the
 * {@link ProviderPayments} that reads the same provider's records back.
 */
@ApplicationScoped
public class PaymentProviders {

    @Produces
    @DefaultBean
    @ApplicationScoped
    PaymentProvider provider(
            @ConfigProperty(name = "billing.payment-provider") String name,
            Instance<LocalPaymentProvider> local,
            Instance<StripePaymentProvider> stripe) {
        return isStripe(name) ? stripe.get() : local.get();
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    ProviderPayments records(
            @ConfigProperty(name = "billing.payment-provider") String name,
            Instance<LocalPaymentProvider> local,
            Instance<StripePaymentIntents> stripe) {
        return isStripe(name) ? stripe.get() : local.get();
    }

    private static boolean isStripe(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "local" -> false;
            case "stripe" -> true;
            default ->
                throw new IllegalStateException(
                        "billing.payment-provider must be 'local' or 'stripe', not '" + name + "'");
        };
    }
}
