package com.webinar.billing.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of the owner's invoices ends: the number of its last invoice. Pages run newest first in number
 * order (the year, then the rank in it), and the next page starts strictly after it. Opaque to the caller:
 * base64url of {@code v1:<year>:<seq>}.
 */
public record InvoiceCursor(InvoiceNumber after) {

    /** How many invoices one page holds. */
    public static final int PAGE_SIZE = 20;

    private static final Pattern FORM = Pattern.compile("v1:(\\d{4}):(\\d{1,18})");

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:" + after.year() + ":" + after.seq()).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a caller sent back; anything this class did not write is {@code 400 invalid_request}. */
    public static InvoiceCursor parse(String cursor) {
        try {
            Matcher m = FORM.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (m.matches()) {
                return new InvoiceCursor(new InvoiceNumber(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))));
            }
        } catch (IllegalArgumentException e) {
            // not base64, or a number that is none (seq 0): refused below
        }
        throw new BillingException(BillingError.INVALID_REQUEST, "cursor: not a cursor this function gave out");
    }
}
