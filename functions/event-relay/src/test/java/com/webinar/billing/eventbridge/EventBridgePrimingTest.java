package com.webinar.billing.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SnapStart priming of the relay: PutEvents runs through the bus's code, and nothing reaches EventBridge. */
class EventBridgePrimingTest {
    final FakeEventBridge eventBridge = new FakeEventBridge();

    @AfterEach
    void stop() {
        eventBridge.shutdown();
    }

    @Test
    void priming_publishes_one_envelope_answered_from_memory_and_sends_nothing_to_the_real_bus() {
        EventBridgePriming priming = new EventBridgePriming();
        priming.bus = new EventBridgeBus(eventBridge.client(Duration.ofSeconds(1)), "billing-bus", "addon-billing");

        String outcome = priming.prime();

        assertThat(outcome).isEqualTo("the bus made (10 entries a call); PutEvents answered from memory: [ACCEPTED]");
        assertThat(eventBridge.requests()).isEmpty();
    }
}
