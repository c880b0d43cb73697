package com.webinar.billing.eventbridge;

import com.webinar.billing.app.events.Delivery;
import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.app.events.EventBus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The outbox published to an Amazon EventBridge bus with {@code PutEvents}: {@code Source} the product's name,
 * {@code DetailType} the event's type, {@code Detail} the whole envelope. The SDK client retries a call that failed
 * as a whole (throttling, 5xx, timeouts) with back-off; what still fails, and each entry EventBridge refused
 * ({@code FailedEntryCount}), is answered FAILED or THROTTLED, for the relay to send again later.
 */
public final class EventBridgeBus implements EventBus {
    private static final Logger LOG = Logger.getLogger(EventBridgeBus.class);
    /** PutEvents takes at most 10 entries of 256 KB together. */
    static final int MAX_ENTRIES = 10;

    static final long MAX_BYTES = 256 * 1024;
    static final String THROTTLED = "ThrottlingException";

    private final EventBridgeClient client;
    private final String busName;
    private final String source;

    public EventBridgeBus(EventBridgeClient client, String busName, String source) {
        this.client = client;
        this.busName = busName;
        this.source = source;
    }

    @Override
    public int maxEntriesPerCall() {
        return MAX_ENTRIES;
    }

    @Override
    public long maxBytesPerCall() {
        return MAX_BYTES;
    }

    /** EventBridge's count: the UTF-8 bytes of Source, DetailType and Detail (no Time or Resources are sent). */
    @Override
    public long sizeOf(Envelope entry) {
        return utf8(source) + utf8(entry.type()) + utf8(entry.toJson());
    }

    @Override
    public List<Delivery> publish(List<Envelope> entries) {
        List<Delivery> deliveries = new ArrayList<>(Collections.nCopies(entries.size(), Delivery.FAILED));
        List<Integer> sent = new ArrayList<>(entries.size());
        List<PutEventsRequestEntry> request = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Envelope entry = entries.get(i);
            if (sizeOf(entry) > MAX_BYTES) {
                // EventBridge would refuse the whole call: this one waits, and the age alarm tells someone
                LOG.errorf(
                        "event %s (%s) is over EventBridge's 256 KB and cannot be published", entry.id(), entry.type());
                continue;
            }
            sent.add(i);
            request.add(PutEventsRequestEntry.builder()
                    .eventBusName(busName)
                    .source(source)
                    .detailType(entry.type())
                    .detail(entry.toJson())
                    .build());
        }
        if (request.isEmpty()) {
            return deliveries;
        }
        try {
            PutEventsResponse response = client.putEvents(put -> put.entries(request));
            List<PutEventsResultEntry> results = response.entries();
            if (results.size() != request.size()) {
                LOG.warnf("EventBridge answered %d entries for %d sent", results.size(), request.size());
                return deliveries;
            }
            for (int i = 0; i < results.size(); i++) {
                deliveries.set(sent.get(i), delivery(results.get(i), entries.get(sent.get(i))));
            }
        } catch (AwsServiceException e) {
            LOG.warnf("PutEvents failed (%d entries): %s", request.size(), e.toString());
            Delivery all = e.isThrottlingException() ? Delivery.THROTTLED : Delivery.FAILED;
            sent.forEach(i -> deliveries.set(i, all));
        } catch (SdkException e) {
            LOG.warnf("PutEvents got no answer (%d entries): %s", request.size(), e.toString());
        }
        return deliveries;
    }

    private static Delivery delivery(PutEventsResultEntry result, Envelope entry) {
        if (result.errorCode() == null) {
            return Delivery.ACCEPTED;
        }
        LOG.warnf("EventBridge refused event %s: %s %s", entry.id(), result.errorCode(), result.errorMessage());
        return THROTTLED.equals(result.errorCode()) ? Delivery.THROTTLED : Delivery.FAILED;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
