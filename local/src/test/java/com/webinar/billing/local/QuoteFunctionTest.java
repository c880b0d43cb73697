package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class QuoteFunctionTest {

    @Inject
    Api api;

    @Test
    void the_seed_quote_costs_100_for_the_cycle_and_60_now_for_18_days() {
        Api.Account account = api.seedAccount();

        api.post("quote", api.token(account.ownerId()), Map.of("addOn", "PRESENTERS", "quantity", 5))
                .then()
                .statusCode(200)
                .body("addOn", equalTo("PRESENTERS"))
                .body("quantity", equalTo(5))
                .body("currency", equalTo("EUR"))
                .body("unitPrice", equalTo("20.00"))
                .body("cyclePrice", equalTo("100.00"))
                .body("chargeNow", equalTo("60.00"))
                .body("cycleDays", equalTo(30))
                .body("daysRemaining", equalTo(18))
                .body("cycleStart", equalTo("2026-01-10"))
                .body("cycleEnd", equalTo("2026-02-09"))
                .body("renewsOn", equalTo("2026-02-09"))
                .body("expiresAt", equalTo("2026-01-22T10:30:00Z"));
    }

    @ParameterizedTest(name = "{0} × {1} {2} {3} cycle from {4}, at {5} in {6} → {7} now, {8} days")
    @CsvSource({
        "PRESENTERS, 1, EUR, MONTHLY, 2026-01-10, 2026-01-09T23:00:00Z, Europe/Paris, 20.00, 30",
        "PRESENTERS, 5, EUR, MONTHLY, 2026-01-10, 2026-02-08T12:00:00Z, Europe/Paris, 3.33, 1",
        "STORAGE, 3, JPY, ANNUAL, 2026-11-01, 2026-12-01T00:00:00Z, Asia/Tokyo, 41301, 335",
        "PRESENTERS, 1, JPY, MONTHLY, 2026-01-10, 2026-01-22T10:15:00Z, Asia/Tokyo, 1800, 18",
        "PRESENTERS, 1, USD, ANNUAL, 2026-01-10, 2026-01-22T10:15:00Z, America/New_York, 193.42, 353",
        "USERNAME_CHANGE, 1, PLN, MONTHLY, 2026-01-10, 2026-02-08T12:00:00Z, Europe/Warsaw, 60.00, 1",
        // the same instant is 2026-01-22 in Los Angeles and already 2026-01-23 in Auckland
        "PRESENTERS, 1, EUR, MONTHLY, 2026-01-10, 2026-01-22T12:00:00Z, America/Los_Angeles, 12.00, 18",
        "PRESENTERS, 1, EUR, MONTHLY, 2026-01-10, 2026-01-22T12:00:00Z, Pacific/Auckland, 11.33, 17",
    })
    void a_quote_prorates_the_whole_line_over_the_days_left_in_the_account_zone(
            String addOn,
            int quantity,
            String currency,
            String period,
            String cycleStart,
            String now,
            String zone,
            String chargeNow,
            int daysRemaining) {
        api.now(now);
        Api.Account account = api.account("LIVE", period, cycleStart, currency, zone);

        api.post("quote", api.token(account.ownerId()), Map.of("addOn", addOn, "quantity", quantity))
                .then()
                .statusCode(200)
                .body("chargeNow", equalTo(chargeNow))
                .body("daysRemaining", equalTo(daysRemaining));
    }

    @Test
    void a_one_time_add_on_is_not_prorated_and_never_renews() {
        Api.Account account = api.seedAccount();

        api.post("quote", api.token(account.ownerId()), Map.of("addOn", "USERNAME_CHANGE", "quantity", 1))
                .then()
                .statusCode(200)
                .body("cyclePrice", equalTo("15.00"))
                .body("chargeNow", equalTo("15.00"))
                .body("renewsOn", nullValue());
    }

    @Test
    void a_quote_after_the_cycle_ended_but_before_the_tick_prices_the_new_cycle() {
        api.now("2026-02-09T12:00:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris");

        api.post("quote", api.token(account.ownerId()), Map.of("addOn", "PRESENTERS", "quantity", 1))
                .then()
                .statusCode(200)
                .body("cycleStart", equalTo("2026-02-09"))
                .body("chargeNow", equalTo("20.00"));
    }

    @Test
    void a_free_trial_account_gets_plan_not_eligible_and_no_quote() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("FREE_TRIAL", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris");
        String before = api.stateOf(account);

        api.post("quote", api.token(account.ownerId()), Map.of("addOn", "PRESENTERS", "quantity", 1))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("plan_not_eligible"))
                .body("status", equalTo(409));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void a_member_may_not_ask_for_a_quote() {
        Api.Account account = api.seedAccount();
        String before = api.stateOf(account);

        api.post("quote", api.token(account.memberId()), Map.of("addOn", "PRESENTERS", "quantity", 1))
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown field         | {\"addOn\":\"PRESENTERS\",\"quantity\":1,\"discount\":50}",
                "unknown add-on        | {\"addOn\":\"CATERING\",\"quantity\":1}",
                "quantity zero         | {\"addOn\":\"PRESENTERS\",\"quantity\":0}",
                "quantity 101          | {\"addOn\":\"PRESENTERS\",\"quantity\":101}",
                "two user-name changes | {\"addOn\":\"USERNAME_CHANGE\",\"quantity\":2}",
                "quantity as text      | {\"addOn\":\"PRESENTERS\",\"quantity\":\"5\"}",
                "fractional quantity   | {\"addOn\":\"PRESENTERS\",\"quantity\":1.5}",
                "missing quantity      | {\"addOn\":\"PRESENTERS\"}",
                "not an object         | [1,2]",
                "malformed JSON        | {\"addOn\":",
            })
    void bad_input_is_a_400_problem_and_changes_nothing(String why, String body) {
        Api.Account account = api.seedAccount();
        String before = api.stateOf(account);

        api.postRaw("quote", api.token(account.ownerId()), body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_request"))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue());
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no header      | ",
                "not bearer     | Basic b3duZXI6cHc=",
                "garbage token  | Bearer not.a.jwt",
                "unknown user   | UNKNOWN",
                "forged token   | FORGED",
            })
    void without_a_valid_token_the_caller_is_unauthenticated(String why, String header) {
        Api.Account account = api.seedAccount();
        String authorization = header == null
                ? null
                : switch (header) {
                    case "UNKNOWN" -> "Bearer " + api.token("nobody-" + account.id());
                    case "FORGED" -> "Bearer " + forge(api.token(account.ownerId()));
                    default -> header;
                };
        var request = Api.given().contentType("application/json");
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }

        request.body("{\"addOn\":\"PRESENTERS\",\"quantity\":1}")
                .post("/quote")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
        assertThat(api.count("select count(*) from quote where account_id = ?", account.id()))
                .isZero();
    }

    /** The owner's token with another subject spliced in: the signature no longer matches. */
    private static String forge(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"owner-acme\"");
        return parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }
}
