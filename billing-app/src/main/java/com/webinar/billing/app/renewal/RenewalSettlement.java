package com.webinar.billing.app.renewal;

import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.app.payment.RenewalPayments;
import com.webinar.billing.core.PaymentOutcome;
import com.webinar.billing.core.RenewalStatus;
import com.webinar.billing.model.PastDuePaymentRepository;
import com.webinar.billing.model.RenewalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * R8 from the webhook's side: what the provider says later about a renewal's charge is applied as the tick
 * applies its own answers, once. A failure after a recorded success changes nothing. An answer about one of the
 * owner's on-session attempts ({@code pay-past-due}) is the owner's, not a retry: {@link PastDueSettlement}.
 */
@ApplicationScoped
public class RenewalSettlement implements RenewalPayments {
    private static final Logger LOG = Logger.getLogger(RenewalSettlement.class);

    @Inject
    RenewalRepository renewals;

    @Inject
    RenewalOutcomes outcomes;

    @Inject
    BusinessMetrics metrics;

    @Inject
    PastDuePaymentRepository ownerAttempts;

    @Inject
    PastDueSettlement ownerSettlement;

    @Override
    public void settle(UUID invoiceId, String paymentKey, ChargeResult result, Instant now) {
        RenewalRepository.Due renewal = renewals.lockOne(invoiceId).orElse(null);
        if (renewal == null) {
            LOG.warnf("renewal invoice %s has no renewal to settle", invoiceId);
            return;
        }
        var ownerAttempt = ownerAttempts.answeredBy(invoiceId, result.reference(), paymentKey);
        if (ownerAttempt.isPresent()) {
            ownerSettlement.settle(renewal, ownerAttempt.get(), result, now);
            return;
        }
        RenewalStatus status = renewal.status();
        boolean settled = switch (ChargeResult.offSession(result)) {
            case ChargeResult.Paid paid ->
                status == RenewalStatus.PAID
                        || renewals.alreadyRecorded(invoiceId, PaymentOutcome.SUCCEEDED, paid.reference());
            case ChargeResult.Refused refused ->
                status.isSettled() || renewals.alreadyRecorded(invoiceId, PaymentOutcome.FAILED, refused.reference());
            case ChargeResult.Pending pending -> true;
            case ChargeResult.NeedsAuthentication asked -> throw RenewalOutcomes.unreachable(asked);
        };
        if (!settled) {
            metrics.renewals(outcomes.record(List.of(new RenewalOutcomes.Outcome(renewal, result)), now)
                    .renewals());
        }
    }
}
