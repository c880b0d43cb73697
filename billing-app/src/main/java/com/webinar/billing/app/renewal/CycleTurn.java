package com.webinar.billing.app.renewal;

import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.core.InvoiceNumber;
import com.webinar.billing.core.Plan;
import com.webinar.billing.model.CycleTurnRepository;
import com.webinar.billing.model.PurchaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * R7 at the turn, for a batch of claimed accounts in the caller's transaction: the purchases cancelled for the
 * cycle that ends (and, on a free plan, every recurring one) end, one renewal invoice is issued for what goes
 * on, and the cycle moves on. Its facts are announced in the same transaction.
 */
@ApplicationScoped
public class CycleTurn {
    /** R1, in depth: the tick never renews nor charges an account on a free plan, and ends its add-ons. */
    static final List<String> PAID_PLANS = plans(true);

    static final List<String> FREE_PLANS = plans(false);

    /** What one batch did; {@code last}: the account the next batch goes on after (null when none was due). */
    public record Turned(
            int accounts,
            int purchasesRenewed,
            int purchasesEnded,
            int subAccountsErased,
            CycleTurnRepository.DueAccount last) {}

    @Inject
    CycleTurnRepository cycles;

    @Inject
    PurchaseRepository purchases;

    @Inject
    EndedPurchases ends;

    @Inject
    EventOutbox events;

    /**
     * Claims up to {@code limit} accounts whose cycle has turned, after {@code after} in the order of their turns
     * (from the first when null), and moves each on by one cycle.
     */
    public Turned turn(Instant now, CycleTurnRepository.DueAccount after, int limit) {
        List<CycleTurnRepository.DueAccount> claimed = cycles.claimDue(now, after, limit);
        if (claimed.isEmpty()) {
            return new Turned(0, 0, 0, 0, null);
        }
        List<String> ids =
                claimed.stream().map(CycleTurnRepository.DueAccount::id).toList();
        List<PurchaseRepository.Ended> ended = purchases.endAtTurn(ids, FREE_PLANS, now);
        events.announceAll(RenewalEvents.endedAtTurn(ended), now);
        cycles.dropRenewalsOfFreeAccounts(ids, FREE_PLANS, now);
        int erased = ends.eraseSeatsOf(ended, now);
        events.announceEntitlements(RenewalEvents.accountsOf(ended), now);
        int renewed = cycles.issueRenewalInvoices(ids, PAID_PLANS, InvoiceNumber.yearOf(now), now);
        cycles.moveCyclesOn(ids, now);
        return new Turned(ids.size(), renewed, ended.size(), erased, claimed.get(claimed.size() - 1));
    }

    private static List<String> plans(boolean paid) {
        return Arrays.stream(Plan.values())
                .filter(plan -> plan.isPaid() == paid)
                .map(Enum::name)
                .toList();
    }
}
