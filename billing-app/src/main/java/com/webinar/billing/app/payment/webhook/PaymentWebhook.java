package com.webinar.billing.app.payment.webhook;

import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.PaymentEvent;
import com.webinar.billing.app.payment.PaymentEvents;
import com.webinar.billing.app.payment.RenewalPayments;
import com.webinar.billing.app.purchase.PurchaseSettlement;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.InvoiceLineEntity;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PaymentEventEntity;
import com.webinar.billing.model.WebhookEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * R12: the payment provider's events about our charges, as {@link PaymentEvents} hands them over, authenticated
 * (else {@code 400 invalid_signature}, no effect) and in our words. Then one transaction records the event id and
 * dispatches the event; the answer is sent only once it committed, and any failure (database down, a payment we
 * have not committed yet) rolls back the event id too, so that the provider's redelivery applies it.
 *
 * <ul>
 *   <li>paid / refused: the invoice the event names by our invoice id (or payment key) is settled: a purchase
 *       through {@link PurchaseSettlement}, a renewal through {@link RenewalPayments}. An invoice id or payment key
 *       we do not have, or none at all: not ours, acknowledged and logged (an invoice is always committed before its
 *       payment is asked for, so it is never merely "not yet" there).
 *   <li>refunded: the refunded amount beyond what the ledger records is appended as a {@code REFUNDED} payment
 *       event (ledger only; the purchase keeps its status).
 *   <li>needs authentication, or anything else: acknowledged and logged.
 * </ul>
 */
@ApplicationScoped
public class PaymentWebhook {
    private static final Logger LOG = Logger.getLogger(PaymentWebhook.class);

    public record Answer(boolean received, boolean duplicate) {}

    @Inject
    Clock clock;

    @Inject
    PaymentEvents provider;

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

    public Answer receive(String signature, byte[] rawBody) {
        PaymentEvent event = verify(signature, rawBody);
        MDC.put("eventId", event.id());
        try {
            Answer answer = QuarkusTransaction.requiringNew().call(() -> recordAndDispatch(event));
            metrics.webhookEvent(event.type(), answer.duplicate() ? "duplicate" : "applied");
            return answer;
        } catch (BillingException e) {
            metrics.webhookEvent(event.type(), e.error().code());
            throw e;
        } catch (QuarkusTransactionException e) {
            metrics.webhookEvent(event.type(), BillingError.UNAVAILABLE.code());
            // the commit failed (the database went away, a deferred constraint...): nothing of the event remains,
            // so the provider must deliver it again. The reason is a suppressed exception Narayana keeps, not a cause.
            LOG.warnf("event %s (%s) could not be committed: %s", event.id(), event.type(), e.toString());
            throw new BillingException(BillingError.UNAVAILABLE, "the event could not be recorded; retry");
        }
    }

    private PaymentEvent verify(String signature, byte[] rawBody) {
        try {
            return provider.authenticated(signature, rawBody);
        } catch (BillingException e) {
            if (e.error() == BillingError.INVALID_SIGNATURE) {
                metrics.webhookSignatureFailure();
            }
            throw e;
        }
    }

    private Answer recordAndDispatch(PaymentEvent event) {
        Instant now = clock.instant();
        if (!events.record(event.id(), event.type(), now)) {
            LOG.infof("event %s (%s) was delivered again: nothing to do", event.id(), event.type());
            return new Answer(true, true);
        }
        switch (event.fact()) {
            case PaymentEvent.Paid paid ->
                settle(
                        event,
                        paid.payment(),
                        new ChargeResult.Paid(paid.payment().providerReference()),
                        paid.amountMinor(),
                        paid.currency(),
                        now);
            case PaymentEvent.Refused refused ->
                settle(
                        event,
                        refused.payment(),
                        new ChargeResult.Refused(refused.payment().providerReference(), refused.reason()),
                        refused.amountMinor(),
                        refused.currency(),
                        now);
            case PaymentEvent.Refunded refunded -> refund(event, refunded, now);
            case PaymentEvent.NeedsAuthentication needs -> acknowledge(event);
            case PaymentEvent.Other other -> acknowledge(event);
        }
        return new Answer(true, false);
    }

    private static void acknowledge(PaymentEvent event) {
        LOG.infof("event %s of type %s acknowledged and ignored", event.id(), event.type());
    }

    private void settle(
            PaymentEvent event,
            PaymentEvent.Payment payment,
            ChargeResult result,
            Long amountMinor,
            String currency,
            Instant now) {
        Optional<InvoiceEntity> found = invoiceNamedBy(event, payment, false);
        if (found.isEmpty()) {
            return;
        }
        InvoiceEntity invoice = found.get();
        MDC.put("invoiceId", invoice.id.toString());
        MDC.put("accountId", invoice.accountId);
        long amount = amountMinor == null ? invoice.totalMinor : amountMinor;
        if (amount != invoice.totalMinor
                || !invoice.currency.equalsIgnoreCase(currency == null ? invoice.currency : currency)) {
            LOG.warnf(
                    "event %s: amount %d differs from invoice %s (%d %s)",
                    event.id(), amount, invoice.id, invoice.totalMinor, invoice.currency);
        }
        switch (invoice.kind) {
            case PURCHASE -> {
                List<InvoiceLineEntity> lines = ledger.linesOf(invoice.id);
                purchases.settle(lines.getFirst().purchaseId, invoice, result, now);
            }
            case RENEWAL -> renewals.settle(invoice.id, payment.paymentKey(), result, now);
        }
    }

    private void refund(PaymentEvent event, PaymentEvent.Refunded refunded, Instant now) {
        Optional<InvoiceEntity> found = invoiceNamedBy(event, refunded.payment(), true);
        if (found.isEmpty()) {
            return;
        }
        InvoiceEntity invoice = found.get();
        // the refunded total is the charge's running total: only what goes beyond the ledger is new, in any order
        long already = ledger.refundedMinor(invoice.id);
        if (refunded.refundedMinor() <= already) {
            LOG.infof("event %s: refunds of invoice %s are already recorded", event.id(), invoice.id);
            return;
        }
        PaymentEventEntity entry = new PaymentEventEntity();
        entry.invoiceId = invoice.id;
        entry.outcome = PaymentEventEntity.Outcome.REFUNDED;
        entry.amountMinor = refunded.refundedMinor() - already;
        entry.providerReference = refunded.chargeReference();
        entry.recordedAt = now;
        ledger.append(entry);
        LOG.infof("invoice %s: %d refunded (event %s)", invoice.id, entry.amountMinor, event.id());
    }

    /**
     * The invoice an event names by our invoice id or payment key, else (refunds, {@code byProviderReference}) the
     * invoice the provider's payment was recorded for. Empty when nothing names one of ours (logged).
     */
    private Optional<InvoiceEntity> invoiceNamedBy(
            PaymentEvent event, PaymentEvent.Payment payment, boolean byProviderReference) {
        String invoiceId = payment.invoiceId();
        String paymentKey = payment.paymentKey();
        if (invoiceId == null && paymentKey == null) {
            String reference = byProviderReference ? payment.providerReference() : null;
            Optional<InvoiceEntity> byReference = reference == null
                    ? Optional.empty()
                    : ledger.invoiceOfReference(reference).flatMap(ledger::findByIdOptional);
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
}
