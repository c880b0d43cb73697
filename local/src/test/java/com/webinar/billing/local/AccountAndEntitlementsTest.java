package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountAndEntitlementsTest {

    @Inject
    Api api;

    private Map<String, Object> syncBody(Api.Account account, String plan, String period, List<?> members) {
        return Map.of(
                "accountId",
                account.id(),
                "plan",
                plan,
                "billingPeriod",
                period,
                "cycleStart",
                "2026-01-10",
                "currency",
                "EUR",
                "timeZone",
                "Europe/Paris",
                "owner",
                Map.of("userId", account.ownerId(), "name", "Owner"),
                "members",
                members);
    }

    @Test
    void repeating_account_sync_is_harmless() {
        Api.Account account = api.seedAccount();
        var body = syncBody(account, "LIVE", "MONTHLY", List.of(Map.of("userId", account.memberId(), "name", "M")));
        api.post("account-sync", api.serviceToken(), body).then().statusCode(200);
        String before = api.stateOf(account);

        api.post("account-sync", api.serviceToken(), body)
                .then()
                .statusCode(200)
                .body("accountId", equalTo(account.id()))
                .body("plan", equalTo("LIVE"))
                .body("cycleStart", equalTo("2026-01-10"))
                .body("owner.userId", equalTo(account.ownerId()))
                .body("members", hasSize(1));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void the_billing_period_of_an_existing_account_is_immutable() {
        Api.Account account = api.seedAccount();
        String before = api.stateOf(account);

        api.post("account-sync", api.serviceToken(), syncBody(account, "LIVE", "ANNUAL", List.of()))
                .then()
                .statusCode(409)
                .body("code", equalTo("immutable_field"));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void a_removed_member_loses_access_at_once() {
        Api.Account account = api.seedAccount();
        api.post("entitlements", api.token(account.memberId()), Map.of()).then().statusCode(200);

        api.post("account-sync", api.serviceToken(), syncBody(account, "LIVE", "MONTHLY", List.of()))
                .then()
                .statusCode(200)
                .body("members", hasSize(0));
        api.post("entitlements", api.token(account.memberId()), Map.of())
                .then()
                .statusCode(401)
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void a_downgrade_to_free_trial_stops_new_quotes() {
        Api.Account account = api.seedAccount();
        api.post("account-sync", api.serviceToken(), syncBody(account, "FREE_TRIAL", "MONTHLY", List.of()))
                .then()
                .statusCode(200);

        api.post("quote", api.token(account.ownerId()), Map.of("addOn", "STORAGE", "quantity", 1))
                .then()
                .statusCode(409)
                .body("code", equalTo("plan_not_eligible"));
    }

    @Test
    void account_sync_is_for_the_platform_service_only() {
        Api.Account account = api.seedAccount();
        String before = api.stateOf(account);

        api.post("account-sync", api.token(account.ownerId()), syncBody(account, "ENTERPRISE", "MONTHLY", List.of()))
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        api.post("account-sync", null, syncBody(account, "ENTERPRISE", "MONTHLY", List.of()))
                .then()
                .statusCode(401);
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void account_sync_refuses_an_unknown_zone_or_currency() {
        Api.Account account = api.seedAccount();
        var body = new java.util.HashMap<>(syncBody(account, "LIVE", "MONTHLY", List.of()));
        body.put("timeZone", "Mars/Olympus");
        api.post("account-sync", api.serviceToken(), body).then().statusCode(400);
        body.put("timeZone", "Europe/Paris");
        body.put("accountId", "acct-new-" + account.id());
        body.put("currency", "GBP");
        api.post("account-sync", api.serviceToken(), body).then().statusCode(400);
        assertThat(api.count("select count(*) from account where id = ?", "acct-new-" + account.id()))
                .isZero();
    }

    @Test
    void entitlements_add_up_what_the_active_purchases_grant() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 5);
        api.buy(account, "PARALLEL_EVENTS", 2);
        api.buy(account, "STORAGE", 3);
        api.buy(account, "RECORDING_SPACE", 1);
        api.buy(account, "SUB_ACCOUNTS", 4);

        for (String user : List.of(account.ownerId(), account.memberId())) {
            api.post("entitlements", api.token(user), Map.of())
                    .then()
                    .statusCode(200)
                    .body("presenterSeats", equalTo(5))
                    .body("parallelEvents", equalTo(3))
                    .body("storageGb", equalTo(30))
                    .body("recordingHours", equalTo(10))
                    .body("subAccountSeats.total", equalTo(4))
                    .body("subAccountSeats.used", equalTo(0))
                    .body("subAccountSeats.free", equalTo(4));
        }
    }

    @Test
    void billing_details_list_purchases_and_the_next_renewal() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 5);
        api.now("2026-01-22T10:16:00Z"); // purchases are listed in the order they were made
        api.buy(account, "USERNAME_CHANGE", 1);

        api.post("billing-details", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(200)
                .body("accountId", equalTo(account.id()))
                .body("billingPeriod", equalTo("MONTHLY"))
                .body("cycleStart", equalTo("2026-01-10"))
                .body("cycleEnd", equalTo("2026-02-09"))
                .body("purchases", hasSize(2))
                .body("purchases[0].cyclePrice", equalTo("100.00"))
                .body("purchases[0].renewsOn", equalTo("2026-02-09"))
                .body("purchases[1].renewsOn", equalTo(null))
                .body("nextRenewal.date", equalTo("2026-02-09"))
                .body("nextRenewal.amount", equalTo("100.00"));
        api.post("billing-details", api.token(account.memberId()), Map.of())
                .then()
                .statusCode(403);
        api.post("billing-details", api.token(account.ownerId()), Map.of("accountId", "acme"))
                .then()
                .statusCode(400);
    }
}
