package com.webinar.billing.local;

import static com.webinar.billing.local.OutboxEvents.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The renewal tick's set-based batches announce what they did to each account, in the batch's transaction. */
@QuarkusTest
class EventsFromTheTickTest {

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    @Inject
    OutboxEvents events;

    @Inject
    RenewalTick tick;

    private void runTick() {
        tick.run(TickBudget.of(Duration.ofMinutes(5)));
    }

    private String renewalInvoice(Api.Account account) {
        return api.text(
                "select id::text from invoice where account_id = ? and kind = 'RENEWAL' order by cycle_start desc"
                        + " limit 1",
                account.id());
    }

    @Test
    void at_the_turn_a_cancelled_purchase_ends_its_sub_accounts_are_erased_and_what_goes_on_is_paid() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 5);
        String seats = api.buy(account, "SUB_ACCOUNTS", 1);
        SubAccountSteps.SubAccount subAccount = steps.create(account, "Doomed");
        steps.cancel(api.token(account.ownerId()), seats, true).then().statusCode(200);
        int before = events.of(account).size();

        api.now(RenewalTickTest.TURN);
        runTick();
        runTick();

        List<OutboxEvents.Event> tickEvents = events.after(account, before);
        assertThat(tickEvents.stream().map(OutboxEvents.Event::type))
                .containsExactly("addon.ended", "subaccount.erased", "entitlements.changed", "renewal.paid");
        assertThat(tickEvents.get(0).data()).isEqualTo(parse("""
                {"purchaseId":"%s","addOn":"SUB_ACCOUNTS","quantity":1,"reason":"CANCELLED","unpaidInvoiceId":null}""".formatted(seats)));
        assertThat(tickEvents.get(1).data().path("subAccountId").asText()).isEqualTo(subAccount.id());
        assertThat(tickEvents.get(2).data()).isEqualTo(parse("""
                {"presenterSeats":5,"parallelEvents":1,"storageGb":0,"recordingHours":0,
                 "subAccountSeats":{"total":0,"used":0,"free":0}}"""));
        assertThat(tickEvents.get(3).data()).isEqualTo(parse("""
                {"invoiceId":"%s","cycleStart":"2026-02-09","amount":{"minor":10000,"currency":"EUR"},"attempt":1}""".formatted(renewalInvoice(account))));
        assertThat(tickEvents).allSatisfy(e -> assertThat(e.occurredAt()).isEqualTo("2026-02-08T23:00:00Z"));
        events.assertGapless(account);
    }

    @Test
    void a_refused_renewal_announces_each_failure_with_its_next_retry_then_the_unpaid_end() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        String purchase = RenewalTickTest.buyWithWorkingCard(api, account, "PRESENTERS", 2);
        int before = events.of(account).size();

        for (int day : List.of(0, 1, 3, 7)) {
            api.now(Instant.parse(RenewalTickTest.TURN).plus(Duration.ofDays(day)));
            runTick();
        }

        String invoice = renewalInvoice(account);
        List<OutboxEvents.Event> tickEvents = events.after(account, before);
        assertThat(tickEvents.stream().map(OutboxEvents.Event::type))
                .containsExactly(
                        "renewal.payment_failed",
                        "renewal.payment_failed",
                        "renewal.payment_failed",
                        "renewal.payment_failed",
                        "addon.ended",
                        "entitlements.changed");
        List<String> nextRetries = List.of("2026-02-09T23:00:00Z", "2026-02-11T23:00:00Z", "2026-02-15T23:00:00Z");
        for (int i = 0; i < 4; i++) {
            assertThat(tickEvents.get(i).data()).as("attempt " + (i + 1)).isEqualTo(parse("""
                            {"invoiceId":"%s","cycleStart":"2026-02-09","amount":{"minor":4000,"currency":"EUR"},
                             "attempt":%d,"reason":"card_declined","nextRetryAt":%s}""".formatted(
                            invoice, i + 1, i < 3 ? "\"" + nextRetries.get(i) + "\"" : "null")));
        }
        assertThat(tickEvents.get(4).data()).isEqualTo(parse("""
                {"purchaseId":"%s","addOn":"PRESENTERS","quantity":2,"reason":"UNPAID","unpaidInvoiceId":"%s"}""".formatted(purchase, invoice)));
        assertThat(tickEvents.get(5).data().path("presenterSeats").asInt()).isZero();
        events.assertGapless(account);
    }

    @Test
    void a_renewal_paid_through_the_webhook_is_announced_once_however_often_it_is_told() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 2);
        api.now(RenewalTickTest.TURN);
        tick.turnCyclesOnly();
        int before = events.of(account).size();
        Map<String, String> metadata = Map.of("invoiceId", renewalInvoice(account), "kind", "renewal");
        String paid = StripeEvents.paymentIntentEvent(
                StripeEvents.newEventId(), "payment_intent.succeeded", "pi_told_twice", 4000, "eur", metadata);

        StripeEvents.deliver(paid, api.now()).then().statusCode(200);
        StripeEvents.deliver(paid, api.now()).then().statusCode(200);
        StripeEvents.deliver(
                        StripeEvents.paymentIntentEvent(
                                StripeEvents.newEventId(),
                                "payment_intent.succeeded",
                                "pi_told_twice",
                                4000,
                                "eur",
                                metadata),
                        api.now())
                .then()
                .statusCode(200);
        runTick();

        assertThat(events.after(account, before).stream().map(OutboxEvents.Event::type))
                .containsExactly("renewal.paid");
        events.assertGapless(account);
    }
}
