package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class CancelFunctionTest {

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    /** An account with a purchase of each kind a cancel may name, and another account's purchase. */
    record Fixture(
            Api.Account account,
            String presenters,
            String usernameChange,
            String subAccounts,
            SubAccountSteps.SubAccount subAccount,
            String othersPurchase) {}

    Fixture fixture() {
        Api.Account other = api.seedAccount();
        String othersPurchase = api.buy(other, "PRESENTERS", 1);
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 5);
        String usernameChange = api.buy(account, "USERNAME_CHANGE", 1);
        String subAccounts = api.buy(account, "SUB_ACCOUNTS", 2);
        SubAccountSteps.SubAccount subAccount = steps.create(account, "Sales team");
        return new Fixture(account, presenters, usernameChange, subAccounts, subAccount, othersPurchase);
    }

    record Refusal(String situation, Function<Fixture, Object> body, int status, String code) {
        @Override
        public String toString() {
            return situation;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal(
                        "a quantity (2 of 5 seats bought together)",
                        f -> Map.of("purchaseId", f.presenters(), "quantity", 2),
                        400,
                        "invalid_request"),
                new Refusal(
                        "a quantity equal to the whole purchase",
                        f -> Map.of("purchaseId", f.presenters(), "quantity", 5),
                        400,
                        "invalid_request"),
                new Refusal(
                        "a one-time purchase", f -> Map.of("purchaseId", f.usernameChange()), 409, "not_cancellable"),
                new Refusal(
                        "another account's purchase", f -> Map.of("purchaseId", f.othersPurchase()), 404, "not_found"),
                new Refusal(
                        "an unknown purchase id",
                        f -> Map.of("purchaseId", UUID.randomUUID().toString()),
                        404,
                        "not_found"),
                new Refusal(
                        "sub-accounts in its seats, erasure not confirmed",
                        f -> Map.of("purchaseId", f.subAccounts()),
                        409,
                        "confirmation_required"),
                new Refusal(
                        "sub-accounts in its seats, confirmErasure false",
                        f -> Map.of("purchaseId", f.subAccounts(), "confirmErasure", false),
                        409,
                        "confirmation_required"),
                new Refusal("no purchase id", f -> Map.of(), 400, "invalid_request"),
                new Refusal(
                        "a purchase id that is not a UUID",
                        f -> Map.of("purchaseId", "seat-1"),
                        400,
                        "invalid_request"),
                new Refusal(
                        "confirmErasure as a string",
                        f -> Map.of("purchaseId", f.subAccounts(), "confirmErasure", "yes"),
                        400,
                        "invalid_request"),
                new Refusal(
                        "an unknown field",
                        f -> Map.of("purchaseId", f.presenters(), "refund", true),
                        400,
                        "invalid_request"));
    }

    @ParameterizedTest(name = "cancelling {0} is refused and changes nothing")
    @MethodSource("refusals")
    void a_refused_cancel_changes_nothing(Refusal refusal) {
        Fixture f = fixture();
        String before = api.stateOf(f.account());

        api.post("cancel", api.token(f.account().ownerId()), refusal.body().apply(f))
                .then()
                .statusCode(refusal.status())
                .contentType("application/problem+json")
                .body("code", equalTo(refusal.code()))
                .body("status", equalTo(refusal.status()));

        assertThat(api.stateOf(f.account())).isEqualTo(before);
        assertThat(steps.text("select status from purchase where id = ?::uuid", f.othersPurchase()))
                .isEqualTo("ACTIVE");
    }

    @Test
    void naming_a_quantity_is_told_that_a_purchase_is_cancelled_whole() {
        Fixture f = fixture();

        api.post("cancel", api.token(f.account().ownerId()), Map.of("purchaseId", f.presenters(), "quantity", 2))
                .then()
                .statusCode(400)
                .body("detail", containsString("cancelled whole"));
    }

    @Test
    void a_cancelled_purchase_keeps_granting_until_the_cycle_end_and_is_not_renewed_nor_refunded() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 5);
        String parallel = api.buy(account, "PARALLEL_EVENTS", 3);
        String owner = api.token(account.ownerId());
        api.post("entitlements", owner, Map.of())
                .then()
                .statusCode(200)
                .body("presenterSeats", equalTo(5))
                .body("parallelEvents", equalTo(4));
        api.post("billing-details", owner, Map.of())
                .then()
                .statusCode(200)
                .body("nextRenewal.amount", equalTo("220.00"));
        long invoices = api.count("select count(*) from invoice where account_id = ?", account.id());

        api.now("2026-01-25T08:00:00Z");
        steps.cancel(owner, parallel, null)
                .then()
                .statusCode(200)
                .body("purchaseId", equalTo(parallel))
                .body("status", equalTo("CANCELLATION_SCHEDULED"))
                .body("activeUntil", equalTo("2026-02-09"))
                .body("subAccountsToErase", empty());

        // the whole purchase, all 3 units, stays until the cycle turns
        assertThat(steps.rows(
                        "select status, quantity::text, active_until::text, cancelled_at = ?::timestamptz"
                                + " from purchase where id = ?::uuid",
                        "2026-01-25T08:00:00Z",
                        parallel))
                .containsExactly(List.of("CANCELLATION_SCHEDULED", "3", "2026-02-09", "t"));
        for (String user : List.of(account.ownerId(), account.memberId())) {
            api.post("entitlements", api.token(user), Map.of())
                    .then()
                    .statusCode(200)
                    .body("presenterSeats", equalTo(5))
                    .body("parallelEvents", equalTo(4));
        }
        api.post("billing-details", owner, Map.of())
                .then()
                .statusCode(200)
                .body(
                        "purchases.find { it.purchaseId == '%s' }.status".formatted(parallel),
                        equalTo("CANCELLATION_SCHEDULED"))
                .body("purchases.find { it.purchaseId == '%s' }.activeUntil".formatted(parallel), equalTo("2026-02-09"))
                .body("purchases.find { it.purchaseId == '%s' }.renewsOn".formatted(parallel), nullValue())
                .body("purchases.find { it.purchaseId == '%s' }.renewsOn".formatted(presenters), equalTo("2026-02-09"))
                .body("nextRenewal.date", equalTo("2026-02-09"))
                .body("nextRenewal.amount", equalTo("100.00"));
        // no refund: the ledger has not moved
        assertThat(api.count("select count(*) from invoice where account_id = ?", account.id()))
                .isEqualTo(invoices);
    }

    @Test
    void cancelling_twice_answers_the_first_answer_again_even_after_the_cycle_turned() {
        Api.Account account = api.seedAccount();
        String storage = api.buy(account, "STORAGE", 2);
        String owner = api.token(account.ownerId());
        String first = steps.cancel(owner, storage, null)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String afterFirst = api.stateOf(account);

        api.now("2026-02-01T12:00:00Z");
        assertThat(steps.cancel(owner, storage, null)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(first);
        // the cycle turned but no tick has ended the purchase yet: still the same answer, the same end
        api.now("2026-02-10T12:00:00Z");
        assertThat(steps.cancel(api.token(account.ownerId()), storage, true)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(first);
        assertThat(api.stateOf(account)).isEqualTo(afterFirst);
    }

    @Test
    void a_sub_accounts_purchase_with_occupied_seats_is_cancelled_only_with_the_erasure_confirmed() {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 3);
        SubAccountSteps.SubAccount first = steps.create(account, "Training");
        SubAccountSteps.SubAccount second = steps.create(account, "Support");
        String owner = api.token(account.ownerId());

        steps.cancel(owner, seats, null)
                .then()
                .statusCode(409)
                .body("code", equalTo("confirmation_required"))
                .body("subAccounts", containsInAnyOrder(first.id(), second.id()));
        assertThat(steps.text("select status from purchase where id = ?::uuid", seats))
                .isEqualTo("ACTIVE");

        String answer = steps.cancel(owner, seats, true)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLATION_SCHEDULED"))
                .body("activeUntil", equalTo("2026-02-09"))
                .body("subAccountsToErase", containsInAnyOrder(first.id(), second.id()))
                .extract()
                .asString();
        assertThat(steps.text("select erasure_confirmed::text from purchase where id = ?::uuid", seats))
                .isEqualTo("true");
        // scheduled, not erased: the sub-accounts and their users stay until the cycle end
        assertThat(steps.dataOf(first.id()).get(0)).isEqualTo(1);
        api.post("entitlements", api.token(first.adminId()), Map.of())
                .then()
                .statusCode(200)
                .body("storageGb", equalTo(50));
        api.post("entitlements", owner, Map.of())
                .then()
                .statusCode(200)
                .body("subAccountSeats.total", equalTo(3))
                .body("subAccountSeats.used", equalTo(2))
                .body("subAccountSeats.free", equalTo(1));
        // asked again without the confirmation, it was confirmed once: the same answer, no new question
        assertThat(steps.cancel(owner, seats, null)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(answer);
    }

    @Test
    void a_sub_accounts_purchase_with_empty_seats_needs_no_confirmation() {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 2);

        steps.cancel(api.token(account.ownerId()), seats, null)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLATION_SCHEDULED"))
                .body("subAccountsToErase", empty());
        assertThat(steps.text("select erasure_confirmed::text from purchase where id = ?::uuid", seats))
                .isEqualTo("false");
    }

    @Test
    void a_purchase_whose_payment_failed_cannot_be_cancelled() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        String failed = api.purchase(account, api.quote(account, "PRESENTERS", 1), "k")
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .extract()
                .path("purchaseId");
        String before = api.stateOf(account);

        steps.cancel(api.token(account.ownerId()), failed, null)
                .then()
                .statusCode(409)
                .body("code", equalTo("not_cancellable"));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }
}
