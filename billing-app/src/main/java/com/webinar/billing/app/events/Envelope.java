package com.webinar.billing.app.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.webinar.billing.model.OutboxPublicationRepository.Pending;
import java.time.Instant;
import java.util.UUID;

/**
 * What the platform receives for every billing fact (docs/events.md): {@code id} is stable across redeliveries,
 * {@code sequence} counts the account's events from 1 with no gap, {@code data} is the fact itself (JSON).
 */
@JsonPropertyOrder({"id", "type", "accountId", "sequence", "occurredAt", "data"})
public record Envelope(
        UUID id,
        String type,
        String accountId,
        long sequence,
        Instant occurredAt,
        @JsonRawValue String data) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public static Envelope of(Pending row) {
        return new Envelope(row.id(), row.type(), row.accountId(), row.sequence(), row.occurredAt(), row.payload());
    }

    /** The envelope as one JSON object: EventBridge's {@code Detail}. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("envelope " + id + " cannot be written as JSON", e);
        }
    }
}
