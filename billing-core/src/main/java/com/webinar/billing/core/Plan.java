package com.webinar.billing.core;

/** The account's plan; plans are sold elsewhere, this system is only told of them. */
public enum Plan {
    FREE_TRIAL,
    LIVE,
    AUTOMATED,
    ENTERPRISE;

    public boolean isPaid() {
        return this != FREE_TRIAL;
    }
}
