package com.webinar.billing.local;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A function that does not exist is a problem+json 404 like every other refusal, not the framework's page. */
@QuarkusTest
class UnknownFunctionTest {

    @Inject
    Api api;

    @ParameterizedTest(name = "POST /{0} is 404 not_found as problem+json")
    @ValueSource(strings = {"no-such-function", "quote/extra", "q/no-such-page", "QUOTE"})
    void an_unknown_function_is_a_problem_404(String path) {
        api.post(path, null, Map.of())
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:addon-billing:problem:not_found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("there is no such function"))
                .body("code", equalTo("not_found"));
    }
}
