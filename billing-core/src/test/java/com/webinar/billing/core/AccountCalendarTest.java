package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountCalendarTest {

    @ParameterizedTest(name = "\"{0}\" is a zone an account may have")
    @ValueSource(
            strings = {"Europe/Paris", "Pacific/Kiritimati", "America/St_Johns", "UTC", "Etc/GMT+5", "Asia/Kolkata"})
    void regions_of_the_tz_database_are_accepted(String name) {
        assertThat(AccountCalendar.zone(name)).isEqualTo(ZoneId.of(name));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
            strings = {
                "-05:00",
                "+14:00",
                "UTC-5",
                "UTC+05:00",
                "GMT+3",
                "UT+1",
                "Z",
                "SystemV/EST5",
                "europe/paris",
                ""
            })
    void offsets_prefixed_offsets_and_names_postgresql_reads_otherwise_are_refused(String name) {
        assertThatThrownBy(() -> AccountCalendar.zone(name))
                .isInstanceOfSatisfying(
                        BillingException.class, e -> assertThat(e.error()).isEqualTo(BillingError.INVALID_REQUEST));
    }

    @ParameterizedTest(name = "at {0} a cycle starting {1} in {2}: accepted {3}")
    @CsvSource({
        "2026-01-22T10:15:00Z, 2026-01-22, Europe/Paris,        true",
        "2026-01-22T10:15:00Z, 2026-01-23, Europe/Paris,        false",
        "2026-01-22T10:15:00Z, 2026-01-23, Pacific/Kiritimati,  true",
        "2026-01-22T10:15:00Z, 2026-01-22, Pacific/Pago_Pago,   false",
        "2026-01-22T10:15:00Z, 1970-01-01, UTC,                 true",
        "2026-01-22T10:15:00Z, 1969-12-31, UTC,                 false",
    })
    void a_cycle_start_must_lie_between_1970_and_the_account_today(
            Instant now, LocalDate cycleStart, String zone, boolean accepted) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        if (accepted) {
            assertThatCode(() -> AccountCalendar.requireStarted(cycleStart, ZoneId.of(zone), clock))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AccountCalendar.requireStarted(cycleStart, ZoneId.of(zone), clock))
                    .isInstanceOfSatisfying(
                            BillingException.class, e -> assertThat(e.error()).isEqualTo(BillingError.INVALID_REQUEST));
        }
    }

    /**
     * What account-sync accepts (a zone, a cycle start; later a new zone) never leaves an account that quote cannot
     * price at any later instant: the cycle today falls in holds today, whatever the zone and however long ago.
     */
    @Property(tries = 2000)
    void an_account_that_sync_accepts_can_always_be_quoted_later(
            @ForAll("zoneNames") String zone,
            @ForAll("zoneNames") String laterZone,
            @ForAll BillingPeriod period,
            @ForAll("cycleStarts") LocalDate cycleStart,
            @ForAll("instants") Instant syncedAt,
            @ForAll @LongRange(min = 0, max = 400L * 86_400) long secondsToZoneChange,
            @ForAll @LongRange(min = 0, max = 400L * 86_400) long secondsToQuote) {
        if (!accepted(zone, cycleStart, syncedAt)) {
            return;
        }
        Instant zoneChangedAt = syncedAt.plusSeconds(secondsToZoneChange);
        String stored = accepted(laterZone, cycleStart, zoneChangedAt) ? laterZone : zone;
        Instant quotedAt = zoneChangedAt.plusSeconds(secondsToQuote);

        LocalDate today = AccountCalendar.today(Clock.fixed(quotedAt, ZoneOffset.UTC), ZoneId.of(stored));
        Cycle cycle = new Cycle(cycleStart, period).containing(today);
        PriceQuote quote = PriceQuote.of(AddOn.PRESENTERS, 1, Money.of(2000, "EUR"), cycle, today);

        assertThat(quote.daysRemaining()).isBetween(1, period.days());
    }

    /** Refusals are {@code 400 invalid_request}, nothing else. */
    private static boolean accepted(String zone, LocalDate cycleStart, Instant at) {
        try {
            AccountCalendar.requireStarted(cycleStart, AccountCalendar.zone(zone), Clock.fixed(at, ZoneOffset.UTC));
            return true;
        } catch (BillingException e) {
            assertThat(e.error()).isEqualTo(BillingError.INVALID_REQUEST);
            return false;
        }
    }

    @Provide
    Arbitrary<String> zoneNames() {
        return Arbitraries.oneOf(
                Arbitraries.of(List.copyOf(AccountCalendar.zoneNames())),
                Arbitraries.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Apia", "America/St_Johns"),
                Arbitraries.of("-05:00", "+14:00", "UTC-12", "GMT+3", "Z", "SystemV/EST5", "Mars/Olympus", ""));
    }

    @Provide
    Arbitrary<LocalDate> cycleStarts() {
        return Arbitraries.oneOf(
                Arbitraries.longs()
                        .between(
                                LocalDate.of(1960, 1, 1).toEpochDay(),
                                LocalDate.of(2045, 1, 1).toEpochDay())
                        .map(LocalDate::ofEpochDay),
                Arbitraries.of(LocalDate.MIN, LocalDate.of(-4000, 2, 29), LocalDate.of(1, 1, 1), LocalDate.MAX));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(
                        Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2036-01-01T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
    }
}
