package com.webinar.billing.functions.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.webinar.billing.app.secrets.DatabaseLogins;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The deployment step that migrates the schema: invoked once per deployment, before the new versions take
 * traffic. No other function migrates, so a cold start never touches the schema. In AWS it first makes the database
 * logins match their secrets (as the master user), then migrates as billing_migrator.
 */
public class MigrateHandler implements RequestHandler<Map<String, Object>, MigrateHandler.Migrated> {

    public record Migrated(int migrationsExecuted, String schemaVersion) {}

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Override
    public Migrated handleRequest(Map<String, Object> input, Context context) {
        new DatabaseLogins().ensure(jdbcUrl);
        MigrateResult result = flyway.migrate();
        return new Migrated(
                result.migrationsExecuted, flyway.info().current().getVersion().getVersion());
    }
}
