package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingErrorTest {

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
        "INVALID_REQUEST,        400, invalid_request",
        "INVALID_SIGNATURE,      400, invalid_signature",
        "UNAUTHENTICATED,        401, unauthenticated",
        "FORBIDDEN,              403, forbidden",
        "NOT_FOUND,              404, not_found",
        "PLAN_NOT_ELIGIBLE,      409, plan_not_eligible",
        "QUOTE_EXPIRED,          409, quote_expired",
        "IDEMPOTENCY_KEY_REUSED, 409, idempotency_key_reused",
        "NOT_CANCELLABLE,        409, not_cancellable",
        "CONFIRMATION_REQUIRED,  409, confirmation_required",
        "NO_FREE_SEAT,           409, no_free_seat",
        "IMMUTABLE_FIELD,        409, immutable_field",
        "NOTHING_PAST_DUE,       409, nothing_past_due",
        "PAYMENT_IN_PROGRESS,    409, payment_in_progress",
        "UNAVAILABLE,            503, unavailable"
    })
    void each_error_has_the_status_and_code_of_the_specification(BillingError error, int status, String code) {
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.code()).isEqualTo(code).isEqualTo(error.name().toLowerCase(Locale.ROOT));
        assertThat(error.title()).isNotBlank();
    }

    @Test
    void every_error_is_in_the_table() {
        assertThat(BillingError.values()).hasSize(15);
        assertThat(BillingError.QUOTE_EXPIRED.title()).isEqualTo("Quote expired");
    }

    @Test
    void an_exception_without_extra_fields_has_an_empty_map() {
        BillingException e = BillingException.of(BillingError.NOT_FOUND, "No such purchase");

        assertThat(e.error()).isEqualTo(BillingError.NOT_FOUND);
        assertThat(e.detail()).isEqualTo("No such purchase");
        assertThat(e.extra()).isEmpty();
        assertThat(new BillingException(BillingError.NOT_FOUND, "x", null).extra())
                .isNotNull()
                .isEmpty();
    }

    @Test
    void the_extra_fields_cannot_be_changed_afterwards() {
        Map<String, Object> extra = new HashMap<>(Map.of("subAccounts", List.of("sa-1")));
        BillingException e = new BillingException(BillingError.CONFIRMATION_REQUIRED, "Confirm", extra);
        extra.put("other", "x");

        assertThat(e.extra()).containsOnlyKeys("subAccounts");
        assertThatThrownBy(() -> e.extra().put("other", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(e.extra()).containsEntry("subAccounts", List.of("sa-1"));
    }
}
