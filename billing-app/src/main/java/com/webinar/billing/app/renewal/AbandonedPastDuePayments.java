package com.webinar.billing.app.renewal;

import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.PaymentProvider;
import com.webinar.billing.core.PaymentAuthentication;
import com.webinar.billing.model.PastDuePaymentRepository;
import com.webinar.billing.model.RenewalRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Gives up the owner's on-session attempts ({@code pay-past-due}) still open {@link
 * PaymentAuthentication#ABANDONED_AFTER} after they started (an authentication never finished, or no answer): the
 * provider cancels the payment first, so no late authentication takes the money while the tick retries off-session;
 * then the attempt is closed as refused ({@code authentication_abandoned}) and the tick's retries resume. A payment
 * the provider could not be told about stays for the next tick. Run by the renewal tick, before its charges.
 */
@ApplicationScoped
public class AbandonedPastDuePayments {
    private static final Logger LOG = Logger.getLogger(AbandonedPastDuePayments.class);
    private static final int BATCH = 100;

    @Inject
    PastDuePaymentRepository attempts;

    @Inject
    RenewalRepository renewals;

    @Inject
    PastDueSettlement settlement;

    @Inject
    PaymentProvider provider;

    @Inject
    Clock clock;

    /** The number of attempts given up. */
    public int giveUp() {
        Instant now = clock.instant();
        List<PastDuePaymentRepository.Attempt> open = QuarkusTransaction.requiringNew()
                .call(() -> attempts.openSince(PaymentAuthentication.abandonedIfRequestedBy(now), BATCH));
        int given = 0;
        for (PastDuePaymentRepository.Attempt attempt : open) {
            if (attempt.providerReference() != null && !provider.cancel(attempt.providerReference())) {
                continue;
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> renewals.lockOne(attempt.invoiceId())
                            .ifPresent(renewal -> settlement.settle(
                                    renewal,
                                    attempt,
                                    new ChargeResult.Refused(
                                            attempt.providerReference(), PaymentAuthentication.ABANDONED_REASON),
                                    now)));
            given++;
        }
        if (given > 0) {
            LOG.infof("%d past-due payments given up: never finished by their owner", given);
        }
        return given;
    }
}
