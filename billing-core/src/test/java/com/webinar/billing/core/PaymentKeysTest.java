package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentKeysTest {

    private static final String RENEWAL = "renewal-acme-2026-02-09";

    @Test
    void a_renewal_key_names_the_account_and_the_new_cycle() {
        assertThat(PaymentKeys.renewal("acme", LocalDate.parse("2026-02-09"))).isEqualTo(RENEWAL);
        assertThat(PaymentKeys.purchase(UUID.fromString("00000000-0000-4000-8000-000000000001")))
                .isEqualTo("purchase-00000000-0000-4000-8000-000000000001");
    }

    @ParameterizedTest(name = "{0} after {1} retries: {2}")
    @CsvSource({
        "DUE,      0, renewal-acme-2026-02-09",
        "PAST_DUE, 0, renewal-acme-2026-02-09-retry-1",
        "PAST_DUE, 1, renewal-acme-2026-02-09-retry-2",
        "PAST_DUE, 2, renewal-acme-2026-02-09-retry-3"
    })
    void each_retry_is_a_new_attempt_with_its_own_key(RenewalStatus status, int retries, String key) {
        assertThat(PaymentKeys.forAttempt(RENEWAL, status, retries)).isEqualTo(key);
    }

    @Test
    void retries_count_from_one() {
        assertThatThrownBy(() -> PaymentKeys.retry(RENEWAL, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
