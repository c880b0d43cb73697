package com.webinar.billing.functions.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The deployment step that migrates the schema: invoked once per deployment, before the new versions take
 * traffic. No other function migrates, so a cold start never touches the schema.
 */
public class MigrateHandler implements RequestHandler<Map<String, Object>, MigrateHandler.Migrated> {

    public record Migrated(int migrationsExecuted, String schemaVersion) {}

    @Inject
    Flyway flyway;

    @Override
    public Migrated handleRequest(Map<String, Object> input, Context context) {
        MigrateResult result = flyway.migrate();
        return new Migrated(
                result.migrationsExecuted, flyway.info().current().getVersion().getVersion());
    }
}
