package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.webinar.billing.app.payment.LocalPaymentProvider;
import com.webinar.billing.app.renewal.RenewalReport;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RenewalTickTest {
    /** 00:00 on 2026-02-09 in Paris: the seed account's cycle turns. */
    static final String TURN = "2026-02-08T23:00:00Z";

    @Inject
    Api api;

    @Inject
    RenewalTick tick;

    @Inject
    LocalPaymentProvider provider;

    private RenewalReport runTick() {
        return tick.run(TickBudget.of(Duration.ofMinutes(5)));
    }

    private long renewalTotal(Api.Account account, String cycleStart) {
        return api.count(
                "select coalesce(sum(total_minor), -1) from invoice where account_id = ? and kind = 'RENEWAL'"
                        + " and cycle_start = ?::date",
                account.id(),
                cycleStart);
    }

    private String statusOf(String purchaseId) {
        return api.text("select status from purchase where id = ?::uuid", purchaseId);
    }

    @AfterEach
    void every_invoice_adds_up() {
        api.assertEveryInvoiceAddsUp();
    }

    @Test
    void a_purchase_bought_mid_cycle_renews_on_the_accounts_date_in_one_invoice() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 5);
        api.now("2026-02-01T09:00:00Z");
        api.buy(account, "STORAGE", 2);
        api.buy(account, "USERNAME_CHANGE", 1);

        api.now(TURN);
        RenewalReport report = runTick();

        assertThat(report.accountsRenewed()).isPositive();
        assertThat(renewalTotal(account, "2026-02-09")).isEqualTo(10000 + 2000);
        assertThat(api.count(
                        "select count(*) from invoice_line l join invoice i on i.id = l.invoice_id"
                                + " where i.account_id = ? and i.kind = 'RENEWAL'",
                        account.id()))
                .isEqualTo(2);
        api.post("billing-details", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(200)
                .body("cycleStart", equalTo("2026-02-09"))
                .body("cycleEnd", equalTo("2026-03-11"))
                .body("nextRenewal.date", equalTo("2026-03-11"));
        assertThat(api.count(
                        "select count(*) from payment_event e join invoice i on i.id = e.invoice_id"
                                + " where i.account_id = ? and i.kind = 'RENEWAL' and e.outcome = 'SUCCEEDED'",
                        account.id()))
                .isEqualTo(1);
    }

    @Test
    void nothing_renews_a_second_before_the_cycle_turns() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 1);

        api.now(Instant.parse(TURN).minusSeconds(1));
        runTick();

        assertThat(renewalTotal(account, "2026-02-09")).isEqualTo(-1);
        assertThat(api.text("select cycle_start::text from account where id = ?", account.id()))
                .isEqualTo("2026-01-10");
    }

    @Test
    void an_account_with_nothing_recurring_moves_its_cycle_without_an_invoice() {
        Api.Account account = api.seedAccount();
        api.buy(account, "USERNAME_CHANGE", 1);

        api.now(TURN);
        runTick();

        assertThat(api.text("select cycle_start::text from account where id = ?", account.id()))
                .isEqualTo("2026-02-09");
        assertThat(renewalTotal(account, "2026-02-09")).isEqualTo(-1);
    }

    @Test
    void an_account_three_cycles_late_is_caught_up_one_cycle_at_a_time_each_charged_once() {
        api.now("2025-11-20T10:00:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2025-11-11", "EUR", "Europe/Paris");
        api.buy(account, "PRESENTERS", 1);

        api.now(TURN);
        runTick();

        for (String cycle : List.of("2025-12-11", "2026-01-10", "2026-02-09")) {
            assertThat(renewalTotal(account, cycle)).as(cycle).isEqualTo(2000);
        }
        assertThat(api.text("select cycle_start::text from account where id = ?", account.id()))
                .isEqualTo("2026-02-09");
        assertThat(chargesOf(account)).isEqualTo(1 + 3);
    }

    @Test
    void two_ticks_at_once_renew_and_charge_each_account_once() throws Exception {
        Api.Account first = api.seedAccount();
        Api.Account second = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris");
        api.buy(first, "PRESENTERS", 2);
        api.buy(second, "STORAGE", 3);

        api.now(TURN);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<RenewalReport> run = this::runTick;
            for (var result : pool.invokeAll(List.of(run, run))) {
                assertThat(result.get().more()).isFalse();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(renewalTotal(first, "2026-02-09")).isEqualTo(4000);
        assertThat(renewalTotal(second, "2026-02-09")).isEqualTo(3000);
        assertThat(chargesOf(first)).isEqualTo(2);
        assertThat(chargesOf(second)).isEqualTo(2);
        assertThat(api.count(
                        "select count(*) from payment_event e join invoice i on i.id = e.invoice_id"
                                + " where i.account_id in (?, ?) and i.kind = 'RENEWAL'",
                        first.id(),
                        second.id()))
                .isEqualTo(2);
    }

    @Test
    void a_tick_killed_after_issuing_the_invoices_is_finished_by_the_next_one_without_a_second_charge() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 3);
        api.now(TURN);

        tick.turnCyclesOnly(); // the tick dies here: cycle moved, invoice issued, nothing charged
        assertThat(chargesOf(account)).isEqualTo(1);
        runTick();
        runTick();

        assertThat(renewalTotal(account, "2026-02-09")).isEqualTo(6000);
        assertThat(chargesOf(account)).isEqualTo(2);
        assertThat(api.text(
                        "select r.status from renewal r join invoice i on i.id = r.invoice_id where i.account_id = ?",
                        account.id()))
                .isEqualTo("PAID");
    }

    @Test
    void a_tick_killed_while_charging_lets_the_renewal_go_to_a_later_tick_and_charges_once() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 1);
        api.now(TURN);
        tick.turnCyclesOnly();
        // the tick takes the renewal to charge, then dies before it records anything
        QuarkusTransaction.requiringNew().call(() -> tick.lease(api.now(), null, 100_000));

        runTick();
        assertThat(chargesOf(account)).as("leased by the dead tick").isEqualTo(1);
        api.now(Instant.parse(TURN).plus(Duration.ofMinutes(15)));
        runTick();

        assertThat(chargesOf(account)).isEqualTo(2);
        assertThat(api.text(
                        "select r.status from renewal r join invoice i on i.id = r.invoice_id where i.account_id = ?",
                        account.id()))
                .isEqualTo("PAID");
    }

    @Test
    void a_refused_renewal_is_past_due_keeps_granting_and_is_retried_on_days_1_3_and_7_then_ends() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        // the owner's card worked for the purchase (bought by a previous owner), then is declined
        String purchase = buyWithWorkingCard(account, "PRESENTERS", 2);

        api.now(TURN);
        assertThat(runTick().paymentsFailed()).isPositive();
        assertThat(statusOf(purchase)).isEqualTo("PAST_DUE");
        api.post("entitlements", api.token(account.ownerId()), Map.of()).then().body("presenterSeats", equalTo(2));

        for (int day : List.of(1, 3)) {
            api.now(Instant.parse(TURN).plus(Duration.ofDays(day)));
            runTick();
            assertThat(statusOf(purchase)).as("day " + day).isEqualTo("PAST_DUE");
        }
        api.now(Instant.parse(TURN).plus(Duration.ofDays(7)));
        runTick();

        assertThat(statusOf(purchase)).isEqualTo("ENDED");
        api.post("entitlements", api.token(account.ownerId()), Map.of()).then().body("presenterSeats", equalTo(0));
        assertThat(api.count(
                        "select count(*) from payment_event e join invoice i on i.id = e.invoice_id"
                                + " where i.account_id = ? and i.kind = 'RENEWAL' and e.outcome = 'FAILED'",
                        account.id()))
                .isEqualTo(4);
    }

    @Test
    void a_retry_that_succeeds_makes_the_purchases_active_again() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        String purchase = buyWithWorkingCard(account, "STORAGE", 1);
        api.now(TURN);
        runTick();
        assertThat(statusOf(purchase)).isEqualTo("PAST_DUE");

        // a new owner with a working card takes over the account before the first retry
        syncOwner(account, "owner-" + account.id());
        api.now(Instant.parse(TURN).plus(Duration.ofDays(1)));
        runTick();

        assertThat(api.text("select status from purchase where id = ?::uuid", purchase))
                .isEqualTo("ACTIVE");
        assertThat(api.text(
                        "select r.status from renewal r join invoice i on i.id = r.invoice_id where i.account_id = ?",
                        account.id()))
                .isEqualTo("PAID");
    }

    @Test
    void a_cancel_before_the_turn_ends_the_purchase_at_the_turn_unbilled() {
        Api.Account account = api.seedAccount();
        String kept = api.buy(account, "PRESENTERS", 1);
        String cancelled = api.buy(account, "STORAGE", 1);
        api.now(Instant.parse(TURN).minusSeconds(60));
        cancel(account, cancelled);

        api.now(TURN);
        runTick();

        assertThat(api.text("select status from purchase where id = ?::uuid", cancelled))
                .isEqualTo("ENDED");
        assertThat(api.text("select status from purchase where id = ?::uuid", kept))
                .isEqualTo("ACTIVE");
        assertThat(renewalTotal(account, "2026-02-09")).isEqualTo(2000);
    }

    @Test
    void a_cancel_after_the_turn_gives_the_same_state_whether_the_tick_ran_before_or_after_it() {
        Api.Account tickFirst = api.seedAccount();
        Api.Account cancelFirst = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris");
        String a = api.buy(tickFirst, "STORAGE", 1);
        String b = api.buy(cancelFirst, "STORAGE", 1);
        api.now(Instant.parse(TURN).plusSeconds(60));

        cancel(cancelFirst, b); // after the turn, before the tick
        runTick();
        cancel(tickFirst, a); // after the tick
        runTick();

        for (var pair : List.of(Map.entry(tickFirst, a), Map.entry(cancelFirst, b))) {
            assertThat(renewalTotal(pair.getKey(), "2026-02-09")).isEqualTo(1000);
            assertThat(api.text(
                            "select status || ' ' || active_until from purchase where id = ?::uuid", pair.getValue()))
                    .isEqualTo("CANCELLATION_SCHEDULED 2026-03-11");
        }
        api.now("2026-03-10T23:00:00Z");
        runTick();
        assertThat(api.text("select status from purchase where id = ?::uuid", a))
                .isEqualTo("ENDED");
        assertThat(api.text("select status from purchase where id = ?::uuid", b))
                .isEqualTo("ENDED");
        assertThat(renewalTotal(tickFirst, "2026-03-11")).isEqualTo(-1);
    }

    @Test
    void a_tick_out_of_time_stops_with_more_and_the_next_tick_goes_on() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 1);
        api.now(TURN);

        RenewalReport outOfTime = tick.run(TickBudget.of(Duration.ZERO));
        assertThat(outOfTime.more()).isTrue();
        assertThat(renewalTotal(account, "2026-02-09")).isEqualTo(-1);

        assertThat(runTick().more()).isFalse();
        assertThat(renewalTotal(account, "2026-02-09")).isEqualTo(2000);
    }

    /**
     * Exact counts: the account's cycle turns at 00:00 in Kathmandu (UTC+05:45), an instant no other test's
     * account turns at, and the ticks a second before take whatever other tests left due.
     */
    @Test
    void the_local_renewal_tick_function_answers_the_tick_report() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Asia/Kathmandu");
        api.buy(account, "PRESENTERS", 1);
        cancel(account, api.buy(account, "STORAGE", 1));
        api.now(Instant.parse("2026-02-08T18:15:00Z").minusSeconds(1));
        RenewalReport leftovers;
        do {
            leftovers = runTick();
        } while (leftovers.more() || leftovers.accountsRenewed() > 0);
        api.now("2026-02-08T18:15:00Z");

        api.post("renewal-tick", null, Map.of())
                .then()
                .statusCode(200)
                .body("accountsRenewed", equalTo(1))
                .body("purchasesRenewed", equalTo(1))
                .body("purchasesEnded", equalTo(1))
                .body("subAccountsErased", equalTo(0))
                .body("paymentsFailed", equalTo(0))
                .body("more", equalTo(false));
        assertThat(renewalTotal(account, "2026-02-09")).isEqualTo(2000);
    }

    private void cancel(Api.Account account, String purchaseId) {
        api.post("cancel", api.token(account.ownerId()), Map.of("purchaseId", purchaseId))
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLATION_SCHEDULED"));
    }

    /** Buys as a working-card owner, then hands the account to the declined owner the account was made for. */
    private String buyWithWorkingCard(Api.Account account, String addOn, int quantity) {
        return buyWithWorkingCard(api, account, addOn, quantity);
    }

    static String buyWithWorkingCard(Api api, Api.Account account, String addOn, int quantity) {
        String goodOwner = "owner-" + account.id();
        syncOwner(api, account, goodOwner);
        Api.Account asGood = new Api.Account(account.id(), goodOwner, account.memberId());
        String purchase = api.buy(asGood, addOn, quantity);
        syncOwner(api, account, account.ownerId());
        return purchase;
    }

    private void syncOwner(Api.Account account, String ownerId) {
        syncOwner(api, account, ownerId);
    }

    private static void syncOwner(Api api, Api.Account account, String ownerId) {
        api.post(
                        "account-sync",
                        api.serviceToken(),
                        Map.of(
                                "accountId",
                                account.id(),
                                "plan",
                                "LIVE",
                                "billingPeriod",
                                "MONTHLY",
                                "cycleStart",
                                api.text("select cycle_start::text from account where id = ?", account.id()),
                                "currency",
                                "EUR",
                                "timeZone",
                                "Europe/Paris",
                                "owner",
                                Map.of("userId", ownerId, "name", "Owner"),
                                "members",
                                List.of()))
                .then()
                .statusCode(200);
    }

    private long chargesOf(Api.Account account) {
        return provider.attempts().stream()
                .filter(c -> c.accountId().equals(account.id()))
                .count();
    }
}
