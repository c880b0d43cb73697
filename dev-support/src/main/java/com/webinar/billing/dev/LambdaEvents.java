package com.webinar.billing.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a function module's own test sends to the Lambda mock event server's {@code /_lambda_}: the event API
 * Gateway's HTTP API (payload 2.0) hands the deployed Lambda, and how to read its answer. Tests only.
 */
public final class LambdaEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PROBLEM_TYPE = "urn:addon-billing:problem:";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The owner of an account a test made for itself. */
    public record Owner(String accountId, String userId) {
        public String token() {
            return DevTokens.forUser(userId);
        }
    }

    private LambdaEvents() {}

    /**
     * Hands the event to the function as the Lambda runtime would: through the mock event server's {@code
     * /_lambda_} (on {@code quarkus.lambda.mock-event-server.test-port}). Answers the Lambda's answer.
     */
    public static String send(String event) {
        int port = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.lambda.mock-event-server.test-port", Integer.class)
                .orElse(8081);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the mock event server answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new account as {@link #insertAccountStartingToday} makes it. */
    public static Owner newAccount(DataSource dataSource) {
        String accountId = "acct-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            return new Owner(accountId, insertAccountStartingToday(c, accountId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /<function>} with a JSON body and a bearer token (none when null). */
    public static String post(String function, String token, String body) {
        return token == null
                ? post(function, Map.of("content-type", "application/json"), body, false)
                : post(
                        function,
                        Map.of("content-type", "application/json", "authorization", "Bearer " + token),
                        body,
                        false);
    }

    /** The event as API Gateway builds it; {@code base64} as it does for a body it does not take for text. */
    public static String post(String function, Map<String, String> headers, String body, boolean base64) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "POST /" + function)
                .put("rawPath", "/" + function)
                .put("rawQueryString", "")
                .put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body)
                .put("isBase64Encoded", base64);
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        ObjectNode context = event.putObject("requestContext")
                .put("routeKey", "POST /" + function)
                .put("stage", "$default")
                .put("requestId", "test-request");
        context.putObject("http")
                .put("method", "POST")
                .put("path", "/" + function)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1");
        return event.toString();
    }

    /** The HTTP status of the Lambda's answer (an HTTP API payload 2.0 response). */
    public static int statusOf(String answer) {
        return read(answer).get("statusCode").asInt();
    }

    /** A refusal as a test expects it: the HTTP status and the problem's code. */
    public record Refusal(int status, String code) {}

    /**
     * The answer read as a refusal: its status, and its problem+json's code, which must agree with the problem's
     * {@code type} ({@code urn:addon-billing:problem:<code>}); a disagreement answers a code saying so.
     */
    public static Refusal refusalOf(String answer) {
        JsonNode problem = bodyOf(answer);
        String code = problem.path("code").asText();
        String type = problem.path("type").asText();
        return new Refusal(
                statusOf(answer),
                type.equals(PROBLEM_TYPE + code) ? code : "code " + code + " disagrees with type " + type);
    }

    /** The JSON body of the Lambda's answer. */
    public static JsonNode bodyOf(String answer) {
        String body = read(answer).get("body").asText();
        return read(body.isEmpty() ? "{}" : body);
    }

    /**
     * An account whose monthly EUR cycle starts today in UTC (whatever the machine's zone), with its owner {@code
     * owner-<accountId>}: the owner's first day costs the full cycle price. Answers the owner's id.
     */
    public static String insertAccountStartingToday(Connection connection, String accountId) throws SQLException {
        String owner = "owner-" + accountId;
        try (Statement s = connection.createStatement()) {
            s.execute("insert into account values ('" + accountId
                    + "', 'LIVE', 'MONTHLY', (now() at time zone 'UTC')::date, 'EUR', 'UTC',"
                    + " ((now() at time zone 'UTC')::date + 30)::timestamp at time zone 'UTC', now(), now())");
            s.execute("insert into app_user values ('" + owner + "', '" + accountId + "', 'OWNER', null, 'Owner')");
        }
        return owner;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
