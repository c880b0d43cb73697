package com.webinar.billing.eventbridge;

import com.webinar.billing.app.events.Delivery;
import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.app.events.EventBus;
import com.webinar.billing.app.secrets.AnswersFromMemory;
import com.webinar.billing.app.snapstart.Primer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * SnapStart priming of the relay's publishing: the real bus is made (its EventBridge client, which connects and
 * resolves credentials only when it sends), and one {@code PutEvents} of an envelope goes through {@link
 * EventBridgeBus} and a throwaway client whose HTTP client answers from memory, with made-up credentials: the
 * request is marshalled and signed, the answer read, and nothing leaves the process.
 */
@ApplicationScoped
class EventBridgePriming implements Primer {
    private static final byte[] ANSWER =
            "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"priming\"}]}".getBytes(StandardCharsets.UTF_8);

    @Inject
    EventBus bus;

    @Override
    public String prime() {
        int entries = bus.maxEntriesPerCall();
        Envelope envelope =
                new Envelope(new UUID(0, 0), "snapstart.priming", "snapstart priming", 1, Instant.EPOCH, "{}");
        try (EventBridgeClient client = EventBridgeClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .httpClient(new AnswersFromMemory(ANSWER))
                .build()) {
            List<Delivery> deliveries = new EventBridgeBus(client, "priming", "priming").publish(List.of(envelope));
            return "the bus made (" + entries + " entries a call); PutEvents answered from memory: " + deliveries;
        }
    }
}
