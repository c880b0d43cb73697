package com.webinar.billing.app.purchase;

import com.webinar.billing.app.Require;
import com.webinar.billing.app.account.Accounts;
import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.Charge;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.PaymentProvider;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.PaymentKeys;
import com.webinar.billing.core.PurchaseEligibility;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.core.QuoteValidity;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.InvoiceLineEntity;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PaymentAuthenticationRepository;
import com.webinar.billing.model.PurchaseEntity;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.QuoteEntity;
import com.webinar.billing.model.QuoteRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * R4, R5: a purchase charges exactly the quoted {@code chargeNow}, once per idempotency key. The purchase and
 * its invoice are committed before the provider is asked, and the answer is recorded after, so a crash in
 * between leaves a {@code PENDING_PAYMENT} purchase that a retry (same key) or the webhook settles. The
 * provider sees the invoice's payment key every time, so no retry charges twice. The owner is present: when the
 * provider asks for authentication (3-D Secure), the answer carries the {@link NextAction} the front end finishes,
 * and a retry answers it again without asking the provider.
 */
@ApplicationScoped
public class BuyAddOn {
    private static final Logger LOG = Logger.getLogger(BuyAddOn.class);

    public record Request(UUID quoteId, String idempotencyKey) {}

    public record Answer(
            UUID purchaseId,
            AddOn addOn,
            int quantity,
            PurchaseStatus status,
            String amountCharged,
            String currency,
            LocalDate activeFrom,
            LocalDate renewsOn,
            NextAction nextAction) {}

    /**
     * {@code made}: this call made the purchase (it is no replay of an idempotency key); {@code awaitingOwner}: the
     * provider already asked for the owner's authentication, so a retry is answered without asking again.
     */
    private record Attempt(
            UUID purchaseId, InvoiceEntity invoice, PurchaseStatus status, boolean made, boolean awaitingOwner) {}

    @Inject
    Accounts accounts;

    @Inject
    QuoteRepository quotes;

    @Inject
    PurchaseRepository purchases;

    @Inject
    LedgerRepository ledger;

    @Inject
    PaymentProvider provider;

    @Inject
    PaymentAuthenticationRepository authentications;

    @Inject
    PurchaseSettlement settlement;

    @Inject
    EventOutbox events;

    @Inject
    Clock clock;

    @Inject
    BusinessMetrics metrics;

    public Answer buy(Caller caller, Request request) {
        caller.requireOwner();
        UUID quoteId = Require.present(request.quoteId(), "quoteId");
        String key = Require.text(request.idempotencyKey(), "idempotencyKey", 200);
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> open(caller, quoteId, key));
        MDC.put("purchaseId", attempt.purchaseId().toString());
        MDC.put("invoiceId", attempt.invoice().id.toString());
        if (attempt.status() == PurchaseStatus.PENDING_PAYMENT && !attempt.awaitingOwner()) {
            ChargeResult result = charge(caller, attempt);
            QuarkusTransaction.requiringNew().run(() -> settle(attempt, result));
        }
        Answer answer = QuarkusTransaction.requiringNew().call(() -> answerOf(caller, attempt.purchaseId()));
        if (attempt.made()) {
            metrics.purchase(answer.addOn(), answer.status());
        }
        return answer;
    }

    private Attempt open(Caller caller, UUID quoteId, String key) {
        AccountEntity account = accounts.lock(caller);
        PurchaseEntity earlier = purchases.byIdempotencyKey(account.id, key).orElse(null);
        if (earlier != null) {
            if (!earlier.quoteId.equals(quoteId)) {
                throw new BillingException(
                        BillingError.IDEMPOTENCY_KEY_REUSED, "this idempotency key was used with another quote");
            }
            InvoiceEntity invoice = invoiceOf(earlier.id);
            return new Attempt(
                    earlier.id,
                    invoice,
                    earlier.status,
                    false,
                    authentications.of(invoice.id).isPresent());
        }
        QuoteEntity quote = quotes.findByIdOptional(quoteId)
                .filter(q -> q.accountId.equals(account.id))
                .orElseThrow(() -> new BillingException(BillingError.NOT_FOUND, "no such quote"));
        PurchaseEligibility.requirePaidPlan(account.plan);
        Instant now = clock.instant();
        QuoteValidity.requireUsable(
                quote.expiresAt,
                purchases.byQuote(quoteId).isPresent(),
                quote.cycleStart,
                accounts.currentCycle(account).start(),
                now);
        QuoteValidity.requireMadeUnderCurrentTerms(quote.createdAt, account.termsChangedAt);

        PurchaseEntity purchase = new PurchaseEntity();
        purchase.id = UUID.randomUUID();
        purchase.accountId = account.id;
        purchase.quoteId = quote.id;
        purchase.idempotencyKey = key;
        purchase.addOn = quote.addOn;
        purchase.quantity = quote.quantity;
        purchase.status = quote.chargeNowMinor == 0 ? PurchaseStatus.ACTIVE : PurchaseStatus.PENDING_PAYMENT;
        purchase.purchasedAt = now;
        purchase.activeFrom = accounts.today(account);
        purchase.updatedAt = now;
        purchases.persist(purchase);
        purchases.flush();

        InvoiceEntity invoice = new InvoiceEntity();
        invoice.id = UUID.randomUUID();
        invoice.accountId = account.id;
        invoice.kind = InvoiceEntity.Kind.PURCHASE;
        invoice.cycleStart = quote.cycleStart;
        invoice.cycleEnd = quote.cycleEnd;
        invoice.total(quote.chargeNow());
        invoice.issuedAt = now;
        invoice.paymentKey = PaymentKeys.purchase(purchase.id);
        InvoiceLineEntity line = new InvoiceLineEntity();
        line.key = new InvoiceLineEntity.Key(invoice.id, 1);
        line.purchaseId = purchase.id;
        line.addOn = quote.addOn;
        line.quantity = quote.quantity;
        line.prices(quote.unitPrice(), quote.chargeNow());
        ledger.append(invoice, List.of(line));
        if (purchase.status == PurchaseStatus.ACTIVE) {
            // nothing to charge: bought at once, announced with the purchase
            events.announce(PurchaseSettlement.purchased(purchase, invoice.id, invoice.money(0)), now);
            events.announceEntitlements(List.of(account.id), now);
        }
        return new Attempt(purchase.id, invoice, purchase.status, true, false);
    }

    private ChargeResult charge(Caller caller, Attempt attempt) {
        InvoiceEntity invoice = attempt.invoice();
        Charge charge = new Charge(
                invoice.paymentKey,
                invoice.accountId,
                caller.userId(),
                invoice.total(),
                Map.of(
                        "invoiceId",
                        invoice.id.toString(),
                        "purchaseId",
                        attempt.purchaseId().toString()),
                true);
        try {
            return provider.charge(charge);
        } catch (RuntimeException e) {
            LOG.warnf("no answer from the payment provider for %s: %s", invoice.paymentKey, e.toString());
            return new ChargeResult.Pending(null, "no answer from the payment provider");
        }
    }

    private void settle(Attempt attempt, ChargeResult result) {
        // the webhook may have got there first: the settlement then changes nothing
        settlement.settle(attempt.purchaseId(), attempt.invoice(), result, clock.instant());
    }

    private InvoiceEntity invoiceOf(UUID purchaseId) {
        return ledger.byPaymentKey(PaymentKeys.purchase(purchaseId)).orElseThrow();
    }

    private Answer answerOf(Caller caller, UUID purchaseId) {
        PurchaseEntity purchase = purchases.findById(purchaseId);
        InvoiceEntity invoice = invoiceOf(purchaseId);
        AccountEntity account = accounts.of(caller);
        boolean renews = purchase.addOn.isRecurring()
                && (purchase.status == PurchaseStatus.ACTIVE
                        || purchase.status == PurchaseStatus.PENDING_PAYMENT
                        || purchase.status == PurchaseStatus.PAST_DUE);
        long charged = purchase.status == PurchaseStatus.FAILED ? 0 : invoice.totalMinor;
        return new Answer(
                purchase.id,
                purchase.addOn,
                purchase.quantity,
                purchase.status,
                invoice.money(charged).toDecimalString(),
                invoice.currency,
                purchase.status == PurchaseStatus.FAILED ? null : purchase.activeFrom,
                renews ? accounts.currentCycle(account).end() : null,
                purchase.status == PurchaseStatus.PENDING_PAYMENT
                        ? authentications.of(invoice.id).map(NextAction::of).orElse(null)
                        : null);
    }
}
