package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.webinar.billing.app.renewal.RenewalReport;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R6, R7, R8: the tick erases the sub-accounts in the seats of a {@code SUB_ACCOUNTS} purchase that ends, at the
 * cycle turn after a cancel whose erasure was confirmed, and at the end of an unpaid grace period. Each erasure is
 * done once, recorded once and counted once in the tick's report; a later tick erases nothing.
 *
 * <p>The tick works on every account that is due, other tests' included, so its report is checked against what
 * that tick itself recorded: the erasure records it wrote at its instant.
 */
@QuarkusTest
class ErasureByTheTickTest {

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    @Inject
    RenewalTick tick;

    @Test
    void a_cancelled_sub_accounts_purchase_with_erasure_confirmed_is_erased_at_the_cycle_turn() {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 2);
        List<SubAccountSteps.SubAccount> doomed = withData(account, 2);
        steps.cancel(api.token(account.ownerId()), seats, true).then().statusCode(200);

        api.now(Instant.parse(RenewalTickTest.TURN).minusSeconds(1));
        erasedByTicks();
        assertThat(dataOf(doomed)).containsOnly(List.of(1L, 2L, 1L, 1L));

        api.now(RenewalTickTest.TURN);
        assertThat(erasedByTicks()).isGreaterThanOrEqualTo(2);

        assertThat(api.text("select status from purchase where id = ?::uuid", seats))
                .isEqualTo("ENDED");
        assertErasedOnceEach(account, seats, doomed, RenewalTickTest.TURN);
        assertThat(erasedByTicks()).as("a second tick erases nothing").isZero();
        assertErasedOnceEach(account, seats, doomed, RenewalTickTest.TURN);
    }

    @Test
    void the_sub_accounts_of_a_purchase_unpaid_past_its_grace_period_are_erased_when_it_ends() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        String seats = RenewalTickTest.buyWithWorkingCard(api, account, "SUB_ACCOUNTS", 2);
        List<SubAccountSteps.SubAccount> doomed = withData(account, 2);
        Instant failed = Instant.parse(RenewalTickTest.TURN);
        api.now(failed);
        erasedByTicks();
        assertThat(api.text("select status from purchase where id = ?::uuid", seats))
                .isEqualTo("PAST_DUE");

        Instant ended = null;
        for (int day = 1; day <= 8 && ended == null; day++) {
            api.now(failed.plus(Duration.ofDays(day)));
            int erased = erasedByTicks();
            if ("ENDED".equals(api.text("select status from purchase where id = ?::uuid", seats))) {
                ended = api.now();
                assertThat(erased).isGreaterThanOrEqualTo(2);
            } else {
                assertThat(dataOf(doomed))
                        .as("day " + day + " of the grace period")
                        .containsOnly(List.of(1L, 2L, 1L, 1L));
            }
        }

        assertThat(ended).as("the purchase ended within 8 days of the refusal").isNotNull();
        assertThat(ended).isAfterOrEqualTo(failed.plus(Duration.ofDays(7)).minus(Duration.ofHours(24)));
        assertErasedOnceEach(account, seats, doomed, ended.toString());
        api.now(ended.plus(Duration.ofDays(30)));
        erasedByTicks();
        assertErasedOnceEach(account, seats, doomed, ended.toString());
    }

    private List<SubAccountSteps.SubAccount> withData(Api.Account account, int count) {
        List<SubAccountSteps.SubAccount> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SubAccountSteps.SubAccount subAccount = steps.create(account, "Team " + i);
            steps.addData(subAccount.id(), "Team " + i, 2, 1, 1);
            made.add(subAccount);
        }
        return made;
    }

    private List<List<Long>> dataOf(List<SubAccountSteps.SubAccount> subAccounts) {
        return subAccounts.stream().map(s -> steps.dataOf(s.id())).toList();
    }

    /**
     * Runs ticks at the clock's instant until none has more to do, checks that each reports as many erasures as it
     * recorded, and answers how many that was.
     */
    private int erasedByTicks() {
        int total = 0;
        RenewalReport report;
        do {
            long before = erasureRecordsAt(api.now());
            report = tick.run(TickBudget.of(Duration.ofMinutes(5)));
            assertThat(report.subAccountsErased())
                    .as("the report counts each erasure the tick recorded, once")
                    .isEqualTo(erasureRecordsAt(api.now()) - before);
            total += report.subAccountsErased();
        } while (report.more());
        return total;
    }

    private long erasureRecordsAt(Instant now) {
        return api.count("select count(*) from sub_account_erasure where erased_at = ?::timestamptz", now.toString());
    }

    private void assertErasedOnceEach(
            Api.Account account, String seats, List<SubAccountSteps.SubAccount> doomed, String at) {
        assertThat(dataOf(doomed)).containsOnly(List.of(0L, 0L, 0L, 0L));
        for (SubAccountSteps.SubAccount subAccount : doomed) {
            assertThat(api.count("select count(*) from sub_account where id = ?::uuid", subAccount.id()))
                    .isZero();
            assertThat(steps.rows(
                            "select account_id, purchase_id::text, users || '/' || events || '/' || recordings || '/'"
                                    + " || files, (erased_at = ?::timestamptz)::text from sub_account_erasure"
                                    + " where erased_sub_account_id = ?::uuid",
                            at,
                            subAccount.id()))
                    .containsExactly(List.of(account.id(), seats, "1/2/1/1", "true"));
            assertThat(api.count(
                            "select count(*) from outbox_event where type = 'subaccount.erased'"
                                    + " and payload ->> 'subAccountId' = ?",
                            subAccount.id()))
                    .isEqualTo(1);
        }
        api.post("entitlements", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(200)
                .body("subAccountSeats.used", equalTo(0));
    }
}
