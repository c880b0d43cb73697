package com.webinar.billing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webinar.billing.app.payment.stripe.StripeSignature;
import com.webinar.billing.app.payment.webhook.PaymentWebhook;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.http.JsonBodies;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PastDuePaymentRepository;
import com.webinar.billing.model.PaymentAuthenticationRepository;
import io.quarkus.funqy.Funq;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Local mode's owner finishing (or failing) the 3-D Secure challenge the local provider asked for (owners whose
 * user id ends in {@code -3ds}): the event Stripe would send ({@code payment_intent.succeeded} or {@code
 * payment_intent.payment_failed}) is signed with the local webhook secret and goes through the real webhook path,
 * signature check included. {@code invoiceId} names a purchase's invoice or a renewal invoice whose owner's
 * on-session payment ({@code pay-past-due}) waits for authentication.
 */
public class DevAuthenticate {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Request(UUID purchaseId, UUID invoiceId, String outcome) {}

    public record Delivered(String eventId, String type, boolean duplicate) {}

    /** {@code paymentKey}: the key the challenged payment was asked under (a purchase's, or an owner's attempt's). */
    private record Waiting(InvoiceEntity invoice, String providerReference, String paymentKey) {}

    @Inject
    LedgerRepository ledger;

    @Inject
    PaymentAuthenticationRepository authentications;

    @Inject
    PastDuePaymentRepository pastDue;

    @Inject
    PaymentWebhook webhook;

    @Inject
    Clock clock;

    @Funq("dev-authenticate")
    public Delivered authenticate(JsonNode body) {
        Request request = JsonBodies.read(body, Request.class);
        if ((request.purchaseId() == null) == (request.invoiceId() == null)) {
            throw new BillingException(BillingError.INVALID_REQUEST, "give either 'purchaseId' or 'invoiceId'");
        }
        if (!"succeeded".equals(request.outcome()) && !"failed".equals(request.outcome())) {
            throw new BillingException(BillingError.INVALID_REQUEST, "'outcome' is \"succeeded\" or \"failed\"");
        }
        Waiting waiting = QuarkusTransaction.requiringNew()
                .call(() -> waitingOf(request))
                .orElseThrow(() -> new BillingException(
                        BillingError.NOT_FOUND, "no payment of this purchase or invoice asked for authentication"));
        boolean succeeded = "succeeded".equals(request.outcome());
        String eventId = "evt_local_" + UUID.randomUUID().toString().replace("-", "");
        String type = succeeded ? "payment_intent.succeeded" : "payment_intent.payment_failed";
        byte[] payload = event(eventId, type, waiting, succeeded).getBytes(StandardCharsets.UTF_8);
        long at = clock.instant().getEpochSecond();
        String header = "t=" + at + ",v1=" + StripeSignature.sign(DevWebhookSecret.first(), at, payload);
        return new Delivered(eventId, type, webhook.receive(header, payload).duplicate());
    }

    private Optional<Waiting> waitingOf(Request request) {
        Optional<InvoiceEntity> invoice = request.invoiceId() != null
                ? ledger.findByIdOptional(request.invoiceId())
                : ledger.byPaymentKey("purchase-" + request.purchaseId());
        return invoice.flatMap(found -> authentications
                .of(found.id)
                .map(requested -> new Waiting(found, requested.providerReference(), found.paymentKey))
                .or(() -> pastDue.open(found.id)
                        .filter(attempt -> attempt.clientSecret() != null)
                        .map(attempt -> new Waiting(found, attempt.providerReference(), attempt.paymentKey()))));
    }

    /** Stripe's event shape, reduced to what the webhook reads. */
    private static String event(String eventId, String type, Waiting waiting, boolean succeeded) {
        ObjectNode intent = JSON.createObjectNode()
                .put("id", waiting.providerReference())
                .put("object", "payment_intent")
                .put("amount", waiting.invoice().totalMinor)
                .put("currency", waiting.invoice().currency.toLowerCase(Locale.ROOT))
                .put("status", succeeded ? "succeeded" : "requires_payment_method");
        if (succeeded) {
            intent.putNull("last_payment_error");
        } else {
            intent.putObject("last_payment_error")
                    .put("code", "payment_intent_authentication_failure")
                    .put("type", "invalid_request_error");
        }
        intent.putObject("metadata")
                .put("invoiceId", waiting.invoice().id.toString())
                .put("paymentKey", waiting.paymentKey());
        ObjectNode event = JSON.createObjectNode()
                .put("id", eventId)
                .put("object", "event")
                .put("type", type)
                .put("livemode", false);
        event.putObject("data").set("object", intent);
        return event.toString();
    }
}
