package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.webinar.billing.dev.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function, each with a body it would accept: an unknown field added to it, or (functions behind a token) an
 * expired token, is refused and changes nothing. Every refusal is problem+json with its code's {@code type} and no
 * stack trace. The payment webhook is not in the first table: its body is Stripe's event, whose fields grow.
 */
@QuarkusTest
class ErrorAnswersTest {

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    enum Who {
        OWNER,
        SERVICE,
        NOBODY
    }

    /** A function called by {@code who} with a body it accepts, made for {@code account}. */
    interface Body {
        Map<String, Object> of(ErrorAnswersTest test, Api.Account account);
    }

    record Call(String function, Who who, Body body) {
        @Override
        public String toString() {
            return function;
        }
    }

    static Stream<Call> everyFunction() {
        return Stream.of(
                new Call("account-sync", Who.SERVICE, ErrorAnswersTest::syncBody),
                new Call("quote", Who.OWNER, (t, a) -> Map.of("addOn", "PRESENTERS", "quantity", 1)),
                new Call(
                        "purchase",
                        Who.OWNER,
                        (t, a) -> Map.of(
                                "quoteId",
                                t.api.quote(a, "PRESENTERS", 1),
                                "idempotencyKey",
                                UUID.randomUUID().toString())),
                new Call("billing-details", Who.OWNER, (t, a) -> Map.of()),
                new Call("invoices", Who.OWNER, (t, a) -> Map.of()),
                new Call("entitlements", Who.OWNER, (t, a) -> Map.of()),
                new Call("cancel", Who.OWNER, (t, a) -> Map.of("purchaseId", t.api.buy(a, "PRESENTERS", 1))),
                new Call("subaccount-create", Who.OWNER, (t, a) -> {
                    t.api.buy(a, "SUB_ACCOUNTS", 1);
                    return t.steps.createBody("Team", "admin-" + UUID.randomUUID());
                }),
                new Call("subaccount-delete", Who.OWNER, (t, a) -> {
                    t.api.buy(a, "SUB_ACCOUNTS", 1);
                    return Map.of("subAccountId", t.steps.create(a, "Team").id(), "confirm", true);
                }),
                new Call("subaccounts", Who.OWNER, (t, a) -> Map.of()),
                new Call("renewal-tick", Who.NOBODY, (t, a) -> Map.of()),
                new Call("dev-token", Who.NOBODY, (t, a) -> Map.of("sub", a.ownerId())),
                new Call("dev-clock", Who.NOBODY, (t, a) -> Map.of("now", "2026-03-01T00:00:00Z")),
                new Call("dev-webhook-secret", Who.NOBODY, (t, a) -> Map.of()),
                new Call("dev-events", Who.NOBODY, (t, a) -> Map.of("accountId", a.id())),
                new Call(
                        "dev-authenticate",
                        Who.NOBODY,
                        (t, a) -> Map.of("purchaseId", UUID.randomUUID().toString(), "outcome", "succeeded")));
    }

    static Stream<Call> behindAToken() {
        return everyFunction().filter(call -> call.who() != Who.NOBODY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFunction")
    void an_unknown_field_is_refused_by_every_function_and_changes_nothing(Call call) {
        Api.Account account = api.seedAccount();
        Map<String, Object> body = new HashMap<>(call.body().of(this, account));
        String before = stateOf(account);

        body.put("unexpected", 1);
        Response answer = api.post(call.function(), tokenOf(call.who(), account, false), body);

        assertProblem(answer, 400, "invalid_request");
        answer.then().body("detail", equalTo("unknown field 'unexpected'"));
        assertThat(stateOf(account)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behindAToken")
    void an_expired_token_is_refused_by_every_function_and_changes_nothing(Call call) {
        Api.Account account = api.seedAccount();
        Map<String, Object> body = call.body().of(this, account);
        String before = stateOf(account);

        Response answer = api.post(call.function(), tokenOf(call.who(), account, true), body);

        assertProblem(answer, 401, "unauthenticated");
        assertThat(stateOf(account)).isEqualTo(before);
    }

    @Test
    void the_same_bodies_with_a_valid_token_are_accepted() {
        // the tables above prove something only if their bodies are otherwise acceptable
        for (Call call : everyFunction().toList()) {
            Api.Account account = api.seedAccount();
            Map<String, Object> body = call.body().of(this, account);
            int status = api.post(call.function(), tokenOf(call.who(), account, false), body)
                    .statusCode();
            assertThat(status)
                    .as(call.function())
                    .isIn(call.function().equals("dev-authenticate") ? List.of(404) : List.of(200));
        }
    }

    /** The account's rows, the clock and the published events: what any of these functions could change. */
    private String stateOf(Api.Account account) {
        return api.stateOf(account) + "|" + api.now() + "|"
                + api.count("select count(*) from outbox_event where account_id = ?", account.id()) + "|"
                + api.count("select count(*) from webhook_event");
    }

    private String tokenOf(Who who, Api.Account account, boolean expired) {
        return switch (who) {
            case OWNER -> expired ? DevTokens.expiredForUser(account.ownerId()) : api.token(account.ownerId());
            case SERVICE -> expired ? DevTokens.expiredForService() : api.serviceToken();
            case NOBODY -> null;
        };
    }

    /** The shape of every refusal: problem+json, its code's type, its status, and nothing of the server's insides. */
    static void assertProblem(Response answer, int status, String code) {
        answer.then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:addon-billing:problem:" + code))
                .body("status", equalTo(status))
                .body("code", equalTo(code));
        assertThat(answer.asString())
                .doesNotContain("Exception", "\tat ", ".java:", "com.webinar", "io.quarkus", "org.hibernate");
    }

    private static Map<String, Object> syncBody(ErrorAnswersTest test, Api.Account account) {
        return Map.of(
                "accountId", account.id(),
                "plan", "LIVE",
                "billingPeriod", "MONTHLY",
                "cycleStart", "2026-01-10",
                "currency", "EUR",
                "timeZone", "Europe/Paris",
                "owner", Map.of("userId", account.ownerId(), "name", "Owner " + account.id()),
                "members", List.of(Map.of("userId", account.memberId(), "name", "Member " + account.id())));
    }
}
