package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.cancel.CancelPurchase;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.subaccount.CreateSubAccount;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.Role;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Races on one account's seats, run on the use cases from two threads at once. To make them truly concurrent
 * (and their order known) the test holds the account's row itself on a connection of its own, lets both
 * callers queue behind it, and only then lets go: without the account lock of the use cases both would read
 * the same free seat.
 */
@QuarkusTest
class SubAccountRaceTest {

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    @Inject
    CreateSubAccount creates;

    @Inject
    CancelPurchase cancels;

    @Inject
    AccountRowHolder holder;

    ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void two_creates_for_the_last_seat_at_once_exactly_one_wins() throws Exception {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 2);
        steps.create(account, "Already there");

        List<Object> outcomes =
                inTurn(account, List.of(() -> create(account, "First"), () -> create(account, "Second")));

        assertThat(outcomes)
                .filteredOn(CreateSubAccount.Answer.class::isInstance)
                .hasSize(1);
        assertThat(outcomes).filteredOn("no_free_seat"::equals).hasSize(1);
        assertThat(api.count("select count(*) from sub_account where purchase_id = ?::uuid", seats))
                .isEqualTo(2);
        assertThat(api.count(
                        "select count(*) from app_user where account_id = ? and role = 'SUB_ACCOUNT_USER'",
                        account.id()))
                .isEqualTo(2);
    }

    @Test
    void the_same_new_admin_in_two_accounts_at_once_is_created_once() throws Exception {
        Api.Account first = api.seedAccount();
        api.buy(first, "SUB_ACCOUNTS", 1);
        Api.Account second = api.seedAccount();
        api.buy(second, "SUB_ACCOUNTS", 1);
        String adminId = "admin-" + UUID.randomUUID();

        List<Object> outcomes = inTurn(
                List.of(first, second),
                List.of(() -> create(first, "One", adminId), () -> create(second, "Two", adminId)));

        assertThat(outcomes)
                .filteredOn(CreateSubAccount.Answer.class::isInstance)
                .hasSize(1);
        assertThat(outcomes).filteredOn("invalid_request"::equals).hasSize(1);
        assertThat(api.count("select count(*) from app_user where id = ?", adminId))
                .isEqualTo(1);
        assertThat(api.count("select count(*) from sub_account where account_id in (?, ?)", first.id(), second.id()))
                .as("the refused create left no sub-account without its admin")
                .isEqualTo(1);
    }

    enum Order {
        CANCEL_FIRST,
        CREATE_FIRST
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Order.class)
    void a_cancel_and_a_create_at_once_never_leave_an_unlisted_sub_account_in_a_seat_that_ends(Order order)
            throws Exception {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 2);
        SubAccountSteps.SubAccount existing = steps.create(account, "Already there");
        Callable<Object> cancel = () -> cancel(account, seats);
        Callable<Object> create = () -> create(account, "Racing");

        List<Object> outcomes =
                inTurn(account, order == Order.CANCEL_FIRST ? List.of(cancel, create) : List.of(create, cancel));

        CancelPurchase.Answer cancelled = (CancelPurchase.Answer) outcomes.get(order == Order.CANCEL_FIRST ? 0 : 1);
        Object created = outcomes.get(order == Order.CANCEL_FIRST ? 1 : 0);
        Set<String> inSeats = new HashSet<>();
        steps.rows("select id::text from sub_account where purchase_id = ?::uuid", seats)
                .forEach(row -> inSeats.add(row.get(0)));
        Set<String> listed = new HashSet<>();
        cancelled.subAccountsToErase().forEach(id -> listed.add(id.toString()));
        // the invariant: every sub-account in the seats that end was listed to the owner who confirmed it
        assertThat(inSeats).isEqualTo(listed);
        if (order == Order.CANCEL_FIRST) {
            assertThat(created).isEqualTo("no_free_seat");
            assertThat(listed).containsExactly(existing.id());
        } else {
            assertThat(created).isInstanceOf(CreateSubAccount.Answer.class);
            assertThat(listed)
                    .containsExactlyInAnyOrder(
                            existing.id(),
                            ((CreateSubAccount.Answer) created).subAccountId().toString());
        }
        assertThat(steps.text("select status from purchase where id = ?::uuid", seats))
                .isEqualTo("CANCELLATION_SCHEDULED");
    }

    private Object create(Api.Account account, String name) {
        return create(account, name, "admin-" + UUID.randomUUID());
    }

    private Object create(Api.Account account, String name, String adminId) {
        try {
            return creates.create(
                    owner(account),
                    new CreateSubAccount.Request(name, 10, 5, new CreateSubAccount.Admin(adminId, "Admin of " + name)));
        } catch (BillingException refused) {
            return refused.error().code();
        }
    }

    private Object cancel(Api.Account account, String purchaseId) {
        try {
            return cancels.cancel(owner(account), new CancelPurchase.Request(UUID.fromString(purchaseId), true));
        } catch (BillingException refused) {
            return refused.error().code();
        }
    }

    private static Caller owner(Api.Account account) {
        return new Caller(account.ownerId(), account.id(), Role.OWNER, null);
    }

    private List<Object> inTurn(Api.Account account, List<Callable<Object>> calls) throws Exception {
        return inTurn(List.of(account), calls);
    }

    private List<Object> inTurn(List<Api.Account> accounts, List<Callable<Object>> calls) throws Exception {
        return holder.inTurn(accounts, calls, threads);
    }
}
