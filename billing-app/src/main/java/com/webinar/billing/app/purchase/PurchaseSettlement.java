package com.webinar.billing.app.purchase;

import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.model.AccountRepository;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PaymentEventEntity;
import com.webinar.billing.model.PaymentEventEntity.Outcome;
import com.webinar.billing.model.PurchaseEntity;
import com.webinar.billing.model.PurchaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
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
 * </ul>
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
        }
        if (before == PurchaseStatus.PENDING_PAYMENT || purchase.status != before) {
            purchase.updatedAt = now;
        }
        if (purchase.status != before) {
            LOG.infof("purchase %s: %s -> %s (%s)", purchase.id, before, purchase.status, result);
        } else if (before != PurchaseStatus.PENDING_PAYMENT) {
            LOG.infof("purchase %s stays %s: %s comes too late", purchase.id, before, result);
        }
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
