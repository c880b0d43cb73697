package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CycleTest {

    @ParameterizedTest(name = "{1} from {0} ends {2}, next ends {3}")
    @CsvSource({
        "2026-01-10, MONTHLY, 2026-02-09, 2026-03-11",
        "2026-02-01, MONTHLY, 2026-03-03, 2026-04-02",
        "2026-01-10, ANNUAL,  2027-01-10, 2028-01-10",
        // A leap year still has a 365-day cycle, so the date drifts by one.
        "2028-01-01, ANNUAL,  2028-12-31, 2029-12-31"
    })
    void a_cycle_lasts_exactly_its_period_days_and_the_next_starts_where_it_ends(
            LocalDate start, BillingPeriod period, LocalDate end, LocalDate nextEnd) {
        Cycle cycle = new Cycle(start, period);

        assertThat(cycle.end()).isEqualTo(end);
        assertThat(cycle.days()).isEqualTo(period.days());
        assertThat(cycle.next()).isEqualTo(new Cycle(end, period));
        assertThat(cycle.next().end()).isEqualTo(nextEnd);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({"2026-01-09, false", "2026-01-10, true", "2026-02-08, true", "2026-02-09, false"})
    void a_cycle_holds_its_start_but_not_its_end(LocalDate day, boolean contained) {
        assertThat(new Cycle(LocalDate.parse("2026-01-10"), BillingPeriod.MONTHLY).contains(day))
                .isEqualTo(contained);
    }

    @ParameterizedTest(name = "{0}, next cycles {1}: {2} is in the cycle from {3}, {4}")
    @CsvSource({
        "2026-02-08, ANNUAL,  2026-01-10, MONTHLY",
        "2026-02-09, ANNUAL,  2026-02-09, ANNUAL",
        "2027-02-08, ANNUAL,  2026-02-09, ANNUAL",
        "2027-02-09, ANNUAL,  2027-02-09, ANNUAL",
        "2026-03-11, MONTHLY, 2026-03-11, MONTHLY"
    })
    void after_a_period_change_the_next_cycles_last_the_new_period(
            LocalDate day, BillingPeriod nextPeriod, LocalDate start, BillingPeriod period) {
        Cycle monthly = new Cycle(LocalDate.parse("2026-01-10"), BillingPeriod.MONTHLY);

        assertThat(monthly.containing(day, nextPeriod)).isEqualTo(new Cycle(start, period));
    }

    @ParameterizedTest(name = "ending {1} in {0} turns at {2}")
    @CsvSource({
        "UTC,                 2026-01-10, 2026-02-09T00:00:00Z",
        "Europe/Paris,        2026-01-10, 2026-02-08T23:00:00Z",
        // 2026-03-31 is already summer time in Paris.
        "Europe/Paris,        2026-03-01, 2026-03-30T22:00:00Z",
        "Pacific/Auckland,    2026-01-10, 2026-02-08T11:00:00Z",
        "America/Los_Angeles, 2026-01-10, 2026-02-09T08:00:00Z",
        // In Santiago 2026-09-06 has no 00:00: clocks jump to 01:00, the day's first instant.
        "America/Santiago,    2026-08-07, 2026-09-06T04:00:00Z"
    })
    void a_monthly_cycle_turns_at_midnight_of_its_end_in_the_account_zone(
            ZoneId zone, LocalDate start, Instant turnsAt) {
        assertThat(new Cycle(start, BillingPeriod.MONTHLY).turnsAt(zone)).isEqualTo(turnsAt);
    }

    @Test
    void a_cycle_has_ended_exactly_at_midnight_and_not_one_nanosecond_before() {
        Cycle cycle = new Cycle(LocalDate.parse("2026-01-10"), BillingPeriod.MONTHLY);
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant midnight = Instant.parse("2026-02-08T23:00:00Z");

        assertThat(cycle.hasEndedAt(midnight.minusNanos(1), paris)).isFalse();
        assertThat(cycle.hasEndedAt(midnight, paris)).isTrue();
        assertThat(cycle.hasEndedAt(midnight.plusSeconds(1), paris)).isTrue();
    }

    @ParameterizedTest(name = "on {0}: {1} days left")
    @CsvSource({"2026-01-10, 30", "2026-01-22, 18", "2026-02-08, 1"})
    void the_day_of_purchase_counts_in_full(LocalDate today, int daysRemaining) {
        assertThat(new Cycle(LocalDate.parse("2026-01-10"), BillingPeriod.MONTHLY).daysRemaining(today))
                .isEqualTo(daysRemaining);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-01-09", "2026-02-09"})
    void days_remaining_are_only_counted_within_the_cycle(LocalDate today) {
        Cycle cycle = new Cycle(LocalDate.parse("2026-01-10"), BillingPeriod.MONTHLY);

        assertThatThrownBy(() -> cycle.daysRemaining(today)).isInstanceOf(IllegalArgumentException.class);
    }
}
