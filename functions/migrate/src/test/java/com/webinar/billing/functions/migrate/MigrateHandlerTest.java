package com.webinar.billing.functions.migrate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MigrateHandlerTest {

    @Test
    void migrating_an_up_to_date_schema_runs_nothing_and_reports_its_version() {
        // tests migrate at start, so the deployment step finds nothing left to do
        given().contentType("application/json")
                .body("{}")
                .post("/")
                .then()
                .statusCode(200)
                .body("migrationsExecuted", equalTo(0))
                .body("schemaVersion", notNullValue());
    }
}
