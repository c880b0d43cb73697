package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnerAttemptKeysTest {
    private static final String INVOICE_KEY = "renewal-acme-2026-02-09";

    @Test
    void each_attempt_of_the_owner_has_its_own_key_distinct_from_the_ticks() {
        assertThat(PaymentKeys.ownerAttempt(INVOICE_KEY, 1)).isEqualTo("renewal-acme-2026-02-09-owner-1");
        assertThat(PaymentKeys.ownerAttempt(INVOICE_KEY, 2))
                .isNotEqualTo(PaymentKeys.ownerAttempt(INVOICE_KEY, 1))
                .isNotEqualTo(INVOICE_KEY + "-retry-2");
    }

    @Test
    void attempts_count_from_one() {
        assertThatThrownBy(() -> PaymentKeys.ownerAttempt(INVOICE_KEY, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
