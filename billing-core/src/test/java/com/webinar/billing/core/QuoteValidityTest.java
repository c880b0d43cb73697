package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteValidityTest {

    private static final Instant CREATED = Instant.parse("2026-01-22T10:00:00Z");
    private static final LocalDate CYCLE_START = LocalDate.parse("2026-01-10");

    @Test
    void a_quote_expires_fifteen_minutes_after_it_was_made() {
        assertThat(QuoteValidity.expiresAt(CREATED)).isEqualTo(Instant.parse("2026-01-22T10:15:00Z"));
    }

    @ParameterizedTest(name = "{0}: used={2}, current cycle {3} -> usable={4}")
    @CsvSource({
        "fresh,                           PT0S,           false, 2026-01-10, true",
        "one nanosecond before expiry,    PT14M59.999999999S, false, 2026-01-10, true",
        "exactly at 15 minutes,           PT15M,          false, 2026-01-10, false",
        "an hour later,                   PT1H,           false, 2026-01-10, false",
        "already used,                    PT1M,           true,  2026-01-10, false",
        "the cycle turned since,          PT1M,           false, 2026-02-09, false"
    })
    void a_quote_binds_for_fifteen_minutes_once_within_its_cycle(
            String description, Duration age, boolean used, LocalDate currentCycleStart, boolean usable) {
        Instant now = CREATED.plus(age);
        Instant expiresAt = QuoteValidity.expiresAt(CREATED);

        if (usable) {
            assertThatCode(() -> QuoteValidity.requireUsable(expiresAt, used, CYCLE_START, currentCycleStart, now))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> QuoteValidity.requireUsable(expiresAt, used, CYCLE_START, currentCycleStart, now))
                    .isInstanceOfSatisfying(
                            BillingException.class, e -> assertThat(e.error()).isEqualTo(BillingError.QUOTE_EXPIRED));
        }
    }

    @ParameterizedTest(name = "terms changed at {0}: usable={1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "-, true",
                "2026-01-22T09:59:59Z, true",
                "2026-01-22T10:00:00Z, true",
                "2026-01-22T10:00:01Z, false"
            })
    void a_quote_made_before_the_accounts_terms_changed_is_expired(Instant termsChangedAt, boolean usable) {
        if (usable) {
            assertThatCode(() -> QuoteValidity.requireMadeUnderCurrentTerms(CREATED, termsChangedAt))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> QuoteValidity.requireMadeUnderCurrentTerms(CREATED, termsChangedAt))
                    .isInstanceOfSatisfying(
                            BillingException.class, e -> assertThat(e.error()).isEqualTo(BillingError.QUOTE_EXPIRED));
        }
    }
}
