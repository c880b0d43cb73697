package com.webinar.billing.core;

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
}
