package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §6 and R12 in local mode: the local webhook checks signatures with the secret dev-webhook-secret gives. */
@QuarkusTest
class WebhookLocalModeTest {

    @Inject
    Api api;

    @Test
    void dev_webhook_secret_answers_the_secret_the_local_webhook_checks_with() {
        String secret = api.post("dev-webhook-secret", null, Map.of())
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        assertThat(secret).startsWith("whsec_").isEqualTo(StripeEvents.SECRET);

        String eventId = StripeEvents.newEventId();
        String event = StripeEvents.otherEvent(eventId, "invoice.created");
        StripeEvents.post(event.getBytes(StandardCharsets.UTF_8), StripeEvents.signature(event, secret, api.now()))
                .then()
                .statusCode(200)
                .body("received", equalTo(true))
                .body("duplicate", equalTo(false));
    }

    @Test
    void dev_webhook_secret_takes_no_fields() {
        api.post("dev-webhook-secret", null, Map.of("rotate", true))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
    }

    @Test
    void an_event_of_a_type_we_do_not_handle_is_acknowledged_once() {
        String eventId = StripeEvents.newEventId();
        String event = StripeEvents.otherEvent(eventId, "customer.subscription.updated");

        StripeEvents.deliver(event, api.now()).then().statusCode(200).body("duplicate", equalTo(false));
        StripeEvents.deliver(event, api.now()).then().statusCode(200).body("duplicate", equalTo(true));

        assertThat(api.count("select count(*) from webhook_event where id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void a_signed_body_that_is_not_an_event_is_an_invalid_request() {
        String body = "[\"not\", \"an\", \"event\"]";
        StripeEvents.deliver(body, api.now()).then().statusCode(400).body("code", equalTo("invalid_request"));
    }

    @Test
    void a_late_success_activates_a_purchase_the_local_provider_refused() {
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        api.now("2026-01-22T10:15:00Z");
        String purchaseId = api.purchase(account, api.quote(account, "STORAGE", 1), "key-late")
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .extract()
                .path("purchaseId");
        String event = StripeEvents.paymentIntentEvent(
                StripeEvents.newEventId(),
                "payment_intent.succeeded",
                "local_purchase-" + purchaseId,
                600,
                "eur",
                Map.of("paymentKey", "purchase-" + purchaseId, "purchaseId", purchaseId));
        StripeEvents.deliver(event, api.now()).then().statusCode(200);

        assertThat(api.count("select count(*) from purchase where id = ?::uuid and status = 'ACTIVE'", purchaseId))
                .isEqualTo(1);
        api.post("entitlements", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(200)
                .body("storageGb", equalTo(10));
    }
}
