package com.webinar.billing.core;

import java.util.Arrays;
import java.util.List;

/** Where the collection of a renewal invoice stands (R7, R8). */
public enum RenewalStatus {
    /** issued at the turn, not charged yet (or charged without an answer) */
    DUE,
    /** collected, or nothing to collect */
    PAID,
    /** refused: in its grace period, retried on its retry days */
    PAST_DUE,
    /** the grace period ended unpaid: its purchases ended */
    UNPAID_ENDED;

    /** Still to be collected: the tick charges it when due. */
    public boolean isOpen() {
        return this == DUE || this == PAST_DUE;
    }

    /** Its outcome is final: a later answer from the provider changes nothing. */
    public boolean isSettled() {
        return !isOpen();
    }

    /** The statuses of the renewals still to be collected. */
    public static List<RenewalStatus> open() {
        return Arrays.stream(values()).filter(RenewalStatus::isOpen).toList();
    }

    /** The statuses whose outcome is final. */
    public static List<RenewalStatus> settled() {
        return Arrays.stream(values()).filter(RenewalStatus::isSettled).toList();
    }
}
