package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PurchaseEligibilityTest {

    @Test
    void a_free_trial_account_cannot_buy_add_ons() {
        assertThatThrownBy(() -> PurchaseEligibility.requirePaidPlan(Plan.FREE_TRIAL))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.error()).isEqualTo(BillingError.PLAN_NOT_ELIGIBLE);
                    assertThat(e.error().status()).isEqualTo(409);
                });
    }

    @ParameterizedTest
    @EnumSource(
            value = Plan.class,
            names = {"LIVE", "AUTOMATED", "ENTERPRISE"})
    void a_paid_plan_may_buy_add_ons(Plan plan) {
        assertThat(plan.isPaid()).isTrue();
        assertThatCode(() -> PurchaseEligibility.requirePaidPlan(plan)).doesNotThrowAnyException();
    }
}
