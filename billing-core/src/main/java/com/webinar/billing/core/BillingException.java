package com.webinar.billing.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A refusal by a billing rule; carries what the caller is told, never a stack trace. */
public final class BillingException extends RuntimeException {

    private final BillingError error;
    private final String detail;
    private final Map<String, Object> extra;

    public BillingException(BillingError error, String detail) {
        this(error, detail, Map.of());
    }

    /** {@code extra} holds additional problem fields, e.g. "subAccounts" to the ids about to be erased. */
    public BillingException(BillingError error, String detail, Map<String, Object> extra) {
        super(Objects.requireNonNull(error, "error").code() + ": " + detail);
        this.error = error;
        this.detail = detail;
        // Insertion order kept so that problem documents list fields as the rule wrote them.
        this.extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public static BillingException of(BillingError error, String detail) {
        return new BillingException(error, detail);
    }

    public BillingError error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
