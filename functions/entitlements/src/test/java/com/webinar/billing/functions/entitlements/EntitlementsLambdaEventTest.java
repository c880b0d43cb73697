package com.webinar.billing.functions.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.dev.LambdaEvents;
import com.webinar.billing.dev.LambdaEvents.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The deployed path: API Gateway's HTTP API (payload 2.0) event, handed raw to the mock event server. */
@QuarkusTest
class EntitlementsLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_v2_event_answers_what_the_add_ons_grant_beyond_the_plan() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);

        String answer = LambdaEvents.send(LambdaEvents.post("entitlements", owner.token(), "{}"));

        assertThat(LambdaEvents.statusOf(answer)).isEqualTo(200);
        JsonNode entitlements = LambdaEvents.bodyOf(answer);
        assertThat(entitlements.get("parallelEvents").asInt()).isEqualTo(1);
        assertThat(entitlements.get("subAccountSeats").get("total").asInt()).isZero();
    }

    @Test
    void a_v2_event_without_a_token_answers_a_401_problem() {
        String answer = LambdaEvents.send(LambdaEvents.post("entitlements", null, "{}"));

        assertThat(LambdaEvents.refusalOf(answer)).isEqualTo(new Refusal(401, "unauthenticated"));
    }
}
