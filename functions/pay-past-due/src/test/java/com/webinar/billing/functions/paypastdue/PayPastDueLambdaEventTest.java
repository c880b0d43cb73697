package com.webinar.billing.functions.paypastdue;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.dev.LambdaEvents;
import com.webinar.billing.dev.LambdaEvents.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The deployed path: API Gateway's HTTP API (payload 2.0) event, handed raw to the mock event server. */
@QuarkusTest
class PayPastDueLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_v2_event_from_an_owner_who_owes_nothing_is_refused_as_nothing_past_due() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);

        String answer = LambdaEvents.send(LambdaEvents.post("pay-past-due", owner.token(), "{}"));
        String unknown = LambdaEvents.send(LambdaEvents.post("pay-past-due", owner.token(), "{\"amount\":1}"));

        assertThat(LambdaEvents.refusalOf(answer)).isEqualTo(new Refusal(409, "nothing_past_due"));
        assertThat(LambdaEvents.refusalOf(unknown)).isEqualTo(new Refusal(400, "invalid_request"));
    }
}
