package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentKeysTest {

    @Test
    void a_purchase_is_paid_under_its_own_id() {
        UUID purchase = UUID.fromString("00000000-0000-4000-8000-0000000000a1");

        assertThat(PaymentKeys.purchase(purchase)).isEqualTo("purchase-00000000-0000-4000-8000-0000000000a1");
    }

    @Test
    void a_renewal_is_paid_under_its_account_and_the_cycle_it_starts() {
        assertThat(PaymentKeys.renewal("acme", LocalDate.of(2026, 2, 9))).isEqualTo("renewal-acme-2026-02-09");
    }

    @Test
    void each_retry_is_a_new_key_and_retries_count_from_one() {
        assertThat(PaymentKeys.retry("renewal-acme-2026-02-09", 1)).isEqualTo("renewal-acme-2026-02-09-retry-1");
        assertThat(PaymentKeys.retry("renewal-acme-2026-02-09", 3)).isEqualTo("renewal-acme-2026-02-09-retry-3");
        assertThatThrownBy(() -> PaymentKeys.retry("renewal-acme-2026-02-09", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
