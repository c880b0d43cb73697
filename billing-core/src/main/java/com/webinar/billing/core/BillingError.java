package com.webinar.billing.core;

/** The one domain error type of the billing system: a stable code and the HTTP status it maps to. */
public enum BillingError {
    INVALID_REQUEST(400, "invalid_request", "Invalid request"),
    INVALID_SIGNATURE(400, "invalid_signature", "Invalid signature"),
    UNAUTHENTICATED(401, "unauthenticated", "Unauthenticated"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not_found", "Not found"),
    PLAN_NOT_ELIGIBLE(409, "plan_not_eligible", "Plan not eligible"),
    QUOTE_EXPIRED(409, "quote_expired", "Quote expired"),
    IDEMPOTENCY_KEY_REUSED(409, "idempotency_key_reused", "Idempotency key reused"),
    NOT_CANCELLABLE(409, "not_cancellable", "Not cancellable"),
    CONFIRMATION_REQUIRED(409, "confirmation_required", "Confirmation required"),
    NO_FREE_SEAT(409, "no_free_seat", "No free seat"),
    IMMUTABLE_FIELD(409, "immutable_field", "Immutable field"),
    NOTHING_PAST_DUE(409, "nothing_past_due", "Nothing past due"),
    PAYMENT_IN_PROGRESS(409, "payment_in_progress", "Payment in progress"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    private final int status;
    private final String code;
    private final String title;

    BillingError(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
