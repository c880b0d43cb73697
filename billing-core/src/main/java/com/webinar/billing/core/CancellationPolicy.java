package com.webinar.billing.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** R6: only a whole purchase is cancelled, at the end of the current cycle, never refunded. */
public final class CancellationPolicy {

    private CancellationPolicy() {}

    /**
     * Throws NOT_CANCELLABLE for one-time add-ons and for purchases that no longer grant or never
     * granted; CONFIRMATION_REQUIRED, with the ids under "subAccounts", while sub-accounts sit in
     * its seats and erasure is not confirmed.
     */
    public static CancelDecision cancelAtCycleEnd(
            AddOn addOn,
            PurchaseStatus status,
            Cycle currentCycle,
            List<String> subAccountsInSeats,
            boolean confirmErasure) {
        EndReason scheduledBy = status == PurchaseStatus.CANCELLATION_SCHEDULED ? EndReason.OWNER : null;
        return cancelAtCycleEnd(addOn, status, scheduledBy, currentCycle, subAccountsInSeats, confirmErasure);
    }

    /**
     * As above; a purchase whose end the plan scheduled ({@code scheduledBy} PLAN) is cancelled by its owner as
     * if it were active, so that a return to a paid plan does not lift the owner's own cancellation.
     */
    public static CancelDecision cancelAtCycleEnd(
            AddOn addOn,
            PurchaseStatus status,
            EndReason scheduledBy,
            Cycle currentCycle,
            List<String> subAccountsInSeats,
            boolean confirmErasure) {
        Objects.requireNonNull(addOn, "addOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currentCycle, "currentCycle");
        List<String> subAccounts = List.copyOf(subAccountsInSeats);
        if (!addOn.isRecurring()) {
            throw BillingException.of(BillingError.NOT_CANCELLABLE, "A one-time add-on cannot be cancelled");
        }
        if (!subAccounts.isEmpty() && addOn != AddOn.SUB_ACCOUNTS) {
            throw new IllegalArgumentException("Only a SUB_ACCOUNTS purchase has sub-accounts in its seats");
        }
        // Asked and confirmed once already; asking again would suggest it could still be undone.
        boolean scheduledByPlan = status == PurchaseStatus.CANCELLATION_SCHEDULED && scheduledBy == EndReason.PLAN;
        if (status == PurchaseStatus.CANCELLATION_SCHEDULED && !scheduledByPlan) {
            return new CancelDecision.AlreadyScheduled(currentCycle.end(), subAccounts);
        }
        if (status != PurchaseStatus.ACTIVE && status != PurchaseStatus.PAST_DUE && !scheduledByPlan) {
            throw BillingException.of(
                    BillingError.NOT_CANCELLABLE, "A purchase in status " + status + " cannot be cancelled");
        }
        if (!subAccounts.isEmpty() && !confirmErasure) {
            throw new BillingException(
                    BillingError.CONFIRMATION_REQUIRED,
                    "Cancelling erases the data of " + subAccounts.size()
                            + " sub-account(s) at the end of the cycle, irreversibly; confirm the erasure",
                    Map.of("subAccounts", subAccounts));
        }
        return new CancelDecision.Scheduled(currentCycle.end(), subAccounts);
    }
}
