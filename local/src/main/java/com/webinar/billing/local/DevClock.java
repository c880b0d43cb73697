package com.webinar.billing.local;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Local mode's clock: the system clock until {@code dev-clock} sets a time, then that time, standing still. */
@ApplicationScoped
public class DevClock {
    private final AtomicReference<Instant> setTo = new AtomicReference<>();

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            Instant set = setTo.get();
            return set != null ? set : Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
    };

    @Produces
    @ApplicationScoped
    Clock clock() {
        return clock;
    }

    public Instant set(Instant now) {
        setTo.set(now.truncatedTo(ChronoUnit.MILLIS));
        return clock.instant();
    }

    public Instant now() {
        return clock.instant();
    }
}
