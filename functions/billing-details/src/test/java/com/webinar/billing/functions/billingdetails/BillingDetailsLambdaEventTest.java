package com.webinar.billing.functions.billingdetails;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.dev.LambdaEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The deployed path: API Gateway's HTTP API (payload 2.0) event, handed raw to the mock event server. */
@QuarkusTest
class BillingDetailsLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_v2_event_answers_the_owner_the_accounts_cycle_and_purchases() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);

        String answer = LambdaEvents.send(LambdaEvents.post("billing-details", owner.token(), "{}"));

        assertThat(LambdaEvents.statusOf(answer)).isEqualTo(200);
        JsonNode details = LambdaEvents.bodyOf(answer);
        assertThat(details.get("cycleStart").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(details.get("purchases")).isEmpty();
    }
}
