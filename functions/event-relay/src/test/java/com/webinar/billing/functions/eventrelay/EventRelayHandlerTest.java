package com.webinar.billing.functions.eventrelay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.eventbridge.EventBridgeWireMock;
import com.webinar.billing.eventbridge.FakeEventBridge;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The deployed path: EventBridge Scheduler's event posted to the Lambda mock event server, EventBridge on WireMock. */
@QuarkusTest
@QuarkusTestResource(EventBridgeWireMock.class)
class EventRelayHandlerTest {

    @EventBridgeWireMock.InjectEventBridge
    FakeEventBridge eventBridge;

    @Inject
    Outbox outbox;

    @Test
    void a_scheduled_invocation_publishes_committed_events_to_the_bus() {
        String account = outbox.accountWith(3, Instant.now());

        given().contentType("application/json")
                .body("{\"scheduledTime\":\"2026-12-01T08:15:00Z\"}")
                .post("/")
                .then()
                .statusCode(200)
                .body("published", greaterThanOrEqualTo(3));

        assertThat(eventBridge.requests().stream()
                        .flatMap(request -> request.entries().stream())
                        .filter(entry -> entry.accountId().equals(account))
                        .map(Envelope::sequence)
                        // a first attempt that answered too late is sent again, under the same ids
                        .distinct())
                .containsExactly(1L, 2L, 3L);
        assertThat(eventBridge
                        .requests()
                        .getFirst()
                        .raw()
                        .getFirst()
                        .path("EventBusName")
                        .asText())
                .isEqualTo("billing-bus");
        assertThat(outbox.publishedOf(account)).containsExactly(1L, 2L, 3L);
    }
}
