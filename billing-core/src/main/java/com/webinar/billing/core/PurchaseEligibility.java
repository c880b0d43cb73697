package com.webinar.billing.core;

import java.util.Objects;

/** R1: add-ons are sold only on top of a paid plan. */
public final class PurchaseEligibility {

    private PurchaseEligibility() {}

    public static void requirePaidPlan(Plan plan) {
        Objects.requireNonNull(plan, "plan");
        if (!plan.isPaid()) {
            throw BillingException.of(
                    BillingError.PLAN_NOT_ELIGIBLE, "Add-ons are sold only to accounts on a paid plan, not " + plan);
        }
    }
}
