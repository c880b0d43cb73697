package com.webinar.billing.local;

import com.webinar.billing.app.events.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Local mode's relay: a background thread publishing the outbox to {@link LocalEventSink} a few times a second,
 * as the event-relay Lambda does to EventBridge. Off in tests unless a test turns it on
 * ({@code billing.events.local-relay.enabled}).
 */
@ApplicationScoped
public class LocalEventRelay {
    private static final Logger LOG = Logger.getLogger(LocalEventRelay.class);
    static final Duration POLL = Duration.ofMillis(200);

    @Inject
    OutboxRelay relay;

    @Inject
    LocalEventSink sink;

    @ConfigProperty(name = "billing.events.local-relay.enabled", defaultValue = "true")
    boolean enabled;

    private volatile Thread worker;

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        worker = Thread.ofPlatform().daemon().name("local-event-relay").start(this::publishUntilStopped);
    }

    void stop(@Observes ShutdownEvent stopping) {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
        }
    }

    private void publishUntilStopped() {
        while (worker != null) {
            try {
                if (!relay.publishPending(sink).progress()) {
                    Thread.sleep(POLL);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (worker == null) {
                    return;
                }
                LOG.warnf("local event relay: %s", e.toString());
                try {
                    Thread.sleep(POLL.multipliedBy(5));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
