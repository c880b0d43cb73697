package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalStatusTest {

    @ParameterizedTest(name = "{0}: open={1}")
    @CsvSource({"DUE, true", "PAST_DUE, true", "PAID, false", "UNPAID_ENDED, false"})
    void a_renewal_is_collected_until_paid_or_given_up(RenewalStatus status, boolean open) {
        assertThat(status.isOpen()).isEqualTo(open);
        assertThat(status.isSettled()).isEqualTo(!open);
    }

    @Test
    void the_open_and_settled_statuses_share_none() {
        assertThat(RenewalStatus.open()).containsExactly(RenewalStatus.DUE, RenewalStatus.PAST_DUE);
        assertThat(RenewalStatus.settled()).containsExactly(RenewalStatus.PAID, RenewalStatus.UNPAID_ENDED);
    }
}
