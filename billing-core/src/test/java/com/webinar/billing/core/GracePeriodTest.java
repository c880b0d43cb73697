package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GracePeriodTest {

    private static final Instant FAILED_AT = Instant.parse("2026-02-09T00:05:00Z");

    @ParameterizedTest(name = "after {0} retries: next at {1}")
    @CsvSource({"0, 2026-02-10T00:05:00Z", "1, 2026-02-12T00:05:00Z", "2, 2026-02-16T00:05:00Z", "3, ", "4, "})
    void a_failed_renewal_is_retried_on_days_one_three_and_seven(int attemptsSoFar, Instant nextRetry) {
        if (nextRetry == null) {
            assertThat(GracePeriod.nextRetryAt(FAILED_AT, attemptsSoFar)).isEmpty();
        } else {
            assertThat(GracePeriod.nextRetryAt(FAILED_AT, attemptsSoFar)).contains(nextRetry);
        }
    }

    @ParameterizedTest(name = "{0} retries, last failed={1} -> over={2}")
    @CsvSource({"0, false, false", "1, true, false", "2, true, false", "3, false, false", "3, true, true"})
    void the_grace_period_is_over_once_the_third_retry_failed(
            int attemptsSoFar, boolean lastRetryFailed, boolean over) {
        assertThat(GracePeriod.isOver(FAILED_AT, attemptsSoFar, lastRetryFailed))
                .isEqualTo(over);
    }
}
