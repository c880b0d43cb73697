package com.webinar.billing.functions.cancel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.purchase.BuyAddOn;
import com.webinar.billing.app.purchase.QuoteAddOn;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.Role;
import com.webinar.billing.dev.LambdaEvents;
import com.webinar.billing.dev.LambdaEvents.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deployed path: API Gateway's HTTP API (payload 2.0) event, handed raw to the mock event server. */
@QuarkusTest
class CancelLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuoteAddOn quotes;

    @Inject
    BuyAddOn purchases;

    @Test
    void a_v2_event_cancels_the_purchase_at_the_end_of_the_cycle() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);
        Caller caller = new Caller(owner.userId(), owner.accountId(), Role.OWNER, null);
        UUID quote =
                quotes.quote(caller, new QuoteAddOn.Request(AddOn.STORAGE, 1)).quoteId();
        UUID purchase =
                purchases.buy(caller, new BuyAddOn.Request(quote, "k-1")).purchaseId();

        String answer =
                LambdaEvents.send(LambdaEvents.post("cancel", owner.token(), "{\"purchaseId\":\"" + purchase + "\"}"));

        assertThat(LambdaEvents.statusOf(answer)).as(answer).isEqualTo(200);
        JsonNode cancelled = LambdaEvents.bodyOf(answer);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLATION_SCHEDULED");
        assertThat(cancelled.get("activeUntil").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
    }

    @Test
    void a_v2_event_for_a_purchase_that_does_not_exist_answers_a_404_problem() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);

        String answer = LambdaEvents.send(
                LambdaEvents.post("cancel", owner.token(), "{\"purchaseId\":\"" + UUID.randomUUID() + "\"}"));

        assertThat(LambdaEvents.refusalOf(answer)).isEqualTo(new Refusal(404, "not_found"));
    }
}
