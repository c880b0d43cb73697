package com.webinar.billing.app.identity;

import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.Role;
import java.util.UUID;

/** Who is calling, as this system knows them. */
public record Caller(String userId, String accountId, Role role, UUID subAccountId) {

    /** R11: only the owner buys, cancels, sees billing details and manages sub-accounts. */
    public Caller requireOwner() {
        if (role != Role.OWNER) {
            throw new BillingException(BillingError.FORBIDDEN, "only the account owner may do this");
        }
        return this;
    }
}
