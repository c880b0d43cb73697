package com.webinar.billing.local;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

/** WireMock playing Stripe's API over real HTTP, and the profile that points the Stripe adapter at it. */
public class StripeWireMock implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link WireMockServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectStripe {}

    /**
     * {@code billing.payment-provider=stripe} against WireMock: no backoff wait, a short request timeout. The
     * timeout stays well under the 2 s the TIMEOUT case delays its answer, and well over what WireMock takes on a
     * loaded 2-core machine (0.5 s was not: a plain answer timed out and was asked again).
     */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "billing.payment-provider", "stripe",
                    "billing.stripe.secret-key", "sk_test_addon_billing_tests",
                    "billing.stripe.max-attempts", "3",
                    "billing.stripe.retry-backoff", "PT0S",
                    "billing.stripe.request-timeout", "PT1.2S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StripeWireMock.class));
        }
    }

    /** Gives the account a Stripe customer {@code cus_<suffix>} with the saved card {@code pm_card_cus_<suffix>}. */
    static String saveCard(Api api, Api.Account account, String suffix) {
        String customer = "cus_" + suffix;
        api.execute(
                "update account set stripe_customer_id = ?, stripe_payment_method_id = ? where id = ?",
                customer,
                "pm_card_" + customer,
                account.id());
        return customer;
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().containerThreads(20));
        server.start();
        return Map.of("billing.stripe.api-base", server.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                server, new TestInjector.AnnotatedAndMatchesType(InjectStripe.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
