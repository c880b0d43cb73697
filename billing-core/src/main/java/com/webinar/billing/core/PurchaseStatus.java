package com.webinar.billing.core;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

public enum PurchaseStatus {
    PENDING_PAYMENT,
    ACTIVE,
    FAILED,
    CANCELLATION_SCHEDULED,
    PAST_DUE,
    ENDED;

    /** Whether a purchase in this status gives the account what it bought (R10). */
    public boolean grants() {
        return this == ACTIVE || this == CANCELLATION_SCHEDULED || this == PAST_DUE;
    }

    /**
     * R7: a recurring purchase in this status renews at its account's turn (a past-due one too: it is still in
     * its grace period). Not a purchase still waiting for its first payment.
     */
    public boolean renewsAtTurn() {
        return this == ACTIVE || this == PAST_DUE;
    }

    /**
     * R6: a purchase in this status renews at a turn only while its scheduled end lies after the new cycle's
     * first day (cancelled after the cycle turned), and ends at the turn when its end has come.
     */
    public boolean endsWhenScheduled() {
        return this == CANCELLATION_SCHEDULED;
    }

    /** R8: a purchase in this status ends when the renewal that made it so is given up. */
    public boolean endsUnpaid() {
        return this == PAST_DUE;
    }

    /** R8: a purchase in this status is active again when the renewal that made it so is paid. */
    public boolean recoversWhenPaid() {
        return this == PAST_DUE;
    }

    /** R8: a purchase in this status becomes past due when its renewal is refused. */
    public boolean fallsPastDue() {
        return this == ACTIVE;
    }

    /** The statuses for which {@code rule} holds, for a repository's parameter. */
    public static List<PurchaseStatus> where(Predicate<PurchaseStatus> rule) {
        return Arrays.stream(values()).filter(rule).toList();
    }
}
