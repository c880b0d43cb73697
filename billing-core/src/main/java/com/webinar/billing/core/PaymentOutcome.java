package com.webinar.billing.core;

/** What the payment provider said about one attempt to collect an invoice, as the ledger records it. */
public enum PaymentOutcome {
    PENDING,
    SUCCEEDED,
    FAILED,
    REFUNDED
}
