package com.webinar.billing.functions.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webinar.billing.dev.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deployed path: API Gateway hands the Lambda an HTTP API (payload 2.0) event, not an HTTP request. Posting
 * that raw event to the mock event server's {@code /_lambda_} runs exactly what the Lambda runtime runs.
 */
@QuarkusTest
class QuoteLambdaEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_api_gateway_v2_event_gets_a_quote_in_a_v2_response() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        String owner = "owner-" + account;
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement()) {
            // a cycle that started today in UTC: the first day of a cycle costs the full price
            // today in UTC, whatever the zone of this machine (current_date is in the session's, the JVM's, zone)
            s.execute(
                    "insert into account values ('" + account
                            + "', 'LIVE', 'MONTHLY', (now() at time zone 'UTC')::date,"
                            + " 'EUR', 'UTC', ((now() at time zone 'UTC')::date + 30)::timestamp at time zone 'UTC', now(), now())");
            s.execute("insert into app_user values ('" + owner + "', '" + account + "', 'OWNER', null, 'Owner')");
        }
        String event = JSON.writeValueAsString(JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "POST /quote")
                .put("rawPath", "/quote")
                .put("rawQueryString", "")
                .put("body", "{\"addOn\":\"PRESENTERS\",\"quantity\":2}")
                .put("isBase64Encoded", false)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "headers",
                        JSON.createObjectNode()
                                .put("content-type", "application/json")
                                .put("authorization", "Bearer " + DevTokens.forUser(owner)))
                .set(
                        "requestContext",
                        JSON.createObjectNode()
                                .put("routeKey", "POST /quote")
                                .put("stage", "$default")
                                .put("requestId", "test-request")
                                .set(
                                        "http",
                                        JSON.createObjectNode()
                                                .put("method", "POST")
                                                .put("path", "/quote")
                                                .put("protocol", "HTTP/1.1")
                                                .put("sourceIp", "127.0.0.1"))));

        String answer = given().contentType("application/json")
                .body(event)
                .post("/_lambda_")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        JsonNode response = JSON.readTree(answer);
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode quote = JSON.readTree(response.get("body").asText());
        assertThat(quote.get("cyclePrice").asText()).isEqualTo("40.00");
        assertThat(quote.get("chargeNow").asText()).isEqualTo("40.00");
        assertThat(quote.get("daysRemaining").asInt()).isEqualTo(30);
    }

    @Test
    void a_v2_event_without_a_token_answers_a_401_problem() throws Exception {
        String event =
                "{\"version\":\"2.0\",\"routeKey\":\"POST /quote\",\"rawPath\":\"/quote\",\"rawQueryString\":\"\","
                        + "\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{}\",\"isBase64Encoded\":false,"
                        + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/quote\",\"protocol\":\"HTTP/1.1\","
                        + "\"sourceIp\":\"127.0.0.1\"}}}";

        JsonNode response = JSON.readTree(given().contentType("application/json")
                .body(event)
                .post("/_lambda_")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(response.get("statusCode").asInt()).isEqualTo(401);
        assertThat(JSON.readTree(response.get("body").asText()).get("code").asText())
                .isEqualTo("unauthenticated");
    }
}
