package com.webinar.billing.app.renewal;

import com.webinar.billing.app.subaccount.SubAccountErasure;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.SubAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** R9: a sub-account's data goes with the purchase whose seat it is in, whether it ended at a turn or unpaid. */
@ApplicationScoped
class EndedPurchases {

    @Inject
    SubAccountRepository subAccounts;

    @Inject
    SubAccountErasure erasure;

    int eraseSeatsOf(List<PurchaseRepository.Ended> ended, Instant now) {
        int erased = 0;
        for (PurchaseRepository.Ended purchase : ended) {
            if (purchase.addOn() != AddOn.SUB_ACCOUNTS) {
                continue;
            }
            for (var subAccount : subAccounts.inSeatsOf(purchase.purchaseId())) {
                erasure.erase(subAccount.id, now);
                erased++;
            }
        }
        return erased;
    }
}
