package com.webinar.billing.functions.paymentwebhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.payment.stripe.StripeSignature;
import com.webinar.billing.dev.LambdaEvents;
import com.webinar.billing.dev.LambdaEvents.Refusal;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployed path: API Gateway's HTTP API (payload 2.0) event, posted raw to the mock event server. The signature
 * is checked over the bytes Stripe sent, whether API Gateway passed them as text or base64, and a header with
 * several {@code v1} (a secret rotation) arrives whole.
 */
@QuarkusTest
class PaymentWebhookLambdaEventTest {

    @ConfigProperty(name = "billing.webhook.secrets")
    String secret;

    /** Pretty-printed, as Stripe sends it: a re-serialised body would not match its signature. */
    private static String event(String id) {
        return "{\n  \"id\": \"" + id + "\",\n  \"object\": \"event\",\n  \"type\": \"customer.created\",\n"
                + "  \"data\": { \"object\": { \"id\": \"cus_1\", \"name\": \"Café ☕\" } }\n}\n";
    }

    private String deliver(String body, String signature, boolean base64) {
        return LambdaEvents.send(LambdaEvents.post(
                "payment-webhook",
                Map.of("content-type", "application/json", "stripe-signature", signature),
                body,
                base64));
    }

    private String signature(String body) {
        long t = Clock.systemUTC().instant().getEpochSecond();
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return "t=" + t + ",v1=" + StripeSignature.sign("whsec_retired", t, raw) + ",v1="
                + StripeSignature.sign(secret, t, raw);
    }

    @ParameterizedTest(name = "base64 body: {0}")
    @ValueSource(booleans = {false, true})
    void a_signed_event_is_received_once_and_its_redelivery_is_a_duplicate(boolean base64) {
        String body = event("evt_" + UUID.randomUUID().toString().replace("-", ""));

        String first = deliver(body, signature(body), base64);
        String again = deliver(body, signature(body), base64);

        assertThat(LambdaEvents.statusOf(first)).as(first).isEqualTo(200);
        JsonNode received = LambdaEvents.bodyOf(first);
        assertThat(received.get("received").asBoolean()).isTrue();
        assertThat(received.get("duplicate").asBoolean()).isFalse();
        assertThat(LambdaEvents.bodyOf(again).get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void an_event_whose_body_was_changed_after_signing_answers_a_400_problem() {
        String body = event("evt_" + UUID.randomUUID().toString().replace("-", ""));

        String answer = deliver(body.replace("cus_1", "cus_2"), signature(body), false);

        assertThat(LambdaEvents.refusalOf(answer)).isEqualTo(new Refusal(400, "invalid_signature"));
    }
}
