package com.webinar.billing.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12, item 2 against WireMock playing Stripe: the bank refuses the off-session renewal with {@code
 * authentication_required}; the renewal goes into its grace period, {@code payment.action_required} is announced,
 * and the owner pays it on-session with {@code pay-past-due}, with or without a second challenge. Stripe's requests
 * are counted (not keys): every retried call charges once.
 */
@QuarkusTest
@TestProfile(StripeWireMock.Profile.class)
class PastDuePaymentStripeTest {
    private static final String INTENTS = "/v1/payment_intents";

    @Inject
    Api api;

    @Inject
    RenewalTick tick;

    @Inject
    OutboxEvents events;

    @StripeWireMock.InjectStripe
    WireMockServer stripe;

    /** {@code key}: the renewal invoice's payment key. */
    record PastDue(Api.Account account, String customer, String purchaseId, String invoiceId, String key) {
        String attemptKey(int attempt) {
            return key + "-owner-" + attempt;
        }

        String intent(int attempt) {
            return "pi_owner" + attempt + customer.substring(4);
        }

        String clientSecret(int attempt) {
            return intent(attempt) + "_secret_3ds";
        }
    }

    @Test
    void the_owner_pays_without_a_second_challenge_and_the_purchases_are_active_again() {
        PastDue pastDue = renewalRefusedForAuthentication();
        stubOwnerAttempt(pastDue, 1, "succeeded");
        int before = events.of(pastDue.account()).size();

        payPastDue(pastDue)
                .body("invoiceId", Matchers.equalTo(pastDue.invoiceId()))
                .body("status", Matchers.equalTo("PAID"))
                .body("amountCharged", Matchers.equalTo("100.00"))
                .body("nextAction", nullValue());

        LoggedRequest asked = ownerRequests(pastDue).getFirst();
        assertThat(asked.getHeader("Idempotency-Key")).isEqualTo(pastDue.attemptKey(1));
        assertThat(asked.getBodyAsString()).contains("confirm=true").doesNotContain("off_session");
        assertThat(purchaseStatus(pastDue)).isEqualTo("ACTIVE");
        assertThat(renewalStatus(pastDue)).isEqualTo("PAID");
        assertThat(events.after(pastDue.account(), before))
                .extracting(OutboxEvents.Event::type)
                .containsExactly("renewal.paid");
        assertThat(paymentsOf(pastDue)).containsExactly("FAILED", "SUCCEEDED");
        api.post("pay-past-due", api.token(pastDue.account().ownerId()), Map.of())
                .then()
                .statusCode(409)
                .body("code", Matchers.equalTo("nothing_past_due"));
        assertThat(requests(pastDue)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}: the purchase is {1}, the renewal {2}")
    @CsvSource({"payment_intent.succeeded, ACTIVE, PAID", "payment_intent.payment_failed, PAST_DUE, PAST_DUE"})
    void with_a_second_challenge_the_owner_authenticates_and_the_webhook_settles_it(
            String eventType, String purchaseStatus, String renewalStatus) {
        PastDue pastDue = renewalRefusedForAuthentication();
        stubOwnerAttempt(pastDue, 1, "requires_action");

        for (int call = 0; call < 3; call++) {
            payPastDue(pastDue)
                    .body("status", Matchers.equalTo("OPEN"))
                    .body("amountCharged", Matchers.equalTo("100.00"))
                    .body("nextAction.type", Matchers.equalTo("authenticate"))
                    .body("nextAction.clientSecret", Matchers.equalTo(pastDue.clientSecret(1)));
        }
        assertThat(requests(pastDue)).isEqualTo(3);
        api.now(api.now().plus(Duration.ofDays(1)));
        tick.run(TickBudget.of(Duration.ofMinutes(1)));
        assertThat(requests(pastDue))
                .as("no off-session retry while the owner's challenge is open")
                .isEqualTo(3);

        String event = StripeEvents.paymentIntentEvent(
                StripeEvents.newEventId(),
                eventType,
                pastDue.intent(1),
                10000,
                "eur",
                Map.of("invoiceId", pastDue.invoiceId(), "paymentKey", pastDue.attemptKey(1)));
        StripeEvents.deliver(event, api.now()).then().statusCode(200);
        StripeEvents.deliver(event, api.now()).then().statusCode(200);

        assertThat(purchaseStatus(pastDue)).isEqualTo(purchaseStatus);
        assertThat(renewalStatus(pastDue)).isEqualTo(renewalStatus);
        assertThat(api.count("select retries from renewal where invoice_id = ?::uuid", pastDue.invoiceId()))
                .as("the owner's attempt uses none of the tick's retries")
                .isZero();
        assertThat(requests(pastDue)).isEqualTo(3);
    }

    @Test
    void after_a_failed_challenge_the_next_call_is_a_new_payment_under_a_new_key() {
        PastDue pastDue = renewalRefusedForAuthentication();
        stubOwnerAttempt(pastDue, 1, "requires_action");
        stubOwnerAttempt(pastDue, 2, "succeeded");
        payPastDue(pastDue);
        StripeEvents.deliver(
                        StripeEvents.paymentIntentEvent(
                                StripeEvents.newEventId(),
                                "payment_intent.payment_failed",
                                pastDue.intent(1),
                                10000,
                                "eur",
                                Map.of("invoiceId", pastDue.invoiceId(), "paymentKey", pastDue.attemptKey(1))),
                        api.now())
                .then()
                .statusCode(200);

        payPastDue(pastDue).body("status", Matchers.equalTo("PAID"));
        payPastDue(pastDue.account(), 409);

        assertThat(ownerRequests(pastDue))
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsExactly(pastDue.attemptKey(1), pastDue.attemptKey(2));
        assertThat(purchaseStatus(pastDue)).isEqualTo("ACTIVE");
        assertThat(paymentsOf(pastDue)).containsExactly("FAILED", "PENDING", "FAILED", "SUCCEEDED");
    }

    // --- Stripe, played by WireMock ---

    /**
     * An account with a saved card buys 5 presenter seats (paid at once); at the turn Stripe refuses the off-session
     * renewal (100.00) with {@code authentication_required}.
     */
    private PastDue renewalRefusedForAuthentication() {
        Api.Account account = api.seedAccount();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String customer = StripeWireMock.saveCard(api, account, suffix);
        stripe.stubFor(post(urlEqualTo(INTENTS))
                .withRequestBody(containing("customer=" + customer))
                .withHeader("Idempotency-Key", matching("purchase-.*"))
                .willReturn(intent("pi_buy" + suffix, customer, 6000, "succeeded", null)));
        stripe.stubFor(post(urlEqualTo(INTENTS))
                .atPriority(5)
                .withRequestBody(containing("customer=" + customer))
                .withHeader("Idempotency-Key", matching("renewal-.*"))
                .willReturn(aResponse()
                        .withStatus(402)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"code": "authentication_required", "decline_code": "authentication_required",
                                  "type": "card_error", "message": "Your card was declined. This transaction requires authentication.",
                                  "payment_intent": {"id": "pi_renewal%s", "object": "payment_intent", "amount": 10000,
                                    "currency": "eur", "status": "requires_payment_method"}}}
                                """.formatted(suffix))));
        String purchaseId = api.buy(account, "PRESENTERS", 5);
        api.now(RenewalTickTest.TURN);
        tick.run(TickBudget.of(Duration.ofMinutes(1)));

        String invoiceId =
                api.text("select id::text from invoice where account_id = ? and kind = 'RENEWAL'", account.id());
        PastDue pastDue = new PastDue(
                account,
                customer,
                purchaseId,
                invoiceId,
                api.text("select payment_key from invoice where id = ?::uuid", invoiceId));
        assertThat(purchaseStatus(pastDue)).isEqualTo("PAST_DUE");
        assertThat(renewalStatus(pastDue)).isEqualTo("PAST_DUE");
        assertThat(events.typesOf(account)).endsWith("renewal.payment_failed", "payment.action_required");
        assertThat(events.only(account, "renewal.payment_failed")
                        .data()
                        .path("reason")
                        .asText())
                .isEqualTo("authentication_required");
        assertThat(requests(pastDue)).isEqualTo(2);
        return pastDue;
    }

    private void stubOwnerAttempt(PastDue pastDue, int attempt, String status) {
        stripe.stubFor(post(urlEqualTo(INTENTS))
                .atPriority(1)
                .withRequestBody(containing("customer=" + pastDue.customer()))
                .withHeader("Idempotency-Key", equalTo(pastDue.attemptKey(attempt)))
                .willReturn(intent(
                        pastDue.intent(attempt),
                        pastDue.customer(),
                        10000,
                        status,
                        status.equals("requires_action") ? pastDue.clientSecret(attempt) : null)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder intent(
            String id, String customer, long amount, String status, String clientSecret) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "%s", "object": "payment_intent", "amount": %d, "currency": "eur", "customer": "%s",
                         "client_secret": %s, "status": "%s"}
                        """.formatted(
                        id, amount, customer, clientSecret == null ? "null" : '"' + clientSecret + '"', status));
    }

    private io.restassured.response.ValidatableResponse payPastDue(PastDue pastDue) {
        return payPastDue(pastDue.account(), 200);
    }

    private io.restassured.response.ValidatableResponse payPastDue(Api.Account account, int status) {
        return api.post("pay-past-due", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(status);
    }

    /** Every request for a PaymentIntent of this customer: purchase, renewal, retries and the owner's attempts. */
    private int requests(PastDue pastDue) {
        return stripe.findAll(postRequestedFor(urlEqualTo(INTENTS))
                        .withRequestBody(containing("customer=" + pastDue.customer())))
                .size();
    }

    private List<LoggedRequest> ownerRequests(PastDue pastDue) {
        return stripe.findAll(postRequestedFor(urlEqualTo(INTENTS))
                .withHeader("Idempotency-Key", matching(pastDue.key() + "-owner-.*")));
    }

    private List<String> paymentsOf(PastDue pastDue) {
        return List.of(api.text(
                        "select string_agg(outcome, ',' order by id) from payment_event where invoice_id = ?::uuid",
                        pastDue.invoiceId())
                .split(","));
    }

    private String purchaseStatus(PastDue pastDue) {
        return api.text("select status from purchase where id = ?::uuid", pastDue.purchaseId());
    }

    private String renewalStatus(PastDue pastDue) {
        return api.text("select status from renewal where invoice_id = ?::uuid", pastDue.invoiceId());
    }
}
