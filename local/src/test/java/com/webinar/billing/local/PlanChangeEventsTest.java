package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Issues 10 and 19: what the plan does to the add-ons is announced like what the owner does. */
@QuarkusTest
class PlanChangeEventsTest {
    @Inject
    Api api;

    @Inject
    PlanSteps plan;

    @Inject
    SubAccountSteps steps;

    @Inject
    OutboxEvents events;

    @Test
    void leaving_the_paid_plan_announces_each_end_it_schedules_with_the_sub_accounts_it_will_erase() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 2);
        String seats = api.buy(account, "SUB_ACCOUNTS", 1);
        api.buy(account, "USERNAME_CHANGE", 1);
        SubAccountSteps.SubAccount sales = steps.create(account, "Sales team");
        int before = events.of(account).size();

        plan.movePlan(account, "FREE_TRIAL");

        var scheduled = events.after(account, before);
        assertThat(scheduled).extracting(OutboxEvents.Event::type).containsOnly("addon.cancellation_scheduled");
        assertThat(scheduled)
                .extracting(e -> e.data().get("purchaseId").asText())
                .containsExactlyInAnyOrder(presenters, seats);
        assertThat(scheduled).allSatisfy(e -> {
            assertThat(e.data().get("reason").asText()).isEqualTo("PLAN");
            assertThat(e.data().get("activeUntil").asText()).isEqualTo("2026-02-09");
        });
        var seatEvent = scheduled.stream()
                .filter(e -> e.data().get("purchaseId").asText().equals(seats))
                .findFirst()
                .orElseThrow();
        assertThat(seatEvent.data().get("subAccountsToErase").get(0).asText()).isEqualTo(sales.id());
        events.assertGapless(account);
    }

    @Test
    void returning_before_the_turn_announces_each_end_it_lifts_and_the_turn_then_ends_nothing() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 2);
        plan.movePlan(account, "FREE_TRIAL");
        int before = events.of(account).size();
        api.now("2026-01-30T10:00:00Z");

        plan.movePlan(account, "LIVE");

        OutboxEvents.Event lifted = events.only(account, "addon.cancellation_lifted");
        assertThat(lifted.data().get("purchaseId").asText()).isEqualTo(presenters);
        assertThat(lifted.data().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(lifted.data().get("reason").asText()).isEqualTo("PLAN");
        assertThat(events.after(account, before)).hasSize(1);

        api.now(LeavingThePaidPlanTest.TURN);
        plan.runTick();
        assertThat(events.typesOf(account)).doesNotContain("addon.ended").contains("renewal.paid");
        events.assertGapless(account);
    }

    @Test
    void add_ons_the_plan_ends_at_the_turn_are_announced_ended_for_the_plan() {
        Api.Account account = api.seedAccount();
        String presenters = api.buy(account, "PRESENTERS", 2);
        plan.movePlan(account, "FREE_TRIAL");

        api.now(LeavingThePaidPlanTest.TURN);
        plan.runTick();

        OutboxEvents.Event ended = events.only(account, "addon.ended");
        assertThat(ended.data().get("purchaseId").asText()).isEqualTo(presenters);
        assertThat(ended.data().get("reason").asText()).isEqualTo("PLAN");
        assertThat(events.typesOf(account)).doesNotContain("renewal.paid", "renewal.payment_failed");
        events.assertGapless(account);
    }
}
