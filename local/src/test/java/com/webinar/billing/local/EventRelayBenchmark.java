package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.webinar.billing.app.events.Delivery;
import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.app.events.EventBus;
import com.webinar.billing.app.events.OutboxRelay;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events per second the relay drains from 100,000 outbox rows (10,000 accounts x 10 events) into a stub bus with
 * EventBridge's limits (10 entries and 256 KB per call) that accepts everything at once, so the figure is the
 * relay's and the database's, not the network's. Not a test: it runs only with {@code -Dbenchmark}
 * (docs/benchmarks.md, "Event relay").
 */
@QuarkusTest
class EventRelayBenchmark {
    static final int RUNS = 3;

    @Inject
    Api api;

    @Inject
    OutboxRelay relay;

    /** Accepts every entry, answering as EventBridge's limits allow; optionally waits as a network would. */
    static final class StubBus implements EventBus {
        final long latencyMillis = Long.getLong("benchmark.bus-latency-ms", 0);

        @Override
        public int maxEntriesPerCall() {
            return 10;
        }

        @Override
        public long maxBytesPerCall() {
            return 256 * 1024;
        }

        @Override
        public long sizeOf(Envelope entry) {
            return entry.toJson().getBytes(StandardCharsets.UTF_8).length
                    + entry.type().length();
        }

        @Override
        public List<Delivery> publish(List<Envelope> entries) {
            if (latencyMillis > 0) {
                try {
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Collections.nCopies(entries.size(), Delivery.ACCEPTED);
        }
    }

    @Test
    void events_per_second_drained_from_100_000_rows() {
        assumeTrue(System.getProperty("benchmark") != null, "run with -Dbenchmark");
        int accounts = Integer.getInteger("benchmark.accounts", 10_000);
        int perAccount = 10;
        StringBuilder out = new StringBuilder("\n== event relay drain benchmark ==\n");
        out.append(String.format(
                "load average at start: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        StubBus bus = new StubBus();
        drain(bus); // what other tests left behind
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            String prefix = "bench-relay-" + run + "-" + System.nanoTime() + "-";
            seed(prefix, accounts, perAccount);
            long started = System.nanoTime();
            long published = drain(bus);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(published).isGreaterThanOrEqualTo((long) accounts * perAccount);
            assertThat(api.count(
                            "select count(*) from outbox_event where account_id like ? and published_at is null",
                            prefix + "%"))
                    .isZero();
            rates.add(published / seconds);
            out.append(String.format(
                    "run %d: %d events in %.2f s: %.0f events/s%n", run, published, seconds, published / seconds));
        }
        Collections.sort(rates);
        out.append(String.format(
                "RESULT events=%d bus_latency_ms=%d median_events_per_second=%.0f load_average=%.2f%n",
                accounts * perAccount,
                bus.latencyMillis,
                rates.get(RUNS / 2),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(out);
    }

    private long drain(EventBus bus) {
        long published = 0;
        OutboxRelay.Pass pass;
        do {
            pass = relay.publishPending(bus);
            published += pass.published();
        } while (pass.published() > 0);
        return published;
    }

    private void seed(String prefix, int accounts, int perAccount) {
        api.execute("""
                insert into account (id, plan, billing_period, cycle_start, currency, time_zone, cycle_turns_at,
                                     created_at, updated_at, last_event_sequence)
                select ? || g, 'LIVE', 'MONTHLY', date '2030-01-01', 'EUR', 'UTC', timestamptz '2030-01-31 00:00Z',
                       now(), now(), ?
                  from generate_series(1, ?) g
                """, prefix, perAccount, accounts);
        api.execute("""
                insert into outbox_event (id, type, account_id, sequence, payload, created_at)
                select gen_random_uuid(), 'addon.purchased', ? || a, s,
                       jsonb_build_object('purchaseId', gen_random_uuid(), 'addOn', 'PRESENTERS', 'quantity', 2,
                                          'amountMinor', 4000, 'currency', 'EUR'),
                       now()
                  from generate_series(1, ?) a cross join generate_series(1, ?) s
                """, prefix, accounts, perAccount);
        api.execute("analyze outbox_event");
    }
}
