package com.webinar.billing.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12, item 1 against WireMock playing Stripe: a purchase is confirmed with the owner present; when the bank
 * asks for 3-D Secure it waits, with the client secret the front end needs, until the webhook settles it, or is
 * given up 23 hours later.
 */
@QuarkusTest
@TestProfile(StripeWireMock.Profile.class)
class PurchaseAuthenticationStripeTest {
    private static final String INTENTS = "/v1/payment_intents";

    @Inject
    Api api;

    @Inject
    RenewalTick tick;

    @StripeWireMock.InjectStripe
    WireMockServer stripe;

    record Payer(Api.Account account, String customer, String intent) {
        String clientSecret() {
            return intent + "_secret_3ds";
        }
    }

    record Bought(String purchaseId, String quoteId, String key) {}

    @Test
    void a_purchase_needing_authentication_answers_the_client_secret_and_grants_nothing_yet() {
        Payer payer = payerAskedFor3ds();
        int presentersBefore = presenterSeats(payer);

        Bought bought = buy(payer);

        assertThat(requests(payer)).isEqualTo(1);
        String form = stripe.findAll(postRequestedFor(urlEqualTo(INTENTS))
                        .withRequestBody(containing("customer=" + payer.customer())))
                .getFirst()
                .getBodyAsString();
        assertThat(form).contains("confirm=true").doesNotContain("off_session");
        assertThat(statusOf(bought)).isEqualTo("PENDING_PAYMENT");
        assertThat(presenterSeats(payer)).isEqualTo(presentersBefore);
    }

    @Test
    void retrying_with_the_same_key_answers_the_same_next_action_and_charges_once() {
        Payer payer = payerAskedFor3ds();
        Bought bought = buy(payer);

        for (int retry = 0; retry < 2; retry++) {
            api.purchase(payer.account(), bought.quoteId(), bought.key())
                    .then()
                    .statusCode(200)
                    .body("purchaseId", equalTo(bought.purchaseId()))
                    .body("status", equalTo("PENDING_PAYMENT"))
                    .body("nextAction.type", equalTo("authenticate"))
                    .body("nextAction.clientSecret", equalTo(payer.clientSecret()));
        }

        assertThat(requests(payer)).isEqualTo(1);
        assertThat(api.count(
                        "select count(*) from payment_event e join invoice i on i.id = e.invoice_id"
                                + " where i.payment_key = ?",
                        "purchase-" + bought.purchaseId()))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}: the purchase is {1}")
    @CsvSource({"payment_intent.succeeded, ACTIVE", "payment_intent.payment_failed, FAILED"})
    void the_webhook_settles_an_authenticated_purchase(String eventType, String status) {
        Payer payer = payerAskedFor3ds();
        Bought bought = buy(payer);

        StripeEvents.deliver(
                        StripeEvents.paymentIntentEvent(
                                StripeEvents.newEventId(),
                                eventType,
                                payer.intent(),
                                6000,
                                "eur",
                                Map.of(
                                        "purchaseId",
                                        bought.purchaseId(),
                                        "paymentKey",
                                        "purchase-" + bought.purchaseId())),
                        api.now())
                .then()
                .statusCode(200);

        assertThat(statusOf(bought)).isEqualTo(status);
        api.purchase(payer.account(), bought.quoteId(), bought.key())
                .then()
                .statusCode(200)
                .body("status", equalTo(status))
                .body("nextAction", nullValue());
        assertThat(requests(payer)).isEqualTo(1);
    }

    @Test
    void an_authentication_never_finished_fails_the_purchase_after_23_hours_and_cancels_its_payment() {
        Payer payer = payerAskedFor3ds();
        stripe.stubFor(post(urlEqualTo(INTENTS + "/" + payer.intent() + "/cancel"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"%s\", \"object\": \"payment_intent\", \"status\": \"canceled\"}"
                                .formatted(payer.intent()))));
        Bought bought = buy(payer);
        java.time.Instant bought_at = api.now();

        api.now(bought_at.plus(Duration.ofHours(23)).minusSeconds(1));
        tick.run(TickBudget.of(Duration.ofMinutes(1)));
        assertThat(statusOf(bought)).isEqualTo("PENDING_PAYMENT");
        assertThat(cancels(payer)).isZero();

        api.now(bought_at.plus(Duration.ofHours(23)));
        tick.run(TickBudget.of(Duration.ofMinutes(1)));
        tick.run(TickBudget.of(Duration.ofMinutes(1)));

        assertThat(statusOf(bought)).isEqualTo("FAILED");
        assertThat(cancels(payer)).isEqualTo(1);
        assertThat(api.count(
                        "select count(*) from outbox_event where type = 'addon.purchase_failed'"
                                + " and payload->>'purchaseId' = ? and payload->>'reason' = 'authentication_abandoned'",
                        bought.purchaseId()))
                .isEqualTo(1);
        api.purchase(payer.account(), bought.quoteId(), bought.key())
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("nextAction", nullValue());
    }

    // --- Stripe, played by WireMock ---

    private Payer payerAskedFor3ds() {
        Api.Account account = api.seedAccount();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String customer = StripeWireMock.saveCard(api, account, suffix);
        Payer payer = new Payer(account, customer, "pi_3D" + suffix);
        stripe.stubFor(post(urlEqualTo(INTENTS))
                .withRequestBody(containing("customer=" + customer))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id": "%s", "object": "payment_intent", "amount": 6000, "currency": "eur",
                                 "customer": "%s", "client_secret": "%s", "status": "requires_action",
                                 "next_action": {"type": "use_stripe_sdk", "use_stripe_sdk": {"type": "three_d_secure_redirect"}}}
                                """.formatted(payer.intent(), customer, payer.clientSecret()))));
        return payer;
    }

    private Bought buy(Payer payer) {
        String quoteId = api.quote(payer.account(), "PRESENTERS", 5);
        String key = UUID.randomUUID().toString();
        String purchaseId = api.purchase(payer.account(), quoteId, key)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_PAYMENT"))
                .body("amountCharged", equalTo("60.00"))
                .body("nextAction.type", equalTo("authenticate"))
                .body("nextAction.clientSecret", equalTo(payer.clientSecret()))
                .extract()
                .path("purchaseId");
        return new Bought(purchaseId, quoteId, key);
    }

    private int presenterSeats(Payer payer) {
        return api.post("entitlements", api.token(payer.account().ownerId()), Map.of())
                .then()
                .statusCode(200)
                .extract()
                .path("presenterSeats");
    }

    private int requests(Payer payer) {
        return stripe.findAll(postRequestedFor(urlEqualTo(INTENTS))
                        .withRequestBody(containing("customer=" + payer.customer())))
                .size();
    }

    private int cancels(Payer payer) {
        return stripe.findAll(postRequestedFor(urlEqualTo(INTENTS + "/" + payer.intent() + "/cancel")))
                .size();
    }

    private String statusOf(Bought bought) {
        return api.text("select status from purchase where id = ?::uuid", bought.purchaseId());
    }
}
