package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchaseStatusTest {

    @ParameterizedTest(name = "{0}: renews={1} ends when scheduled={2} ends unpaid={3} falls past due={4}")
    @CsvSource({
        "ACTIVE,                 true,  false, false, false, true",
        "PAST_DUE,               true,  false, true,  true,  false",
        "CANCELLATION_SCHEDULED, false, true,  false, false, false",
        "PENDING_PAYMENT,        false, false, false, false, false",
        "FAILED,                 false, false, false, false, false",
        "ENDED,                  false, false, false, false, false"
    })
    void what_a_turn_and_a_renewal_outcome_do_to_a_purchase(
            PurchaseStatus status,
            boolean renews,
            boolean endsWhenScheduled,
            boolean endsUnpaid,
            boolean recovers,
            boolean fallsPastDue) {
        assertThat(status.renewsAtTurn()).isEqualTo(renews);
        assertThat(status.endsWhenScheduled()).isEqualTo(endsWhenScheduled);
        assertThat(status.endsUnpaid()).isEqualTo(endsUnpaid);
        assertThat(status.recoversWhenPaid()).isEqualTo(recovers);
        assertThat(status.fallsPastDue()).isEqualTo(fallsPastDue);
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE", "PAST_DUE", "CANCELLATION_SCHEDULED"})
    void every_status_that_renews_or_ends_at_a_turn_grants(PurchaseStatus status) {
        assertThat(status.grants()).isTrue();
        assertThat(PurchaseStatus.where(s -> s.renewsAtTurn() || s.endsWhenScheduled()))
                .contains(status);
    }
}
