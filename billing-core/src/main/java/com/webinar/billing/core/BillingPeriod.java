package com.webinar.billing.core;

/** Cycles last a fixed number of days, leap years included. */
public enum BillingPeriod {
    MONTHLY(30),
    ANNUAL(365);

    private final int days;

    BillingPeriod(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }
}
