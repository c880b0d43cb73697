package com.webinar.billing.app.account;

import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.Entitlements;
import com.webinar.billing.core.Grant;
import com.webinar.billing.core.Role;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.SubAccountEntity;
import com.webinar.billing.model.SubAccountRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** R10: what the add-ons grant right now; a sub-account user sees its own sub-account's allowances. */
@ApplicationScoped
public class EntitlementsQuery {

    @Inject
    PurchaseRepository purchases;

    @Inject
    SubAccountRepository subAccounts;

    public Entitlements of(Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (caller.role() == Role.SUB_ACCOUNT_USER) {
                SubAccountEntity subAccount = subAccounts.findById(caller.subAccountId());
                return Entitlements.ofSubAccount(subAccount.storageGb, subAccount.recordingHours);
            }
            return ofAccount(caller.accountId(), (int) subAccounts.countOfAccount(caller.accountId()));
        });
    }

    /** The account's entitlements with {@code subAccountsUsed} seats taken, inside the caller's transaction. */
    public Entitlements ofAccount(String accountId, int subAccountsUsed) {
        List<Grant> grants = purchases.granting(accountId).stream()
                .map(p -> new Grant(p.addOn, p.quantity, p.status))
                .toList();
        return Entitlements.ofAccount(grants, subAccountsUsed);
    }
}
