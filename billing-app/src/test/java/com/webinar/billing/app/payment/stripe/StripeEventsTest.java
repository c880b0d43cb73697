package com.webinar.billing.app.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webinar.billing.app.payment.PaymentEvent;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stripe's events read into our payment events: what the webhook use case sees of them. */
class StripeEventsTest {
    private static final String METADATA = """
            "metadata": {"invoiceId": "00000000-0000-4000-8000-0000000000f1", "paymentKey": "purchase-1"}""";
    private static final PaymentEvent.Payment OURS =
            new PaymentEvent.Payment("00000000-0000-4000-8000-0000000000f1", "purchase-1", "pi_1");

    private static PaymentEvent read(String json) {
        return StripeEvents.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String type, String object) {
        return """
                {"id": "evt_1", "type": "%s", "data": {"object": {%s}}}""".formatted(type, object);
    }

    @Test
    void a_succeeded_payment_intent_is_paid_with_our_invoice_its_amount_and_currency() {
        PaymentEvent event = read(event(
                "payment_intent.succeeded", "\"id\": \"pi_1\", \"amount\": 6000, \"currency\": \"eur\", " + METADATA));

        assertThat(event)
                .isEqualTo(new PaymentEvent(
                        "evt_1", "payment_intent.succeeded", new PaymentEvent.Paid(OURS, 6000L, "eur")));
    }

    @ParameterizedTest(name = "last_payment_error {0} is refused for {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"code\": \"card_declined\", \"decline_code\": \"insufficient_funds\"} | insufficient_funds",
                "{\"code\": \"expired_card\"}                                             | expired_card",
                "null                                                                     | payment_failed",
            })
    void a_failed_payment_intent_is_refused_for_the_most_precise_reason_stripe_gives(String error, String reason) {
        PaymentEvent event = read(event(
                "payment_intent.payment_failed",
                "\"id\": \"pi_1\", \"last_payment_error\": " + error + ", " + METADATA));

        assertThat(event.fact()).isEqualTo(new PaymentEvent.Refused(OURS, reason, null, null));
    }

    @Test
    void a_payment_intent_that_requires_action_needs_authentication() {
        PaymentEvent event = read(event("payment_intent.requires_action", "\"id\": \"pi_1\", " + METADATA));

        assertThat(event.fact()).isEqualTo(new PaymentEvent.NeedsAuthentication(OURS));
    }

    @Test
    void a_refunded_charge_carries_its_running_total_and_names_its_payment_intent() {
        PaymentEvent event = read(event(
                "charge.refunded",
                "\"id\": \"ch_1\", \"payment_intent\": \"pi_1\", \"amount_refunded\": 2500, \"metadata\": {}"));

        assertThat(event.fact())
                .isEqualTo(new PaymentEvent.Refunded(new PaymentEvent.Payment(null, null, "pi_1"), "ch_1", 2500));
    }

    @Test
    void any_other_type_is_other() {
        assertThat(read(event("customer.created", "\"id\": \"cus_1\"")).fact()).isEqualTo(new PaymentEvent.Other());
    }

    @ParameterizedTest(name = "{0} is no event")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json",
                "{\"type\": \"payment_intent.succeeded\"}",
                "{\"id\": \"evt_1\"}",
                "{\"id\": \" \", \"type\": \"charge.refunded\"}",
            })
    void a_body_without_an_id_and_a_type_is_an_invalid_request(String body) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOfSatisfying(
                        BillingException.class, e -> assertThat(e.error()).isEqualTo(BillingError.INVALID_REQUEST));
    }
}
