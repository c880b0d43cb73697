package com.webinar.billing.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Billing dates are always the account's own dates, never the server's. */
public final class AccountCalendar {

    private AccountCalendar() {}

    public static LocalDate today(Clock clock, ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
