package com.webinar.billing.app.payment.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.RenewalPayments;
import com.webinar.billing.app.purchase.PurchaseSettlement;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.WebhookSignature;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.InvoiceLineEntity;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PaymentEventEntity;
import com.webinar.billing.model.WebhookEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * R12: Stripe's events about our charges. The signature is checked over the raw body first (else {@code 400
 * invalid_signature}, no effect). Then one transaction records the event id and applies the event; the answer is
 * sent only once it committed, and any failure (database down, a payment we have not committed yet) rolls back the
 * event id too, so that Stripe's redelivery applies it.
 *
 * <ul>
 *   <li>{@code payment_intent.succeeded} / {@code payment_intent.payment_failed}: the invoice named by {@code
 *       metadata.invoiceId} (or {@code metadata.paymentKey}) is settled: a purchase through {@link
 *       PurchaseSettlement}, a renewal through {@link RenewalPayments}. Metadata naming an invoice or payment key
 *       we do not have, or no metadata at all: not ours, acknowledged and logged (an invoice is always committed
 *       before its payment is asked for, so it is never merely "not yet" there).
 *   <li>{@code charge.refunded}: the refunded amount beyond what the ledger records is appended as a {@code
 *       REFUNDED} payment event (ledger only; the purchase keeps its status).
 *   <li>any other type: acknowledged and logged.
 * </ul>
 */
@ApplicationScoped
public class PaymentWebhook {
    private static final Logger LOG = Logger.getLogger(PaymentWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(boolean received, boolean duplicate) {}

    private record Event(String id, String type, JsonNode object) {}

    @Inject
    Clock clock;

    @Inject
    WebhookEventRepository events;

    @Inject
    LedgerRepository ledger;

    @Inject
    PurchaseSettlement purchases;

    @Inject
    RenewalPayments renewals;

    @Inject
    BusinessMetrics metrics;

    public Answer receive(String signatureHeader, byte[] rawBody) {
        List<String> secrets = secrets();
        try {
            WebhookSignature.verify(secrets, signatureHeader, rawBody, clock.instant());
        } catch (BillingException e) {
            metrics.webhookSignatureFailure();
            throw e;
        }
        Event event = parse(rawBody);
        MDC.put("eventId", event.id());
        try {
            Answer answer = QuarkusTransaction.requiringNew().call(() -> apply(event));
            metrics.webhookEvent(event.type(), answer.duplicate() ? "duplicate" : "applied");
            return answer;
        } catch (BillingException e) {
            metrics.webhookEvent(event.type(), e.error().code());
            throw e;
        } catch (QuarkusTransactionException e) {
            metrics.webhookEvent(event.type(), BillingError.UNAVAILABLE.code());
            // the commit failed (the database went away, a deferred constraint...): nothing of the event remains,
            // so Stripe must deliver it again. The reason is a suppressed exception Narayana keeps, not a cause.
            LOG.warnf("event %s (%s) could not be committed: %s", event.id(), event.type(), e.toString());
            throw new BillingException(BillingError.UNAVAILABLE, "the event could not be recorded; retry");
        }
    }

    private Answer apply(Event event) {
        Instant now = clock.instant();
        if (!events.record(event.id(), event.type(), now)) {
            LOG.infof("event %s (%s) was delivered again: nothing to do", event.id(), event.type());
            return new Answer(true, true);
        }
        switch (event.type()) {
            case "payment_intent.succeeded" -> settle(event, new ChargeResult.Paid(text(event.object(), "id")), now);
            case "payment_intent.payment_failed" -> {
                JsonNode error = event.object().path("last_payment_error");
                String reason = Optional.ofNullable(text(error, "decline_code"))
                        .or(() -> Optional.ofNullable(text(error, "code")))
                        .orElse("payment_failed");
                settle(event, new ChargeResult.Refused(text(event.object(), "id"), reason), now);
            }
            case "charge.refunded" -> refund(event, now);
            default -> LOG.infof("event %s of type %s acknowledged and ignored", event.id(), event.type());
        }
        return new Answer(true, false);
    }

    private void settle(Event event, ChargeResult result, Instant now) {
        Optional<InvoiceEntity> found = invoiceNamedBy(event, null);
        if (found.isEmpty()) {
            return;
        }
        InvoiceEntity invoice = found.get();
        MDC.put("invoiceId", invoice.id.toString());
        MDC.put("accountId", invoice.accountId);
        long amount = event.object().path("amount").asLong(invoice.totalMinor);
        if (amount != invoice.totalMinor
                || !invoice.currency.equalsIgnoreCase(
                        event.object().path("currency").asText(invoice.currency))) {
            LOG.warnf(
                    "event %s: amount %d differs from invoice %s (%d %s)",
                    event.id(), amount, invoice.id, invoice.totalMinor, invoice.currency);
        }
        switch (invoice.kind) {
            case PURCHASE -> {
                List<InvoiceLineEntity> lines = ledger.linesOf(invoice.id);
                purchases.settle(lines.getFirst().purchaseId, invoice, result, now);
            }
            case RENEWAL -> renewals.settle(invoice.id, result, now);
        }
    }

    private void refund(Event event, Instant now) {
        JsonNode charge = event.object();
        Optional<InvoiceEntity> found = invoiceNamedBy(event, text(charge, "payment_intent"));
        if (found.isEmpty()) {
            return;
        }
        InvoiceEntity invoice = found.get();
        // amount_refunded is the charge's running total: only what goes beyond the ledger is new, in any order
        long refunded = charge.path("amount_refunded").asLong(0);
        long already = ledger.refundedMinor(invoice.id);
        if (refunded <= already) {
            LOG.infof("event %s: refunds of invoice %s are already recorded", event.id(), invoice.id);
            return;
        }
        PaymentEventEntity entry = new PaymentEventEntity();
        entry.invoiceId = invoice.id;
        entry.outcome = PaymentEventEntity.Outcome.REFUNDED;
        entry.amountMinor = refunded - already;
        entry.providerReference = text(charge, "id");
        entry.recordedAt = now;
        ledger.append(entry);
        LOG.infof("invoice %s: %d refunded (event %s)", invoice.id, entry.amountMinor, event.id());
    }

    /**
     * The invoice an event's object names by its metadata, else (refunds) the invoice a PaymentIntent was recorded
     * for. Empty when nothing names one of ours (logged).
     */
    private Optional<InvoiceEntity> invoiceNamedBy(Event event, String paymentIntent) {
        JsonNode metadata = event.object().path("metadata");
        String invoiceId = text(metadata, "invoiceId");
        String paymentKey = text(metadata, "paymentKey");
        if (invoiceId == null && paymentKey == null) {
            Optional<InvoiceEntity> byReference = paymentIntent == null
                    ? Optional.empty()
                    : ledger.invoiceOfReference(paymentIntent).flatMap(ledger::findByIdOptional);
            if (byReference.isEmpty()) {
                LOG.infof("event %s (%s) is about no payment of ours: acknowledged", event.id(), event.type());
            }
            return byReference;
        }
        Optional<InvoiceEntity> invoice = Optional.empty();
        if (invoiceId != null) {
            try {
                invoice = ledger.findByIdOptional(UUID.fromString(invoiceId));
            } catch (IllegalArgumentException e) {
                LOG.infof("event %s names invoice '%s', not one of ours: acknowledged", event.id(), invoiceId);
                return Optional.empty();
            }
        }
        if (invoice.isEmpty() && paymentKey != null) {
            invoice = ledger.byPaymentKey(paymentKey);
        }
        if (invoice.isEmpty()) {
            // every invoice is committed before its payment is asked for: one we do not have is none of ours
            LOG.warnf(
                    "event %s (%s) names invoice %s / payment key %s, which we do not have: acknowledged",
                    event.id(), event.type(), invoiceId, paymentKey);
        }
        return invoice;
    }

    private static Event parse(byte[] rawBody) {
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
        return new Event(id, type, root.path("data").path("object"));
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
