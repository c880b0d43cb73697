package com.webinar.billing.app.renewal;

import static com.webinar.billing.model.PaymentEventEntity.Outcome.FAILED;
import static com.webinar.billing.model.PaymentEventEntity.Outcome.PENDING;
import static com.webinar.billing.model.PaymentEventEntity.Outcome.SUCCEEDED;

import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.ChargeResult;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.core.ChargeAnswer;
import com.webinar.billing.core.GracePeriod;
import com.webinar.billing.core.RenewalDecision;
import com.webinar.billing.core.RenewalStatus;
import com.webinar.billing.model.AccountRepository;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.LedgerRepository.ProviderAnswer;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.RenewalRepository;
import com.webinar.billing.model.RenewalRepository.Due;
import com.webinar.billing.model.RenewalRepository.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * R8 applied to what the provider said, in the caller's transaction: each answer is appended to the ledger, the
 * rule ({@link GracePeriod#decide}) decides the renewal's new standing, and its purchases follow.
 */
@ApplicationScoped
public class RenewalOutcomes {

    /** A request for authentication is recorded as the refusal it is for a renewal (R8's grace period). */
    public record Outcome(Due renewal, ChargeResult result) {
        public Outcome {
            result = ChargeResult.offSession(result);
        }

        ChargeAnswer answer() {
            return switch (result) {
                case ChargeResult.Paid p -> ChargeAnswer.PAID;
                case ChargeResult.Refused r -> ChargeAnswer.REFUSED;
                case ChargeResult.Pending p -> p.reference() == null ? ChargeAnswer.NO_ANSWER : ChargeAnswer.PROCESSING;
                case ChargeResult.NeedsAuthentication n -> throw unreachable(n);
            };
        }
    }

    /** An outcome and what R8 made of it. */
    record Decided(Outcome outcome, RenewalDecision decision) {
        Due renewal() {
            return outcome.renewal();
        }
    }

    /** {@code renewals}: the charges this recording settled, for the business metrics. */
    public record Recorded(
            int paymentsFailed, int purchasesEnded, int subAccountsErased, List<BusinessMetrics.Renewal> renewals) {}

    @Inject
    RenewalRepository renewals;

    @Inject
    AccountRepository accounts;

    @Inject
    PurchaseRepository purchases;

    @Inject
    LedgerRepository ledger;

    @Inject
    EndedPurchases ends;

    @Inject
    EventOutbox events;

    public Recorded record(List<Outcome> answered, Instant now) {
        // the webhook may have settled a renewal while this tick was asking: its answer is the one kept
        Set<UUID> settled = new HashSet<>(renewals.lockSettled(
                answered.stream().map(o -> o.renewal().invoiceId()).toList()));
        List<Decided> decided = answered.stream()
                .filter(o -> !settled.contains(o.renewal().invoiceId()))
                .map(o -> new Decided(
                        o, GracePeriod.decide(o.renewal().status(), o.renewal().failedAt(), o.answer(), now)))
                .toList();
        // the accounts before their purchases, in id order: as every other writer locks them
        accounts.lockAll(decided.stream().map(d -> d.renewal().accountId()).toList());
        ledger.appendAnswers(
                decided.stream()
                        .map(d -> ledgerEntry(d.outcome()))
                        .flatMap(Optional::stream)
                        .toList(),
                now);
        events.announceAll(RenewalEvents.outcomes(decided), now);
        renewals.update(decided.stream().map(RenewalOutcomes::standing).toList(), now);
        purchases.recoverPurchases(invoices(decided, RenewalDecision.Paid.class, false), now);
        purchases.holdPurchasesPastDue(invoices(decided, RenewalDecision.RetryAt.class, true), now);
        List<UUID> givenUp = invoices(decided, RenewalDecision.GiveUp.class, false);
        int ended = 0;
        int erased = 0;
        if (!givenUp.isEmpty()) {
            List<PurchaseRepository.Ended> endedRows = purchases.endUnpaid(givenUp, now);
            events.announceAll(RenewalEvents.ended(endedRows, BillingEvent.EndReason.UNPAID), now);
            ended = endedRows.size();
            erased = ends.eraseSeatsOf(endedRows, now);
        }
        events.announceEntitlements(
                decided.stream().map(d -> d.renewal().accountId()).toList(), now);
        int failed = (int) decided.stream()
                .filter(d -> d.outcome().answer() == ChargeAnswer.REFUSED)
                .count();
        return new Recorded(failed, ended, erased, metrics(decided));
    }

    /** The renewal after its decision; a retry counts once it is refused (its key was {@code -retry-N}). */
    private static Standing standing(Decided decided) {
        Due due = decided.renewal();
        int retries = due.status() == RenewalStatus.PAST_DUE ? due.retries() + 1 : due.retries();
        UUID id = due.invoiceId();
        return switch (decided.decision()) {
            case RenewalDecision.Paid p ->
                new Standing(id, RenewalStatus.PAID, due.failedAt(), due.retries(), null, null);
            case RenewalDecision.RetryAt r ->
                new Standing(id, RenewalStatus.PAST_DUE, r.failedAt(), retries, r.at(), null);
            case RenewalDecision.GiveUp g ->
                new Standing(id, RenewalStatus.UNPAID_ENDED, due.failedAt(), retries, null, null);
            case RenewalDecision.WaitForProvider w ->
                new Standing(id, due.status(), due.failedAt(), due.retries(), due.nextRetryAt(), w.askAgainAt());
        };
    }

    /** The invoices decided so; {@code firstOnly}: only those refused for the first time. */
    private static List<UUID> invoices(
            List<Decided> decided, Class<? extends RenewalDecision> kind, boolean firstOnly) {
        return decided.stream()
                .filter(d -> kind.isInstance(d.decision()))
                .filter(d -> !firstOnly || d.renewal().status() == RenewalStatus.DUE)
                .map(d -> d.renewal().invoiceId())
                .toList();
    }

    private static List<BusinessMetrics.Renewal> metrics(List<Decided> decided) {
        List<BusinessMetrics.Renewal> settled = new ArrayList<>();
        for (Decided d : decided) {
            BusinessMetrics.RenewalResult result = switch (d.decision()) {
                case RenewalDecision.Paid p -> BusinessMetrics.RenewalResult.CHARGED;
                case RenewalDecision.RetryAt r -> BusinessMetrics.RenewalResult.FAILED;
                case RenewalDecision.GiveUp g -> BusinessMetrics.RenewalResult.ENDED;
                case RenewalDecision.WaitForProvider w -> null;
            };
            if (result != null) {
                settled.add(new BusinessMetrics.Renewal(
                        d.renewal().currency(), d.renewal().amountMinor(), result));
            }
        }
        return settled;
    }

    /** What the ledger appends for one answer: nothing for no answer at all (a later tick asks again). */
    private static Optional<ProviderAnswer> ledgerEntry(Outcome outcome) {
        UUID invoice = outcome.renewal().invoiceId();
        long amount = outcome.renewal().amountMinor();
        return switch (outcome.result()) {
            case ChargeResult.Paid p -> Optional.of(new ProviderAnswer(invoice, SUCCEEDED, amount, p.reference()));
            case ChargeResult.Refused r -> Optional.of(new ProviderAnswer(invoice, FAILED, amount, r.reference()));
            case ChargeResult.Pending p ->
                Optional.ofNullable(p.reference()).map(ref -> new ProviderAnswer(invoice, PENDING, amount, ref));
            case ChargeResult.NeedsAuthentication n -> throw unreachable(n);
        };
    }

    /** {@link Outcome} made it a refusal. */
    static IllegalStateException unreachable(ChargeResult.NeedsAuthentication result) {
        return new IllegalStateException("a renewal outcome still asks for authentication: " + result);
    }
}
