package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceCursorTest {

    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource({"2026, 1", "2027, 123", "2026, 1234567"})
    void a_cursor_reads_back_as_written(int year, long seq) {
        InvoiceCursor cursor = new InvoiceCursor(new InvoiceNumber(year, seq));
        assertThat(InvoiceCursor.parse(cursor.encode())).isEqualTo(cursor);
    }

    /** Written by hand: "v1:2026:0", "v1:26:5", "v1:2026:x", {"page":2}, and text that is no base64. */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"''", "not-base64!", "djE6MjAyNjow", "djE6MjY6NQ", "djE6MjAyNjp4", "eyJwYWdlIjoyfQ"})
    void a_cursor_this_function_did_not_write_is_an_invalid_request(String cursor) {
        assertThatThrownBy(() -> InvoiceCursor.parse(cursor))
                .isInstanceOfSatisfying(
                        BillingException.class, e -> assertThat(e.error()).isEqualTo(BillingError.INVALID_REQUEST));
    }
}
