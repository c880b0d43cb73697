package com.webinar.billing.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.app.events.Publication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relay's publication through the real adapter, over HTTP, against an EventBridge that refuses entries,
 * throttles, fails with 5xx and answers too late, at random: in the end every event was accepted; each call sent an
 * account's events as a consecutive run starting no further than right after what EventBridge had acknowledged of it
 * (nothing skipped, nothing sent ahead of a refused one); every duplicate is a redelivery of the same envelope.
 */
class RelayOverEventBridgeTest {
    static final int ACCOUNTS = 12;
    static final int EVENTS_PER_ACCOUNT = 25;

    final FakeEventBridge eventBridge = new FakeEventBridge();
    final EventBridgeBus bus =
            new EventBridgeBus(eventBridge.client(Duration.ofMillis(200)), "billing-bus", "addon-billing");

    @AfterEach
    void stop() {
        eventBridge.shutdown();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void nothing_is_lost_nothing_goes_out_of_order_and_duplicates_are_redeliveries(long seed) {
        Random random = new Random(seed);
        eventBridge.script(() -> {
            int roll = random.nextInt(100);
            if (roll < 10) {
                return new FakeEventBridge.ServerError();
            } else if (roll < 20) {
                return new FakeEventBridge.Throttle();
            } else if (roll < 23) {
                return new FakeEventBridge.TooSlow(Duration.ofMillis(500));
            }
            return new FakeEventBridge.Accept(entry -> random.nextInt(100) < 15, "InternalFailure");
        });
        Map<String, List<Envelope>> outbox = outbox();
        Map<String, Integer> published = new HashMap<>();
        outbox.keySet().forEach(account -> published.put(account, 0));

        for (int pass = 0; pass < 300 && !allPublished(outbox, published); pass++) {
            List<Envelope> pending = new ArrayList<>();
            outbox.forEach((account, events) -> pending.addAll(
                    events.subList(published.get(account), Math.min(events.size(), published.get(account) + 20))));
            for (Envelope accepted : Publication.publish(pending, bus).accepted()) {
                // the relay marks only what follows what it has already marked
                assertThat(accepted.sequence()).isEqualTo(published.get(accepted.accountId()) + 1);
                published.put(accepted.accountId(), (int) accepted.sequence());
            }
        }

        assertThat(allPublished(outbox, published)).as("everything published").isTrue();
        Map<String, Integer> acknowledged = new HashMap<>();
        Map<UUID, Envelope> delivered = new HashMap<>();
        Set<UUID> acknowledgedIds = new HashSet<>();
        for (FakeEventBridge.Request request : eventBridge.requests()) {
            Map<String, List<Envelope>> byAccount = request.entries().stream()
                    .collect(Collectors.groupingBy(Envelope::accountId, LinkedHashMap::new, Collectors.toList()));
            byAccount.forEach((account, run) -> {
                // a run may start below what was acknowledged (redeliveries), never above it (a skipped event)
                assertThat(run.getFirst().sequence())
                        .as("%s's run starts within what was acknowledged", account)
                        .isLessThanOrEqualTo(acknowledged.getOrDefault(account, 0) + 1);
                for (int i = 1; i < run.size(); i++) {
                    assertThat(run.get(i).sequence())
                            .as("%s's events in one call are consecutive", account)
                            .isEqualTo(run.getFirst().sequence() + i);
                }
            });
            for (int i = 0; i < request.entries().size(); i++) {
                Envelope entry = request.entries().get(i);
                Envelope before = delivered.putIfAbsent(entry.id(), entry);
                assertThat(before == null || before.equals(entry))
                        .as("a redelivery is the same envelope")
                        .isTrue();
                if (request.acknowledged().get(i)) {
                    acknowledgedIds.add(entry.id());
                }
            }
            request.entries().stream()
                    .map(Envelope::accountId)
                    .distinct()
                    .forEach(account ->
                            acknowledged.put(account, contiguousPrefix(outbox.get(account), acknowledgedIds)));
        }
        assertThat(acknowledgedIds)
                .containsExactlyInAnyOrderElementsOf(outbox.values().stream()
                        .flatMap(List::stream)
                        .map(Envelope::id)
                        .toList());
        assertThat(eventBridge.requests().size())
                .as("faults happened")
                .isGreaterThan(ACCOUNTS * EVENTS_PER_ACCOUNT / 10);
    }

    private static int contiguousPrefix(List<Envelope> events, Set<UUID> acknowledged) {
        int prefix = 0;
        while (prefix < events.size()
                && acknowledged.contains(events.get(prefix).id())) {
            prefix++;
        }
        return prefix;
    }

    private static boolean allPublished(Map<String, List<Envelope>> outbox, Map<String, Integer> published) {
        return outbox.entrySet().stream()
                .allMatch(e -> published.get(e.getKey()) == e.getValue().size());
    }

    private static Map<String, List<Envelope>> outbox() {
        Map<String, List<Envelope>> outbox = new LinkedHashMap<>();
        for (int a = 1; a <= ACCOUNTS; a++) {
            outbox.put("acct-" + a, EventBridgeBusTest.events("acct-" + a, EVENTS_PER_ACCOUNT));
        }
        return outbox;
    }
}
