package com.webinar.billing.app;

import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.PlainText;

/** Checks on request fields, refused as {@code 400 invalid_request}. */
public final class Require {
    private Require() {}

    public static <T> T present(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new BillingException(BillingError.INVALID_REQUEST, "'" + field + "' is required");
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        present(value, field);
        PlainText.require(value, field);
        if (value.length() > maxLength) {
            throw new BillingException(
                    BillingError.INVALID_REQUEST, "'" + field + "' is longer than " + maxLength + " characters");
        }
        return value;
    }
}
