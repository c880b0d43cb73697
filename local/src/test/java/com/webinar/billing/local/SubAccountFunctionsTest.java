package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class SubAccountFunctionsTest {

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    // ---- subaccount-create ------------------------------------------------------------------------------

    @Test
    void the_owner_creates_a_sub_account_in_a_free_seat_with_its_admin() {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 2);
        String adminId = "admin-" + UUID.randomUUID();

        String id = steps.create(api.token(account.ownerId()), steps.createBody("Marketing", adminId))
                .then()
                .statusCode(200)
                .body("purchaseId", equalTo(seats))
                .body("name", equalTo("Marketing"))
                .body("storageGb", equalTo(50))
                .body("recordingHours", equalTo(20))
                .extract()
                .path("subAccountId");

        assertThat(steps.rows(
                        "select account_id, purchase_id::text, name, storage_gb::text, recording_hours::text"
                                + " from sub_account where id = ?::uuid",
                        id))
                .containsExactly(List.of(account.id(), seats, "Marketing", "50", "20"));
        assertThat(steps.rows("select account_id, role, sub_account_id::text from app_user where id = ?", adminId))
                .containsExactly(List.of(account.id(), "SUB_ACCOUNT_USER", id));
        api.post("entitlements", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(200)
                .body("subAccountSeats.total", equalTo(2))
                .body("subAccountSeats.used", equalTo(1))
                .body("subAccountSeats.free", equalTo(1));
    }

    @Test
    void the_sub_account_admin_reads_its_own_entitlements_and_may_never_pay() {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 1);
        api.buy(account, "PRESENTERS", 4);
        SubAccountSteps.SubAccount subAccount = steps.create(account, "Events team");
        String admin = api.token(subAccount.adminId());

        api.post("entitlements", admin, Map.of())
                .then()
                .statusCode(200)
                .body("presenterSeats", equalTo(0))
                .body("parallelEvents", equalTo(0))
                .body("storageGb", equalTo(50))
                .body("recordingHours", equalTo(20))
                .body("subAccountSeats.total", equalTo(0));
        String before = api.stateOf(account);
        api.post("quote", admin, Map.of("addOn", "PRESENTERS", "quantity", 1))
                .then()
                .statusCode(403);
        api.post("billing-details", admin, Map.of()).then().statusCode(403);
        steps.cancel(admin, seats, true).then().statusCode(403).body("code", equalTo("forbidden"));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    /** A way the account's seats may stand, and where a new sub-account goes then (null: nowhere). */
    record Seats(String situation, BiFunction<Api, SubAccountSteps, Seating> arrange) {
        @Override
        public String toString() {
            return situation;
        }
    }

    record Seating(Api.Account account, String expectedPurchase) {}

    static Stream<Seats> seatSituations() {
        return Stream.of(
                new Seats("no SUB_ACCOUNTS purchase", (api, steps) -> {
                    Api.Account account = api.seedAccount();
                    api.buy(account, "PRESENTERS", 3);
                    return new Seating(account, null);
                }),
                new Seats("every seat taken", (api, steps) -> {
                    Api.Account account = api.seedAccount();
                    api.buy(account, "SUB_ACCOUNTS", 2);
                    steps.create(account, "One");
                    steps.create(account, "Two");
                    return new Seating(account, null);
                }),
                new Seats("the only free seats are in a purchase scheduled to end", (api, steps) -> {
                    Api.Account account = api.seedAccount();
                    String seats = api.buy(account, "SUB_ACCOUNTS", 2);
                    steps.cancel(api.token(account.ownerId()), seats, null)
                            .then()
                            .statusCode(200);
                    return new Seating(account, null);
                }),
                new Seats("the only free seats are in a purchase past due", (api, steps) -> {
                    Api.Account account = api.seedAccount();
                    String seats = api.buy(account, "SUB_ACCOUNTS", 2);
                    api.execute("update purchase set status = 'PAST_DUE' where id = ?::uuid", seats);
                    return new Seating(account, null);
                }),
                new Seats("the only seats are in a purchase whose payment failed", (api, steps) -> {
                    api.now("2026-01-22T10:15:00Z");
                    Api.Account account =
                            api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
                    api.purchase(account, api.quote(account, "SUB_ACCOUNTS", 2), "k")
                            .then()
                            .body("status", equalTo("FAILED"));
                    return new Seating(account, null);
                }),
                new Seats("a full purchase and one with a free seat", (api, steps) -> {
                    Api.Account account = api.seedAccount();
                    api.buy(account, "SUB_ACCOUNTS", 1);
                    steps.create(account, "One");
                    String second = api.buy(account, "SUB_ACCOUNTS", 1);
                    return new Seating(account, second);
                }),
                new Seats("two purchases with free seats: the oldest is filled first", (api, steps) -> {
                    Api.Account account = api.seedAccount();
                    String first = api.buy(account, "SUB_ACCOUNTS", 2);
                    api.now("2026-01-23T10:15:00Z");
                    api.buy(account, "SUB_ACCOUNTS", 2);
                    return new Seating(account, first);
                }),
                new Seats("a seat freed by a deletion", (api, steps) -> {
                    Api.Account account = api.seedAccount();
                    String seats = api.buy(account, "SUB_ACCOUNTS", 1);
                    SubAccountSteps.SubAccount gone = steps.create(account, "Gone");
                    steps.delete(api.token(account.ownerId()), gone.id(), true)
                            .then()
                            .statusCode(200);
                    return new Seating(account, seats);
                }));
    }

    @ParameterizedTest(name = "with {0}")
    @MethodSource("seatSituations")
    void a_sub_account_takes_a_free_seat_of_an_active_purchase_or_none(Seats seats) {
        Seating seating = seats.arrange().apply(api, steps);
        String before = api.stateOf(seating.account());
        var response = steps.create(
                api.token(seating.account().ownerId()), steps.createBody("New", "admin-" + UUID.randomUUID()));

        if (seating.expectedPurchase() == null) {
            response.then().statusCode(409).body("code", equalTo("no_free_seat"));
            assertThat(api.stateOf(seating.account())).isEqualTo(before);
        } else {
            response.then().statusCode(200).body("purchaseId", equalTo(seating.expectedPurchase()));
        }
    }

    record BadBody(String situation, BiConsumer<Map<String, Object>, Api.Account> change) {
        @Override
        public String toString() {
            return situation;
        }
    }

    static Stream<BadBody> badBodies() {
        return Stream.of(
                new BadBody("no name", (body, account) -> body.remove("name")),
                new BadBody("a blank name", (body, account) -> body.put("name", "  ")),
                new BadBody("a negative storage quota", (body, account) -> body.put("storageGb", -1)),
                new BadBody("a storage quota beyond 100000", (body, account) -> body.put("storageGb", 100_001)),
                new BadBody("no recording hours", (body, account) -> body.remove("recordingHours")),
                new BadBody("recording hours as a string", (body, account) -> body.put("recordingHours", "20")),
                new BadBody("a fractional storage quota", (body, account) -> body.put("storageGb", 1.5)),
                new BadBody("no admin", (body, account) -> body.remove("admin")),
                new BadBody("an admin without a user id", (body, account) -> body.put("admin", Map.of("name", "A"))),
                new BadBody(
                        "an admin who is already a user (the owner)",
                        (body, account) ->
                                body.put("admin", Map.of("userId", account.ownerId(), "name", "Owner again"))),
                new BadBody("an unknown field", (body, account) -> body.put("seats", 1)));
    }

    @ParameterizedTest(name = "a body with {0} is refused and creates nothing")
    @MethodSource("badBodies")
    void an_invalid_create_is_refused_and_creates_nothing(BadBody bad) {
        Api.Account account = api.seedAccount();
        api.buy(account, "SUB_ACCOUNTS", 2);
        Map<String, Object> body = new HashMap<>(steps.createBody("Team", "admin-" + UUID.randomUUID()));
        bad.change().accept(body, account);
        String before = api.stateOf(account);

        steps.create(api.token(account.ownerId()), body)
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void an_admin_id_already_used_in_another_account_is_refused() {
        Api.Account other = api.seedAccount();
        Api.Account account = api.seedAccount();
        api.buy(account, "SUB_ACCOUNTS", 1);
        String before = api.stateOf(account);

        steps.create(api.token(account.ownerId()), steps.createBody("Team", other.memberId()))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        assertThat(api.stateOf(account)).isEqualTo(before);
        assertThat(steps.text("select account_id from app_user where id = ?", other.memberId()))
                .isEqualTo(other.id());
    }

    // ---- subaccount-delete and the erasure ----------------------------------------------------------------

    @Test
    void deleting_a_sub_account_leaves_no_row_anywhere_that_refers_to_it_and_keeps_the_ledger() {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 2);
        String marker = "Erasable-" + UUID.randomUUID();
        SubAccountSteps.SubAccount doomed = steps.create(account, marker);
        SubAccountSteps.SubAccount kept = steps.create(account, "Kept team");
        steps.addData(doomed.id(), marker, 2, 3, 4);
        steps.addData(kept.id(), "Kept", 1, 1, 1);
        String adminName = steps.text("select name from app_user where id = ?", doomed.adminId());
        String ledgerBefore = ledgerOf(account);
        String purchaseBefore = steps.rows("select p::text from purchase p where id = ?::uuid", seats)
                .toString();
        List<List<String>> referring = columnsReferringToSubAccounts();
        assertThat(referring)
                .as("the catalog finds the sub-account's data")
                .contains(
                        List.of("app_user", "sub_account_id"),
                        List.of("sub_account_event", "sub_account_id"),
                        List.of("sub_account_recording", "sub_account_id"),
                        List.of("sub_account_file", "sub_account_id"));
        assertThat(rowsReferringTo(doomed.id(), referring)).isNotEmpty();

        api.now("2026-01-23T09:00:00Z");
        steps.delete(api.token(account.ownerId()), doomed.id(), true)
                .then()
                .statusCode(200)
                .body("subAccountId", equalTo(doomed.id()))
                .body("erased.users", equalTo(1))
                .body("erased.events", equalTo(2))
                .body("erased.recordings", equalTo(3))
                .body("erased.files", equalTo(4))
                .body("seatFreed", equalTo(true));

        assertThat(rowsReferringTo(doomed.id(), columnsReferringToSubAccounts()))
                .isEmpty();
        assertThat(api.count("select count(*) from sub_account where id = ?::uuid", doomed.id()))
                .isZero();
        // no personal data left anywhere: neither its name, nor its admin's, nor the titles of its data
        assertThat(tablesContaining(marker)).isEmpty();
        assertThat(tablesContaining(adminName)).isEmpty();
        // only the audit trail still knows the id, with ids and time only
        assertThat(tablesContaining(doomed.id())).containsExactlyInAnyOrder("outbox_event", "sub_account_erasure");
        assertThat(steps.rows(
                        "select account_id, purchase_id::text, users || '/' || events || '/' || recordings || '/' || files,"
                                + " erased_at = '2026-01-23T09:00:00Z'::timestamptz"
                                + " from sub_account_erasure where erased_sub_account_id = ?::uuid",
                        doomed.id()))
                .containsExactly(List.of(account.id(), seats, "1/2/3/4", "t"));
        assertThat(steps.rows(
                        "select type, payload ->> 'subAccountId', account_id, payload ->> 'purchaseId',"
                                + " (published_at is null)::text from outbox_event where payload ->> 'subAccountId' = ?"
                                + " order by sequence",
                        doomed.id()))
                .containsExactly(
                        List.of("subaccount.created", doomed.id(), account.id(), seats, "true"),
                        List.of("subaccount.deleted", doomed.id(), account.id(), seats, "true"),
                        List.of("subaccount.erased", doomed.id(), account.id(), seats, "true"));
        // billing is unchanged: deleting is not cancelling
        assertThat(ledgerOf(account)).isEqualTo(ledgerBefore);
        assertThat(steps.rows("select p::text from purchase p where id = ?::uuid", seats)
                        .toString())
                .isEqualTo(purchaseBefore);
        // the other sub-account is untouched
        assertThat(steps.dataOf(kept.id())).containsExactly(1L, 1L, 1L, 1L);
        // the admin is gone with it: its token names nobody any more
        api.post("entitlements", api.token(doomed.adminId()), Map.of()).then().statusCode(401);
    }

    @Test
    void the_freed_seat_takes_a_new_sub_account_and_the_billing_details_do_not_change() {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 1);
        SubAccountSteps.SubAccount first = steps.create(account, "First");
        String owner = api.token(account.ownerId());
        String details = api.post("billing-details", owner, Map.of())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        steps.create(owner, steps.createBody("Too many", "admin-" + UUID.randomUUID()))
                .then()
                .statusCode(409)
                .body("code", equalTo("no_free_seat"));

        steps.delete(owner, first.id(), true).then().statusCode(200);

        api.post("entitlements", owner, Map.of())
                .then()
                .body("subAccountSeats.total", equalTo(1))
                .body("subAccountSeats.used", equalTo(0))
                .body("subAccountSeats.free", equalTo(1));
        assertThat(api.post("billing-details", owner, Map.of()).then().extract().asString())
                .isEqualTo(details);
        steps.create(owner, steps.createBody("Second", "admin-" + UUID.randomUUID()))
                .then()
                .statusCode(200)
                .body("purchaseId", equalTo(seats));
    }

    @Test
    void deletion_must_be_confirmed_and_changes_nothing_until_it_is() {
        Api.Account account = api.seedAccount();
        api.buy(account, "SUB_ACCOUNTS", 1);
        SubAccountSteps.SubAccount subAccount = steps.create(account, "Team");
        steps.addData(subAccount.id(), "Team", 1, 1, 1);
        String before = api.stateOf(account);
        String owner = api.token(account.ownerId());

        for (Boolean confirm : new Boolean[] {null, false}) {
            steps.delete(owner, subAccount.id(), confirm)
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("confirmation_required"))
                    .body("subAccounts", contains(subAccount.id()));
        }
        api.post("subaccount-delete", owner, Map.of("subAccountId", subAccount.id(), "confirm", "true"))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));

        assertThat(api.stateOf(account)).isEqualTo(before);
        assertThat(steps.dataOf(subAccount.id())).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void a_second_delete_or_an_unknown_sub_account_is_not_found() {
        Api.Account account = api.seedAccount();
        api.buy(account, "SUB_ACCOUNTS", 1);
        SubAccountSteps.SubAccount subAccount = steps.create(account, "Team");
        String owner = api.token(account.ownerId());
        steps.delete(owner, subAccount.id(), true).then().statusCode(200);
        long erasures = api.count("select count(*) from sub_account_erasure");
        long outbox = api.count("select count(*) from outbox_event");

        steps.delete(owner, subAccount.id(), true).then().statusCode(404).body("code", equalTo("not_found"));
        steps.delete(owner, UUID.randomUUID().toString(), true)
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"));
        assertThat(api.count("select count(*) from sub_account_erasure")).isEqualTo(erasures);
        assertThat(api.count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    /** Every (table, column) that names a sub-account: foreign keys to sub_account(id), and any sub_account_id. */
    private List<List<String>> columnsReferringToSubAccounts() {
        return steps.rows("""
                select cl.relname::text, a.attname::text
                from pg_constraint c
                join pg_class cl on cl.oid = c.conrelid
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                where c.contype = 'f' and c.confrelid = 'sub_account'::regclass
                union
                select table_name::text, column_name::text
                from information_schema.columns
                where table_schema = current_schema() and column_name = 'sub_account_id'
                order by 1, 2
                """);
    }

    private List<String> rowsReferringTo(String subAccountId, List<List<String>> columns) {
        List<String> found = new ArrayList<>();
        for (List<String> column : columns) {
            long rows = api.count(
                    "select count(*) from \"%s\" where \"%s\"::text = ?".formatted(column.get(0), column.get(1)),
                    subAccountId);
            if (rows > 0) {
                found.add(column.get(0) + "." + column.get(1) + ": " + rows);
            }
        }
        return found;
    }

    /** The tables of the schema with a row whose text contains {@code text} anywhere. */
    private List<String> tablesContaining(String text) {
        List<String> found = new ArrayList<>();
        for (List<String> table : steps.rows("select table_name::text from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1")) {
            long rows = api.count(
                    "select count(*) from \"%s\" t where strpos(t::text, ?) > 0".formatted(table.get(0)), text);
            if (rows > 0) {
                found.add(table.get(0));
            }
        }
        return found;
    }

    private String ledgerOf(Api.Account account) {
        return steps.rows("""
                        select concat_ws('|',
                          (select string_agg(i::text, ',' order by i.id) from invoice i where i.account_id = ?),
                          (select string_agg(l::text, ',' order by l.invoice_id, l.line_no) from invoice_line l
                             join invoice i on i.id = l.invoice_id where i.account_id = ?),
                          (select string_agg(e::text, ',' order by e.id) from payment_event e
                             join invoice i on i.id = e.invoice_id where i.account_id = ?))
                        """, account.id(), account.id(), account.id()).toString();
    }
}
