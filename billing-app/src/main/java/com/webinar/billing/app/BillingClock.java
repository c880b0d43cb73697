package com.webinar.billing.app;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The only source of "now". Local mode replaces it with a clock that {@code dev-clock} moves. */
@ApplicationScoped
public class BillingClock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        // milliseconds: what PostgreSQL stores and answers show, so a value read back equals the one written
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
