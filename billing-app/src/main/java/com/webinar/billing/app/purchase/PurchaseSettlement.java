package com.webinar.billing.app.purchase;

import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.core.Money;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.model.AccountRepository;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PaymentAuthenticationRepository;
import com.webinar.billing.model.PaymentEventEntity;
import com.webinar.billing.model.PaymentEventEntity.Outcome;
import com.webinar.billing.model.PurchaseEntity;
import com.webinar.billing.model.PurchaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * R5, R12: records what the provider said about a purchase's invoice, whoever learnt it first: the purchase call
 * itself ({@link BuyAddOn}) or the payment webhook. Runs in the caller's transaction, behind the account's lock.
 *
 * <ul>
 *   <li>paid: {@code PENDING_PAYMENT} becomes {@code ACTIVE}. A success also wins over a failure recorded before it
 *       (events arrive out of order; the money was taken): {@code FAILED} becomes {@code ACTIVE}. Any other status
 *       already had its success: nothing is appended twice.
 *   <li>refused: only {@code PENDING_PAYMENT} becomes {@code FAILED}. A late failure never undoes a success and is
 *       not appended to the ledger (the webhook's event table still shows it was received).
 *   <li>pending: the provider's reference is appended once known; the status stays.
 *   <li>needs authentication: as pending, and what the owner needs is kept ({@code payment_authentication}) for a
 *       retry of the purchase and for giving up after {@link
 *       com.webinar.billing.core.PaymentAuthentication#ABANDONED_AFTER}.
 * </ul>
 *
 * <p>Each change of status is announced once, in the same transaction: {@code addon.purchased} when it becomes
 * {@code ACTIVE} (also after an {@code addon.purchase_failed}, when a late success wins), {@code
 * addon.purchase_failed} when it becomes {@code FAILED}; a duplicate or late answer changes nothing and
 * announces nothing.
 */
@ApplicationScoped
public class PurchaseSettlement {
    private static final Logger LOG = Logger.getLogger(PurchaseSettlement.class);

    @Inject
    AccountRepository accounts;

    @Inject
    PurchaseRepository purchases;

    @Inject
    LedgerRepository ledger;

    @Inject
    EventOutbox events;

    @Inject
    PaymentAuthenticationRepository authentications;

    public void settle(UUID purchaseId, InvoiceEntity invoice, ChargeResult result, Instant now) {
        accounts.lock(invoice.accountId).orElseThrow();
        PurchaseEntity purchase = purchases.findById(purchaseId);
        PurchaseStatus before = purchase.status;
        switch (result) {
            case ChargeResult.Paid paid -> {
                if (before == PurchaseStatus.PENDING_PAYMENT || before == PurchaseStatus.FAILED) {
                    purchase.status = PurchaseStatus.ACTIVE;
                    record(invoice, Outcome.SUCCEEDED, paid.reference(), now);
                }
            }
            case ChargeResult.Refused refused -> {
                if (before == PurchaseStatus.PENDING_PAYMENT) {
                    purchase.status = PurchaseStatus.FAILED;
                    record(invoice, Outcome.FAILED, refused.reference(), now);
                }
            }
            case ChargeResult.Pending pending -> {
                if (before == PurchaseStatus.PENDING_PAYMENT && pending.reference() != null) {
                    record(invoice, Outcome.PENDING, pending.reference(), now);
                }
            }
            case ChargeResult.NeedsAuthentication asked -> {
                if (before == PurchaseStatus.PENDING_PAYMENT
                        && authentications.of(invoice.id).isEmpty()) {
                    authentications.remember(invoice.id, asked.reference(), asked.clientSecret(), now);
                    record(invoice, Outcome.PENDING, asked.reference(), now);
                }
            }
        }
        if (before == PurchaseStatus.PENDING_PAYMENT || purchase.status != before) {
            purchase.updatedAt = now;
        }
        if (purchase.status != before) {
            announce(purchase, invoice, result, now);
            LOG.infof("purchase %s: %s -> %s (%s)", purchase.id, before, purchase.status, result);
        } else if (before != PurchaseStatus.PENDING_PAYMENT) {
            LOG.infof("purchase %s stays %s: %s comes too late", purchase.id, before, result);
        }
    }

    private void announce(PurchaseEntity purchase, InvoiceEntity invoice, ChargeResult result, Instant now) {
        Money amount = invoice.total();
        BillingEvent event = result instanceof ChargeResult.Refused refused
                ? new BillingEvent.AddOnPurchaseFailed(
                        purchase.accountId,
                        purchase.id,
                        invoice.id,
                        purchase.addOn,
                        purchase.quantity,
                        amount,
                        refused.reason())
                : purchased(purchase, invoice.id, amount);
        events.announce(event, now);
        events.announceEntitlements(List.of(purchase.accountId), now);
    }

    static BillingEvent.AddOnPurchased purchased(PurchaseEntity purchase, UUID invoiceId, Money amount) {
        return new BillingEvent.AddOnPurchased(
                purchase.accountId,
                purchase.id,
                invoiceId,
                purchase.addOn,
                purchase.quantity,
                amount,
                purchase.activeFrom);
    }

    private void record(InvoiceEntity invoice, Outcome outcome, String reference, Instant now) {
        PaymentEventEntity event = new PaymentEventEntity();
        event.invoiceId = invoice.id;
        event.outcome = outcome;
        event.amountMinor = invoice.totalMinor;
        event.providerReference = reference;
        event.recordedAt = now;
        ledger.append(event);
    }
}
