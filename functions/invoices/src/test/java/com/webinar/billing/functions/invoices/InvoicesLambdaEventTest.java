package com.webinar.billing.functions.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.dev.LambdaEvents;
import com.webinar.billing.dev.LambdaEvents.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The deployed path: API Gateway's HTTP API (payload 2.0) event, handed raw to the mock event server. */
@QuarkusTest
class InvoicesLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_v2_event_answers_a_first_page_and_refuses_a_cursor_it_never_gave() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);

        String page = LambdaEvents.send(LambdaEvents.post("invoices", owner.token(), "{}"));
        String forged = LambdaEvents.send(LambdaEvents.post("invoices", owner.token(), "{\"cursor\":\"forged\"}"));

        assertThat(LambdaEvents.statusOf(page)).isEqualTo(200);
        assertThat(LambdaEvents.bodyOf(page).get("invoices")).isEmpty();
        assertThat(LambdaEvents.bodyOf(page).get("nextCursor").isNull()).isTrue();
        assertThat(LambdaEvents.refusalOf(forged)).isEqualTo(new Refusal(400, "invalid_request"));
    }
}
