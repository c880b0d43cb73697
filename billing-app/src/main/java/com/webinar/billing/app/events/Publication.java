package com.webinar.billing.app.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Publishes pending envelopes, given in (account, sequence) order, in calls the bus takes. An account stops at its
 * first entry the bus did not take: none of its later entries is sent after that, and one the bus took in the same
 * call is not counted as published (it is sent again later, under the same id). So what is published of an
 * account is always a prefix of its pending events, and the relay never skips one.
 */
public final class Publication {
    private static final Logger LOG = Logger.getLogger(Publication.class);

    /** What one publication did: the envelopes to mark published, and whether the bus pushed back. */
    public record Outcome(List<Envelope> accepted, int failed, boolean throttled, int calls) {}

    private Publication() {}

    public static Outcome publish(List<Envelope> pending, EventBus bus) {
        Set<String> stopped = new HashSet<>();
        List<Envelope> accepted = new ArrayList<>(pending.size());
        int failed = 0;
        int calls = 0;
        int next = 0;
        while (next < pending.size()) {
            List<Envelope> call = new ArrayList<>(bus.maxEntriesPerCall());
            long bytes = 0;
            while (next < pending.size() && call.size() < bus.maxEntriesPerCall()) {
                Envelope entry = pending.get(next);
                long size = bus.sizeOf(entry);
                if (!call.isEmpty() && bytes + size > bus.maxBytesPerCall()) {
                    break;
                }
                next++;
                if (!stopped.contains(entry.accountId())) {
                    call.add(entry);
                    bytes += size;
                }
            }
            if (call.isEmpty()) {
                continue;
            }
            List<Delivery> deliveries = deliver(call, bus);
            calls++;
            boolean throttled = false;
            boolean anyAccepted = false;
            for (int i = 0; i < call.size(); i++) {
                Envelope entry = call.get(i);
                if (stopped.contains(entry.accountId())) {
                    continue;
                }
                Delivery delivery = deliveries.get(i);
                if (delivery == Delivery.ACCEPTED) {
                    accepted.add(entry);
                    anyAccepted = true;
                } else {
                    stopped.add(entry.accountId());
                    failed++;
                    throttled |= delivery == Delivery.THROTTLED;
                }
            }
            if (throttled || !anyAccepted) {
                // the bus asks us to slow down, or took nothing: the rest waits for the next pass, after a back-off
                return new Outcome(accepted, failed, throttled, calls);
            }
        }
        return new Outcome(accepted, failed, false, calls);
    }

    private static List<Delivery> deliver(List<Envelope> call, EventBus bus) {
        try {
            List<Delivery> deliveries = bus.publish(call);
            if (deliveries.size() != call.size()) {
                throw new IllegalStateException(
                        "the bus answered " + deliveries.size() + " deliveries for " + call.size() + " entries");
            }
            return deliveries;
        } catch (RuntimeException e) {
            LOG.warnf("publishing %d events failed: %s", call.size(), e.toString());
            return call.stream().map(entry -> Delivery.FAILED).toList();
        }
    }
}
