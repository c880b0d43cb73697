package com.webinar.billing.local;

import static com.webinar.billing.local.OutboxEvents.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.webinar.billing.app.subaccount.SubAccountErasure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each fact of a purchase, a cancel, a sub-account and the webhook is announced once, in its transaction. */
@QuarkusTest
class EventsFromFunctionsTest {
    private static final String NO_ADD_ON_BUT = """
            {"presenterSeats":%d,"parallelEvents":1,"storageGb":0,"recordingHours":0,
             "subAccountSeats":{"total":%d,"used":%d,"free":%d}}""";

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    @Inject
    OutboxEvents events;

    @Inject
    SubAccountErasure erasure;

    private String invoiceOf(String purchaseId) {
        return api.text("select id::text from invoice where payment_key = ?", "purchase-" + purchaseId);
    }

    @Test
    void a_purchase_announces_addon_purchased_then_the_new_entitlements_and_a_retry_announces_nothing() {
        Api.Account account = api.seedAccount();
        String quote = api.quote(account, "PRESENTERS", 5);
        String purchase = api.purchase(account, quote, "order-1")
                .then()
                .statusCode(200)
                .extract()
                .path("purchaseId");

        api.purchase(account, quote, "order-1").then().statusCode(200);

        assertThat(events.typesOf(account)).containsExactly("addon.purchased", "entitlements.changed");
        OutboxEvents.Event purchased = events.only(account, "addon.purchased");
        assertThat(purchased.data()).isEqualTo(parse("""
                {"purchaseId":"%s","invoiceId":"%s","addOn":"PRESENTERS","quantity":5,
                 "amountCharged":{"minor":6000,"currency":"EUR"},"activeFrom":"2026-01-22"}""".formatted(purchase, invoiceOf(purchase))));
        assertThat(purchased.occurredAt()).isEqualTo("2026-01-22T10:15:00Z");
        assertThat(events.only(account, "entitlements.changed").data())
                .isEqualTo(parse(NO_ADD_ON_BUT.formatted(5, 0, 0, 0)));
        events.assertGapless(account);
    }

    @Test
    void a_refused_purchase_announces_addon_purchase_failed_and_no_entitlements() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");

        String purchase = api.purchase(account, api.quote(account, "PRESENTERS", 2), "declined")
                .then()
                .body("status", equalTo("FAILED"))
                .extract()
                .path("purchaseId");

        assertThat(events.typesOf(account)).containsExactly("addon.purchase_failed");
        assertThat(events.only(account, "addon.purchase_failed").data())
                .isEqualTo(parse("""
                {"purchaseId":"%s","invoiceId":"%s","addOn":"PRESENTERS","quantity":2,
                 "amount":{"minor":2400,"currency":"EUR"},"reason":"card_declined"}""".formatted(purchase, invoiceOf(purchase))));
    }

    @Test
    void the_webhook_announces_a_late_success_once_and_duplicate_or_later_news_not_at_all() {
        api.now("2026-01-22T10:15:00Z");
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "Europe/Paris", "-declined");
        String purchase = api.purchase(account, api.quote(account, "PRESENTERS", 2), "declined")
                .then()
                .extract()
                .path("purchaseId");
        Map<String, String> metadata = Map.of("invoiceId", invoiceOf(purchase), "purchaseId", purchase);
        String success = StripeEvents.paymentIntentEvent(
                StripeEvents.newEventId(), "payment_intent.succeeded", "pi_" + purchase, 2400, "eur", metadata);

        StripeEvents.deliver(success, api.now()).then().statusCode(200);
        StripeEvents.deliver(success, api.now()).then().statusCode(200);
        StripeEvents.deliver(
                        StripeEvents.paymentIntentEvent(
                                StripeEvents.newEventId(),
                                "payment_intent.payment_failed",
                                "pi_" + purchase,
                                2400,
                                "eur",
                                metadata),
                        api.now())
                .then()
                .statusCode(200);

        assertThat(events.typesOf(account))
                .containsExactly("addon.purchase_failed", "addon.purchased", "entitlements.changed");
        assertThat(events.only(account, "addon.purchased")
                        .data()
                        .path("purchaseId")
                        .asText())
                .isEqualTo(purchase);
        events.assertGapless(account);
    }

    @Test
    void a_cancel_announces_when_the_purchase_ends_and_changes_no_entitlements_yet() {
        Api.Account account = api.seedAccount();
        String purchase = api.buy(account, "STORAGE", 1);
        int before = events.of(account).size();

        String activeUntil = steps.cancel(api.token(account.ownerId()), purchase, null)
                .then()
                .statusCode(200)
                .extract()
                .path("activeUntil");
        steps.cancel(api.token(account.ownerId()), purchase, null).then().statusCode(200);

        assertThat(events.after(account, before)).hasSize(1);
        assertThat(events.only(account, "addon.cancellation_scheduled").data())
                .isEqualTo(parse("""
                {"purchaseId":"%s","addOn":"STORAGE","quantity":1,"activeUntil":"%s","reason":"OWNER",
                 "subAccountsToErase":[]}""".formatted(purchase, activeUntil)));
        events.assertGapless(account);
    }

    @Test
    void a_deleted_sub_account_is_announced_deleted_then_erased_with_every_storage_key_it_removed() {
        Api.Account account = api.seedAccount();
        String seats = api.buy(account, "SUB_ACCOUNTS", 2);
        SubAccountSteps.SubAccount subAccount = steps.create(account, "Sales");
        steps.addData(subAccount.id(), "m-" + UUID.randomUUID(), 1, 2, 3);
        List<String> keys = new ArrayList<>();
        steps.rows(
                        "select storage_key from sub_account_recording where sub_account_id = ?::uuid union all"
                                + " select storage_key from sub_account_file where sub_account_id = ?::uuid",
                        subAccount.id(),
                        subAccount.id())
                .forEach(row -> keys.add(row.get(0)));

        steps.delete(api.token(account.ownerId()), subAccount.id(), true).then().statusCode(200);

        assertThat(events.typesOf(account))
                .containsExactly(
                        "addon.purchased",
                        "entitlements.changed",
                        "subaccount.created",
                        "entitlements.changed",
                        "subaccount.deleted",
                        "subaccount.erased",
                        "entitlements.changed");
        assertThat(events.only(account, "subaccount.created").data())
                .isEqualTo(parse("""
                {"subAccountId":"%s","purchaseId":"%s","adminUserId":"%s","storageGb":50,"recordingHours":20}""".formatted(subAccount.id(), seats, subAccount.adminId())));
        assertThat(events.only(account, "subaccount.deleted").data())
                .isEqualTo(parse("{\"subAccountId\":\"%s\",\"purchaseId\":\"%s\"}".formatted(subAccount.id(), seats)));
        OutboxEvents.Event erased = events.only(account, "subaccount.erased");
        assertThat(erased.data().path("storageKeys").valueStream().map(k -> k.asText()))
                .hasSize(5)
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(List.of(
                        erased.data().path("users").asInt(),
                        erased.data().path("events").asInt(),
                        erased.data().path("recordings").asInt(),
                        erased.data().path("files").asInt()))
                .containsExactly(1, 1, 2, 3);
        List<OutboxEvents.Event> all = events.of(account);
        assertThat(all.get(3).data()).isEqualTo(parse(NO_ADD_ON_BUT.formatted(0, 2, 1, 1)));
        assertThat(all.get(6).data()).isEqualTo(parse(NO_ADD_ON_BUT.formatted(0, 2, 0, 2)));
        events.assertGapless(account);
    }

    @Test
    void a_rolled_back_erasure_leaves_no_event_and_no_used_number() {
        Api.Account account = api.seedAccount();
        api.buy(account, "SUB_ACCOUNTS", 1);
        SubAccountSteps.SubAccount subAccount = steps.create(account, "Kept");
        steps.addData(subAccount.id(), "m-" + UUID.randomUUID(), 1, 1, 1);
        int before = events.of(account).size();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    erasure.erase(UUID.fromString(subAccount.id()), api.now());
                    throw new IllegalStateException("what the caller did next failed");
                }))
                .hasMessageContaining("what the caller did next failed");

        assertThat(steps.dataOf(subAccount.id())).containsExactly(1L, 1L, 1L, 1L);
        assertThat(events.of(account)).hasSize(before);
        events.assertGapless(account);
        // the next fact takes the number the rolled-back one gave back
        steps.delete(api.token(account.ownerId()), subAccount.id(), true).then().statusCode(200);
        assertThat(events.after(account, before).get(0).sequence()).isEqualTo(before + 1);
        events.assertGapless(account);
    }
}
