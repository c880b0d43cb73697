package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.webinar.billing.app.payment.Charge;
import com.webinar.billing.app.payment.LocalPaymentProvider;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 in local mode: a {@code -3ds} owner's renewal is refused off-session (the bank wants the owner), and the
 * owner pays it with {@code pay-past-due}, answering the challenge with {@code dev-authenticate}.
 */
@QuarkusTest
class PayPastDueLocalModeTest {

    @Inject
    Api api;

    @Inject
    LocalPaymentProvider provider;

    @Inject
    RenewalTick tick;

    @Inject
    OutboxEvents events;

    @Inject
    SubAccountSteps subAccounts;

    /** A renewal in its grace period because the bank asked for authentication; {@code key}: its payment key. */
    record PastDue(Api.Account account, String purchaseId, String invoiceId, String key) {
        String attemptKey(int attempt) {
            return key + "-owner-" + attempt;
        }

        String clientSecret(int attempt) {
            return "local_" + attemptKey(attempt) + "_secret";
        }
    }

    @AfterEach
    void every_invoice_adds_up() {
        api.assertEveryInvoiceAddsUp();
    }

    @Test
    void the_owner_passes_the_challenge_and_the_renewals_purchases_are_active_again_as_after_a_paid_retry() {
        PastDue pastDue = refusedForAuthentication();
        int before = events.of(pastDue.account()).size();

        payPastDue(pastDue.account())
                .body("invoiceId", equalTo(pastDue.invoiceId()))
                .body("status", equalTo("OPEN"))
                .body("amountCharged", equalTo("100.00"))
                .body("currency", equalTo("EUR"))
                .body("nextAction.type", equalTo("authenticate"))
                .body("nextAction.clientSecret", equalTo(pastDue.clientSecret(1)));
        assertThat(purchaseStatus(pastDue)).isEqualTo("PAST_DUE");
        authenticate(pastDue, "succeeded");

        assertThat(purchaseStatus(pastDue)).isEqualTo("ACTIVE");
        assertThat(renewalStatus(pastDue)).isEqualTo("PAID");
        List<OutboxEvents.Event> announced = events.after(pastDue.account(), before);
        assertThat(announced).extracting(OutboxEvents.Event::type).containsExactly("renewal.paid");
        assertThat(announced.getFirst().data().path("attempt").asInt()).isEqualTo(2);
        assertThat(invoiceStatus(pastDue)).isEqualTo("PAID");
        assertThat(ownerAttempts(pastDue)).extracting(Charge::paymentKey).containsExactly(pastDue.attemptKey(1));
        api.post("pay-past-due", api.token(pastDue.account().ownerId()), Map.of())
                .then()
                .statusCode(409)
                .body("code", equalTo("nothing_past_due"));
    }

    @Test
    void calling_again_while_the_challenge_is_open_answers_the_same_challenge_and_asks_the_provider_once() {
        PastDue pastDue = refusedForAuthentication();

        for (int call = 0; call < 3; call++) {
            payPastDue(pastDue.account())
                    .body("status", equalTo("OPEN"))
                    .body("nextAction.clientSecret", equalTo(pastDue.clientSecret(1)));
        }

        assertThat(ownerAttempts(pastDue))
                .hasSize(1)
                .allSatisfy(charge -> assertThat(charge.ownerPresent()).isTrue());
    }

    @Test
    void a_failed_challenge_leaves_the_renewal_in_its_grace_period_and_the_next_call_is_a_new_attempt() {
        PastDue pastDue = refusedForAuthentication();
        String nextRetry = nextRetryAt(pastDue);
        payPastDue(pastDue.account());

        authenticate(pastDue, "failed");

        assertThat(purchaseStatus(pastDue)).isEqualTo("PAST_DUE");
        assertThat(renewalStatus(pastDue)).isEqualTo("PAST_DUE");
        assertThat(nextRetryAt(pastDue)).isEqualTo(nextRetry);
        assertThat(api.count("select retries from renewal where invoice_id = ?::uuid", pastDue.invoiceId()))
                .isZero();
        assertThat(invoiceStatus(pastDue)).isEqualTo("FAILED");
        payPastDue(pastDue.account())
                .body("status", equalTo("OPEN"))
                .body("nextAction.clientSecret", equalTo(pastDue.clientSecret(2)));
        assertThat(ownerAttempts(pastDue))
                .extracting(Charge::paymentKey)
                .containsExactly(pastDue.attemptKey(1), pastDue.attemptKey(2));
    }

    @Test
    void the_tick_does_not_retry_an_invoice_whose_owner_challenge_is_open_and_resumes_once_it_is_given_up() {
        PastDue pastDue = refusedForAuthentication();
        Instant turned = api.now();
        api.now(turned.plus(Duration.ofHours(12)));
        payPastDue(pastDue.account());

        api.now(turned.plus(Duration.ofDays(1)));
        tick.run(TickBudget.of(Duration.ofMinutes(1)));
        assertThat(offSessionCharges(pastDue)).isEqualTo(1);

        api.now(turned.plus(Duration.ofHours(12 + 23)));
        tick.run(TickBudget.of(Duration.ofMinutes(1)));

        assertThat(provider.cancelled()).contains("local_" + pastDue.attemptKey(1));
        assertThat(offSessionCharges(pastDue)).isEqualTo(2);
        assertThat(api.count("select retries from renewal where invoice_id = ?::uuid", pastDue.invoiceId()))
                .isEqualTo(1);
        api.post("dev-authenticate", null, Map.of("invoiceId", pastDue.invoiceId(), "outcome", "succeeded"))
                .then()
                .statusCode(404);
    }

    @Test
    void the_owner_cannot_pay_while_a_tick_is_charging_the_invoice() {
        PastDue pastDue = refusedForAuthentication();
        api.execute(
                "update renewal set leased_until = ?::timestamptz where invoice_id = ?::uuid",
                api.now().plus(Duration.ofMinutes(5)).toString(),
                pastDue.invoiceId());
        String state = api.stateOf(pastDue.account());

        api.post("pay-past-due", api.token(pastDue.account().ownerId()), Map.of())
                .then()
                .statusCode(409)
                .body("code", equalTo("payment_in_progress"));

        assertThat(api.stateOf(pastDue.account())).isEqualTo(state);
        assertThat(ownerAttempts(pastDue)).isEmpty();
    }

    @Test
    void only_the_owner_pays_what_is_past_due_and_only_when_something_is() {
        PastDue pastDue = refusedForAuthentication();
        String seats = api.buy(pastDue.account(), "SUB_ACCOUNTS", 1);
        api.post("dev-authenticate", null, Map.of("purchaseId", seats, "outcome", "succeeded"))
                .then()
                .statusCode(200);
        SubAccountSteps.SubAccount subAccount = subAccounts.create(pastDue.account(), "Sales");
        String state = api.stateOf(pastDue.account());

        for (String user : List.of(pastDue.account().memberId(), subAccount.adminId())) {
            api.post("pay-past-due", api.token(user), Map.of())
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("forbidden"));
        }
        api.post("pay-past-due", api.token(pastDue.account().ownerId()), Map.of("invoiceId", pastDue.invoiceId()))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        Api.Account owesNothing = api.seedAccount();
        api.buy(owesNothing, "PRESENTERS", 1);
        api.post("pay-past-due", api.token(owesNothing.ownerId()), Map.of())
                .then()
                .statusCode(409)
                .body("code", equalTo("nothing_past_due"));

        assertThat(api.stateOf(pastDue.account())).isEqualTo(state);
        assertThat(ownerAttempts(pastDue)).isEmpty();
    }

    // --- steps ---

    /** A {@code -3ds} owner buys 5 presenter seats (passing the challenge); the renewal is refused at the turn. */
    private PastDue refusedForAuthentication() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-3ds");
        String purchaseId = api.purchase(
                        account,
                        api.quote(account, "PRESENTERS", 5),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(200)
                .extract()
                .path("purchaseId");
        api.post("dev-authenticate", null, Map.of("purchaseId", purchaseId, "outcome", "succeeded"))
                .then()
                .statusCode(200);
        api.now(RenewalTickTest.TURN);
        tick.run(TickBudget.of(Duration.ofMinutes(1)));
        String invoiceId =
                api.text("select id::text from invoice where account_id = ? and kind = 'RENEWAL'", account.id());
        String key = api.text("select payment_key from invoice where id = ?::uuid", invoiceId);
        PastDue pastDue = new PastDue(account, purchaseId, invoiceId, key);
        assertThat(purchaseStatus(pastDue)).isEqualTo("PAST_DUE");
        assertThat(events.typesOf(account)).endsWith("renewal.payment_failed", "payment.action_required");
        return pastDue;
    }

    private io.restassured.response.ValidatableResponse payPastDue(Api.Account account) {
        return api.post("pay-past-due", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(200);
    }

    private void authenticate(PastDue pastDue, String outcome) {
        api.post("dev-authenticate", null, Map.of("invoiceId", pastDue.invoiceId(), "outcome", outcome))
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(false));
    }

    /** Every call of the provider for the owner's attempts, repeated keys included. */
    private List<Charge> ownerAttempts(PastDue pastDue) {
        return provider.attempts().stream()
                .filter(c -> c.paymentKey().startsWith(pastDue.key() + "-owner-"))
                .toList();
    }

    private long offSessionCharges(PastDue pastDue) {
        return provider.attempts().stream()
                .filter(c -> c.paymentKey().startsWith(pastDue.key()) && !c.ownerPresent())
                .count();
    }

    private String purchaseStatus(PastDue pastDue) {
        return api.text("select status from purchase where id = ?::uuid", pastDue.purchaseId());
    }

    private String renewalStatus(PastDue pastDue) {
        return api.text("select status from renewal where invoice_id = ?::uuid", pastDue.invoiceId());
    }

    private String nextRetryAt(PastDue pastDue) {
        return api.text("select next_retry_at::text from renewal where invoice_id = ?::uuid", pastDue.invoiceId());
    }

    /** The renewal invoice's status as the owner's {@code invoices} shows it. */
    private String invoiceStatus(PastDue pastDue) {
        List<Map<String, Object>> invoices = api.post(
                        "invoices", api.token(pastDue.account().ownerId()), Map.of())
                .then()
                .statusCode(200)
                .extract()
                .path("invoices");
        return invoices.stream()
                .filter(i -> pastDue.invoiceId().equals(i.get("invoiceId")))
                .map(i -> (String) i.get("status"))
                .findFirst()
                .orElseThrow();
    }
}
