package com.webinar.billing.app.payment.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webinar.billing.app.payment.PaymentEvent;
import com.webinar.billing.app.payment.PaymentEvents;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * R12: Stripe's webhook events. The {@code Stripe-Signature} is checked over the raw body with the secrets of {@code
 * billing.webhook.secrets} ({@link StripeSignature}), then the event is read into a {@link PaymentEvent}:
 *
 * <ul>
 *   <li>{@code payment_intent.succeeded} → paid; {@code payment_intent.payment_failed} → refused, for the reason of
 *       {@code last_payment_error} ({@code decline_code}, else {@code code}); {@code payment_intent.requires_action}
 *       → needs authentication. Our invoice and payment key are the PaymentIntent's {@code metadata}.
 *   <li>{@code charge.refunded} → refunded, {@code amount_refunded} being the charge's running total; the charge
 *       names its PaymentIntent, by which a refund without our metadata is still found.
 *   <li>any other type → other.
 * </ul>
 */
@ApplicationScoped
public class StripeEvents implements PaymentEvents {
    private static final Logger LOG = Logger.getLogger(StripeEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    @Override
    public PaymentEvent authenticated(String signature, byte[] rawBody) {
        StripeSignature.verify(secrets(), signature, rawBody, clock.instant());
        return read(rawBody);
    }

    /** The event in a body whose signature was checked. */
    static PaymentEvent read(byte[] rawBody) {
        JsonNode root;
        try {
            root = JSON.readTree(rawBody);
        } catch (IOException e) {
            throw new BillingException(BillingError.INVALID_REQUEST, "the event is not valid JSON");
        }
        String id = text(root, "id");
        String type = text(root, "type");
        if (id == null || type == null || id.isBlank() || id.length() > 255) {
            throw new BillingException(BillingError.INVALID_REQUEST, "the event has no id or no type");
        }
        return new PaymentEvent(id, type, fact(type, root.path("data").path("object")));
    }

    private static PaymentEvent.Fact fact(String type, JsonNode object) {
        return switch (type) {
            case "payment_intent.succeeded" ->
                new PaymentEvent.Paid(payment(object, text(object, "id")), amount(object), text(object, "currency"));
            case "payment_intent.payment_failed" -> {
                JsonNode error = object.path("last_payment_error");
                String reason = Optional.ofNullable(text(error, "decline_code"))
                        .or(() -> Optional.ofNullable(text(error, "code")))
                        .orElse("payment_failed");
                yield new PaymentEvent.Refused(
                        payment(object, text(object, "id")), reason, amount(object), text(object, "currency"));
            }
            case "payment_intent.requires_action" ->
                new PaymentEvent.NeedsAuthentication(payment(object, text(object, "id")));
            case "charge.refunded" ->
                new PaymentEvent.Refunded(
                        payment(object, text(object, "payment_intent")),
                        text(object, "id"),
                        object.path("amount_refunded").asLong(0));
            default -> new PaymentEvent.Other();
        };
    }

    /** Our names for the payment, from the metadata we sent with it, and the PaymentIntent's id. */
    private static PaymentEvent.Payment payment(JsonNode object, String paymentIntent) {
        JsonNode metadata = object.path("metadata");
        return new PaymentEvent.Payment(text(metadata, "invoiceId"), text(metadata, "paymentKey"), paymentIntent);
    }

    private static Long amount(JsonNode object) {
        JsonNode amount = object.get("amount");
        return amount == null || !amount.canConvertToLong() ? null : amount.asLong();
    }

    /** Read at each call, never at start-up: a rotation adds a secret without a redeploy. */
    private static List<String> secrets() {
        List<String> secrets = ConfigProvider.getConfig()
                .getOptionalValue("billing.webhook.secrets", String.class)
                .map(value -> Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
        if (secrets.isEmpty()) {
            LOG.error("billing.webhook.secrets is not configured: webhook events cannot be verified");
            throw new BillingException(BillingError.UNAVAILABLE, "the webhook is not configured");
        }
        return secrets;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
