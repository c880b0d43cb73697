package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.webinar.billing.app.payment.webhook.PaymentWebhook;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * R12: Stripe may deliver one event twice at the same time. Both deliveries run the use case on two threads, made
 * to overlap for real: the test holds the account's row, so the first delivery waits for it (after recording the
 * event id) and the second waits behind the first's record of that id; then it lets go.
 */
@QuarkusTest
class WebhookRaceTest {

    @Inject
    Api api;

    @Inject
    PaymentWebhook webhook;

    @Inject
    AccountRowHolder holder;

    @Test
    void the_same_event_delivered_twice_at_once_takes_effect_once() throws Exception {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        String purchaseId = api.purchase(account, api.quote(account, "STORAGE", 1), "key-race")
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .extract()
                .path("purchaseId");
        String eventId = StripeEvents.newEventId();
        String event = StripeEvents.paymentIntentEvent(
                eventId,
                "payment_intent.succeeded",
                "local_purchase-" + purchaseId,
                600,
                "eur",
                Map.of("paymentKey", "purchase-" + purchaseId, "purchaseId", purchaseId));
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        String signature = StripeEvents.signature(event, StripeEvents.SECRET, api.now());
        Callable<Object> delivery = () -> webhook.receive(signature, body);

        List<Object> answers = holder.inTurn(List.of(account), List.of(delivery, delivery));

        assertThat(answers)
                .containsExactly(new PaymentWebhook.Answer(true, false), new PaymentWebhook.Answer(true, true));
        assertThat(api.count("select count(*) from webhook_event where id = ?", eventId))
                .isEqualTo(1);
        assertThat(api.text("select status from purchase where id = ?::uuid", purchaseId))
                .isEqualTo("ACTIVE");
        assertThat(api.count(
                        "select count(*) from payment_event e join invoice_line l on l.invoice_id = e.invoice_id"
                                + " where l.purchase_id = ?::uuid and e.outcome = 'SUCCEEDED'",
                        purchaseId))
                .isEqualTo(1);
        assertThat(api.count(
                        "select count(*) from outbox_event where type = 'addon.purchased' and payload ->> 'purchaseId' = ?",
                        purchaseId))
                .isEqualTo(1);
    }
}
