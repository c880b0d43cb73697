package com.webinar.billing.core;

import java.time.Instant;

/** What R8 does with a renewal after one answer to its charge ({@link GracePeriod#decide}). */
public sealed interface RenewalDecision {

    /** Collected: the renewal is {@link RenewalStatus#PAID} and the purchases it held past due are active again. */
    record Paid() implements RenewalDecision {}

    /**
     * Refused within the grace period: retried at {@code at}; {@code failedAt} is when the renewal first failed,
     * from which the grace period is counted.
     */
    record RetryAt(Instant at, Instant failedAt) implements RenewalDecision {}

    /** Refused past the grace period: the renewal is {@link RenewalStatus#UNPAID_ENDED} and its purchases end. */
    record GiveUp() implements RenewalDecision {}

    /** Nothing decided yet: the charge is asked again, under the same payment key, from {@code askAgainAt}. */
    record WaitForProvider(Instant askAgainAt) implements RenewalDecision {}
}
