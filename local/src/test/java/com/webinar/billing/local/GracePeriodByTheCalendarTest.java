package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R8 counts its grace period in days after the failed renewal, not in ticks: a scheduler outage changes nothing. */
@QuarkusTest
class GracePeriodByTheCalendarTest {
    private static final Instant TURN = Instant.parse(RenewalTickTest.TURN);

    @Inject
    Api api;

    @Inject
    RenewalTick tick;

    @AfterEach
    void every_invoice_adds_up() {
        api.assertEveryInvoiceAddsUp();
    }

    @Test
    void a_tick_late_by_an_outage_makes_one_last_attempt_and_its_refusal_ends_the_purchases_at_once() {
        Declined declined = refusedAtTheTurn();

        tickOnDay(10);

        assertThat(statusOf(declined.purchase())).isEqualTo("ENDED");
        assertThat(failedAttempts(declined.account()))
                .as("the refusal at the turn, then one last attempt")
                .isEqualTo(2);
        assertThat(renewalStatus(declined.account())).isEqualTo("UNPAID_ENDED");
        tickOnDay(11);
        assertThat(failedAttempts(declined.account())).isEqualTo(2);
    }

    @Test
    void a_tick_that_missed_days_one_and_three_retries_once_and_the_grace_period_still_ends_on_day_seven() {
        Declined declined = refusedAtTheTurn();

        tickOnDay(6);
        assertThat(statusOf(declined.purchase())).isEqualTo("PAST_DUE");
        tickOnDay(7);

        assertThat(statusOf(declined.purchase())).isEqualTo("ENDED");
        assertThat(failedAttempts(declined.account())).isEqualTo(3);
    }

    @Test
    void ticks_every_day_retry_on_days_one_three_and_seven_only() {
        Declined declined = refusedAtTheTurn();

        for (int day = 1; day < 7; day++) {
            tickOnDay(day);
            tickOnDay(day); // twice a day: a tick is no attempt
            assertThat(statusOf(declined.purchase())).as("day " + day).isEqualTo("PAST_DUE");
        }
        assertThat(failedAttempts(declined.account())).isEqualTo(3);
        tickOnDay(7);

        assertThat(statusOf(declined.purchase())).isEqualTo("ENDED");
        assertThat(failedAttempts(declined.account())).isEqualTo(4);
    }

    private record Declined(Api.Account account, String purchase) {}

    /** An account whose card worked for the purchase and is declined at the turn. */
    private Declined refusedAtTheTurn() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        String purchase = RenewalTickTest.buyWithWorkingCard(api, account, "PRESENTERS", 2);
        api.now(TURN);
        tick.run(TickBudget.of(Duration.ofMinutes(5)));
        assertThat(statusOf(purchase)).isEqualTo("PAST_DUE");
        return new Declined(account, purchase);
    }

    private void tickOnDay(int day) {
        api.now(TURN.plus(Duration.ofDays(day)));
        tick.run(TickBudget.of(Duration.ofMinutes(5)));
    }

    private String statusOf(String purchase) {
        return api.text("select status from purchase where id = ?::uuid", purchase);
    }

    private String renewalStatus(Api.Account account) {
        return api.text(
                "select r.status from renewal r join invoice i on i.id = r.invoice_id where i.account_id = ?"
                        + " and i.cycle_start = date '2026-02-09'",
                account.id());
    }

    private long failedAttempts(Api.Account account) {
        return api.count(
                "select count(*) from payment_event e join invoice i on i.id = e.invoice_id"
                        + " where i.account_id = ? and i.kind = 'RENEWAL' and e.outcome = 'FAILED'",
                account.id());
    }
}
