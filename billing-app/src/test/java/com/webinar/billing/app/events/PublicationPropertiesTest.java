package com.webinar.billing.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Whatever the bus answers, what a publication marks of an account is a prefix of its pending events. */
class PublicationPropertiesTest {

    /** A bus answering each entry from a script (cycled), with small limits, remembering every call. */
    static final class ScriptedBus implements EventBus {
        final List<Delivery> script;
        final List<List<Envelope>> calls = new ArrayList<>();
        int next;

        ScriptedBus(List<Delivery> script) {
            this.script = script;
        }

        @Override
        public int maxEntriesPerCall() {
            return 4;
        }

        @Override
        public long maxBytesPerCall() {
            return 300;
        }

        @Override
        public long sizeOf(Envelope entry) {
            return entry.data().length();
        }

        @Override
        public List<Delivery> publish(List<Envelope> entries) {
            calls.add(List.copyOf(entries));
            List<Delivery> answers = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                answers.add(script.get(next++ % script.size()));
            }
            return answers;
        }
    }

    @Provide
    Arbitrary<List<Delivery>> scripts() {
        return Arbitraries.of(Delivery.class)
                .list()
                .ofMinSize(1)
                .ofMaxSize(30)
                .filter(script -> script.contains(Delivery.ACCEPTED) || script.size() < 3);
    }

    @Property
    void an_accounts_published_events_are_a_prefix_and_no_event_goes_out_after_a_refused_one(
            @ForAll("scripts") List<Delivery> script,
            @ForAll @IntRange(min = 1, max = 6) int accounts,
            @ForAll @IntRange(min = 1, max = 12) int perAccount) {
        List<Envelope> pending = pending(accounts, perAccount);
        ScriptedBus bus = new ScriptedBus(script);

        Publication.Outcome outcome = Publication.publish(pending, bus);

        Map<String, Long> marked = new HashMap<>();
        for (Envelope accepted : outcome.accepted()) {
            assertThat(accepted.sequence()).isEqualTo(marked.getOrDefault(accepted.accountId(), 0L) + 1);
            marked.put(accepted.accountId(), accepted.sequence());
        }
        Set<String> refused = new HashSet<>();
        int answered = 0;
        for (List<Envelope> call : bus.calls) {
            assertThat(call.size()).isBetween(1, bus.maxEntriesPerCall());
            assertThat(call.stream().mapToLong(bus::sizeOf).sum()).isLessThanOrEqualTo(bus.maxBytesPerCall());
            for (Envelope entry : call) {
                assertThat(refused)
                        .as("sent after one of its account was refused")
                        .doesNotContain(entry.accountId());
            }
            Set<String> refusedInCall = new HashSet<>();
            for (Envelope entry : call) {
                if (script.get(answered++ % script.size()) != Delivery.ACCEPTED) {
                    refusedInCall.add(entry.accountId());
                }
            }
            refused.addAll(refusedInCall);
        }
        assertThat(outcome.failed()).isEqualTo(refused.size());
    }

    @Test
    void a_bus_that_accepts_everything_gets_everything_in_order() {
        List<Envelope> pending = pending(3, 5);

        Publication.Outcome outcome = Publication.publish(pending, new ScriptedBus(List.of(Delivery.ACCEPTED)));

        assertThat(outcome.accepted()).isEqualTo(pending);
        assertThat(outcome.failed()).isZero();
    }

    @Test
    void the_envelope_is_written_as_the_platform_reads_it() {
        Envelope envelope = new Envelope(
                UUID.fromString("0b6f3c1e-5d3a-4a8e-9a51-2f0c7d1e9b42"),
                "addon.purchased",
                "acme",
                42,
                Instant.parse("2026-01-22T10:15:00.123Z"),
                "{\"purchaseId\":\"p1\",\"amountMinor\":6000}");

        assertThat(envelope.toJson())
                .isEqualTo("{\"id\":\"0b6f3c1e-5d3a-4a8e-9a51-2f0c7d1e9b42\",\"type\":\"addon.purchased\","
                        + "\"accountId\":\"acme\",\"sequence\":42,\"occurredAt\":\"2026-01-22T10:15:00.123Z\","
                        + "\"data\":{\"purchaseId\":\"p1\",\"amountMinor\":6000}}");
    }

    /** Pending events in (account, sequence) order, of varied sizes. */
    static List<Envelope> pending(int accounts, int perAccount) {
        List<Envelope> pending = new ArrayList<>();
        for (int a = 1; a <= accounts; a++) {
            for (int s = 1; s <= perAccount; s++) {
                pending.add(new Envelope(
                        UUID.randomUUID(),
                        "t",
                        "acct-" + a,
                        s,
                        Instant.EPOCH,
                        "{\"pad\":\"" + "x".repeat((a * 31 + s * 17) % 90) + "\"}"));
            }
        }
        return pending;
    }
}
