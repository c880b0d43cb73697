package com.webinar.billing.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A billing cycle {@code [start, end)} as dates in the account's time zone; {@code end = start +
 * period.days()}. The cycle turns at 00:00 of {@code end} in that zone.
 */
public record Cycle(LocalDate start, BillingPeriod period) {

    public Cycle {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(period, "period");
    }

    public LocalDate end() {
        return start.plusDays(period.days());
    }

    public int days() {
        return period.days();
    }

    public Cycle next() {
        return new Cycle(end(), period);
    }

    /**
     * The cycle that holds {@code day}: this one, or a later one when the renewal tick has not moved the stored
     * cycle on yet. A day before this cycle gives this cycle (a clock never moves a cycle back).
     */
    public Cycle containing(LocalDate day) {
        Cycle cycle = this;
        while (!day.isBefore(cycle.end())) {
            cycle = cycle.next();
        }
        return cycle;
    }

    /** As {@link #containing(LocalDate)}, when the cycles after this one last {@code nextPeriod}. */
    public Cycle containing(LocalDate day, BillingPeriod nextPeriod) {
        Objects.requireNonNull(nextPeriod, "nextPeriod");
        if (day.isBefore(end())) {
            return this;
        }
        return new Cycle(end(), nextPeriod).containing(day);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end());
    }

    /** When a day starts without 00:00 (a DST gap), the cycle turns at the first instant of that day. */
    public Instant turnsAt(ZoneId zone) {
        return end().atStartOfDay(zone).toInstant();
    }

    public boolean hasEndedAt(Instant now, ZoneId zone) {
        return !now.isBefore(turnsAt(zone));
    }

    /** The days left including {@code today}, which counts in full. */
    public int daysRemaining(LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (!contains(today)) {
            throw new IllegalArgumentException(today + " is not in the cycle " + start + ".." + end());
        }
        return (int) ChronoUnit.DAYS.between(today, end());
    }
}
