package com.webinar.billing.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.PlainText;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a function's JSON body strictly: unknown fields, wrong types and coerced scalars are refused with
 * {@code 400 invalid_request}. Funqy's own mapper is lenient on purpose (it ignores unknown fields), so
 * every function takes a {@link JsonNode} and reads it here. Text must be {@link PlainText}; a key given twice is
 * refused when the body is parsed ({@link DuplicateKeys}).
 */
public final class JsonBodies {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private JsonBodies() {}

    public static <T> T read(JsonNode body, Class<T> type) {
        JsonNode object = body == null || body.isNull() ? STRICT.createObjectNode() : body;
        if (!object.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        requirePlainText(object, "");
        try {
            return STRICT.treeToValue(object, type);
        } catch (UnrecognizedPropertyException e) {
            throw invalid("unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof BillingException refusal) {
                throw refusal;
            }
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw invalid(field.isEmpty() ? "the body does not match this function" : "'" + field + "' is not valid");
        } catch (Exception e) {
            throw invalid("the body does not match this function");
        }
    }

    /** Every string and field name of the body, however deep (see {@link PlainText}). */
    private static void requirePlainText(JsonNode node, String path) {
        if (node.isTextual()) {
            PlainText.require(node.textValue(), path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requirePlainText(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                PlainText.require(field.getKey(), "a field name");
                requirePlainText(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        }
    }

    private static BillingException invalid(String detail) {
        return new BillingException(BillingError.INVALID_REQUEST, detail);
    }
}
