package com.webinar.billing.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R5, R12 end to end with the Stripe adapter: purchases go through PaymentIntents created on WireMock playing
 * Stripe's API (Stripe's JSON shapes), and their outcomes come back through signed webhook events.
 */
@QuarkusTest
@TestProfile(StripeWireMock.Profile.class)
class WebhookStripeEndToEndTest {
    private static final String INTENTS = "/v1/payment_intents";

    @Inject
    Api api;

    @Inject
    AgroalDataSource dataSource;

    @StripeWireMock.InjectStripe
    WireMockServer stripe;

    @Inject
    RenewalTick tick;

    /** A test's own account with a saved Stripe customer and card; stubs match on its customer id. */
    record Payer(Api.Account account, String customer, String intent) {}

    @Test
    void a_purchase_creates_and_confirms_one_payment_intent_and_is_active() {
        Payer payer = payer();
        answer(payer, ok(intent(payer, "succeeded", 6000)));

        String purchaseId = buy(payer, "PRESENTERS", 5)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("amountCharged", equalTo("60.00"))
                .extract()
                .path("purchaseId");

        List<LoggedRequest> requests = requestsOf(payer);
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst();
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("purchase-" + purchaseId);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk_test_addon_billing_tests");
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(request))
                .containsEntry("amount", "6000")
                .containsEntry("currency", "eur")
                .containsEntry("customer", payer.customer())
                .containsEntry("payment_method", "pm_card_" + payer.customer())
                .doesNotContainKey("off_session")
                .containsEntry("confirm", "true")
                .containsEntry("metadata[purchaseId]", purchaseId)
                .containsEntry("metadata[invoiceId]", invoiceOf(purchaseId))
                .containsEntry("metadata[paymentKey]", "purchase-" + purchaseId);
        assertThat(outcomes(purchaseId)).containsExactly("SUCCEEDED:" + payer.intent());
    }

    @Test
    void a_renewal_goes_through_a_payment_intent_and_is_settled_by_its_webhook() {
        Payer payer = payer();
        answer(payer, ok(intent(payer, "succeeded", 2000)));
        buy(payer, "PRESENTERS", 1).then().statusCode(200).body("status", equalTo("ACTIVE"));
        answer(payer, ok(intent(payer, "processing", 2000)));

        api.now(RenewalTickTest.TURN);
        tick.run(TickBudget.of(Duration.ofMinutes(1)));
        tick.run(TickBudget.of(Duration.ofMinutes(1))); // the provider is on it: not asked again

        String account = payer.account().id();
        String invoice = text("select id::text from invoice where account_id = ? and kind = 'RENEWAL'", account);
        List<LoggedRequest> requests = requestsOf(payer);
        assertThat(requests).hasSize(2);
        assertThat(requests.getLast().getHeader("Idempotency-Key")).isEqualTo("renewal-" + account + "-2026-02-09");
        assertThat(form(requests.getLast()))
                .containsEntry("amount", "2000")
                .containsEntry("off_session", "true")
                .containsEntry("metadata[invoiceId]", invoice);
        assertThat(text("select status from renewal where invoice_id = ?::uuid", invoice))
                .isEqualTo("DUE");

        StripeEvents.deliver(
                        StripeEvents.paymentIntentEvent(
                                StripeEvents.newEventId(),
                                "payment_intent.succeeded",
                                payer.intent(),
                                2000,
                                "eur",
                                Map.of("invoiceId", invoice)),
                        api.now())
                .then()
                .statusCode(200);

        assertThat(text("select status from renewal where invoice_id = ?::uuid", invoice))
                .isEqualTo("PAID");
        assertThat(texts("select outcome from payment_event where invoice_id = ?::uuid order by id", invoice))
                .containsExactly("PENDING", "SUCCEEDED");
    }

    @Test
    void a_declined_card_fails_the_purchase_which_grants_nothing() {
        Payer payer = payer();
        answer(
                payer,
                aResponse()
                        .withStatus(402)
                        .withHeader("Content-Type", "application/json")
                        .withBody(declined(payer)));

        String purchaseId = buy(payer, "STORAGE", 2)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("amountCharged", equalTo("0.00"))
                .body("activeFrom", equalTo(null))
                .extract()
                .path("purchaseId");

        assertThat(requestsOf(payer)).hasSize(1);
        assertThat(outcomes(purchaseId)).containsExactly("FAILED:" + payer.intent());
        api.post("entitlements", api.token(payer.account().ownerId()), Map.of())
                .then()
                .statusCode(200)
                .body("storageGb", equalTo(0));
    }

    static Stream<Arguments> settlements() {
        return Stream.of(
                arguments("payment_intent.succeeded", "ACTIVE", "SUCCEEDED"),
                arguments("payment_intent.payment_failed", "FAILED", "FAILED"));
    }

    @ParameterizedTest(name = "{0} makes it {1}")
    @MethodSource("settlements")
    void a_payment_that_requires_action_stays_pending_until_the_webhook_settles_it(
            String eventType, String status, String outcome) {
        Payer payer = payer();
        answer(payer, ok(intent(payer, "requires_action", 3000)));
        String purchaseId = buy(payer, "SUB_ACCOUNTS", 1)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_PAYMENT"))
                .extract()
                .path("purchaseId");
        assertThat(outcomes(purchaseId)).containsExactly("PENDING:" + payer.intent());

        deliver(payer, eventType)
                .then()
                .statusCode(200)
                .body("received", equalTo(true))
                .body("duplicate", equalTo(false));

        assertThat(statusOf(purchaseId)).isEqualTo(status);
        assertThat(outcomes(purchaseId)).containsExactly("PENDING:" + payer.intent(), outcome + ":" + payer.intent());
    }

    enum FirstAnswer {
        SERVER_ERROR,
        RATE_LIMITED,
        TIMEOUT,
        CONNECTION_RESET
    }

    @ParameterizedTest(name = "after {0}")
    @EnumSource(FirstAnswer.class)
    void a_retried_request_charges_once_with_the_same_idempotency_key(FirstAnswer first) {
        Payer payer = payer();
        String scenario = "retry-" + payer.customer();
        ResponseDefinitionBuilder failure = switch (first) {
            case SERVER_ERROR ->
                json(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"api_error\"}}");
            case RATE_LIMITED ->
                json(
                        429,
                        "{\"error\":{\"code\":\"rate_limit\",\"message\":\"Too many requests hit the API too"
                                + " quickly.\",\"type\":\"invalid_request_error\"}}");
            case TIMEOUT -> ok(intent(payer, "succeeded", 6000)).withFixedDelay(2_000);
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
        };
        stripe.stubFor(intents(payer)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered")
                .willReturn(failure));
        stripe.stubFor(intents(payer)
                .inScenario(scenario)
                .whenScenarioStateIs("answered")
                .willReturn(ok(intent(payer, "succeeded", 6000))));

        String purchaseId = buy(payer, "PRESENTERS", 5)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("purchaseId");

        List<LoggedRequest> requests = requestsOf(payer);
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly("purchase-" + purchaseId);
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(outcomes(purchaseId)).containsExactly("SUCCEEDED:" + payer.intent());
    }

    @Test
    void when_stripe_never_answers_the_purchase_stays_pending_and_is_never_charged_twice() {
        Payer payer = payer();
        answer(payer, json(503, "{\"error\":{\"message\":\"Service unavailable\",\"type\":\"api_error\"}}"));
        String quoteId = api.quote(payer.account(), "PRESENTERS", 1);

        String purchaseId = api.purchase(payer.account(), quoteId, "k-" + payer.customer())
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_PAYMENT"))
                .extract()
                .path("purchaseId");
        assertThat(requestsOf(payer)).hasSize(3);
        assertThat(outcomes(purchaseId)).isEmpty();

        // the owner retries with the same key: Stripe is asked again with the same Idempotency-Key
        stripe.resetMappings();
        answer(payer, ok(intent(payer, "succeeded", 1200)));
        api.purchase(payer.account(), quoteId, "k-" + payer.customer())
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        assertThat(requestsOf(payer))
                .hasSize(4)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("purchase-" + purchaseId);

        // and Stripe's own event about that one PaymentIntent changes nothing more
        deliver(payer, "payment_intent.succeeded").then().statusCode(200).body("duplicate", equalTo(false));
        assertThat(outcomes(purchaseId)).containsExactly("SUCCEEDED:" + payer.intent());
    }

    @Test
    void a_pending_purchase_that_stripe_never_answered_is_activated_by_the_webhook() {
        Payer payer = payer();
        answer(payer, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        String purchaseId = buy(payer, "RECORDING_SPACE", 1)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_PAYMENT"))
                .extract()
                .path("purchaseId");

        deliver(payer, "payment_intent.succeeded").then().statusCode(200);

        assertThat(statusOf(purchaseId)).isEqualTo("ACTIVE");
        assertThat(outcomes(purchaseId)).containsExactly("SUCCEEDED:" + payer.intent());
    }

    @Test
    void an_account_without_a_saved_payment_method_fails_without_asking_stripe() {
        Api.Account account = api.seedAccount();

        api.purchase(
                        account,
                        api.quote(account, "STORAGE", 1),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"));

        assertThat(stripe.findAll(postRequestedFor(urlEqualTo(INTENTS))
                        .withRequestBody(containing("metadata%5BaccountId%5D=" + account.id()))))
                .isEmpty();
    }

    @Test
    void a_redelivered_event_is_acknowledged_as_a_duplicate_and_changes_nothing() {
        Payer payer = payer();
        String purchaseId = pendingPurchase(payer);
        String event = event(payer, "payment_intent.succeeded", StripeEvents.newEventId());

        StripeEvents.deliver(event, api.now()).then().statusCode(200).body("duplicate", equalTo(false));
        String after = api.stateOf(payer.account());
        api.now(api.now().plusSeconds(3600));
        StripeEvents.deliver(event, api.now())
                .then()
                .statusCode(200)
                .body("received", equalTo(true))
                .body("duplicate", equalTo(true));

        assertThat(api.stateOf(payer.account())).isEqualTo(after);
        assertThat(statusOf(purchaseId)).isEqualTo("ACTIVE");
    }

    static Stream<Arguments> outOfOrder() {
        return Stream.of(
                arguments(
                        "payment_intent.payment_failed",
                        "payment_intent.succeeded",
                        List.of("PENDING", "FAILED", "SUCCEEDED")),
                arguments(
                        "payment_intent.succeeded", "payment_intent.payment_failed", List.of("PENDING", "SUCCEEDED")));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("outOfOrder")
    void whatever_the_order_of_its_events_a_paid_purchase_ends_active(
            String first, String second, List<String> ledger) {
        Payer payer = payer();
        String purchaseId = pendingPurchase(payer);

        deliver(payer, first).then().statusCode(200);
        deliver(payer, second).then().statusCode(200).body("duplicate", equalTo(false));

        assertThat(statusOf(purchaseId)).isEqualTo("ACTIVE");
        assertThat(outcomes(purchaseId))
                .extracting(o -> o.substring(0, o.indexOf(':')))
                .containsExactlyElementsOf(ledger);
    }

    @Test
    void a_payment_event_about_no_payment_of_ours_is_acknowledged() {
        String eventId = StripeEvents.newEventId();
        String event = StripeEvents.paymentIntentEvent(
                eventId, "payment_intent.succeeded", "pi_someone_else", 999, "usd", Map.of());

        StripeEvents.deliver(event, api.now()).then().statusCode(200).body("duplicate", equalTo(false));

        assertThat(api.count("select count(*) from webhook_event where id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void refunds_are_appended_to_the_ledger_once_each_and_the_purchase_keeps_its_status() {
        Payer payer = payer();
        answer(payer, ok(intent(payer, "succeeded", 6000)));
        String purchaseId =
                buy(payer, "PRESENTERS", 5).then().statusCode(200).extract().path("purchaseId");

        refund(payer, 6000, 2000).then().statusCode(200);
        refund(payer, 6000, 6000).then().statusCode(200);
        refund(payer, 6000, 2000).then().statusCode(200); // an earlier state of the charge, delivered late

        assertThat(outcomes(purchaseId))
                .containsExactly(
                        "SUCCEEDED:" + payer.intent(),
                        "REFUNDED:ch_" + payer.intent().substring(3),
                        "REFUNDED:ch_" + payer.intent().substring(3));
        assertThat(api.count(
                        "select sum(e.amount_minor) from payment_event e join invoice_line l on l.invoice_id ="
                                + " e.invoice_id where l.purchase_id = ?::uuid and e.outcome = 'REFUNDED'",
                        purchaseId))
                .isEqualTo(6000);
        assertThat(statusOf(purchaseId)).isEqualTo("ACTIVE");
    }

    /**
     * The database fails at the very end: a deferred trigger (installed for this one event id) raises SQLSTATE 08006
     * "connection failure" when the webhook's transaction commits, after the event id, the purchase and the
     * ledger were written. Nothing may remain of it, the answer must be 5xx, and Stripe's redelivery applies it.
     */
    @Test
    void when_the_database_fails_the_webhook_answers_5xx_and_the_redelivery_applies_the_event() {
        Payer payer = payer();
        String purchaseId = pendingPurchase(payer);
        String eventId = StripeEvents.newEventId();
        String event = event(payer, "payment_intent.succeeded", eventId);
        String before = api.stateOf(payer.account());
        api.execute("""
                create or replace function webhook_test_database_down() returns trigger language plpgsql as $$
                begin
                    raise exception 'simulated: the database went away' using errcode = '08006';
                end $$""");
        api.execute("create constraint trigger webhook_test_database_down after insert on webhook_event"
                + " deferrable initially deferred for each row when (new.id = '" + eventId + "')"
                + " execute function webhook_test_database_down()");
        try {
            int status = StripeEvents.deliver(event, api.now()).then().extract().statusCode();
            assertThat(status).isEqualTo(503);
        } finally {
            api.execute("drop trigger webhook_test_database_down on webhook_event");
        }
        assertThat(api.stateOf(payer.account())).isEqualTo(before);
        assertThat(api.count("select count(*) from webhook_event where id = ?", eventId))
                .isZero();

        api.now(api.now().plusSeconds(60));
        StripeEvents.deliver(event, api.now()).then().statusCode(200).body("duplicate", equalTo(false));
        assertThat(statusOf(purchaseId)).isEqualTo("ACTIVE");
    }

    // --- Stripe, played by WireMock ---

    private Payer payer() {
        Api.Account account = api.seedAccount();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String customer = StripeWireMock.saveCard(api, account, suffix);
        return new Payer(account, customer, "pi_3Q" + suffix);
    }

    private MappingBuilder intents(Payer payer) {
        return post(urlEqualTo(INTENTS)).withRequestBody(containing("customer=" + payer.customer()));
    }

    private void answer(Payer payer, ResponseDefinitionBuilder response) {
        stripe.stubFor(intents(payer).willReturn(response));
    }

    private List<LoggedRequest> requestsOf(Payer payer) {
        return stripe.findAll(
                postRequestedFor(urlEqualTo(INTENTS)).withRequestBody(containing("customer=" + payer.customer())));
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return json(200, body);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 14))
                .withBody(body);
    }

    /** A PaymentIntent as Stripe answers {@code POST /v1/payment_intents} with confirm=true. */
    private static String intent(Payer payer, String status, long amount) {
        boolean succeeded = status.equals("succeeded");
        return """
                {
                  "id": "%1$s",
                  "object": "payment_intent",
                  "amount": %3$d,
                  "amount_capturable": 0,
                  "amount_received": %4$d,
                  "capture_method": "automatic_async",
                  "client_secret": "%1$s_secret_x",
                  "confirmation_method": "automatic",
                  "created": 1769076900,
                  "currency": "eur",
                  "customer": "%2$s",
                  "last_payment_error": null,
                  "latest_charge": %5$s,
                  "livemode": false,
                  "metadata": {},
                  "next_action": %6$s,
                  "payment_method": "pm_card_%2$s",
                  "payment_method_types": ["card"],
                  "status": "%7$s"
                }
                """.formatted(
                        payer.intent(),
                        payer.customer(),
                        amount,
                        succeeded ? amount : 0,
                        succeeded ? "\"ch_" + payer.intent().substring(3) + "\"" : "null",
                        status.equals("requires_action")
                                ? "{\"type\": \"use_stripe_sdk\", \"use_stripe_sdk\": {\"type\": \"three_d_secure_redirect\"}}"
                                : "null",
                        status);
    }

    /** Stripe's 402 for a declined off-session confirmation. */
    private static String declined(Payer payer) {
        return """
                {
                  "error": {
                    "charge": "ch_%2$s",
                    "code": "card_declined",
                    "decline_code": "insufficient_funds",
                    "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                    "message": "Your card has insufficient funds.",
                    "payment_intent": {
                      "id": "%1$s",
                      "object": "payment_intent",
                      "amount": 2000,
                      "currency": "eur",
                      "last_payment_error": { "code": "card_declined", "decline_code": "insufficient_funds", "type": "card_error" },
                      "status": "requires_payment_method"
                    },
                    "request_log_url": "https://dashboard.stripe.com/test/logs/req_x",
                    "type": "card_error"
                  }
                }
                """.formatted(payer.intent(), payer.intent().substring(3));
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    // --- purchases and their webhook events ---

    private io.restassured.response.Response buy(Payer payer, String addOn, int quantity) {
        return api.purchase(
                payer.account(),
                api.quote(payer.account(), addOn, quantity),
                UUID.randomUUID().toString());
    }

    private String pendingPurchase(Payer payer) {
        answer(payer, ok(intent(payer, "processing", 6000)));
        return buy(payer, "PRESENTERS", 5)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_PAYMENT"))
                .extract()
                .path("purchaseId");
    }

    /** The event Stripe sends about the payer's PaymentIntent, with the metadata we sent it. */
    private String event(Payer payer, String type, String eventId) {
        Map<String, String> sent = form(requestsOf(payer).getLast());
        Map<String, String> metadata = new LinkedHashMap<>();
        sent.forEach((key, value) -> {
            if (key.startsWith("metadata[")) {
                metadata.put(key.substring(9, key.length() - 1), value);
            }
        });
        return StripeEvents.paymentIntentEvent(
                eventId, type, payer.intent(), Long.parseLong(sent.get("amount")), sent.get("currency"), metadata);
    }

    private io.restassured.response.Response deliver(Payer payer, String type) {
        return StripeEvents.deliver(event(payer, type, StripeEvents.newEventId()), api.now());
    }

    private io.restassured.response.Response refund(Payer payer, long amount, long refunded) {
        return StripeEvents.deliver(
                StripeEvents.chargeRefunded(StripeEvents.newEventId(), payer.intent(), amount, refunded, "eur"),
                api.now());
    }

    // --- what the database says ---

    private String statusOf(String purchaseId) {
        return text("select status from purchase where id = ?::uuid", purchaseId);
    }

    private String invoiceOf(String purchaseId) {
        return text("select id::text from invoice where payment_key = ?", "purchase-" + purchaseId);
    }

    /** The purchase's payment events in the order recorded, as OUTCOME:reference. */
    private List<String> outcomes(String purchaseId) {
        return texts(
                "select e.outcome || ':' || coalesce(e.provider_reference, '-') from payment_event e"
                        + " join invoice i on i.id = e.invoice_id where i.payment_key = ? order by e.id",
                "purchase-" + purchaseId);
    }

    private String text(String sql, String param) {
        List<String> rows = texts(sql, param);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private List<String> texts(String sql, String param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
