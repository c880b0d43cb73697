package com.webinar.billing.app.purchase;

import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.PaymentProvider;
import com.webinar.billing.core.PaymentAuthentication;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PaymentAuthenticationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Gives up purchases whose authentication the owner never finished ({@link PaymentAuthentication#ABANDONED_AFTER}):
 * the provider cancels the payment first, so no late authentication takes the money, then the purchase is {@code
 * FAILED} through {@link PurchaseSettlement} ({@code addon.purchase_failed}, reason {@code
 * authentication_abandoned}). A payment the provider could not be told about stays for the next tick; one the
 * webhook settled meanwhile is left as it is. Run by the renewal tick.
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
    PaymentProvider provider;

    @Inject
    Clock clock;

    /** The number of purchases given up. */
    public int giveUp() {
        Instant now = clock.instant();
        List<PaymentAuthenticationRepository.Waiting> waiting = QuarkusTransaction.requiringNew()
                .call(() -> authentications.purchasesWaitingSince(
                        PaymentAuthentication.abandonedIfRequestedBy(now),
                        PurchaseStatus.PENDING_PAYMENT.name(),
                        BATCH));
        int failed = 0;
        for (PaymentAuthenticationRepository.Waiting purchase : waiting) {
            if (!provider.cancel(purchase.providerReference())) {
                continue;
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> settlement.settle(
                            purchase.purchaseId(),
                            ledger.findById(purchase.invoiceId()),
                            new ChargeResult.Refused(
                                    purchase.providerReference(), PaymentAuthentication.ABANDONED_REASON),
                            now));
            failed++;
        }
        if (failed > 0) {
            LOG.infof("%d purchases failed: their authentication was never finished", failed);
        }
        return failed;
    }
}
