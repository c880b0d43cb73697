package com.webinar.billing.app.purchase;

import com.webinar.billing.app.payment.AbandonedAttempts;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.core.PaymentAuthentication;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PaymentAuthenticationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Gives up purchases whose authentication the owner never finished, as {@link AbandonedAttempts} gives up any
 * attempt: the purchase is {@code FAILED} through {@link PurchaseSettlement} ({@code addon.purchase_failed}, reason
 * {@code authentication_abandoned}); one the webhook settled meanwhile is left as it is. Run by the renewal tick.
 */
@ApplicationScoped
public class AbandonedAuthentications {
    private static final Logger LOG = Logger.getLogger(AbandonedAuthentications.class);
    private static final int BATCH = 100;

    @Inject
    PaymentAuthenticationRepository authentications;

    @Inject
    LedgerRepository ledger;

    @Inject
    PurchaseSettlement settlement;

    @Inject
    AbandonedAttempts attempts;

    @Inject
    Clock clock;

    /** The number of purchases given up. */
    public int giveUp() {
        Instant now = clock.instant();
        int failed = attempts.giveUp(
                () -> authentications.purchasesWaitingSince(
                        PaymentAuthentication.abandonedIfRequestedBy(now),
                        PurchaseStatus.PENDING_PAYMENT.name(),
                        BATCH),
                PaymentAuthenticationRepository.Waiting::providerReference,
                purchase -> settlement.settle(
                        purchase.purchaseId(),
                        ledger.findById(purchase.invoiceId()),
                        new ChargeResult.Refused(purchase.providerReference(), PaymentAuthentication.ABANDONED_REASON),
                        now));
        if (failed > 0) {
            LOG.infof("%d purchases failed: their authentication was never finished", failed);
        }
        return failed;
    }
}
