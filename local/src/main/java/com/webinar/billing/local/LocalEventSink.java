package com.webinar.billing.local;

import com.webinar.billing.app.events.Delivery;
import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.app.events.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** Local mode's event bus: keeps what the relay published, in publication order, for {@code dev-events}. */
@ApplicationScoped
public class LocalEventSink implements EventBus {
    /** The most events kept; the oldest go first. */
    static final int KEPT = 100_000;

    private final List<Envelope> published = new ArrayList<>();

    @Override
    public int maxEntriesPerCall() {
        return 100;
    }

    @Override
    public synchronized List<Delivery> publish(List<Envelope> entries) {
        published.addAll(entries);
        if (published.size() > KEPT) {
            published.subList(0, published.size() - KEPT).clear();
        }
        notifyAll();
        return Collections.nCopies(entries.size(), Delivery.ACCEPTED);
    }

    /** What was published, in publication order; only the account's events when {@code accountId} is given. */
    public synchronized List<Envelope> published(String accountId) {
        return published.stream()
                .filter(event -> accountId == null || event.accountId().equals(accountId))
                .toList();
    }

    /** Waits at most {@code timeout} for an event that {@code wanted} matches; answers it, or null. */
    public synchronized Envelope await(Predicate<Envelope> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Envelope event : published) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
