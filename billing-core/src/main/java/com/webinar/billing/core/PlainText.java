package com.webinar.billing.core;

/**
 * Text a caller gives this system (ids, names, idempotency keys): well-formed Unicode without control characters.
 * PostgreSQL cannot store NUL, a lone surrogate would be stored as {@code ?}, and {@code U+FFFD} is what a decoder
 * leaves where the bytes were not UTF-8: each would fail or be stored altered, so each is refused instead.
 */
public final class PlainText {
    private static final char REPLACEMENT = '\uFFFD';

    private PlainText() {}

    public static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == REPLACEMENT) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} itself, or {@code 400 invalid_request} naming {@code field}. */
    public static String require(String value, String field) {
        if (value != null && !isPlain(value)) {
            throw new BillingException(
                    BillingError.INVALID_REQUEST,
                    "'" + field + "' holds a control character or is not valid Unicode text");
        }
        return value;
    }
}
