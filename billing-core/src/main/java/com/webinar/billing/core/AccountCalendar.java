package com.webinar.billing.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;

/** Billing dates are always the account's own dates, never the server's. */
public final class AccountCalendar {
    /**
     * Region names of the tz database, which Java and PostgreSQL read alike (the tick computes the turn in SQL).
     * Offsets such as {@code -05:00} or {@code UTC-5} are not: PostgreSQL reads their sign the POSIX way, the
     * opposite of Java; nor are the {@code SystemV/} names, which PostgreSQL does not know.
     */
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> !id.startsWith("SystemV/"))
            .collect(Collectors.toUnmodifiableSet());

    private AccountCalendar() {}

    public static LocalDate today(Clock clock, ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public static Set<String> zoneNames() {
        return ZONES;
    }

    /** The zone an account may have, or {@code 400 invalid_request}. */
    public static ZoneId zone(String name) {
        if (name == null || !ZONES.contains(name)) {
            throw new BillingException(
                    BillingError.INVALID_REQUEST, "'timeZone' must be a region of the tz database, e.g. Europe/Paris");
        }
        return ZoneId.of(name);
    }

    /**
     * No account of the platform began before this: an older date comes from a broken client (and a date BC is not
     * even read back as stored), and a cycle that far back would take the tick thousands of turns to catch up.
     */
    public static final LocalDate EARLIEST_CYCLE_START = LocalDate.of(1970, 1, 1);

    /** A cycle start the account's calendar can hold: from {@link #EARLIEST_CYCLE_START} to its today. */
    public static void requireStarted(LocalDate cycleStart, ZoneId zone, Clock clock) {
        LocalDate today = today(clock, zone);
        if (cycleStart.isAfter(today)) {
            // a cycle that has not begun could not be quoted
            throw new BillingException(
                    BillingError.INVALID_REQUEST,
                    "'cycleStart' " + cycleStart + " is after the account's today, " + today + " in " + zone);
        }
        if (cycleStart.isBefore(EARLIEST_CYCLE_START)) {
            throw new BillingException(
                    BillingError.INVALID_REQUEST, "'cycleStart' must not be before " + EARLIEST_CYCLE_START);
        }
    }
}
