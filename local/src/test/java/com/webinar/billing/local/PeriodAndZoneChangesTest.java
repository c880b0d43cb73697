package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 19: the billing period changes at the turn, and a zone change moves only the instant the cycle turns. */
@QuarkusTest
class PeriodAndZoneChangesTest {
    /** 00:00 on 2026-02-09 in Paris: the seed account's cycle turns. */
    static final String TURN = "2026-02-08T23:00:00Z";

    @Inject
    Api api;

    @Inject
    PlanSteps plan;

    @Test
    void monthly_to_annual_at_the_turn_renews_the_add_ons_for_a_year_at_the_annual_price_in_one_invoice() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 2);
        api.buy(account, "STORAGE", 1);

        plan.sync(account, "LIVE", "ANNUAL", "2026-02-09", "EUR", "Europe/Paris")
                .then()
                .statusCode(200)
                .body("billingPeriod", equalTo("MONTHLY"))
                .body("cycleStart", equalTo("2026-01-10"))
                .body("pendingBillingPeriod", equalTo("ANNUAL"));
        plan.details(account)
                .then()
                .body("billingPeriod", equalTo("MONTHLY"))
                .body("cycleEnd", equalTo("2026-02-09"))
                .body("nextRenewal.date", equalTo("2026-02-09"))
                .body("nextRenewal.billingPeriod", equalTo("ANNUAL"))
                .body("nextRenewal.amount", equalTo("500.00"));
        api.now(TURN);
        plan.runTick();
        plan.runTick();

        assertThat(plan.renewals(account)).containsExactly("2026-02-09:50000");
        assertThat(plan.accountColumn(account, "billing_period")).isEqualTo("ANNUAL");
        assertThat(plan.accountColumn(account, "pending_billing_period")).isNull();
        assertThat(api.count(
                        "select count(*) from account where id = ? and cycle_turns_at = ?::timestamptz",
                        account.id(),
                        "2027-02-08T23:00:00Z"))
                .as("turns at 00:00 Paris, 365 days on")
                .isEqualTo(1);
        plan.details(account)
                .then()
                .body("billingPeriod", equalTo("ANNUAL"))
                .body("cycleStart", equalTo("2026-02-09"))
                .body("cycleEnd", equalTo("2027-02-09"))
                .body("nextRenewal.amount", equalTo("500.00"));
    }

    @Test
    void annual_to_monthly_at_the_turn_renews_the_add_ons_for_30_days_at_the_monthly_price() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "ANNUAL", "2025-03-01", "EUR", "Europe/Paris");
        api.buy(account, "PRESENTERS", 2);

        plan.sync(account, "LIVE", "MONTHLY", "2026-03-01", "EUR", "Europe/Paris")
                .then()
                .statusCode(200);
        api.now("2026-02-28T23:00:00Z");
        plan.runTick();

        assertThat(plan.renewals(account)).containsExactly("2026-03-01:4000");
        plan.details(account).then().body("billingPeriod", equalTo("MONTHLY")).body("cycleEnd", equalTo("2026-03-31"));
        api.now("2026-03-30T22:00:00Z");
        plan.runTick();
        assertThat(plan.renewals(account)).containsExactly("2026-03-01:4000", "2026-03-31:4000");
    }

    @ParameterizedTest(name = "{0} from {1} in {2}: 409 immutable_field on {3}")
    @CsvSource({
        "ANNUAL,  2026-01-10, EUR, billingPeriod",
        "ANNUAL,  2026-01-22, EUR, billingPeriod",
        "ANNUAL,  2026-02-10, EUR, billingPeriod",
        "MONTHLY, 2026-02-09, EUR, cycleStart",
        "MONTHLY, 2026-01-11, EUR, cycleStart",
        "MONTHLY, 2026-01-09, EUR, cycleStart",
        "MONTHLY, 2026-01-10, USD, currency",
        "MONTHLY, 2026-01-10, JPY, currency",
        "ANNUAL,  2026-02-09, USD, currency"
    })
    void any_other_change_of_period_start_or_currency_is_refused_and_changes_nothing(
            String period, String cycleStart, String currency, String field) {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 1);
        String before = api.stateOf(account);

        plan.sync(account, "LIVE", period, cycleStart, currency, "Europe/Paris")
                .then()
                .statusCode(409)
                .body("code", equalTo("immutable_field"))
                .body("detail", startsWith("'" + field + "' is "));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void a_quote_made_before_a_period_change_and_used_after_it_has_expired() {
        Api.Account account = api.seedAccount();
        String before = api.quote(account, "PRESENTERS", 1);
        api.now("2026-01-22T10:16:00Z");
        plan.sync(account, "LIVE", "ANNUAL", "2026-02-09", "EUR", "Europe/Paris")
                .then()
                .statusCode(200);

        api.purchase(account, before, "order-1").then().statusCode(409).body("code", equalTo("quote_expired"));
        // a quote made after the change is still for this month's days
        api.post("quote", api.token(account.ownerId()), Map.of("addOn", "PRESENTERS", "quantity", 1))
                .then()
                .statusCode(200)
                .body("cycleDays", equalTo(30))
                .body("cyclePrice", equalTo("20.00"));
        api.purchase(account, api.quote(account, "PRESENTERS", 1), "order-2")
                .then()
                .statusCode(200);
    }

    @Test
    void a_period_change_can_be_dropped_before_the_turn() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 1);
        plan.sync(account, "LIVE", "ANNUAL", "2026-02-09", "EUR", "Europe/Paris")
                .then()
                .statusCode(200);
        plan.sync(account, "LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris")
                .then()
                .statusCode(200)
                .body("pendingBillingPeriod", equalTo(null));

        api.now(TURN);
        plan.runTick();
        assertThat(plan.renewals(account)).containsExactly("2026-02-09:2000");
    }

    @Test
    void a_zone_that_turns_later_makes_the_tick_wait_for_it_and_renew_once() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 1);
        // 00:30 in Paris on the end date, 18:30 the day before in New York; the tick has not run yet
        api.now("2026-02-08T23:30:00Z");
        plan.sync(account, "LIVE", "MONTHLY", "2026-01-10", "EUR", "America/New_York")
                .then()
                .statusCode(200);

        plan.runTick();
        assertThat(plan.renewals(account)).isEmpty();
        api.now("2026-02-09T05:00:00Z");
        plan.runTick();
        plan.runTick();

        assertThat(plan.renewals(account)).containsExactly("2026-02-09:2000");
        assertThat(plan.accountColumn(account, "cycle_start")).isEqualTo("2026-02-09");
    }

    @Test
    void a_zone_that_turns_earlier_renews_at_once_and_going_back_does_not_renew_again() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "America/New_York");
        api.buy(account, "PRESENTERS", 1);
        // 01:00 on the end date in Tokyo, 11:00 the day before in New York
        api.now("2026-02-08T16:00:00Z");
        plan.runTick();
        assertThat(plan.renewals(account)).isEmpty();

        plan.sync(account, "LIVE", "MONTHLY", "2026-01-10", "EUR", "Asia/Tokyo")
                .then()
                .statusCode(200);
        plan.runTick();
        assertThat(plan.renewals(account)).containsExactly("2026-02-09:2000");

        // back to New York while it is still 2026-02-08 there: the stored cycle would not have begun (400)
        plan.sync(account, "LIVE", "MONTHLY", "2026-02-09", "EUR", "America/New_York")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        api.now("2026-02-09T05:00:00Z");
        plan.sync(account, "LIVE", "MONTHLY", "2026-02-09", "EUR", "America/New_York")
                .then()
                .statusCode(200);
        plan.runTick();

        assertThat(plan.renewals(account)).containsExactly("2026-02-09:2000");
        plan.details(account).then().body("cycleStart", equalTo("2026-02-09")).body("cycleEnd", equalTo("2026-03-11"));
    }
}
