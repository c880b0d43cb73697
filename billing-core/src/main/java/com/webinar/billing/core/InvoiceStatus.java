package com.webinar.billing.core;

import java.util.List;

/** Where an invoice stands, read from what the provider said about it, in the order the ledger learnt it. */
public enum InvoiceStatus {
    /** collected (or nothing to collect) */
    PAID,
    /** awaiting payment: not asked yet, processing, or waiting for the payer to authenticate */
    OPEN,
    /** the last attempt was refused; a renewal in its grace period may still be retried (R8) */
    FAILED,
    /** money was given back */
    REFUNDED;

    public static InvoiceStatus of(long totalMinor, List<PaymentOutcome> outcomes) {
        if (outcomes.contains(PaymentOutcome.REFUNDED)) {
            return REFUNDED;
        }
        // a success settles the invoice whatever was said before it (a refused attempt, then a paid retry) and
        // whatever late word arrives after it: the provider charges one payment key once
        if (totalMinor == 0 || outcomes.contains(PaymentOutcome.SUCCEEDED)) {
            return PAID;
        }
        if (outcomes.isEmpty()) {
            return OPEN;
        }
        return outcomes.get(outcomes.size() - 1) == PaymentOutcome.FAILED ? FAILED : OPEN;
    }
}
