package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.model.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Commit-to-published latency in local mode: an event is committed, and the time until the local relay (the
 * background worker) has put it in the sink is measured, one event at a time. Not a test: it runs only with
 * {@code -Dbenchmark} (docs/benchmarks.md, "Event relay").
 */
@QuarkusTest
@TestProfile(EventsLocalModeTest.RelayOn.class)
class EventLatencyBenchmark {
    static final int RUNS = 3;

    @Inject
    Api api;

    @Inject
    OutboxRepository outbox;

    @Inject
    LocalEventSink sink;

    @Test
    void commit_to_published_latency_in_local_mode() throws Exception {
        assumeTrue(System.getProperty("benchmark") != null, "run with -Dbenchmark");
        int events = Integer.getInteger("benchmark.latency-events", 200);
        StringBuilder out = new StringBuilder("\n== event relay latency benchmark (local mode) ==\n");
        out.append(String.format(
                "load average at start: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        List<double[]> runs = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "UTC");
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                UUID id = QuarkusTransaction.requiringNew()
                        .call(() -> outbox.append(account.id(), "bench.latency", "{}", Instant.now()).id);
                long committed = System.nanoTime();
                Envelope published = sink.await(event -> event.id().equals(id), Duration.ofSeconds(30));
                micros.add((System.nanoTime() - committed) / 1_000);
                assertThat(published)
                        .as(
                                "published within 30 s (row: %s, unpublished: %d, sink: %d)",
                                api.text("select published_at::text from outbox_event where id = ?", id),
                                api.count("select count(*) from outbox_event where published_at is null"),
                                sink.published(null).size())
                        .isNotNull();
            }
            Collections.sort(micros);
            double p50 = micros.get(events / 2) / 1000.0;
            double p99 = micros.get(events * 99 / 100) / 1000.0;
            runs.add(new double[] {p50, p99});
            out.append(String.format("run %d: %d events, p50 %.1f ms, p99 %.1f ms%n", run, events, p50, p99));
        }
        runs.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] median = runs.get(RUNS / 2);
        out.append(String.format(
                "RESULT latency_p50_ms=%.1f latency_p99_ms=%.1f load_average=%.2f%n",
                median[0],
                median[1],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(out);
    }
}
