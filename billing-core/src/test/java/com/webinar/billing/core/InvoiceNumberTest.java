package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceNumberTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"2026, 123, 2026-000123", "2027, 1, 2027-000001", "2026, 1234567, 2026-1234567"})
    void a_number_is_the_year_and_the_rank_in_it(int year, long seq, String written) {
        assertThat(new InvoiceNumber(year, seq)).hasToString(written);
    }

    @ParameterizedTest(name = "issued {0} -> series {1}")
    @CsvSource({"2026-12-31T23:30:00Z, 2026", "2027-01-01T00:00:00Z, 2027", "2026-01-01T00:00:00Z, 2026"})
    void the_series_is_the_issue_instants_year_in_the_issuers_zone(Instant issuedAt, int year) {
        assertThat(InvoiceNumber.yearOf(issuedAt)).isEqualTo(year);
    }

    @Test
    void numbers_start_at_one() {
        assertThatThrownBy(() -> new InvoiceNumber(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
