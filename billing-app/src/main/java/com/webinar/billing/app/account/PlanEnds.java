package com.webinar.billing.app.account;

import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.core.BillingEvent.CancellationReason;
import com.webinar.billing.core.EndReason;
import com.webinar.billing.core.PlanChange;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.PurchaseEntity;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.SubAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * R1 across plan changes: on a free plan the add-ons end with the stored cycle, as if cancelled (the renewal tick
 * ends them and erases the sub-accounts in their seats); back on a paid plan before that, the plan's ends are
 * lifted and the owner's own cancellations stay. Runs under the account's row lock, in account-sync's transaction,
 * and announces each end scheduled ({@code addon.cancellation_scheduled}, reason PLAN) or lifted
 * ({@code addon.cancellation_lifted}) in it.
 */
@ApplicationScoped
public class PlanEnds {

    /** The purchases whose end this sync scheduled, and those whose plan-caused end it lifted. */
    public record Applied(List<PurchaseEntity> endScheduled, List<PurchaseEntity> endLifted) {}

    @Inject
    PurchaseRepository purchases;

    @Inject
    SubAccountRepository subAccounts;

    @Inject
    EventOutbox events;

    public Applied apply(AccountEntity account, PlanChange.Purchases change, Instant now) {
        Applied applied = switch (change) {
            case END_AT_CYCLE_END -> new Applied(scheduleEnds(account, now), List.of());
            case LIFT_PLAN_ENDS -> new Applied(List.of(), liftEnds(account, now));
        };
        announce(account, applied, now);
        return applied;
    }

    private void announce(AccountEntity account, Applied applied, Instant now) {
        List<BillingEvent> facts = new ArrayList<>();
        for (PurchaseEntity purchase : applied.endScheduled()) {
            facts.add(new BillingEvent.AddOnCancellationScheduled(
                    account.id,
                    purchase.id,
                    purchase.addOn,
                    purchase.quantity,
                    purchase.activeUntil,
                    CancellationReason.PLAN,
                    subAccounts.idsInSeatsOf(purchase)));
        }
        for (PurchaseEntity purchase : applied.endLifted()) {
            facts.add(new BillingEvent.AddOnCancellationLifted(
                    account.id,
                    purchase.id,
                    purchase.addOn,
                    purchase.quantity,
                    purchase.status,
                    CancellationReason.PLAN));
        }
        if (!facts.isEmpty()) {
            purchases.flush();
            events.announceAll(facts, now);
        }
    }

    private List<PurchaseEntity> scheduleEnds(AccountEntity account, Instant now) {
        List<PurchaseEntity> renewing = purchases.renewing(account.id);
        for (PurchaseEntity purchase : renewing) {
            purchase.status = PurchaseStatus.CANCELLATION_SCHEDULED;
            purchase.endReason = EndReason.PLAN;
            // the stored cycle is the one paid for, even when the tick has yet to turn it
            purchase.activeUntil = account.cycle().end();
            purchase.cancelledAt = now;
            purchase.updatedAt = now;
        }
        return renewing;
    }

    private List<PurchaseEntity> liftEnds(AccountEntity account, Instant now) {
        List<PurchaseEntity> ending = purchases.endingBy(account.id, EndReason.PLAN);
        for (PurchaseEntity purchase : ending) {
            // a purchase whose renewal is still being collected goes back to that
            purchase.status = purchase.pastDueInvoiceId != null ? PurchaseStatus.PAST_DUE : PurchaseStatus.ACTIVE;
            purchase.endReason = null;
            purchase.activeUntil = null;
            purchase.cancelledAt = null;
            purchase.updatedAt = now;
        }
        return ending;
    }
}
