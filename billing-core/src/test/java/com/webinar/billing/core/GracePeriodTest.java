package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GracePeriodTest {

    private static final Instant FAILED_AT = Instant.parse("2026-02-09T00:05:00Z");

    @ParameterizedTest(name = "refused at {0}: next retry {1}")
    @CsvSource({
        "2026-02-09T00:05:00Z, 2026-02-10T00:05:00Z",
        "2026-02-10T00:05:00Z, 2026-02-12T00:05:00Z",
        "2026-02-11T09:00:00Z, 2026-02-12T00:05:00Z",
        "2026-02-12T00:05:00Z, 2026-02-16T00:05:00Z",
        "2026-02-16T00:04:59Z, 2026-02-16T00:05:00Z",
        "2026-02-16T00:05:00Z, ",
        "2026-03-01T00:00:00Z, "
    })
    void a_failed_renewal_is_retried_on_days_one_three_and_seven_by_the_calendar(Instant now, Instant nextRetry) {
        if (nextRetry == null) {
            assertThat(GracePeriod.nextRetryAfter(FAILED_AT, now)).isEmpty();
        } else {
            assertThat(GracePeriod.nextRetryAfter(FAILED_AT, now)).contains(nextRetry);
        }
    }

    @ParameterizedTest(name = "{0}, failed at {1}, {2} at {3} -> {4} {5}")
    @CsvSource({
        // the first attempt
        "DUE,      ,                     PAID,       2026-02-09T00:05:00Z, paid,  ",
        "DUE,      ,                     REFUSED,    2026-02-09T00:05:00Z, retry, 2026-02-10T00:05:00Z",
        "DUE,      ,                     PROCESSING, 2026-02-09T00:05:00Z, wait,  2026-02-10T00:05:00Z",
        "DUE,      ,                     NO_ANSWER,  2026-02-09T00:05:00Z, wait,  2026-02-09T00:05:00Z",
        // retries made on their days
        "PAST_DUE, 2026-02-09T00:05:00Z, REFUSED,    2026-02-10T00:05:00Z, retry, 2026-02-12T00:05:00Z",
        "PAST_DUE, 2026-02-09T00:05:00Z, REFUSED,    2026-02-12T00:05:00Z, retry, 2026-02-16T00:05:00Z",
        "PAST_DUE, 2026-02-09T00:05:00Z, REFUSED,    2026-02-16T00:05:00Z, end,   ",
        "PAST_DUE, 2026-02-09T00:05:00Z, PAID,       2026-02-16T00:05:00Z, paid,  ",
        // a tick a day late still finds the next day on the calendar
        "PAST_DUE, 2026-02-09T00:05:00Z, REFUSED,    2026-02-11T01:00:00Z, retry, 2026-02-12T00:05:00Z",
        // after a scheduler outage: one last attempt, and its refusal ends the renewal at once
        "PAST_DUE, 2026-02-09T00:05:00Z, REFUSED,    2026-02-20T00:00:00Z, end,   ",
        "PAST_DUE, 2026-02-09T00:05:00Z, PAID,       2026-02-20T00:00:00Z, paid,  ",
        "PAST_DUE, 2026-02-09T00:05:00Z, NO_ANSWER,  2026-02-20T00:00:00Z, wait,  2026-02-20T00:00:00Z",
        "PAST_DUE, 2026-02-09T00:05:00Z, PROCESSING, 2026-02-20T00:00:00Z, wait,  2026-02-21T00:00:00Z"
    })
    void what_r8_does_after_an_answer(
            RenewalStatus status, Instant failedAt, ChargeAnswer answer, Instant now, String outcome, Instant at) {
        RenewalDecision decision = GracePeriod.decide(status, failedAt, answer, now);

        switch (outcome) {
            case "paid" -> assertThat(decision).isEqualTo(new RenewalDecision.Paid());
            case "end" -> assertThat(decision).isEqualTo(new RenewalDecision.GiveUp());
            case "wait" -> assertThat(decision).isEqualTo(new RenewalDecision.WaitForProvider(at));
            default ->
                assertThat(decision).isEqualTo(new RenewalDecision.RetryAt(at, failedAt == null ? now : failedAt));
        }
    }

    @ParameterizedTest
    @CsvSource({"PAID", "UNPAID_ENDED"})
    void a_settled_renewal_is_not_decided_again(RenewalStatus status) {
        assertThatThrownBy(() -> GracePeriod.decide(status, FAILED_AT, ChargeAnswer.REFUSED, FAILED_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_grace_period_is_seven_days_and_three_retries() {
        assertThat(GracePeriod.endsAt(FAILED_AT)).isEqualTo(Instant.parse("2026-02-16T00:05:00Z"));
        assertThat(GracePeriod.MAX_RETRIES).isEqualTo(3);
    }
}
