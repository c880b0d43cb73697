package com.webinar.billing.app.renewal;

import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.core.EndReason;
import com.webinar.billing.core.Money;
import com.webinar.billing.core.RenewalDecision;
import com.webinar.billing.core.RenewalStatus;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.RenewalRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the renewal batches announce. The renewal invoice issued at the turn is not an event of its own: what the
 * platform acts on is its outcome ({@code renewal.paid}, {@code renewal.payment_failed}), announced when the
 * outcome is recorded; an answer still pending announces nothing.
 */
final class RenewalEvents {

    private RenewalEvents() {}

    /** One event per recorded outcome, with R8's next retry (null once the grace period is over). */
    static List<BillingEvent> outcomes(List<RenewalOutcomes.Decided> decided) {
        List<BillingEvent> events = new ArrayList<>();
        for (RenewalOutcomes.Decided d : decided) {
            RenewalRepository.Due due = d.renewal();
            int attempt = due.status() == RenewalStatus.DUE ? 1 : due.retries() + 2;
            Money amount = Money.of(due.amountMinor(), due.currency());
            switch (d.outcome().result()) {
                case ChargeResult.Paid paid ->
                    events.add(new BillingEvent.RenewalPaid(
                            due.accountId(), due.invoiceId(), due.cycleStart(), amount, attempt));
                case ChargeResult.Refused refused -> {
                    Instant next = d.decision() instanceof RenewalDecision.RetryAt retry ? retry.at() : null;
                    events.add(new BillingEvent.RenewalPaymentFailed(
                            due.accountId(),
                            due.invoiceId(),
                            due.cycleStart(),
                            amount,
                            attempt,
                            refused.reason(),
                            next));
                    if (ChargeResult.AUTHENTICATION_REQUIRED.equals(refused.reason())) {
                        events.add(new BillingEvent.PaymentActionRequired(
                                due.accountId(), due.invoiceId(), due.cycleStart(), amount));
                    }
                }
                case ChargeResult.Pending pending -> {
                    // the provider has not decided: its answer is announced when it is recorded
                }
                case ChargeResult.NeedsAuthentication asked -> throw RenewalOutcomes.unreachable(asked);
            }
        }
        return events;
    }

    static List<BillingEvent> ended(List<PurchaseRepository.Ended> ended, BillingEvent.EndReason reason) {
        return ended.stream()
                .<BillingEvent>map(p -> new BillingEvent.AddOnEnded(
                        p.accountId(), p.purchaseId(), p.addOn(), p.quantity(), reason, p.unpaidInvoiceId()))
                .toList();
    }

    /** At the turn: ended by the plan (R1), or as cancelled (by the owner, or before end reasons were kept). */
    static List<BillingEvent> endedAtTurn(List<PurchaseRepository.Ended> ended) {
        return ended.stream()
                .<BillingEvent>map(p -> new BillingEvent.AddOnEnded(
                        p.accountId(),
                        p.purchaseId(),
                        p.addOn(),
                        p.quantity(),
                        p.endReason() == EndReason.PLAN
                                ? BillingEvent.EndReason.PLAN
                                : BillingEvent.EndReason.CANCELLED,
                        null))
                .toList();
    }

    static List<String> accountsOf(List<PurchaseRepository.Ended> ended) {
        return ended.stream()
                .map(PurchaseRepository.Ended::accountId)
                .distinct()
                .toList();
    }
}
