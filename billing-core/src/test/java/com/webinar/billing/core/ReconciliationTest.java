package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.core.Reconciliation.Charged;
import com.webinar.billing.core.Reconciliation.Difference;
import com.webinar.billing.core.Reconciliation.Kind;
import com.webinar.billing.core.Reconciliation.Recorded;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static final Charged PI_1 = new Charged("pi_1", "inv-1", 6000, "EUR");
    private static final Recorded PAID_1 = new Recorded("inv-1", "pi_1", 6000, "EUR");

    @Test
    void a_charge_recorded_with_its_reference_amount_and_currency_is_no_difference() {
        assertThat(Reconciliation.differences(List.of(PI_1), List.of(PAID_1))).isEmpty();
    }

    @Test
    void currencies_are_compared_whatever_their_case() {
        assertThat(Reconciliation.differences(List.of(new Charged("pi_1", "inv-1", 6000, "eur")), List.of(PAID_1)))
                .isEmpty();
    }

    @Test
    void a_payment_recorded_without_reference_is_matched_by_its_invoice_once() {
        Recorded noReference = new Recorded("inv-1", null, 6000, "EUR");
        Charged again = new Charged("pi_2", "inv-1", 6000, "EUR");

        assertThat(Reconciliation.differences(List.of(PI_1, again), List.of(noReference)))
                .containsExactly(new Difference(Kind.CHARGED_NOT_RECORDED, again, null));
    }

    @Test
    void a_second_charge_of_an_invoice_is_not_hidden_by_the_first_ones_record() {
        Charged again = new Charged("pi_2", "inv-1", 6000, "EUR");

        assertThat(Reconciliation.differences(List.of(PI_1, again), List.of(PAID_1)))
                .containsExactly(new Difference(Kind.CHARGED_NOT_RECORDED, again, null));
    }

    @Test
    void each_kind_of_difference_is_named() {
        Charged more = new Charged("pi_3", "inv-3", 7000, "EUR");
        Recorded less = new Recorded("inv-3", "pi_3", 6000, "EUR");
        Charged dollars = new Charged("pi_4", "inv-4", 6000, "USD");
        Recorded euros = new Recorded("inv-4", "pi_4", 6000, "EUR");
        Recorded phantom = new Recorded("inv-5", "pi_5", 6000, "EUR");

        assertThat(Reconciliation.differences(List.of(PI_1, more, dollars), List.of(less, euros, phantom)))
                .containsExactly(
                        new Difference(Kind.CHARGED_NOT_RECORDED, PI_1, null),
                        new Difference(Kind.AMOUNT_DIFFERS, more, less),
                        new Difference(Kind.CURRENCY_DIFFERS, dollars, euros),
                        new Difference(Kind.RECORDED_NOT_CHARGED, null, phantom));
    }
}
