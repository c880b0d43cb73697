package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A renewal whose charge the provider answers later, through the webhook (R8, R12). */
@QuarkusTest
class RenewalWebhookTest {

    @Inject
    Api api;

    @Inject
    RenewalTick tick;

    private record Renewal(Api.Account account, String purchaseId, String invoiceId) {}

    /** The cycle turned and the invoice is issued, but the provider has not answered yet. */
    private Renewal awaitingTheProvider() {
        Api.Account account = api.seedAccount();
        String purchase = api.buy(account, "PRESENTERS", 2);
        api.now(RenewalTickTest.TURN);
        tick.turnCyclesOnly();
        String invoice =
                api.text("select id::text from invoice where account_id = ? and kind = 'RENEWAL'", account.id());
        return new Renewal(account, purchase, invoice);
    }

    private void deliver(Renewal renewal, String type, String intentId) {
        String event = StripeEvents.paymentIntentEvent(
                StripeEvents.newEventId(),
                type,
                intentId,
                4000,
                "eur",
                Map.of("invoiceId", renewal.invoiceId(), "kind", "renewal"));
        StripeEvents.deliver(event, api.now()).then().statusCode(200);
    }

    private String renewalStatus(Renewal renewal) {
        return api.text("select status from renewal where invoice_id = ?::uuid", renewal.invoiceId());
    }

    @AfterEach
    void every_invoice_adds_up() {
        api.assertEveryInvoiceAddsUp();
    }

    @Test
    void a_renewal_paid_through_the_webhook_is_paid_and_not_charged_again() {
        Renewal renewal = awaitingTheProvider();

        deliver(renewal, "payment_intent.succeeded", "pi_renewal_ok");
        tick.run(TickBudget.of(Duration.ofMinutes(1)));

        assertThat(renewalStatus(renewal)).isEqualTo("PAID");
        assertThat(api.text("select status from purchase where id = ?::uuid", renewal.purchaseId()))
                .isEqualTo("ACTIVE");
        assertThat(api.count(
                        "select count(*) from payment_event where invoice_id = ?::uuid and outcome = 'SUCCEEDED'",
                        renewal.invoiceId()))
                .isEqualTo(1);
    }

    @Test
    void a_renewal_refused_through_the_webhook_makes_its_purchases_past_due() {
        Renewal renewal = awaitingTheProvider();

        deliver(renewal, "payment_intent.payment_failed", "pi_renewal_declined");

        assertThat(renewalStatus(renewal)).isEqualTo("PAST_DUE");
        assertThat(api.text("select status from purchase where id = ?::uuid", renewal.purchaseId()))
                .isEqualTo("PAST_DUE");
    }

    @Test
    void a_late_failure_never_undoes_a_paid_renewal() {
        Renewal renewal = awaitingTheProvider();
        deliver(renewal, "payment_intent.succeeded", "pi_renewal_paid");

        deliver(renewal, "payment_intent.payment_failed", "pi_renewal_paid");

        assertThat(renewalStatus(renewal)).isEqualTo("PAID");
        assertThat(api.text("select status from purchase where id = ?::uuid", renewal.purchaseId()))
                .isEqualTo("ACTIVE");
    }

    @Test
    void the_same_refusal_told_twice_is_applied_once() {
        Renewal renewal = awaitingTheProvider();
        deliver(renewal, "payment_intent.payment_failed", "pi_renewal_twice");

        deliver(renewal, "payment_intent.payment_failed", "pi_renewal_twice");

        assertThat(api.count("select retries from renewal where invoice_id = ?::uuid", renewal.invoiceId()))
                .isZero();
        assertThat(api.count(
                        "select count(*) from payment_event where invoice_id = ?::uuid and outcome = 'FAILED'",
                        renewal.invoiceId()))
                .isEqualTo(1);
    }
}
