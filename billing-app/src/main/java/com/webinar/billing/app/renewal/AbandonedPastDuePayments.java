package com.webinar.billing.app.renewal;

import com.webinar.billing.app.payment.AbandonedAttempts;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.core.PaymentAuthentication;
import com.webinar.billing.model.PastDuePaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Gives up the owner's on-session attempts ({@code pay-past-due}) still open {@link
 * PaymentAuthentication#ABANDONED_AFTER} after they started (an authentication never finished, or no answer), as
 * {@link AbandonedAttempts} gives up any attempt, so no late authentication takes the money while the tick retries
 * off-session: the attempt is closed as refused ({@code authentication_abandoned}) and the tick's retries resume.
 * Run by the renewal tick, before its charges.
 */
@ApplicationScoped
public class AbandonedPastDuePayments {
    private static final Logger LOG = Logger.getLogger(AbandonedPastDuePayments.class);
    private static final int BATCH = 100;

    @Inject
    PastDuePaymentRepository pastDue;

    @Inject
    PastDueSettlement settlement;

    @Inject
    AbandonedAttempts attempts;

    @Inject
    Clock clock;

    /** The number of attempts given up. */
    public int giveUp() {
        Instant now = clock.instant();
        int given = attempts.giveUp(
                () -> pastDue.openSince(PaymentAuthentication.abandonedIfRequestedBy(now), BATCH),
                PastDuePaymentRepository.Attempt::providerReference,
                attempt -> settlement.settleLocked(
                        attempt.invoiceId(),
                        attempt.paymentKey(),
                        new ChargeResult.Refused(attempt.providerReference(), PaymentAuthentication.ABANDONED_REASON),
                        now));
        if (given > 0) {
            LOG.infof("%d past-due payments given up: never finished by their owner", given);
        }
        return given;
    }
}
