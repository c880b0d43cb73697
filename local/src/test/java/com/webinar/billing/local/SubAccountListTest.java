package com.webinar.billing.local;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code subaccounts}: the owner's list of sub-accounts and seats, the one the billing page shows. */
@QuarkusTest
class SubAccountListTest {

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    @Test
    void the_owner_sees_the_sub_accounts_with_their_admin_seat_and_creation_and_the_seats_after_buying_and_creating() {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 3);
        SubAccountSteps.SubAccount sales = steps.create(account, "Sales");
        api.now("2026-01-22T10:16:00Z");
        SubAccountSteps.SubAccount support = steps.create(account, "Support");

        listOf(account.ownerId())
                .statusCode(200)
                .body("subAccounts.subAccountId", contains(sales.id(), support.id()))
                .body("subAccounts.name", contains("Sales", "Support"))
                .body("subAccounts.admin.userId", contains(sales.adminId(), support.adminId()))
                .body("subAccounts.admin.name", contains("Admin of Sales", "Admin of Support"))
                .body("subAccounts.purchaseId", contains(seats, seats))
                .body("subAccounts.storageGb", contains(50, 50))
                .body("subAccounts.recordingHours", contains(20, 20))
                .body("subAccounts.createdAt", contains("2026-01-22T10:15:00Z", "2026-01-22T10:16:00Z"))
                .body("seats", equalTo(Map.of("total", 3, "used", 2, "free", 1)));
    }

    @Test
    void a_deleted_sub_account_is_gone_from_the_list_and_its_seat_free_again() {
        Api.Account account = api.seedAccount();
        api.buy(account, "SUB_ACCOUNTS", 2);
        SubAccountSteps.SubAccount sales = steps.create(account, "Sales");
        SubAccountSteps.SubAccount support = steps.create(account, "Support");

        steps.delete(api.token(account.ownerId()), sales.id(), true).then().statusCode(200);

        listOf(account.ownerId())
                .statusCode(200)
                .body("subAccounts.subAccountId", contains(support.id()))
                .body("seats", equalTo(Map.of("total", 2, "used", 1, "free", 1)));
    }

    @Test
    void a_member_and_a_sub_account_user_are_refused_as_subaccount_create_refuses_them() {
        Api.Account account = api.seedAccount();
        api.buy(account, "SUB_ACCOUNTS", 1);
        SubAccountSteps.SubAccount sales = steps.create(account, "Sales");

        for (String user : List.of(account.memberId(), sales.adminId())) {
            String created = steps.create(api.token(user), steps.createBody("Other", "admin-of-" + user))
                    .then()
                    .statusCode(403)
                    .extract()
                    .path("detail");
            listOf(user).statusCode(403).body("code", equalTo("forbidden")).body("detail", equalTo(created));
        }
    }

    @Test
    void another_accounts_sub_accounts_are_never_listed() {
        Api.Account mine = api.seedAccount();
        Api.Account theirs = api.seedAccount();
        api.buy(mine, "SUB_ACCOUNTS", 1);
        api.buy(theirs, "SUB_ACCOUNTS", 2);
        SubAccountSteps.SubAccount own = steps.create(mine, "Mine");
        steps.create(theirs, "Theirs");
        steps.create(theirs, "Theirs too");

        listOf(mine.ownerId())
                .statusCode(200)
                .body("subAccounts.subAccountId", contains(own.id()))
                .body("seats", equalTo(Map.of("total", 1, "used", 1, "free", 0)));
    }

    @Test
    void an_account_with_no_sub_account_gets_an_empty_list_and_its_seats() {
        Api.Account withSeats = api.seedAccount();
        Api.Account withNone = api.seedAccount();
        api.buy(withSeats, "SUB_ACCOUNTS", 2);

        listOf(withSeats.ownerId())
                .statusCode(200)
                .body("subAccounts", empty())
                .body("seats", equalTo(Map.of("total", 2, "used", 0, "free", 2)));
        listOf(withNone.ownerId())
                .statusCode(200)
                .body("subAccounts", empty())
                .body("seats", equalTo(Map.of("total", 0, "used", 0, "free", 0)));
    }

    private ValidatableResponse listOf(String userId) {
        return api.post("subaccounts", api.token(userId), Map.of()).then();
    }
}
