package com.webinar.billing.functions.migrate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deployment step on a schema nothing migrated yet, then again on the schema it left. */
@QuarkusTest
@TestProfile(MigrateHandlerTest.FreshSchema.class)
class MigrateHandlerTest {

    /** A schema of its own, which the app does not migrate at start: the handler is the first to. */
    public static class FreshSchema implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.migrate-at-start", "false", "quarkus.flyway.schemas", "migrate_fresh");
        }
    }

    @Test
    void the_first_run_applies_every_migration_and_the_second_runs_nothing() throws IOException {
        int migrations = migrationFiles();

        given().contentType("application/json")
                .body("{}")
                .post("/")
                .then()
                .statusCode(200)
                .body("migrationsExecuted", equalTo(migrations))
                .body("schemaVersion", equalTo(String.valueOf(migrations)));
        given().contentType("application/json")
                .body("{}")
                .post("/")
                .then()
                .statusCode(200)
                .body("migrationsExecuted", equalTo(0))
                .body("schemaVersion", equalTo(String.valueOf(migrations)));
    }

    /** V1..Vn, numbered without gaps: the newest version is their count. */
    private static int migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../../billing-model/src/main/resources/db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
    }
}
