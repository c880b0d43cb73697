package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webinar.billing.core.PlanChange.Purchases;
import com.webinar.billing.core.PlanChange.Terms;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanChangeTest {

    /** Stored: LIVE, monthly from 2026-01-10 (turns 2026-02-09), EUR, Paris. */
    private static Terms stored(Plan plan, BillingPeriod pending) {
        return new Terms(plan, BillingPeriod.MONTHLY, pending, LocalDate.parse("2026-01-10"), "EUR", "Europe/Paris");
    }

    private static Terms requested(Plan plan, BillingPeriod period, String cycleStart, String currency, String zone) {
        return new Terms(plan, period, null, LocalDate.parse(cycleStart), currency, zone);
    }

    @ParameterizedTest(name = "{0} (pending {1}) <- {2} {3} from {4}, {5}: {6}, pending {7}, terms changed {8}")
    @CsvSource(
            nullValues = "-",
            value = {
                // plan changes: what happens to the add-ons
                "LIVE,       -,      LIVE,       MONTHLY, 2026-01-10, Europe/Paris,     LIFT_PLAN_ENDS,   -,      false",
                "LIVE,       -,      ENTERPRISE, MONTHLY, 2026-01-10, Europe/Paris,     LIFT_PLAN_ENDS,   -,      false",
                "LIVE,       -,      FREE_TRIAL, MONTHLY, 2026-01-10, Europe/Paris,     END_AT_CYCLE_END, -,      true",
                "FREE_TRIAL, -,      FREE_TRIAL, MONTHLY, 2026-01-10, Europe/Paris,     END_AT_CYCLE_END, -,      false",
                "FREE_TRIAL, -,      LIVE,       MONTHLY, 2026-01-10, Europe/Paris,     LIFT_PLAN_ENDS,   -,      true",
                // period changes at the turn: the stored cycle keeps its length, the next one takes the new one
                "LIVE,       -,      LIVE,       ANNUAL,  2026-02-09, Europe/Paris,     LIFT_PLAN_ENDS,   ANNUAL, true",
                "LIVE,       ANNUAL, LIVE,       ANNUAL,  2026-02-09, Europe/Paris,     LIFT_PLAN_ENDS,   ANNUAL, false",
                "LIVE,       ANNUAL, LIVE,       MONTHLY, 2026-01-10, Europe/Paris,     LIFT_PLAN_ENDS,   -,      true",
                "LIVE,       -,      FREE_TRIAL, ANNUAL,  2026-02-09, Europe/Paris,     END_AT_CYCLE_END, ANNUAL, true",
                // a zone change keeps the dates
                "LIVE,       -,      LIVE,       MONTHLY, 2026-01-10, America/New_York, LIFT_PLAN_ENDS,   -,      true",
            })
    void a_sync_decides_the_add_ons_and_the_next_cycle(
            Plan storedPlan,
            BillingPeriod storedPending,
            Plan plan,
            BillingPeriod period,
            String cycleStart,
            String zone,
            Purchases purchases,
            BillingPeriod pending,
            boolean termsChanged) {
        PlanChange change =
                PlanChange.of(stored(storedPlan, storedPending), requested(plan, period, cycleStart, "EUR", zone));

        assertThat(change).isEqualTo(new PlanChange(purchases, pending, termsChanged));
    }

    @ParameterizedTest(name = "{0} from {1} in {2}: refused on {3}")
    @CsvSource({
        // mid-cycle, or on a date that is not the turn
        "ANNUAL,  2026-01-10, EUR, billingPeriod",
        "ANNUAL,  2026-01-22, EUR, billingPeriod",
        "ANNUAL,  2026-02-10, EUR, billingPeriod",
        "ANNUAL,  2027-01-10, EUR, billingPeriod",
        // the start moves without a period change, even to the turn
        "MONTHLY, 2026-02-09, EUR, cycleStart",
        "MONTHLY, 2026-01-11, EUR, cycleStart",
        // the currency never changes, not even at the turn
        "MONTHLY, 2026-01-10, USD, currency",
        "ANNUAL,  2026-02-09, USD, currency",
    })
    void any_other_change_of_period_start_or_currency_is_refused(
            BillingPeriod period, String cycleStart, String currency, String field) {
        assertThatThrownBy(() -> PlanChange.of(
                        stored(Plan.LIVE, null), requested(Plan.LIVE, period, cycleStart, currency, "Europe/Paris")))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.error()).isEqualTo(BillingError.IMMUTABLE_FIELD);
                    assertThat(e.detail()).startsWith("'" + field + "'");
                });
    }
}
