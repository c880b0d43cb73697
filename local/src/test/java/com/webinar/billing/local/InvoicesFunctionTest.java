package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PaymentEventEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class InvoicesFunctionTest {
    /** 00:00 on 2026-02-09 in Paris: the seed account's cycle turns. */
    static final String TURN = RenewalTickTest.TURN;

    @jakarta.inject.Inject
    Api api;

    @jakarta.inject.Inject
    SubAccountSteps steps;

    @jakarta.inject.Inject
    RenewalTick tick;

    @jakarta.inject.Inject
    LedgerRepository ledger;

    static JsonPath invoicesOf(Api api, Api.Account account, Map<String, Object> body) {
        return api.post("invoices", api.token(account.ownerId()), body)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath invoicesOf(Api.Account account, Map<String, Object> body) {
        return invoicesOf(api, account, body);
    }

    private JsonPath invoicesOf(Api.Account account) {
        return invoicesOf(account, Map.of());
    }

    @Test
    void an_invoice_is_paid_open_failed_or_refunded_as_its_payments_say() {
        Api.Account paid = api.seedAccount();
        api.buy(paid, "STORAGE", 1);
        Api.Account declined = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        api.purchase(declined, api.quote(declined, "STORAGE", 1), "k-" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"));
        api.now(TURN);
        tick.turnCyclesOnly();

        JsonPath ofPaid = invoicesOf(paid);
        assertThat(ofPaid.getList("invoices.status")).containsExactly("OPEN", "PAID");
        assertThat(ofPaid.getList("invoices[0].payments")).isEmpty();
        assertThat(invoicesOf(declined).getList("invoices.status")).containsExactly("FAILED");
        assertThat(invoicesOf(declined).getList("invoices[0].payments.outcome")).containsExactly("FAILED");

        UUID purchaseInvoice = UUID.fromString(ofPaid.getString("invoices[1].invoiceId"));
        QuarkusTransaction.requiringNew()
                .run(() -> ledger.appendAnswers(
                        List.of(new LedgerRepository.ProviderAnswer(
                                purchaseInvoice, PaymentEventEntity.Outcome.REFUNDED, 1000, "re_test")),
                        api.now()));
        JsonPath refunded = invoicesOf(paid);
        assertThat(refunded.getString("invoices[1].status")).isEqualTo("REFUNDED");
        assertThat(refunded.getList("invoices[1].payments.outcome")).containsExactly("SUCCEEDED", "REFUNDED");
    }

    @Test
    void pages_of_twenty_walk_every_invoice_once_newest_first() {
        Api.Account account = api.seedAccount();
        for (int i = 0; i < 23; i++) {
            // several invoices share an issue instant: pages follow the numbers
            api.now(Instant.parse("2026-01-22T10:15:00Z").plusSeconds(i / 3));
            api.buy(account, "STORAGE", 1);
        }

        JsonPath first = invoicesOf(account);
        String cursor = first.getString("nextCursor");
        JsonPath second = invoicesOf(account, Map.of("cursor", cursor));

        assertThat(first.getList("invoices")).hasSize(20);
        assertThat(cursor).isNotNull();
        assertThat(second.getList("invoices")).hasSize(3);
        assertThat(second.getString("nextCursor")).isNull();
        List<String> ids = new ArrayList<>(first.getList("invoices.invoiceId"));
        ids.addAll(second.getList("invoices.invoiceId"));
        assertThat(ids).doesNotHaveDuplicates().hasSize(23);
        List<String> numbers = new ArrayList<>(first.getList("invoices.number"));
        numbers.addAll(second.getList("invoices.number"));
        assertThat(numbers.stream().map(InvoiceNumbersTest::seqOf).toList())
                .as("newest first")
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void an_owner_without_invoices_gets_an_empty_last_page() {
        Api.Account account = api.seedAccount();

        JsonPath page = invoicesOf(account);

        assertThat(page.getList("invoices")).isEmpty();
        assertThat(page.getString("nextCursor")).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not a cursor",
                "djE6MTIzOm5vdC1hLXV1aWQ",
                "eyJwYWdlIjoyfQ",
                "",
            })
    void a_cursor_it_did_not_give_out_is_refused(String cursor) {
        Api.Account account = api.seedAccount();

        api.post("invoices", api.token(account.ownerId()), Map.of("cursor", cursor))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
    }

    @Test
    void a_field_it_does_not_take_is_refused() {
        Api.Account account = api.seedAccount();
        Map<String, Object> body = new HashMap<>();
        body.put("page", 2);

        api.post("invoices", api.token(account.ownerId()), body).then().statusCode(400);
    }

    @Test
    void members_and_sub_account_users_may_not_see_the_invoices() {
        Api.Account account = api.seedAccount();
        api.buy(account, "SUB_ACCOUNTS", 1);
        SubAccountSteps.SubAccount subAccount = steps.create(account, "Trainers");

        for (String user : List.of(account.memberId(), subAccount.adminId())) {
            api.post("invoices", api.token(user), Map.of())
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("forbidden"));
        }
    }
}
