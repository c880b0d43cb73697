package com.webinar.billing.functions.eventrelay;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.events.Delivery;
import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.app.events.OutboxRelay;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The relay on the real database with a bus in memory. Other tests' events may be published alongside. */
@QuarkusTest
class OutboxRelayTest {
    static final Instant NOW = Instant.now();

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Test
    void an_accounts_events_are_published_in_sequence_order_and_marked_published() {
        String account = outbox.accountWith(25, NOW);
        RecordingBus bus = new RecordingBus();

        relay.publishPending(bus);
        relay.publishPending(bus);

        assertThat(bus.sentOf(account)).isEqualTo(sequences(1, 25));
        assertThat(outbox.publishedOf(account)).isEqualTo(sequences(1, 25));
    }

    @Test
    void an_account_stops_at_its_first_refused_event_and_the_rest_is_sent_again_later() {
        String account = outbox.accountWith(4, NOW);
        RecordingBus bus = new RecordingBus()
                .answering(entry -> entry.accountId().equals(account) && entry.sequence() == 2
                        ? Delivery.FAILED
                        : Delivery.ACCEPTED);

        relay.publishPending(bus);

        assertThat(outbox.publishedOf(account)).containsExactly(1L);
        bus.answering(entry -> Delivery.ACCEPTED);
        relay.publishPending(bus);
        assertThat(outbox.publishedOf(account)).isEqualTo(sequences(1, 4));
        // 3 and 4 went out in the first call too: accepted then, not marked, sent again under the same ids
        assertThat(bus.sentOf(account)).containsExactly(1L, 2L, 3L, 4L, 2L, 3L, 4L);
    }

    @Test
    void while_the_bus_is_down_nothing_is_marked_and_the_relay_catches_up_afterwards() {
        String account = outbox.accountWith(30, NOW.minus(Duration.ofMinutes(7)));
        RecordingBus down = new RecordingBus().answering(entry -> Delivery.FAILED);

        OutboxRelay.Pass pass = relay.publishPending(down);

        assertThat(pass.published()).isZero();
        assertThat(outbox.publishedOf(account)).isEmpty();
        assertThat(relay.oldestUnpublishedSeconds()).isGreaterThanOrEqualTo(7 * 60);
        RecordingBus up = new RecordingBus();
        List<Duration> pauses = new ArrayList<>();
        relay.run(up, Duration.ofMillis(300), pauses::add);
        assertThat(outbox.publishedOf(account)).isEqualTo(sequences(1, 30));
        assertThat(up.sentOf(account)).isEqualTo(sequences(1, 30));
    }

    @Test
    void a_throttled_bus_makes_the_relay_back_off_longer_and_longer() {
        outbox.accountWith(1, NOW);
        List<Duration> pauses = new ArrayList<>();

        relay.run(new RecordingBus().answering(entry -> Delivery.THROTTLED), Duration.ofSeconds(5), pauses::add);

        assertThat(pauses).startsWith(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void two_relays_never_publish_the_same_account_at_once() throws Exception {
        // more accounts than one pass claims, so that the second relay has some to take
        for (int i = 0; i < 110; i++) {
            outbox.accountWith(2, NOW);
        }
        CountDownLatch firstIsPublishing = new CountDownLatch(1);
        CountDownLatch secondIsDone = new CountDownLatch(1);
        RecordingBus first = new RecordingBus() {
            @Override
            public List<Delivery> publish(List<Envelope> entries) {
                firstIsPublishing.countDown();
                try {
                    // the first relay holds its accounts until the second has made a whole pass
                    secondIsDone.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.publish(entries);
            }
        };
        RecordingBus second = new RecordingBus();

        CompletableFuture<OutboxRelay.Pass> firstPass =
                CompletableFuture.supplyAsync(() -> relay.publishPending(first));
        assertThat(firstIsPublishing.await(20, TimeUnit.SECONDS)).isTrue();
        relay.publishPending(second);
        secondIsDone.countDown();
        firstPass.get(30, TimeUnit.SECONDS);

        assertThat(first.accounts()).isNotEmpty();
        assertThat(second.accounts()).isNotEmpty().doesNotContainAnyElementsOf(first.accounts());
    }

    @Test
    void published_events_are_pruned_after_thirty_days() {
        String old = outbox.accountWith(1, NOW.minus(Duration.ofDays(40)));
        String recent = outbox.accountWith(1, NOW.minus(Duration.ofDays(40)));
        outbox.execute("update outbox_event set published_at = now() - interval '31 days' where account_id = ?", old);
        outbox.execute(
                "update outbox_event set published_at = now() - interval '29 days' where account_id = ?", recent);

        relay.prune();

        assertThat(outbox.publishedOf(old)).isEmpty();
        assertThat(outbox.publishedOf(recent)).containsExactly(1L);
    }

    static List<Long> sequences(long from, long to) {
        List<Long> sequences = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            sequences.add(s);
        }
        return sequences;
    }
}
