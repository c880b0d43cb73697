package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.webinar.billing.app.payment.LocalPaymentProvider;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PurchaseFunctionTest {

    @Inject
    Api api;

    @Inject
    LocalPaymentProvider provider;

    @Test
    void a_purchase_charges_exactly_the_quoted_amount_and_is_active() {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "PRESENTERS", 5);

        String purchaseId = api.purchase(account, quoteId, "key-1")
                .then()
                .statusCode(200)
                .body("addOn", equalTo("PRESENTERS"))
                .body("quantity", equalTo(5))
                .body("status", equalTo("ACTIVE"))
                .body("amountCharged", equalTo("60.00"))
                .body("currency", equalTo("EUR"))
                .body("activeFrom", equalTo("2026-01-22"))
                .body("renewsOn", equalTo("2026-02-09"))
                .extract()
                .path("purchaseId");

        assertThat(chargesOf(purchaseId)).isEqualTo(1);
        assertThat(api.count(
                        "select sum(l.amount_minor) from invoice_line l where l.purchase_id = ?::uuid", purchaseId))
                .isEqualTo(6000);
        assertThat(api.count(
                        "select count(*) from payment_event e join invoice_line l on l.invoice_id = e.invoice_id"
                                + " where l.purchase_id = ?::uuid and e.outcome = 'SUCCEEDED'",
                        purchaseId))
                .isEqualTo(1);
    }

    @Test
    void the_same_key_with_the_same_quote_returns_the_first_answer_and_charges_once() {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "STORAGE", 2);

        String first = api.purchase(account, quoteId, "same-key")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String second = api.purchase(account, quoteId, "same-key")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(second).isEqualTo(first);
        assertThat(api.count("select count(*) from purchase where account_id = ?", account.id()))
                .isEqualTo(1);
        assertThat(api.count("select count(*) from invoice where account_id = ?", account.id()))
                .isEqualTo(1);
        assertThat(provider.charges().stream()
                        .filter(c -> c.accountId().equals(account.id()))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void concurrent_retries_with_one_key_make_one_purchase_and_one_charge() throws Exception {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "PARALLEL_EVENTS", 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> buy =
                    () -> api.purchase(account, quoteId, "racing-key").statusCode();
            var results = pool.invokeAll(java.util.List.of(buy, buy, buy, buy));
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(api.count("select count(*) from purchase where account_id = ?", account.id()))
                .isEqualTo(1);
        assertThat(provider.charges().stream()
                        .filter(c -> c.accountId().equals(account.id()))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_quote_is_refused_and_changes_nothing() {
        Api.Account account = api.seedAccount();
        api.purchase(account, api.quote(account, "STORAGE", 1), "key-x").then().statusCode(200);
        String otherQuote = api.quote(account, "STORAGE", 3);
        String before = api.stateOf(account);

        api.purchase(account, otherQuote, "key-x")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("idempotency_key_reused"));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void a_quote_used_once_cannot_buy_again_under_another_key() {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "STORAGE", 1);
        api.purchase(account, quoteId, "first").then().statusCode(200);
        String before = api.stateOf(account);

        api.purchase(account, quoteId, "second").then().statusCode(409).body("code", equalTo("quote_expired"));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void a_quote_older_than_15_minutes_has_expired() {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "STORAGE", 1);
        api.now("2026-01-22T10:30:00Z");
        String before = api.stateOf(account);

        api.purchase(account, quoteId, "late").then().statusCode(409).body("code", equalTo("quote_expired"));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void a_quote_14_minutes_old_still_binds_its_price() {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "STORAGE", 1);
        api.now("2026-01-22T10:29:59Z");

        api.purchase(account, quoteId, "in-time").then().statusCode(200).body("amountCharged", equalTo("6.00"));
    }

    @Test
    void a_quote_made_in_a_cycle_that_has_since_turned_has_expired() {
        api.now("2026-02-08T22:50:00Z"); // 23:50 in Paris, the last day of the cycle
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris");
        String quoteId = api.quote(account, "STORAGE", 1);
        api.now("2026-02-08T23:00:00Z"); // 00:00 in Paris: the cycle turned, 10 minutes later

        api.purchase(account, quoteId, "after-turn").then().statusCode(409).body("code", equalTo("quote_expired"));
    }

    @Test
    void a_refused_card_leaves_a_failed_purchase_that_grants_nothing() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");

        api.purchase(account, api.quote(account, "PRESENTERS", 2), "declined")
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("amountCharged", equalTo("0.00"))
                .body("renewsOn", nullValue());
        api.post("entitlements", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(200)
                .body("presenterSeats", equalTo(0));
    }

    @Test
    void another_accounts_quote_is_not_found() {
        Api.Account mine = api.seedAccount();
        Api.Account theirs = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris");
        String theirQuote = api.quote(theirs, "STORAGE", 1);
        String before = api.stateOf(theirs);

        api.purchase(mine, theirQuote, "steal").then().statusCode(404).body("code", equalTo("not_found"));
        api.purchase(mine, UUID.randomUUID().toString(), "ghost")
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"));
        assertThat(api.stateOf(theirs)).isEqualTo(before);
    }

    @Test
    void a_member_may_not_buy() {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "STORAGE", 1);
        String before = api.stateOf(account);

        api.post("purchase", api.token(account.memberId()), Map.of("quoteId", quoteId, "idempotencyKey", "m"))
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        assertThat(api.stateOf(account)).isEqualTo(before);
    }

    @Test
    void a_purchase_without_a_token_is_unauthenticated() {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "STORAGE", 1);

        api.post("purchase", null, Map.of("quoteId", quoteId, "idempotencyKey", "anon"))
                .then()
                .statusCode(401)
                .body("code", equalTo("unauthenticated"));
        assertThat(api.count("select count(*) from purchase where account_id = ?", account.id()))
                .isZero();
    }

    @Test
    void a_purchase_needs_a_quote_id_and_a_key_and_nothing_else() {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "STORAGE", 1);
        String owner = api.token(account.ownerId());

        api.post("purchase", owner, Map.of("quoteId", quoteId)).then().statusCode(400);
        api.post("purchase", owner, Map.of("idempotencyKey", "k")).then().statusCode(400);
        api.post("purchase", owner, Map.of("quoteId", "not-a-uuid", "idempotencyKey", "k"))
                .then()
                .statusCode(400);
        api.post("purchase", owner, Map.of("quoteId", quoteId, "idempotencyKey", "k", "amount", "0.01"))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        assertThat(api.count("select count(*) from purchase where account_id = ?", account.id()))
                .isZero();
    }

    @Test
    void the_ledger_refuses_to_be_rewritten() {
        Api.Account account = api.seedAccount();
        api.buy(account, "STORAGE", 1);

        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> api.execute("update invoice set total_minor = 1 where account_id = ?", account.id()));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> api.execute("delete from invoice where account_id = ?", account.id()));
        assertThat(api.count("select sum(total_minor) from invoice where account_id = ?", account.id()))
                .isEqualTo(600);
    }

    private long chargesOf(String purchaseId) {
        return provider.charges().stream()
                .filter(c -> purchaseId.equals(c.metadata().get("purchaseId")))
                .count();
    }
}
