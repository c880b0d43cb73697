package com.webinar.billing.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.events.Delivery;
import com.webinar.billing.app.events.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter over HTTP against WireMock playing EventBridge: what it sends, and what it makes of each answer. */
class EventBridgeBusTest {
    /** Long enough for a first call on a loaded 2-core machine (300 ms was not), short enough for the timeout tests. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

    final FakeEventBridge eventBridge = new FakeEventBridge();
    final EventBridgeBus bus = new EventBridgeBus(eventBridge.client(ATTEMPT_TIMEOUT), "billing-bus", "addon-billing");

    @AfterEach
    void stop() {
        eventBridge.shutdown();
    }

    static List<Envelope> events(String account, int count) {
        List<Envelope> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(new Envelope(
                    UUID.randomUUID(),
                    "addon.purchased",
                    account,
                    i,
                    Instant.parse("2026-01-22T10:15:00Z"),
                    "{\"purchaseId\":\"p-" + i + "\",\"amountMinor\":6000,\"currency\":\"EUR\"}"));
        }
        return events;
    }

    /** The answers, in order, one per HTTP request; the last one repeats. */
    void answers(FakeEventBridge.Answer... answers) {
        Iterator<FakeEventBridge.Answer> next = List.of(answers).iterator();
        FakeEventBridge.Answer[] last = {answers[0]};
        eventBridge.script(() -> next.hasNext() ? (last[0] = next.next()) : last[0]);
    }

    @Test
    void each_entry_carries_the_source_the_type_the_bus_and_the_whole_envelope() {
        List<Envelope> events = events("acct-1", 3);

        assertThat(bus.publish(events)).containsExactly(Delivery.ACCEPTED, Delivery.ACCEPTED, Delivery.ACCEPTED);

        FakeEventBridge.Request request = eventBridge.requests().getFirst();
        assertThat(request.entries()).isEqualTo(events);
        assertThat(request.raw()).allSatisfy(entry -> {
            assertThat(entry.path("Source").asText()).isEqualTo("addon-billing");
            assertThat(entry.path("DetailType").asText()).isEqualTo("addon.purchased");
            assertThat(entry.path("EventBusName").asText()).isEqualTo("billing-bus");
        });
        assertThat(request.raw().getFirst().path("Detail").asText())
                .isEqualTo(events.getFirst().toJson());
    }

    @Test
    void a_partial_failure_is_answered_per_entry() {
        List<Envelope> events = events("acct-1", 4);
        answers(new FakeEventBridge.Accept(e -> e.sequence() == 2, "InternalFailure"));

        assertThat(bus.publish(events))
                .containsExactly(Delivery.ACCEPTED, Delivery.FAILED, Delivery.ACCEPTED, Delivery.ACCEPTED);
    }

    @Test
    void an_entry_refused_for_throttling_says_so() {
        answers(new FakeEventBridge.Accept(e -> e.sequence() == 1, "ThrottlingException"));

        assertThat(bus.publish(events("acct-1", 2))).containsExactly(Delivery.THROTTLED, Delivery.ACCEPTED);
    }

    @Test
    void a_throttled_call_is_retried_with_back_off_and_then_accepted() {
        answers(new FakeEventBridge.Throttle(), FakeEventBridge.ACCEPT_ALL);

        assertThat(bus.publish(events("acct-1", 2))).containsOnly(Delivery.ACCEPTED);
        assertThat(eventBridge.requests()).hasSize(2);
    }

    @Test
    void a_call_throttled_on_every_attempt_is_answered_throttled() {
        answers(new FakeEventBridge.Throttle());

        assertThat(bus.publish(events("acct-1", 2))).containsOnly(Delivery.THROTTLED);
        assertThat(eventBridge.requests()).hasSize(3);
    }

    @Test
    void a_server_error_is_retried_and_then_accepted() {
        answers(new FakeEventBridge.ServerError(), FakeEventBridge.ACCEPT_ALL);

        assertThat(bus.publish(events("acct-1", 2))).containsOnly(Delivery.ACCEPTED);
        assertThat(eventBridge.requests()).hasSize(2);
    }

    @Test
    void server_errors_on_every_attempt_fail_the_call() {
        answers(new FakeEventBridge.ServerError());

        assertThat(bus.publish(events("acct-1", 2))).containsOnly(Delivery.FAILED);
        assertThat(eventBridge.requests()).hasSize(3);
    }

    @Test
    void a_timed_out_attempt_is_retried() {
        answers(new FakeEventBridge.TooSlow(ATTEMPT_TIMEOUT.multipliedBy(3)), FakeEventBridge.ACCEPT_ALL);

        assertThat(bus.publish(events("acct-1", 2))).containsOnly(Delivery.ACCEPTED);
        assertThat(eventBridge.requests()).hasSize(2);
    }

    @Test
    void timeouts_on_every_attempt_fail_the_call() {
        answers(new FakeEventBridge.TooSlow(ATTEMPT_TIMEOUT.multipliedBy(3)));

        assertThat(bus.publish(events("acct-1", 1))).containsOnly(Delivery.FAILED);
    }

    @Test
    void an_entry_over_256_kb_is_not_sent_and_the_others_are() {
        Envelope huge = new Envelope(
                UUID.randomUUID(),
                "subaccount.erased",
                "acct-1",
                1,
                Instant.parse("2026-01-22T10:15:00Z"),
                "{\"storageKeys\":\"" + "k".repeat(260 * 1024) + "\"}");
        Envelope small = events("acct-2", 1).getFirst();

        assertThat(bus.publish(List.of(huge, small))).containsExactly(Delivery.FAILED, Delivery.ACCEPTED);
        assertThat(eventBridge.requests().getFirst().entries()).containsExactly(small);
    }
}
