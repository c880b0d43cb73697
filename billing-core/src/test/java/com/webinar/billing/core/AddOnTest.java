package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddOnTest {

    @ParameterizedTest(name = "{0}: {1}, {2}..{3}")
    @CsvSource({
        "PRESENTERS,      RECURRING, 1, 100",
        "PARALLEL_EVENTS, RECURRING, 1, 100",
        "SUB_ACCOUNTS,    RECURRING, 1, 100",
        "STORAGE,         RECURRING, 1, 100",
        "RECORDING_SPACE, RECURRING, 1, 100",
        "USERNAME_CHANGE, ONE_TIME,  1, 1"
    })
    void the_catalog_fixes_each_add_on_kind_and_quantity_bounds(AddOn addOn, AddOnKind kind, int min, int max) {
        assertThat(addOn.kind()).isEqualTo(kind);
        assertThat(addOn.isRecurring()).isEqualTo(kind == AddOnKind.RECURRING);
        assertThat(addOn.minQuantity()).isEqualTo(min);
        assertThat(addOn.maxQuantity()).isEqualTo(max);
    }

    @ParameterizedTest(name = "{0}: {1} days")
    @CsvSource({"MONTHLY, 30", "ANNUAL, 365"})
    void a_billing_period_has_a_fixed_number_of_days(BillingPeriod period, int days) {
        assertThat(period.days()).isEqualTo(days);
    }
}
