package com.webinar.billing.core;

import java.util.Objects;

/** R10: what one purchase may give the account, depending on its status. */
public record Grant(AddOn addOn, int quantity, PurchaseStatus status) {

    public Grant {
        Objects.requireNonNull(addOn, "addOn");
        Objects.requireNonNull(status, "status");
        if (quantity < 0) {
            throw new IllegalArgumentException("A quantity cannot be negative: " + quantity);
        }
    }
}
