package com.webinar.billing.eventbridge;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.webinar.billing.app.events.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * WireMock playing EventBridge's {@code PutEvents} (AWS JSON 1.1 over HTTP): each request gets the answer the test's
 * script gives, and every entry it answered as accepted is logged, so a test can say what the platform received.
 */
public final class FakeEventBridge implements ResponseDefinitionTransformerV2 {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How one HTTP request is answered. */
    public sealed interface Answer {}

    /** 200: every entry accepted but those {@code refused} matches (answered with {@code errorCode}). */
    public record Accept(Predicate<Envelope> refused, String errorCode) implements Answer {}

    public record ServerError() implements Answer {}

    public record Throttle() implements Answer {}

    /** 200 with everything accepted, but later than the client waits: it never learns the answer. */
    public record TooSlow(Duration delay) implements Answer {}

    public static final Answer ACCEPT_ALL = new Accept(entry -> false, null);

    /** One HTTP request as received: its entries and whether the client got the answer "accepted" for each. */
    public record Request(List<Envelope> entries, List<Boolean> acknowledged, List<JsonNode> raw) {}

    private final List<Request> requests = new ArrayList<>();
    private volatile Supplier<Answer> script = () -> ACCEPT_ALL;
    private final WireMockServer server;

    public FakeEventBridge() {
        server = new WireMockServer(options().dynamicPort().extensions(this));
        server.start();
    }

    public void script(Supplier<Answer> script) {
        this.script = script;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public void shutdown() {
        server.stop();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    EventBridgeClient client(Duration attemptTimeout) {
        return EventBridgeClients.client(
                new EventBridgeClients.Settings(
                        Duration.ofSeconds(1),
                        attemptTimeout,
                        attemptTimeout.multipliedBy(3).plusSeconds(1),
                        3,
                        Duration.ofMillis(5),
                        Duration.ofMillis(50)),
                Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                java.util.Optional.of(URI.create(server.baseUrl())));
    }

    @Override
    public String getName() {
        return "fake-eventbridge";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode body = read(event.getRequest().getBodyAsString());
        List<JsonNode> raw = new ArrayList<>();
        List<Envelope> entries = new ArrayList<>();
        for (JsonNode entry : body.path("Entries")) {
            raw.add(entry);
            entries.add(envelope(entry.path("Detail").asText()));
        }
        Answer answer = "AWSEvents.PutEvents".equals(event.getRequest().getHeader("X-Amz-Target"))
                ? script.get()
                : new ServerError();
        List<Boolean> acknowledged = new ArrayList<>();
        ResponseDefinitionBuilder response =
                ResponseDefinitionBuilder.responseDefinition().withHeader("Content-Type", "application/x-amz-json-1.1");
        switch (answer) {
            case Accept accept -> {
                ObjectNode result = JSON.createObjectNode();
                ArrayNode results = result.putArray("Entries");
                int failed = 0;
                for (Envelope entry : entries) {
                    boolean refused = accept.refused().test(entry);
                    acknowledged.add(!refused);
                    if (refused) {
                        failed++;
                        results.addObject().put("ErrorCode", accept.errorCode()).put("ErrorMessage", "refused");
                    } else {
                        results.addObject().put("EventId", UUID.randomUUID().toString());
                    }
                }
                result.put("FailedEntryCount", failed);
                response.withStatus(200).withBody(result.toString());
            }
            case ServerError error -> {
                entries.forEach(entry -> acknowledged.add(false));
                response.withStatus(500).withBody("{\"__type\":\"InternalException\",\"message\":\"try again\"}");
            }
            case Throttle throttle -> {
                entries.forEach(entry -> acknowledged.add(false));
                response.withStatus(400).withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
            }
            case TooSlow slow -> {
                entries.forEach(entry -> acknowledged.add(false));
                response.withStatus(200)
                        .withFixedDelay((int) slow.delay().toMillis())
                        .withBody("{\"FailedEntryCount\":0,\"Entries\":" + entriesAccepted(entries.size()) + "}");
            }
        }
        synchronized (this) {
            requests.add(new Request(entries, acknowledged, raw));
        }
        return response.build();
    }

    private static String entriesAccepted(int count) {
        ArrayNode results = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            results.addObject().put("EventId", UUID.randomUUID().toString());
        }
        return results.toString();
    }

    static Envelope envelope(String detail) {
        JsonNode json = read(detail);
        return new Envelope(
                UUID.fromString(json.path("id").asText()),
                json.path("type").asText(),
                json.path("accountId").asText(),
                json.path("sequence").asLong(),
                java.time.Instant.parse(json.path("occurredAt").asText()),
                json.path("data").toString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
