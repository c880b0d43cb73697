package com.webinar.billing.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, reconciliation, against WireMock playing Stripe: the day's PaymentIntents are paged through ({@code
 * created[gte]}/{@code [lt]}, {@code starting_after}, {@code has_more}) and every difference with the ledger is
 * reported. Each test pays in its own hour of March 2031, so the windows see no other test's payments.
 */
@QuarkusTest
@TestProfile(StripeWireMock.Profile.class)
class ReconcileStripeTest {
    private static final String INTENTS = "/v1/payment_intents";
    private static final Instant MARCH_2031 = Instant.parse("2031-03-10T00:00:00Z");

    @Inject
    Api api;

    @StripeWireMock.InjectStripe
    WireMockServer stripe;

    /** A purchase paid through Stripe, as our ledger recorded it. */
    record Paid(String intent, String invoiceId, long amountMinor) {}

    @Test
    void a_clean_day_across_two_pages_reports_no_difference() {
        Instant hour = hour(0);
        Paid a = pay(hour, "clean_a");
        Paid b = pay(hour, "clean_b");
        Paid c = pay(hour, "clean_c");
        String declined = intent("pi_clean_declined", null, 5000, "eur", "requires_payment_method", hour);
        listing(hour, null, true, intent(c), intent(b));
        listing(hour, "pi_clean_b", false, intent(a), declined);

        JsonPath report = reconcile(hour);

        assertThat(report.getList("differences")).isEmpty();
        assertThat(report.getInt("providerPayments")).isEqualTo(4);
        assertThat(report.getInt("charged")).isEqualTo(3);
        assertThat(report.getInt("recorded")).isEqualTo(3);
        List<LoggedRequest> pages = stripe.findAll(getRequestedFor(urlPathEqualTo(INTENTS)));
        String window = "created%5Bgte%5D=" + hour.getEpochSecond() + "&created%5Blt%5D="
                + hour.plus(Duration.ofHours(1)).getEpochSecond() + "&limit=100";
        assertThat(pages.stream().map(LoggedRequest::getUrl).filter(url -> url.contains(window)))
                .hasSize(2)
                .anySatisfy(url -> assertThat(url).endsWith("&starting_after=pi_clean_b"));
    }

    @Test
    void a_charge_the_ledger_does_not_record_is_reported() {
        Instant hour = hour(1);
        Paid paid = pay(hour, "twice");
        String second = intent("pi_twice_again", paid.invoiceId(), paid.amountMinor(), "eur", "succeeded", hour);
        String stranger = intent("pi_stranger", null, 1234, "eur", "succeeded", hour);
        listing(hour, null, false, second, stranger, intent(paid));

        JsonPath report = reconcile(hour);

        assertThat(report.getList("differences.kind")).containsExactly("CHARGED_NOT_RECORDED", "CHARGED_NOT_RECORDED");
        assertThat(report.getList("differences.charged.reference")).containsExactly("pi_twice_again", "pi_stranger");
        assertThat(report.getList("differences.recorded")).containsOnlyNulls();
    }

    @Test
    void a_payment_recorded_here_that_stripe_never_took_is_reported() {
        Instant hour = hour(2);
        Paid paid = pay(hour, "phantom");
        listing(hour, null, false);
        stripe.stubFor(get(urlEqualTo(INTENTS + "/pi_phantom"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\"}}")));

        JsonPath report = reconcile(hour);

        assertThat(report.getList("differences.kind")).containsExactly("RECORDED_NOT_CHARGED");
        assertThat(report.getString("differences[0].recorded.invoiceId")).isEqualTo(paid.invoiceId());
        assertThat(report.getString("differences[0].recorded.reference")).isEqualTo("pi_phantom");
    }

    @Test
    void a_payment_recorded_in_the_window_for_a_charge_created_the_day_before_is_no_difference() {
        Instant hour = hour(3);
        Paid paid = pay(hour, "edge");
        listing(hour, null, false);
        stripe.stubFor(get(urlEqualTo(INTENTS + "/pi_edge"))
                .willReturn(json(intent(
                        "pi_edge",
                        paid.invoiceId(),
                        paid.amountMinor(),
                        "eur",
                        "succeeded",
                        hour.minusSeconds(86_400)))));

        assertThat(reconcile(hour).getList("differences")).isEmpty();
    }

    @Test
    void an_amount_or_a_currency_that_differs_is_reported() {
        Instant hour = hour(4);
        Paid more = pay(hour, "amount");
        Paid dollars = pay(hour, "currency");
        listing(
                hour,
                null,
                false,
                intent("pi_amount", more.invoiceId(), more.amountMinor() + 100, "eur", "succeeded", hour),
                intent("pi_currency", dollars.invoiceId(), dollars.amountMinor(), "usd", "succeeded", hour));

        JsonPath report = reconcile(hour);

        assertThat(report.getList("differences.kind")).containsExactly("AMOUNT_DIFFERS", "CURRENCY_DIFFERS");
        assertThat(report.getLong("differences[0].charged.amountMinor")).isEqualTo(more.amountMinor() + 100);
        assertThat(report.getLong("differences[0].recorded.amountMinor")).isEqualTo(more.amountMinor());
        assertThat(report.getString("differences[1].charged.currency")).isEqualTo("USD");
        assertThat(report.getString("differences[1].recorded.currency")).isEqualTo("EUR");
    }

    @Test
    void a_stripe_that_keeps_failing_fails_the_reconciliation_rather_than_reporting_a_clean_day() {
        Instant hour = hour(5);
        stripe.stubFor(get(urlPathEqualTo(INTENTS))
                .withQueryParam("created[gte]", equalTo(Long.toString(hour.getEpochSecond())))
                .willReturn(aResponse().withStatus(503)));

        api.post("reconcile", null, window(hour)).then().statusCode(503);
    }

    private static Instant hour(int n) {
        return MARCH_2031.plus(Duration.ofHours(n));
    }

    private static Map<String, Object> window(Instant hour) {
        return Map.of(
                "from", hour.toString(), "to", hour.plus(Duration.ofHours(1)).toString());
    }

    private JsonPath reconcile(Instant hour) {
        return api.post("reconcile", null, window(hour))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Buys 2 presenter seats at {@code hour} + 10 min, Stripe answering succeeded as {@code pi_<name>}. */
    private Paid pay(Instant hour, String name) {
        api.now(hour.plus(Duration.ofMinutes(10)));
        Api.Account account = api.account("LIVE", "MONTHLY", "2031-03-01", "EUR", "UTC");
        String customer = StripeWireMock.saveCard(api, account, name + "_" + UUID.randomUUID());
        String intent = "pi_" + name;
        stripe.stubFor(post(urlEqualTo(INTENTS))
                .withRequestBody(containing("customer=" + customer))
                .willReturn(json("{\"id\": \"%s\", \"object\": \"payment_intent\", \"status\": \"succeeded\"}"
                        .formatted(intent))));
        api.buy(account, "PRESENTERS", 2);
        return new Paid(
                intent,
                api.text("select invoice_id::text from payment_event where provider_reference = ?", intent),
                api.count("select amount_minor from payment_event where provider_reference = ?", intent));
    }

    private void listing(Instant hour, String startingAfter, boolean more, String... intents) {
        stripe.stubFor(get(urlPathEqualTo(INTENTS))
                .withQueryParam("created[gte]", equalTo(Long.toString(hour.getEpochSecond())))
                .withQueryParam("starting_after", startingAfter == null ? absent() : equalTo(startingAfter))
                .willReturn(json(
                        "{\"object\": \"list\", \"url\": \"/v1/payment_intents\", \"has_more\": %s, \"data\": [%s]}"
                                .formatted(more, String.join(",", intents)))));
    }

    private static String intent(Paid paid) {
        return intent(paid.intent(), paid.invoiceId(), paid.amountMinor(), "eur", "succeeded", MARCH_2031);
    }

    private static String intent(
            String id, String invoiceId, long amount, String currency, String status, Instant created) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": %d, "currency": "%s",
                 "status": "%s", "created": %d, "metadata": %s}""".formatted(
                        id,
                        amount,
                        "succeeded".equals(status) ? amount : 0,
                        currency,
                        status,
                        created.getEpochSecond(),
                        invoiceId == null ? "{}" : "{\"invoiceId\": \"" + invoiceId + "\"}");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
