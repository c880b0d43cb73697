package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12 in local mode: the local provider asks owners whose user id ends in {@code -3ds} to authenticate, and
 * {@code dev-authenticate} plays the owner's answer through the real webhook.
 */
@QuarkusTest
class AuthenticationLocalModeTest {

    @Inject
    Api api;

    @Inject
    LocalPaymentProvider provider;

    @Inject
    RenewalTick tick;

    @Inject
    OutboxEvents events;

    record Bought(Api.Account account, String purchaseId, String quoteId, String key) {}

    @ParameterizedTest(name = "{0}: the purchase is {1} and grants {2} presenter seats more")
    @CsvSource({"succeeded, ACTIVE, 5", "failed, FAILED, 0"})
    void the_owner_answers_the_challenge_and_the_webhook_settles_the_purchase(
            String outcome, String status, int moreSeats) {
        Api.Account account = threeDsAccount();
        int seatsBefore = presenterSeats(account);
        Bought bought = buy(account);
        assertThat(presenterSeats(account)).isEqualTo(seatsBefore);

        api.post("dev-authenticate", null, Map.of("purchaseId", bought.purchaseId(), "outcome", outcome))
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(false));

        assertThat(api.text("select status from purchase where id = ?::uuid", bought.purchaseId()))
                .isEqualTo(status);
        assertThat(presenterSeats(account)).isEqualTo(seatsBefore + moreSeats);
        api.purchase(account, bought.quoteId(), bought.key())
                .then()
                .statusCode(200)
                .body("status", equalTo(status))
                .body("nextAction", nullValue());
    }

    @Test
    void a_retried_purchase_answers_the_same_challenge_and_is_charged_once() {
        Api.Account account = threeDsAccount();
        Bought bought = buy(account);
        String secret = "local_purchase-" + bought.purchaseId() + "_secret";

        api.purchase(account, bought.quoteId(), bought.key())
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_PAYMENT"))
                .body("nextAction.clientSecret", equalTo(secret));

        assertThat(provider.charges().stream().filter(c -> c.paymentKey().equals("purchase-" + bought.purchaseId())))
                .hasSize(1)
                .allSatisfy(c -> assertThat(c.ownerPresent()).isTrue());
    }

    @Test
    void a_challenge_left_unanswered_for_23_hours_fails_the_purchase_and_cancels_the_payment() {
        Api.Account account = threeDsAccount();
        Bought bought = buy(account);
        Instant asked = api.now();

        api.now(asked.plus(Duration.ofHours(23)));
        tick.run(TickBudget.of(Duration.ofMinutes(1)));

        assertThat(api.text("select status from purchase where id = ?::uuid", bought.purchaseId()))
                .isEqualTo("FAILED");
        assertThat(provider.cancelled()).contains("local_purchase-" + bought.purchaseId());
    }

    @Test
    void a_renewal_the_bank_wants_authenticated_is_refused_into_the_grace_period_and_announced() {
        Api.Account account = threeDsAccount();
        Bought bought = buy(account);
        api.post("dev-authenticate", null, Map.of("purchaseId", bought.purchaseId(), "outcome", "succeeded"))
                .then()
                .statusCode(200);
        int before = events.of(account).size();

        api.now(RenewalTickTest.TURN);
        tick.run(TickBudget.of(Duration.ofMinutes(1)));

        assertThat(api.text("select status from purchase where id = ?::uuid", bought.purchaseId()))
                .isEqualTo("PAST_DUE");
        String invoice =
                api.text("select id::text from invoice where account_id = ? and kind = 'RENEWAL'", account.id());
        List<OutboxEvents.Event> announced = events.after(account, before);
        assertThat(announced.stream().map(OutboxEvents.Event::type))
                .containsExactly("renewal.payment_failed", "payment.action_required");
        assertThat(announced.getFirst().data().path("reason").asText()).isEqualTo("authentication_required");
        assertThat(announced.getLast().data().path("invoiceId").asText()).isEqualTo(invoice);
        assertThat(provider.charges().stream().filter(c -> c.accountId().equals(account.id())))
                .extracting(c -> c.ownerPresent())
                .containsExactly(true, false);
    }

    @Test
    void dev_authenticate_needs_a_payment_waiting_for_the_owner() {
        Api.Account account = api.seedAccount();
        String paid = api.buy(account, "PRESENTERS", 1);

        api.post("dev-authenticate", null, Map.of("purchaseId", paid, "outcome", "succeeded"))
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"));
        api.post("dev-authenticate", null, Map.of("invoiceId", UUID.randomUUID(), "outcome", "failed"))
                .then()
                .statusCode(404);
        api.post("dev-authenticate", null, Map.of("outcome", "succeeded"))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        api.post("dev-authenticate", null, Map.of("purchaseId", paid, "outcome", "maybe"))
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
    }

    private Api.Account threeDsAccount() {
        api.now("2026-01-22T10:15:00Z");
        return api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-3ds");
    }

    private Bought buy(Api.Account account) {
        String quoteId = api.quote(account, "PRESENTERS", 5);
        String key = UUID.randomUUID().toString();
        String purchaseId = api.purchase(account, quoteId, key)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_PAYMENT"))
                .body("nextAction.type", equalTo("authenticate"))
                .extract()
                .path("purchaseId");
        return new Bought(account, purchaseId, quoteId, key);
    }

    private int presenterSeats(Api.Account account) {
        return api.post("entitlements", api.token(account.ownerId()), Map.of())
                .then()
                .statusCode(200)
                .extract()
                .path("presenterSeats");
    }
}
