package com.webinar.billing.app.renewal;

import static com.webinar.billing.model.PaymentEventEntity.Outcome.FAILED;
import static com.webinar.billing.model.PaymentEventEntity.Outcome.PENDING;

import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.core.PaymentOutcome;
import com.webinar.billing.core.RenewalStatus;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.LedgerRepository.ProviderAnswer;
import com.webinar.billing.model.PastDuePaymentRepository;
import com.webinar.billing.model.PaymentEventEntity;
import com.webinar.billing.model.RenewalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the provider said about one of the owner's on-session attempts ({@code pay-past-due}), whoever learns it
 * first (the function itself, the webhook, the tick giving it up), applied once, in the caller's transaction, which
 * holds the renewal's row ({@link RenewalRepository#lockOne}).
 *
 * <ul>
 *   <li>paid: the attempt is closed and the payment recorded exactly as a paid retry of the tick ({@code
 *       renewal.paid}, the renewal's purchases {@code ACTIVE} again); a success wins even after the attempt was
 *       closed.
 *   <li>refused (or given up): the attempt is closed and the refusal appended to the ledger; the renewal keeps its
 *       grace period and its retry days (the owner's attempt uses none of the tick's retries). A late refusal of a
 *       closed attempt changes nothing.
 *   <li>waiting for the owner, or for the provider: the attempt stays open (the tick leaves the invoice alone), the
 *       provider's reference is appended as {@code PENDING} once.
 * </ul>
 */
@ApplicationScoped
public class PastDueSettlement {

    @Inject
    RenewalRepository renewals;

    @Inject
    RenewalOutcomes outcomes;

    @Inject
    PastDuePaymentRepository attempts;

    @Inject
    LedgerRepository ledger;

    @Inject
    BusinessMetrics metrics;

    /**
     * Locks the invoice's renewal, then settles the attempt made under {@code paymentKey} as it stands now: the
     * webhook may have settled it first. Nothing when the invoice has no renewal.
     */
    public void settleLocked(UUID invoiceId, String paymentKey, ChargeResult result, Instant now) {
        renewals.lockOne(invoiceId)
                .ifPresent(renewal -> attempts.answeredBy(invoiceId, result.reference(), paymentKey)
                        .ifPresent(attempt -> settle(renewal, attempt, result, now)));
    }

    public void settle(
            RenewalRepository.Due renewal, PastDuePaymentRepository.Attempt attempt, ChargeResult result, Instant now) {
        switch (result) {
            case ChargeResult.Paid paid -> {
                attempts.close(renewal.invoiceId(), attempt.attempt(), paid.reference(), now);
                if (renewal.status() != RenewalStatus.PAID
                        && !renewals.alreadyRecorded(renewal.invoiceId(), PaymentOutcome.SUCCEEDED, paid.reference())) {
                    metrics.renewals(outcomes.record(List.of(new RenewalOutcomes.Outcome(renewal, paid)), now)
                            .renewals());
                }
            }
            case ChargeResult.Refused refused -> {
                if (attempt.open()) {
                    attempts.close(renewal.invoiceId(), attempt.attempt(), refused.reference(), now);
                    attempts.lease(renewal.invoiceId(), null);
                    appendOnce(renewal, FAILED, refused.reference(), now);
                }
            }
            case ChargeResult.NeedsAuthentication asked -> {
                attempts.answered(renewal.invoiceId(), attempt.attempt(), asked.reference(), asked.clientSecret());
                appendOnce(renewal, PENDING, asked.reference(), now);
            }
            case ChargeResult.Pending pending -> {
                if (pending.reference() != null) {
                    attempts.answered(renewal.invoiceId(), attempt.attempt(), pending.reference(), null);
                    appendOnce(renewal, PENDING, pending.reference(), now);
                }
            }
        }
    }

    private void appendOnce(
            RenewalRepository.Due renewal, PaymentEventEntity.Outcome outcome, String reference, Instant now) {
        if (reference == null
                || !renewals.alreadyRecorded(renewal.invoiceId(), PaymentOutcome.valueOf(outcome.name()), reference)) {
            ledger.appendAnswers(
                    List.of(new ProviderAnswer(renewal.invoiceId(), outcome, renewal.amountMinor(), reference)), now);
        }
    }
}
