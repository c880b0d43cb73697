package com.webinar.billing.app.events;

import java.util.List;

/**
 * Where the outbox is published: Amazon EventBridge when deployed, an in-memory sink locally. One
 * {@link #publish} is one call to the bus, within its limits.
 */
public interface EventBus {

    /** The most entries one call takes. */
    int maxEntriesPerCall();

    /** The most bytes the entries of one call may add up to, as {@link #sizeOf} counts them; no limit unless said. */
    default long maxBytesPerCall() {
        return Long.MAX_VALUE;
    }

    /** What an entry counts for against {@link #maxBytesPerCall}. */
    default long sizeOf(Envelope entry) {
        return 0;
    }

    /**
     * Publishes the entries in one call and answers one delivery per entry, in the order given. A call that fails
     * as a whole (the bus unreachable, throttling, a timeout) answers FAILED or THROTTLED for every entry.
     */
    List<Delivery> publish(List<Envelope> entries);
}
