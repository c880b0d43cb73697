package com.webinar.billing.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of the owner's invoices (newest first) ends: the issue instant and id of its last invoice, the
 * next page starts strictly after it. Opaque to the caller: base64url of {@code v1:<epoch micros>:<uuid>}.
 */
public record InvoiceCursor(Instant issuedAt, UUID invoiceId) {

    /** How many invoices one page holds. */
    public static final int PAGE_SIZE = 20;

    private static final Pattern FORM = Pattern.compile("v1:(-?\\d{1,19}):([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})");

    public String encode() {
        long micros =
                Math.addExact(Math.multiplyExact(issuedAt.getEpochSecond(), 1_000_000L), issuedAt.getNano() / 1000);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:" + micros + ":" + invoiceId).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a caller sent back; anything this class did not write is {@code 400 invalid_request}. */
    public static InvoiceCursor parse(String cursor) {
        try {
            Matcher m = FORM.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (m.matches()) {
                long micros = Long.parseLong(m.group(1));
                return new InvoiceCursor(
                        Instant.ofEpochSecond(
                                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000),
                        UUID.fromString(m.group(2)));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // falls through to the refusal below
        }
        throw new BillingException(BillingError.INVALID_REQUEST, "cursor: not a cursor this function gave out");
    }
}
