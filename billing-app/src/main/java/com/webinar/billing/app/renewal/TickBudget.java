package com.webinar.billing.app.renewal;

import java.time.Duration;

/**
 * How long a tick may go on: it stops well before its Lambda's time limit and leaves the rest to the next
 * tick. Measured on the monotonic clock, which says how long work takes, never what day it is.
 */
public final class TickBudget {
    private final long deadlineNanos;
    private long slowestBatchNanos;
    private long batchStartedAt;

    private TickBudget(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** {@code remaining} minus a safety margin: what the tick may spend. */
    public static TickBudget of(Duration remaining) {
        return new TickBudget(System.nanoTime() + Math.max(0, remaining.toNanos()));
    }

    /** The same deadline, measured for one worker's batches. */
    public TickBudget forWorker() {
        return new TickBudget(deadlineNanos);
    }

    /** Another batch starts only if three of the slowest seen so far still fit. */
    public boolean allowsAnotherBatch() {
        long now = System.nanoTime();
        if (batchStartedAt != 0) {
            slowestBatchNanos = Math.max(slowestBatchNanos, now - batchStartedAt);
        }
        batchStartedAt = now;
        return now + 3 * slowestBatchNanos < deadlineNanos;
    }
}
