package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract check itself: it lets a documented exchange through and refuses each kind of drift. */
class ContractTest {
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String ENTITLEMENTS =
            "{\"presenterSeats\":5,\"parallelEvents\":1,\"storageGb\":0,\"recordingHours\":0,"
                    + "\"subAccountSeats\":{\"total\":0,\"used\":0,\"free\":0}}";
    private static final String INVALID =
            "{\"type\":\"urn:addon-billing:problem:invalid_request\",\"title\":\"Invalid request\",\"status\":400,"
                    + "\"detail\":\"unknown field 'x'\",\"code\":\"invalid_request\"}";

    private final Contract contract = Contract.instance();

    private static Contract.Exchange exchange(
            String path, String token, String body, int status, String contentType, String answer) {
        Map<String, List<String>> headers = token == null
                ? Map.of("Content-Type", List.of(JSON))
                : Map.of("Content-Type", List.of(JSON), "Authorization", List.of("Bearer " + token));
        return new Contract.Exchange("POST", path, headers, body, status, contentType, answer);
    }

    @Test
    void a_documented_exchange_passes() {
        assertThatCode(() -> contract.check(exchange("/entitlements", "t", "{}", 200, JSON, ENTITLEMENTS)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_request_the_contract_refuses_passes_when_the_function_refuses_it_too() {
        assertThatCode(() -> contract.check(exchange("/entitlements", "t", "{\"x\":1}", 400, PROBLEM, INVALID)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_call_without_its_bearer_token_must_be_refused() {
        Contract.Exchange anonymous = new Contract.Exchange(
                "POST", "/entitlements", Map.of("Content-Type", List.of(JSON)), "{}", 200, JSON, ENTITLEMENTS);

        assertThatThrownBy(() -> contract.check(anonymous))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the contract refuses the request")
                .hasMessageContaining("requires security parameters");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an answer with an undocumented field | /entitlements | {}       | 200 | application/json | "
                        + "{\"presenterSeats\":5,\"parallelEvents\":1,\"storageGb\":0,\"recordingHours\":0,"
                        + "\"subAccountSeats\":{\"total\":0,\"used\":0,\"free\":0},\"bonusSeats\":3} "
                        + "| bonusSeats",
                "an answer missing a field            | /entitlements | {}       | 200 | application/json | "
                        + "{\"presenterSeats\":5,\"parallelEvents\":1,\"storageGb\":0,\"recordingHours\":0} "
                        + "| subAccountSeats",
                "an answer with a wrong type          | /entitlements | {}       | 200 | application/json | "
                        + "{\"presenterSeats\":\"5\",\"parallelEvents\":1,\"storageGb\":0,\"recordingHours\":0,"
                        + "\"subAccountSeats\":{\"total\":0,\"used\":0,\"free\":0}} | presenterSeats",
                "an undocumented status (a 500 is a bug) | /entitlements | {}    | 500 | application/problem+json | "
                        + "{\"type\":\"urn:addon-billing:problem:internal_error\",\"title\":\"Internal error\","
                        + "\"status\":500,\"detail\":\"d\",\"code\":\"internal_error\"} | 500",
                "an error code the function does not answer | /entitlements | {} | 400 | application/problem+json | "
                        + "{\"type\":\"urn:addon-billing:problem:invalid_signature\",\"title\":\"t\",\"status\":400,"
                        + "\"detail\":\"d\",\"code\":\"invalid_signature\"} | must be the constant value 'invalid_request'",
                "a request the contract refuses, accepted | /entitlements | {\"x\":1} | 200 | application/json | "
                        + "{\"presenterSeats\":5,\"parallelEvents\":1,\"storageGb\":0,\"recordingHours\":0,"
                        + "\"subAccountSeats\":{\"total\":0,\"used\":0,\"free\":0}} | the contract refuses the request",
                "an undocumented function              | /dev-anything | {}       | 200 | application/json | {} "
                        + "| neither docs/openapi.yaml nor docs/openapi-local.yaml",
            })
    void drift_from_the_document_is_refused(
            String why, String path, String body, int status, String contentType, String answer, String said) {
        assertThatThrownBy(() -> contract.check(exchange(path, "t", body, status, contentType, answer)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(said);
    }

    /** Api.given() adds the check; a request started from RestAssured directly would not be checked. */
    @Test
    void every_http_test_sends_its_requests_through_api_given() throws IOException {
        Path tests = Path.of("src/test/java");
        try (Stream<Path> files = Files.walk(tests)) {
            List<Path> bypassing = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !List.of("Api.java", "ContractTest.java")
                            .contains(f.getFileName().toString()))
                    .filter(f -> read(f).contains("RestAssured.given")
                            || read(f).contains("RestAssured.when")
                            || read(f).contains("import static io.restassured.RestAssured"))
                    .toList();
            assertThat(bypassing).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
