package com.webinar.billing.local;

import com.stripe.net.Webhook;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stripe events as Stripe sends them: pretty-printed JSON (so a re-serialised body would not match its signature)
 * signed with stripe-java's own {@code Webhook.Signature.generateSignatureHeader}, posted to {@code payment-webhook}
 * without a bearer token.
 */
final class StripeEvents {
    /** The %test value of billing.webhook.secrets, also answered by dev-webhook-secret. */
    static final String SECRET = "whsec_local_dev_5b1f0c2e9a7d4e6f8b3c1a0d2e4f6a8b";

    private StripeEvents() {}

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A PaymentIntent event ({@code payment_intent.succeeded} or {@code payment_intent.payment_failed}). */
    static String paymentIntentEvent(
            String eventId, String type, String intentId, long amount, String currency, Map<String, String> metadata) {
        String status = type.equals("payment_intent.succeeded") ? "succeeded" : "requires_payment_method";
        String lastError = type.equals("payment_intent.succeeded") ? "null" : """
                {
                        "code": "card_declined",
                        "decline_code": "insufficient_funds",
                        "message": "Your card has insufficient funds.",
                        "type": "card_error"
                      }""";
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "2025-03-31.basil",
                  "created": 1769076900,
                  "data": {
                    "object": {
                      "id": "%s",
                      "object": "payment_intent",
                      "amount": %d,
                      "amount_received": %d,
                      "currency": "%s",
                      "customer": "cus_test",
                      "description": "Webinar add-on — café ☕",
                      "last_payment_error": %s,
                      "livemode": false,
                      "metadata": %s,
                      "off_session": true,
                      "payment_method": "pm_test",
                      "status": "%s"
                    }
                  },
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": { "id": null, "idempotency_key": null },
                  "type": "%s"
                }
                """.formatted(
                        eventId,
                        intentId,
                        amount,
                        type.equals("payment_intent.succeeded") ? amount : 0,
                        currency,
                        lastError,
                        json(metadata),
                        status,
                        type);
    }

    /** {@code charge.refunded}: {@code amount_refunded} is the charge's running total of refunds. */
    static String chargeRefunded(String eventId, String intentId, long amount, long amountRefunded, String currency) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "2025-03-31.basil",
                  "created": 1769076900,
                  "data": {
                    "object": {
                      "id": "ch_%s",
                      "object": "charge",
                      "amount": %d,
                      "amount_captured": %d,
                      "amount_refunded": %d,
                      "currency": "%s",
                      "metadata": {},
                      "paid": true,
                      "payment_intent": "%s",
                      "refunded": %s,
                      "status": "succeeded"
                    }
                  },
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": { "id": null, "idempotency_key": null },
                  "type": "charge.refunded"
                }
                """.formatted(
                        eventId,
                        intentId.substring(3),
                        amount,
                        amount,
                        amountRefunded,
                        currency,
                        intentId,
                        amountRefunded == amount);
    }

    static String otherEvent(String eventId, String type) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "data": { "object": { "id": "cus_x", "object": "customer", "email": null } },
                  "type": "%s"
                }
                """.formatted(eventId, type);
    }

    /** The header Stripe's library makes for this payload at this time. */
    static String signature(String payload, String secret, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Response deliver(String payload, Instant at) {
        return post(payload.getBytes(StandardCharsets.UTF_8), signature(payload, SECRET, at));
    }

    static Response post(byte[] body, String signatureHeader) {
        var request = Api.given().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8));
        if (signatureHeader != null) {
            request = request.header("Stripe-Signature", signatureHeader);
        }
        return request.body(body).when().post("/payment-webhook");
    }

    private static String json(Map<String, String> metadata) {
        return metadata.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
