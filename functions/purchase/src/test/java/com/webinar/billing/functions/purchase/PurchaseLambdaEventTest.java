package com.webinar.billing.functions.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.purchase.QuoteAddOn;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.Role;
import com.webinar.billing.dev.LambdaEvents;
import com.webinar.billing.dev.LambdaEvents.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deployed path: API Gateway's HTTP API (payload 2.0) event, handed raw to the mock event server. */
@QuarkusTest
class PurchaseLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuoteAddOn quotes;

    @Test
    void a_v2_event_buys_the_quote_and_a_retry_with_its_key_answers_the_same_purchase() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);
        UUID quote = quotes.quote(
                        new Caller(owner.userId(), owner.accountId(), Role.OWNER, null),
                        new QuoteAddOn.Request(AddOn.PRESENTERS, 2))
                .quoteId();
        String event = LambdaEvents.post(
                "purchase", owner.token(), "{\"quoteId\":\"" + quote + "\",\"idempotencyKey\":\"k-1\"}");

        String first = LambdaEvents.send(event);
        String again = LambdaEvents.send(event);

        assertThat(LambdaEvents.statusOf(first)).as(first).isEqualTo(200);
        JsonNode purchase = LambdaEvents.bodyOf(first);
        assertThat(purchase.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(purchase.get("amountCharged").asText()).isEqualTo("40.00");
        assertThat(LambdaEvents.bodyOf(again)).isEqualTo(purchase);
    }

    @Test
    void a_v2_event_without_a_quote_answers_a_400_problem() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);

        String answer = LambdaEvents.send(LambdaEvents.post("purchase", owner.token(), "{\"idempotencyKey\":\"k\"}"));

        assertThat(LambdaEvents.refusalOf(answer)).isEqualTo(new Refusal(400, "invalid_request"));
    }
}
