package com.webinar.billing.functions.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.dev.LambdaEvents;
import com.webinar.billing.dev.LambdaEvents.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The deployed path: API Gateway hands the Lambda an HTTP API (payload 2.0) event, not an HTTP request. Posting
 * that raw event to the mock event server's {@code /_lambda_} runs exactly what the Lambda runtime runs.
 */
@QuarkusTest
class QuoteLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_api_gateway_v2_event_gets_a_quote_in_a_v2_response() {
        // the first day of a cycle costs the full price; today in UTC, whatever the zone of this machine
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);

        String answer = LambdaEvents.send(
                LambdaEvents.post("quote", owner.token(), "{\"addOn\":\"PRESENTERS\",\"quantity\":2}"));

        assertThat(LambdaEvents.statusOf(answer)).isEqualTo(200);
        JsonNode quote = LambdaEvents.bodyOf(answer);
        assertThat(quote.get("cyclePrice").asText()).isEqualTo("40.00");
        assertThat(quote.get("chargeNow").asText()).isEqualTo("40.00");
        assertThat(quote.get("daysRemaining").asInt()).isEqualTo(30);
    }

    @Test
    void a_v2_event_without_a_token_answers_a_401_problem() {
        String answer = LambdaEvents.send(LambdaEvents.post("quote", null, "{}"));

        assertThat(LambdaEvents.refusalOf(answer)).isEqualTo(new Refusal(401, "unauthenticated"));
    }
}
