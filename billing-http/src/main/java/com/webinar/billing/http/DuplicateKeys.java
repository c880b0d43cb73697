package com.webinar.billing.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A body with a key twice is refused (400) rather than read with its last value: {@code {"quantity":1,
 * "quantity":100}} means nothing we could act on. Funqy parses bodies with a copy of this mapper.
 */
@Singleton
public class DuplicateKeys implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
