package com.webinar.billing.app.events;

import com.webinar.billing.model.OutboxPublicationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes the transactional outbox (docs/events.md, "Delivery"): at least once, in sequence order per account,
 * an event marked published only after the bus took it. Each pass claims accounts no other relay holds, publishes
 * their first unpublished events and marks what the bus took, in one transaction: a relay that dies mid-pass
 * leaves its events unpublished, to be sent again under the same ids.
 */
@ApplicationScoped
public class OutboxRelay {
    static final int ACCOUNTS_PER_PASS = 100;
    static final int EVENTS_PER_ACCOUNT = 20;
    /** The advisory-lock key space in which the relay holds the accounts it publishes. */
    static final int LOCK_SPACE = 0x0E7E47;
    /** Published events are kept this long (the bus's archive keeps them as long), then pruned. */
    public static final Duration RETENTION = Duration.ofDays(30);

    static final int PRUNE_BATCH = 5_000;
    static final int PRUNE_BATCHES_PER_RUN = 20;
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(16);

    /** Waits between passes; a test passes one that returns at once. */
    @FunctionalInterface
    public interface Pause {
        void await(Duration duration) throws InterruptedException;
    }

    /** What one pass did; {@code progress} means "go on at once". */
    public record Pass(int published, int failed, boolean throttled) {
        public boolean progress() {
            return published > 0 && failed == 0;
        }
    }

    @Inject
    OutboxPublicationRepository outbox;

    @Inject
    Clock clock;

    /** One pass, in a transaction of its own. */
    public Pass publishPending(EventBus bus) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> accounts = outbox.claimAccounts(ACCOUNTS_PER_PASS, LOCK_SPACE);
            List<Envelope> pending = outbox.pendingOf(accounts, EVENTS_PER_ACCOUNT).stream()
                    .map(Envelope::of)
                    .toList();
            Publication.Outcome outcome = Publication.publish(pending, bus);
            outbox.markPublished(outcome.accepted().stream().map(Envelope::id).toList(), clock.instant());
            return new Pass(outcome.accepted().size(), outcome.failed(), outcome.throttled());
        });
    }

    /**
     * Publishes for {@code budget}: pass after pass while there is work, polling every {@link #POLL} when there is
     * none, and backing off (doubling up to {@link #MAX_BACKOFF}) while the bus refuses. Prunes first.
     */
    public RelayReport run(EventBus bus, Duration budget, Pause pause) {
        long deadline = System.nanoTime() + budget.toNanos();
        int pruned = prune();
        Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);
        int published = 0;
        int failed = 0;
        int passes = 0;
        while (true) {
            Pass pass = publishPending(bus);
            passes++;
            published += pass.published();
            failed += pass.failed();
            Duration wait;
            if (pass.failed() > 0) {
                wait = backoff.next();
            } else {
                backoff.reset();
                wait = pass.progress() ? Duration.ZERO : POLL;
            }
            if (System.nanoTime() + wait.toNanos() >= deadline) {
                break;
            }
            if (!wait.isZero()) {
                try {
                    pause.await(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return new RelayReport(published, failed, passes, pruned, oldestUnpublishedSeconds());
    }

    /** Deletes what was published more than {@link #RETENTION} ago, a batch at a time. */
    public int prune() {
        Instant before = clock.instant().minus(RETENTION);
        int pruned = 0;
        for (int i = 0; i < PRUNE_BATCHES_PER_RUN; i++) {
            int deleted =
                    QuarkusTransaction.requiringNew().call(() -> outbox.prunePublishedBefore(before, PRUNE_BATCH));
            pruned += deleted;
            if (deleted < PRUNE_BATCH) {
                break;
            }
        }
        return pruned;
    }

    /** How long the oldest unpublished event has waited, in whole seconds; 0 when none waits. */
    public long oldestUnpublishedSeconds() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.oldestUnpublished())
                .map(oldest -> Math.max(0, Duration.between(oldest, now).toSeconds()))
                .orElse(0L);
    }
}
