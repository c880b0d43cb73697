package com.webinar.billing.app.renewal;

import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.payment.Charge;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.PaymentProvider;
import com.webinar.billing.app.purchase.NextAction;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.InvoiceNumber;
import com.webinar.billing.core.InvoiceStatus;
import com.webinar.billing.core.Money;
import com.webinar.billing.core.PaymentKeys;
import com.webinar.billing.core.PaymentOutcome;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PastDuePaymentRepository;
import com.webinar.billing.model.PastDuePaymentRepository.Attempt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * {@code pay-past-due}: the owner, at the keyboard, pays the renewal in its grace period (R8) on-session, so the bank
 * can ask for 3-D Secure. As a purchase does: the attempt is committed before the provider is asked (under the
 * attempt's own payment key, {@link PaymentKeys#ownerAttempt}), the answer recorded after ({@link PastDueSettlement}); a call
 * while the attempt waits for the owner answers the same {@link NextAction} without asking again, and a call after
 * an attempt that got no answer asks again under the same key. Several renewals in their grace period (not possible
 * while the grace period is shorter than a cycle) are paid one call each, oldest first.
 */
@ApplicationScoped
public class PayPastDue {
    private static final Logger LOG = Logger.getLogger(PayPastDue.class);
    /** As long as a tick's lease: the open attempt keeps the tick away after it. */
    private static final Duration LEASE = Duration.ofMinutes(10);

    /**
     * {@code status}: {@code PAID} (the renewal's purchases are {@code ACTIVE} again), {@code OPEN} (waiting for the
     * owner's authentication, see {@code nextAction}, or for the provider: the webhook settles it) or {@code FAILED}
     * (refused: the grace period goes on). {@code amountCharged} is {@code 0.00} when refused.
     */
    public record Answer(
            UUID invoiceId,
            String number,
            InvoiceStatus status,
            String amountCharged,
            String currency,
            NextAction nextAction) {}

    /** {@code ask}: the provider must be asked (a new attempt, or one that got no answer). */
    private record Opened(InvoiceEntity invoice, Attempt attempt, boolean ask) {}

    @Inject
    PastDuePaymentRepository pastDue;

    @Inject
    LedgerRepository ledger;

    @Inject
    PastDueSettlement settlement;

    @Inject
    PaymentProvider provider;

    @Inject
    Clock clock;

    public Answer pay(Caller caller) {
        caller.requireOwner();
        Opened opened = QuarkusTransaction.requiringNew().call(() -> open(caller));
        MDC.put("invoiceId", opened.invoice().id.toString());
        if (opened.ask()) {
            ChargeResult result = charge(caller, opened);
            QuarkusTransaction.requiringNew()
                    .run(() -> settlement.settleLocked(
                            opened.invoice().id, opened.attempt().paymentKey(), result, clock.instant()));
        }
        return QuarkusTransaction.requiringNew().call(() -> answerOf(opened.invoice()));
    }

    private Opened open(Caller caller) {
        PastDuePaymentRepository.Owed owed = pastDue.oldestLocked(caller.accountId(), "PAST_DUE")
                .orElseThrow(() -> new BillingException(
                        BillingError.NOTHING_PAST_DUE, "the account owes nothing: no renewal is in its grace period"));
        InvoiceEntity invoice = ledger.findById(owed.invoiceId());
        Optional<Attempt> open = pastDue.open(invoice.id);
        if (open.isPresent()) {
            return new Opened(invoice, open.get(), open.get().clientSecret() == null);
        }
        Instant now = clock.instant();
        if (owed.leasedUntil() != null && owed.leasedUntil().isAfter(now)) {
            throw new BillingException(
                    BillingError.PAYMENT_IN_PROGRESS,
                    "a payment of this invoice is in progress; its outcome shows in billing-details and invoices");
        }
        int attempt = pastDue.nextAttempt(invoice.id);
        String key = PaymentKeys.ownerAttempt(invoice.paymentKey, attempt);
        pastDue.start(invoice.id, attempt, key, now);
        pastDue.lease(invoice.id, now.plus(LEASE));
        return new Opened(invoice, new Attempt(invoice.id, attempt, key, now, null, null, true), true);
    }

    private ChargeResult charge(Caller caller, Opened opened) {
        InvoiceEntity invoice = opened.invoice();
        Charge charge = new Charge(
                opened.attempt().paymentKey(),
                invoice.accountId,
                caller.userId(),
                Money.of(invoice.totalMinor, invoice.currency),
                Map.of("invoiceId", invoice.id.toString(), "kind", "renewal"),
                true);
        try {
            return provider.charge(charge);
        } catch (RuntimeException e) {
            LOG.warnf("no answer from the payment provider for %s: %s", charge.paymentKey(), e.toString());
            return new ChargeResult.Pending(null, "no answer from the payment provider");
        }
    }

    private Answer answerOf(InvoiceEntity invoice) {
        Optional<Attempt> open = pastDue.open(invoice.id);
        List<PaymentOutcome> outcomes = ledger.paymentsOf(List.of(invoice.id)).stream()
                .map(p -> PaymentOutcome.valueOf(p.outcome.name()))
                .toList();
        // an attempt still open is waiting (for the owner, or for the provider) whatever the ledger said before it
        InvoiceStatus status = open.isPresent() ? InvoiceStatus.OPEN : InvoiceStatus.of(invoice.totalMinor, outcomes);
        String currency = invoice.currency.trim();
        return new Answer(
                invoice.id,
                new InvoiceNumber(invoice.numberYear, invoice.numberSeq).toString(),
                status,
                Money.of(status == InvoiceStatus.FAILED ? 0 : invoice.totalMinor, currency)
                        .toDecimalString(),
                currency,
                open.map(Attempt::clientSecret)
                        .map(secret -> new NextAction(NextAction.AUTHENTICATE, secret))
                        .orElse(null));
    }
}
