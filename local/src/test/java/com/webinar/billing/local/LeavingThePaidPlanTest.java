package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 19: add-ons exist only on top of a paid plan (R1), so leaving it ends them as a cancellation would. */
@QuarkusTest
class LeavingThePaidPlanTest {
    /** 00:00 on 2026-02-09 in Paris: the seed account's cycle turns. */
    static final String TURN = "2026-02-08T23:00:00Z";

    @Inject
    Api api;

    @Inject
    PlanSteps plan;

    @Inject
    SubAccountSteps steps;

    private String line(String purchaseId, String field) {
        return "purchases.find { it.purchaseId == '" + purchaseId + "' }." + field;
    }

    @Test
    void after_a_downgrade_the_turn_charges_nothing_ends_the_add_ons_and_erases_their_sub_accounts() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 2);
        String seats = api.buy(account, "SUB_ACCOUNTS", 1);
        String usernameChange = api.buy(account, "USERNAME_CHANGE", 1);
        SubAccountSteps.SubAccount sales = steps.create(account, "Sales team");

        plan.movePlan(account, "FREE_TRIAL");

        plan.details(account)
                .then()
                .statusCode(200)
                .body("plan", equalTo("FREE_TRIAL"))
                .body(line(presenters, "status"), equalTo("CANCELLATION_SCHEDULED"))
                .body(line(presenters, "endReason"), equalTo("PLAN"))
                .body(line(presenters, "activeUntil"), equalTo("2026-02-09"))
                .body(line(presenters, "renewsOn"), nullValue())
                .body(line(seats, "endReason"), equalTo("PLAN"))
                .body(line(usernameChange, "status"), equalTo("ACTIVE"))
                .body(line(usernameChange, "endReason"), nullValue())
                .body("nextRenewal.amount", equalTo("0.00"));
        // what was bought is kept until the cycle ends
        api.post("entitlements", api.token(account.ownerId()), Map.of()).then().body("presenterSeats", equalTo(2));

        api.now(TURN);
        plan.runTick();

        assertThat(plan.renewals(account)).isEmpty();
        assertThat(List.of(plan.statusOf(presenters), plan.statusOf(seats), plan.statusOf(usernameChange)))
                .containsExactly("ENDED", "ENDED", "ACTIVE");
        assertThat(api.count("select count(*) from sub_account where id = ?::uuid", sales.id()))
                .isZero();
        assertThat(plan.accountColumn(account, "cycle_start")).isEqualTo("2026-02-09");
        plan.details(account)
                .then()
                .body(line(presenters, "status"), equalTo("ENDED"))
                .body(line(presenters, "endReason"), equalTo("PLAN"))
                .body(line(presenters, "activeUntil"), equalTo("2026-02-09"));
        api.post("quote", api.token(account.ownerId()), Map.of("addOn", "PRESENTERS", "quantity", 1))
                .then()
                .statusCode(409)
                .body("code", equalTo("plan_not_eligible"));

        // the next cycles charge nothing either
        api.now(Instant.parse(TURN).plus(Duration.ofDays(30)));
        plan.runTick();
        assertThat(plan.renewals(account)).isEmpty();
    }

    @Test
    void back_on_a_paid_plan_after_the_end_the_add_ons_must_be_bought_again() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 2);
        plan.movePlan(account, "FREE_TRIAL");
        api.now(TURN);
        plan.runTick();

        api.now("2026-02-12T10:00:00Z");
        plan.sync(account, "LIVE", "MONTHLY", "2026-02-09", "EUR", "Europe/Paris")
                .then()
                .statusCode(200);

        assertThat(plan.statusOf(presenters)).isEqualTo("ENDED");
        plan.details(account).then().body("nextRenewal.amount", equalTo("0.00"));
        String again = api.buy(account, "PRESENTERS", 1);
        assertThat(plan.statusOf(again)).isEqualTo("ACTIVE");
    }

    @Test
    void a_downgrade_then_an_upgrade_before_the_turn_renews_as_before() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 2);
        plan.movePlan(account, "FREE_TRIAL");
        api.now("2026-01-30T10:00:00Z");
        plan.movePlan(account, "LIVE");

        plan.details(account)
                .then()
                .body(line(presenters, "status"), equalTo("ACTIVE"))
                .body(line(presenters, "endReason"), nullValue())
                .body(line(presenters, "activeUntil"), nullValue())
                .body(line(presenters, "renewsOn"), equalTo("2026-02-09"))
                .body("nextRenewal.amount", equalTo("40.00"));
        api.now(TURN);
        plan.runTick();

        assertThat(plan.renewals(account)).containsExactly("2026-02-09:4000");
        assertThat(plan.statusOf(presenters)).isEqualTo("ACTIVE");
    }

    @Test
    void the_owners_own_cancellations_outlast_a_downgrade_and_an_upgrade() {
        Api.Account account = api.seedAccount();
        String cancelledBefore = api.buy(account, "PRESENTERS", 1);
        String cancelledWhileFree = api.buy(account, "PARALLEL_EVENTS", 1);
        String kept = api.buy(account, "STORAGE", 1);
        cancel(account, cancelledBefore);

        plan.movePlan(account, "FREE_TRIAL");
        plan.details(account)
                .then()
                .body(line(cancelledBefore, "endReason"), equalTo("OWNER"))
                .body(line(cancelledWhileFree, "endReason"), equalTo("PLAN"))
                .body(line(kept, "endReason"), equalTo("PLAN"));
        cancel(account, cancelledWhileFree);
        plan.movePlan(account, "LIVE");

        plan.details(account)
                .then()
                .body(line(cancelledBefore, "status"), equalTo("CANCELLATION_SCHEDULED"))
                .body(line(cancelledBefore, "endReason"), equalTo("OWNER"))
                .body(line(cancelledWhileFree, "status"), equalTo("CANCELLATION_SCHEDULED"))
                .body(line(cancelledWhileFree, "endReason"), equalTo("OWNER"))
                .body(line(kept, "status"), equalTo("ACTIVE"));
        api.now(TURN);
        plan.runTick();

        assertThat(plan.renewals(account)).containsExactly("2026-02-09:1000");
        assertThat(List.of(plan.statusOf(cancelledBefore), plan.statusOf(cancelledWhileFree), plan.statusOf(kept)))
                .containsExactly("ENDED", "ENDED", "ACTIVE");
    }

    @Test
    void a_downgrade_after_the_turn_but_before_the_tick_ends_the_add_ons_at_the_turn_without_a_charge() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 2);
        api.now(Instant.parse(TURN).plus(Duration.ofHours(2)));

        plan.movePlan(account, "FREE_TRIAL");
        plan.details(account).then().body(line(presenters, "activeUntil"), equalTo("2026-02-09"));
        plan.runTick();

        assertThat(plan.renewals(account)).isEmpty();
        assertThat(plan.statusOf(presenters)).isEqualTo("ENDED");
    }

    @Test
    void the_tick_neither_renews_nor_charges_a_free_account_whatever_its_purchases_say() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 2);
        plan.movePlan(account, "FREE_TRIAL");
        // a payment settled after the downgrade made it ACTIVE again
        api.execute(
                "update purchase set status = 'ACTIVE', end_reason = null, active_until = null where id = ?::uuid",
                presenters);

        api.now(TURN);
        plan.runTick();

        assertThat(plan.renewals(account)).isEmpty();
        assertThat(plan.statusOf(presenters)).isEqualTo("ENDED");
        assertThat(api.text("select end_reason from purchase where id = ?::uuid", presenters))
                .isEqualTo("PLAN");
    }

    @Test
    void an_unpaid_renewal_is_not_retried_while_free_and_is_again_back_on_a_paid_plan() {
        Api.Account account = pastDueAccount();
        String presenters = api.text("select id::text from purchase where account_id = ?", account.id());
        plan.movePlan(account, "FREE_TRIAL", "2026-02-09");
        assertThat(plan.statusOf(presenters)).isEqualTo("CANCELLATION_SCHEDULED");

        api.now(Instant.parse(TURN).plus(Duration.ofDays(1)));
        plan.runTick();
        assertThat(failedCharges(account)).as("no retry while free").isEqualTo(1);

        api.now(Instant.parse(TURN).plus(Duration.ofDays(2)));
        plan.movePlan(account, "LIVE", "2026-02-09");
        assertThat(plan.statusOf(presenters)).isEqualTo("PAST_DUE");
        plan.runTick();
        assertThat(failedCharges(account))
                .as("retried once back on a paid plan")
                .isEqualTo(2);
    }

    @Test
    void an_unpaid_renewal_of_an_account_that_stays_free_is_closed_at_the_turn_and_never_charged() {
        Api.Account account = pastDueAccount();
        String presenters = api.text("select id::text from purchase where account_id = ?", account.id());
        plan.movePlan(account, "FREE_TRIAL", "2026-02-09");

        api.now("2026-03-10T23:00:00Z");
        plan.runTick();

        assertThat(plan.statusOf(presenters)).isEqualTo("ENDED");
        assertThat(plan.renewals(account)).containsExactly("2026-02-09:2000");
        assertThat(api.text("select string_agg(status, ',') from renewal where account_id = ?", account.id()))
                .isEqualTo("UNPAID_ENDED");
        assertThat(failedCharges(account)).isEqualTo(1);
        // back on a paid plan later, the closed renewal is not collected
        plan.movePlan(account, "LIVE", "2026-03-11");
        api.now("2026-03-12T10:00:00Z");
        plan.runTick();
        assertThat(failedCharges(account)).isEqualTo(1);
    }

    /** The seed account whose renewal on 2026-02-09 was refused: one PAST_DUE purchase of 1 presenter seat. */
    private Api.Account pastDueAccount() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        // bought while the owner's card worked (a previous owner's), refused at the renewal
        Api.Account previousOwner = new Api.Account(account.id(), "owner-" + account.id(), account.memberId());
        plan.movePlan(previousOwner, "LIVE", "2026-01-10");
        String presenters = api.buy(previousOwner, "PRESENTERS", 1);
        plan.movePlan(account, "LIVE", "2026-01-10");
        api.now(TURN);
        plan.runTick();
        assertThat(plan.statusOf(presenters)).isEqualTo("PAST_DUE");
        return account;
    }

    private long failedCharges(Api.Account account) {
        return api.count(
                "select count(*) from payment_event e join invoice i on i.id = e.invoice_id"
                        + " where i.account_id = ? and i.kind = 'RENEWAL' and e.outcome = 'FAILED'",
                account.id());
    }

    private void cancel(Api.Account account, String purchaseId) {
        api.post("cancel", api.token(account.ownerId()), Map.of("purchaseId", purchaseId))
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLATION_SCHEDULED"));
    }
}
