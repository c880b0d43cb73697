package com.webinar.billing.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** R8: a failed renewal is retried on days 1, 3 and 7 after it failed; then the purchases end. */
public final class GracePeriod {

    public static final List<Integer> RETRY_DAYS = List.of(1, 3, 7);

    public static final Duration LENGTH = Duration.ofDays(RETRY_DAYS.get(RETRY_DAYS.size() - 1));

    private GracePeriod() {}

    /** {@code attemptsSoFar} counts the retries already made, not the failed renewal itself. */
    public static Optional<Instant> nextRetryAt(Instant failedAt, int attemptsSoFar) {
        Objects.requireNonNull(failedAt, "failedAt");
        requireAttempts(attemptsSoFar);
        if (attemptsSoFar >= RETRY_DAYS.size()) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(Duration.ofDays(RETRY_DAYS.get(attemptsSoFar))));
    }

    public static boolean isOver(Instant failedAt, int attemptsSoFar, boolean lastRetryFailed) {
        Objects.requireNonNull(failedAt, "failedAt");
        requireAttempts(attemptsSoFar);
        return attemptsSoFar >= RETRY_DAYS.size() && lastRetryFailed;
    }

    private static void requireAttempts(int attemptsSoFar) {
        if (attemptsSoFar < 0) {
            throw new IllegalArgumentException("Attempts cannot be negative: " + attemptsSoFar);
        }
    }
}
