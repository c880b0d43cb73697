package com.webinar.billing.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * R8, by the calendar: a failed renewal is retried on days 1, 3 and 7 after it failed, and its grace period ends
 * 7 days after it failed, however many ticks ran in between. A tick that comes late (the scheduler was out) makes
 * one attempt; refused past the grace period, the purchases end at once.
 */
public final class GracePeriod {

    public static final List<Integer> RETRY_DAYS = List.of(1, 3, 7);

    public static final Duration LENGTH = Duration.ofDays(RETRY_DAYS.get(RETRY_DAYS.size() - 1));

    /** A retry is made on a retry day at most once, so a renewal is retried at most this many times. */
    public static final int MAX_RETRIES = RETRY_DAYS.size();

    /** A provider still processing a charge is asked again after this long without word from it. */
    public static final Duration PROVIDER_SILENCE = Duration.ofDays(1);

    private GracePeriod() {}

    /** The instant the grace period of a renewal refused at {@code failedAt} is over. */
    public static Instant endsAt(Instant failedAt) {
        return Objects.requireNonNull(failedAt, "failedAt").plus(LENGTH);
    }

    /** The first retry day after {@code now}; empty once the grace period is over at {@code now}. */
    public static Optional<Instant> nextRetryAfter(Instant failedAt, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!now.isBefore(endsAt(failedAt))) {
            return Optional.empty();
        }
        return RETRY_DAYS.stream()
                .map(day -> failedAt.plus(Duration.ofDays(day)))
                .filter(retry -> retry.isAfter(now))
                .findFirst();
    }

    /**
     * What to do with an open renewal after {@code answer} came at {@code now}. {@code failedAt} is when it was
     * first refused (null while it is {@link RenewalStatus#DUE}).
     */
    public static RenewalDecision decide(RenewalStatus status, Instant failedAt, ChargeAnswer answer, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!Objects.requireNonNull(status, "status").isOpen()) {
            throw new IllegalArgumentException("a settled renewal is not charged: " + status);
        }
        return switch (Objects.requireNonNull(answer, "answer")) {
            case PAID -> new RenewalDecision.Paid();
            case PROCESSING -> new RenewalDecision.WaitForProvider(now.plus(PROVIDER_SILENCE));
            case NO_ANSWER -> new RenewalDecision.WaitForProvider(now);
            case REFUSED -> {
                Instant failed = status == RenewalStatus.DUE ? now : Objects.requireNonNull(failedAt, "failedAt");
                yield nextRetryAfter(failed, now)
                        .<RenewalDecision>map(at -> new RenewalDecision.RetryAt(at, failed))
                        .orElseGet(RenewalDecision.GiveUp::new);
            }
        };
    }
}
