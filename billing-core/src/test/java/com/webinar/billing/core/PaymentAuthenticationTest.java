package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentAuthenticationTest {
    private static final Instant ASKED = Instant.parse("2026-03-01T10:00:00Z");

    @ParameterizedTest(name = "{0} after it was asked for, an authentication is abandoned: {1}")
    @CsvSource({"PT0S, false", "PT1H, false", "PT22H59M59S, false", "PT23H, true", "PT24H, true", "P3D, true"})
    void an_authentication_waits_twenty_three_hours(java.time.Duration waited, boolean abandoned) {
        assertThat(PaymentAuthentication.isAbandoned(ASKED, ASKED.plus(waited))).isEqualTo(abandoned);
    }
}
