package com.webinar.billing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.events.Envelope;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.List;

/** SPEC §6: what the platform would have received, in publication order ({@code {}} or {@code {accountId}}). */
public class DevEvents {

    public record EventsRequest(String accountId) {}

    public record Events(List<Envelope> events) {}

    @Inject
    LocalEventSink sink;

    @Funq("dev-events")
    public Events events(JsonNode body) {
        return new Events(
                sink.published(JsonBodies.read(body, EventsRequest.class).accountId()));
    }
}
