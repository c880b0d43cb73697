package com.webinar.billing.app.events;

import java.time.Duration;

/** How long the relay waits after the bus refused something: doubling from {@code first} up to {@code max}. */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    public Duration next() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return wait;
    }

    public void reset() {
        next = first;
    }
}
