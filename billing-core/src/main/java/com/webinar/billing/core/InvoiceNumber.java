package com.webinar.billing.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * An invoice's number: the {@code seq}-th invoice issued in calendar year {@code year} of the issuer, one gapless
 * series per year, written {@code 2026-000123} (more digits once a year passes 999,999 invoices).
 */
public record InvoiceNumber(int year, long seq) {

    /** The issuer's calendar: an invoice issued at 23:30 UTC on 31 December belongs to that year. */
    public static final ZoneId ISSUER_ZONE = ZoneOffset.UTC;

    public InvoiceNumber {
        if (seq < 1) {
            throw new IllegalArgumentException("invoice numbers start at 1: " + seq);
        }
    }

    /** The year whose series numbers an invoice issued at {@code issuedAt}. */
    public static int yearOf(Instant issuedAt) {
        return issuedAt.atZone(ISSUER_ZONE).getYear();
    }

    @Override
    public String toString() {
        return "%d-%06d".formatted(year, seq);
    }
}
