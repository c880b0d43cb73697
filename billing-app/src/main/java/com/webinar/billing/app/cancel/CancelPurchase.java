package com.webinar.billing.app.cancel;

import com.webinar.billing.app.Require;
import com.webinar.billing.app.account.Accounts;
import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.CancelDecision;
import com.webinar.billing.core.CancellationPolicy;
import com.webinar.billing.core.EndReason;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.PurchaseEntity;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.SubAccountRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * R6: the owner cancels a whole purchase; it keeps granting until the end of the current cycle
 * ({@code activeUntil}, stored on the purchase), then ends: never renewed, never billed again, no refund. A
 * {@code SUB_ACCOUNTS} purchase whose seats hold sub-accounts needs {@code confirmErasure: true}: those
 * sub-accounts are erased when it ends. Repeating a cancel answers the first answer again (the sub-accounts
 * still in its seats). Runs under the account's row lock, like {@code subaccount-create}, so a sub-account
 * created at the same moment is either listed here or refused there.
 */
@ApplicationScoped
public class CancelPurchase {

    public record Request(UUID purchaseId, Boolean confirmErasure) {}

    public record Answer(
            UUID purchaseId, PurchaseStatus status, LocalDate activeUntil, List<UUID> subAccountsToErase) {}

    @Inject
    Accounts accounts;

    @Inject
    PurchaseRepository purchases;

    @Inject
    SubAccountRepository subAccounts;

    @Inject
    EventOutbox events;

    @Inject
    Clock clock;

    public Answer cancel(Caller caller, Request request) {
        caller.requireOwner();
        UUID purchaseId = Require.present(request.purchaseId(), "purchaseId");
        org.jboss.logging.MDC.put("purchaseId", purchaseId.toString());
        boolean confirmErasure = Boolean.TRUE.equals(request.confirmErasure());
        return QuarkusTransaction.requiringNew().call(() -> {
            AccountEntity account = accounts.lock(caller);
            PurchaseEntity purchase = purchases
                    .findByIdOptional(purchaseId)
                    .filter(p -> p.accountId.equals(account.id))
                    .orElseThrow(() -> new BillingException(BillingError.NOT_FOUND, "no such purchase"));
            List<UUID> inSeats = subAccounts.idsInSeatsOf(purchase);
            CancelDecision decision = CancellationPolicy.cancelAtCycleEnd(
                    purchase.addOn,
                    purchase.status,
                    purchase.endReason,
                    accounts.currentCycle(account),
                    inSeats.stream().map(UUID::toString).toList(),
                    confirmErasure);
            if (decision instanceof CancelDecision.Scheduled scheduled) {
                Instant now = clock.instant();
                purchase.status = PurchaseStatus.CANCELLATION_SCHEDULED;
                // a purchase the plan already ends keeps that end: the owner now ends it too, for good
                if (purchase.endReason != EndReason.PLAN) {
                    purchase.activeUntil = scheduled.activeUntil();
                }
                purchase.endReason = EndReason.OWNER;
                purchase.cancelledAt = now;
                // the owner confirmed that the sub-accounts in its seats are erased when it ends
                purchase.erasureConfirmed = !inSeats.isEmpty();
                purchase.updatedAt = now;
                events.announce(
                        new BillingEvent.AddOnCancellationScheduled(
                                account.id,
                                purchase.id,
                                purchase.addOn,
                                purchase.quantity,
                                purchase.activeUntil,
                                BillingEvent.CancellationReason.OWNER,
                                inSeats),
                        now);
                events.announceEntitlements(List.of(account.id), now);
            }
            // a repeat changes nothing and answers the stored end, even once today's cycle is a later one
            LocalDate activeUntil = purchase.activeUntil != null ? purchase.activeUntil : decision.activeUntil();
            return new Answer(purchase.id, purchase.status, activeUntil, inSeats);
        });
    }
}
