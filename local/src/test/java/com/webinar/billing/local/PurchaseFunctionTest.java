package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.payment.Charge;
import com.webinar.billing.app.payment.LocalPaymentProvider;
import com.webinar.billing.app.purchase.BuyAddOn;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.core.Role;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class PurchaseFunctionTest {

    @Inject
    Api api;

    @Inject
    LocalPaymentProvider provider;

    @Inject
    BuyAddOn buys;

    @Inject
    AccountRowHolder holder;

    @Inject
    PlanSteps plan;

    @AfterEach
    void every_invoice_adds_up() {
        api.assertEveryInvoiceAddsUp();
    }

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
        assertThat(provider.attempts().stream()
                        .filter(c -> c.accountId().equals(account.id()))
                        .count())
                .as("the replay asks the provider nothing")
                .isEqualTo(1);
    }

    /**
     * The use case itself from two threads (the two connections of a Lambda's pool), forced to overlap: the test holds the account's row until both
     * wait for it (HTTP requests through the local Lambda poll loop would run one after the other). A caller that
     * finds the purchase still waiting for its payment asks the provider again, with the same payment key: the
     * provider takes one charge.
     */
    @Test
    void concurrent_retries_with_one_key_make_one_purchase_and_one_charge() throws Exception {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "PARALLEL_EVENTS", 1);
        Caller owner = new Caller(account.ownerId(), account.id(), Role.OWNER, null);
        Callable<Object> buy = () -> buys.buy(owner, new BuyAddOn.Request(UUID.fromString(quoteId), "racing-key"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Object> answers;
        try {
            answers = holder.inTurn(List.of(account), List.of(buy, buy), threads);
        } finally {
            threads.shutdownNow();
        }

        assertThat(answers).hasSize(2).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(((BuyAddOn.Answer) answers.get(0)).status()).isEqualTo(PurchaseStatus.ACTIVE);
        assertThat(api.count("select count(*) from purchase where account_id = ?", account.id()))
                .isEqualTo(1);
        assertThat(api.count("select count(*) from invoice where account_id = ?", account.id()))
                .isEqualTo(1);
        assertThat(provider.attempts().stream()
                        .filter(c -> c.accountId().equals(account.id()))
                        .map(Charge::paymentKey)
                        .distinct())
                .as("every ask names the one invoice's payment key")
                .hasSize(1);
        assertThat(provider.charges().stream().filter(c -> c.accountId().equals(account.id())))
                .hasSize(1);
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
        String storageInEuros = " where add_on = 'STORAGE' and billing_period = 'MONTHLY' and currency = 'EUR'";
        api.execute("update catalog_price set unit_price_minor = unit_price_minor * 10" + storageInEuros);
        try {
            api.post("quote", api.token(account.ownerId()), Map.of("addOn", "STORAGE", "quantity", 1))
                    .then()
                    .statusCode(200)
                    .body("chargeNow", equalTo("60.00"));

            api.purchase(account, quoteId, "in-time").then().statusCode(200).body("amountCharged", equalTo("6.00"));
        } finally {
            api.execute("update catalog_price set unit_price_minor = unit_price_minor / 10" + storageInEuros);
        }
    }

    @Test
    void a_plan_downgraded_between_quote_and_purchase_is_not_eligible_and_nothing_is_charged() {
        Api.Account account = api.seedAccount();
        String quoteId = api.quote(account, "STORAGE", 1);
        plan.movePlan(account, "FREE_TRIAL");
        String before = api.stateOf(account);

        api.purchase(account, quoteId, "after-downgrade")
                .then()
                .statusCode(409)
                .body("code", equalTo("plan_not_eligible"));
        assertThat(api.stateOf(account)).isEqualTo(before);
        assertThat(provider.attempts().stream().filter(c -> c.accountId().equals(account.id())))
                .isEmpty();
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

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "UPDATE, invoice, update invoice set total_minor = 1 where account_id = ?",
        "DELETE, invoice, delete from invoice where account_id = ?",
        "UPDATE, invoice_line, update invoice_line set amount_minor = 1"
                + " where invoice_id in (select id from invoice where account_id = ?)",
        "DELETE, invoice_line, delete from invoice_line where invoice_id in (select id from invoice where account_id = ?)",
        "UPDATE, payment_event, update payment_event set outcome = 'FAILED'"
                + " where invoice_id in (select id from invoice where account_id = ?)",
        "DELETE, payment_event, delete from payment_event"
                + " where invoice_id in (select id from invoice where account_id = ?)"
    })
    void the_ledger_refuses_to_be_rewritten(String operation, String table, String sql) {
        Api.Account account = api.seedAccount();
        api.buy(account, "STORAGE", 1);
        String before = api.stateOf(account);
        String ledger = ledgerOf(account);

        assertThatThrownBy(() -> api.execute(sql, account.id()))
                .rootCause()
                .hasMessageContaining("the ledger is append-only: " + operation + " on " + table + " is refused");
        assertThat(api.stateOf(account)).isEqualTo(before);
        assertThat(ledgerOf(account)).isEqualTo(ledger);
    }

    private String ledgerOf(Api.Account account) {
        return api.text("""
                select concat_ws('|',
                  (select string_agg(row(i.*)::text, ',' order by i.id) from invoice i where i.account_id = ?),
                  (select string_agg(row(l.*)::text, ',' order by l.invoice_id, l.line_no) from invoice_line l
                     join invoice i on i.id = l.invoice_id where i.account_id = ?),
                  (select string_agg(row(e.*)::text, ',' order by e.id) from payment_event e
                     join invoice i on i.id = e.invoice_id where i.account_id = ?))
                """, account.id(), account.id(), account.id());
    }

    /** Calls to the provider, not distinct payment keys: a second ask for the same purchase counts. */
    private long chargesOf(String purchaseId) {
        return provider.attempts().stream()
                .filter(c -> purchaseId.equals(c.metadata().get("purchaseId")))
                .count();
    }
}
