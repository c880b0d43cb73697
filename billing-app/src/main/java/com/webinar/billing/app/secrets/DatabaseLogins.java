package com.webinar.billing.app.secrets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The database logins of a deployment, made to match their secrets: migrate runs this before Flyway, as the master
 * user ({@code DB_MASTER_SECRET_ARN}), so that billing_migrator ({@code DB_SECRET_ARN}, which migrate then logs in
 * as) and billing_app ({@code DB_APP_SECRET_ARN}) exist, may log in, and have the passwords Terraform generated into
 * their secrets. Migration V9 grants them what they may do. Without the master secret's ARN (local mode, tests) it
 * does nothing.
 */
public final class DatabaseLogins {
    private final Function<String, String> environment;
    private final AwsSecrets secrets;

    public DatabaseLogins() {
        this(System::getenv);
    }

    public DatabaseLogins(Function<String, String> environment) {
        this.environment = environment;
        this.secrets = AwsSecrets.inThisProcess();
    }

    /** True when it made the logins, false when there is no master secret to make them with. */
    public boolean ensure(String jdbcUrl) {
        String master = AwsSecrets.arn(environment.apply("DB_MASTER_SECRET_ARN"));
        if (master == null) {
            return false;
        }
        DatabaseLogin admin = login(master);
        DatabaseLogin migrator = login(required("DB_SECRET_ARN"));
        DatabaseLogin app = login(required("DB_APP_SECRET_ARN"));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, admin.username(), admin.password())) {
            ensure(connection, migrator);
            ensure(connection, app);
            // the migrator creates and owns the schema's objects (PostgreSQL 15 grants nobody CREATE on public)
            execute(connection, "select format('grant usage, create on schema public to %I', ?)", migrator.username());
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("the database logins could not be made: " + e.getMessage(), e);
        }
    }

    private static void ensure(Connection connection, DatabaseLogin login) throws SQLException {
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            query.setString(1, login.username());
            try (ResultSet result = query.executeQuery()) {
                exists = result.next();
            }
        }
        String verb = exists ? "alter" : "create";
        execute(
                connection,
                "select format('" + verb + " role %I with login password %L', ?, ?)",
                login.username(),
                login.password());
    }

    /** Runs the statement that {@code format} builds server-side: identifiers and the password quoted by PostgreSQL. */
    private static void execute(Connection connection, String format, String... arguments) throws SQLException {
        String statement;
        try (PreparedStatement build = connection.prepareStatement(format)) {
            for (int i = 0; i < arguments.length; i++) {
                build.setString(i + 1, arguments[i]);
            }
            try (ResultSet result = build.executeQuery()) {
                result.next();
                statement = result.getString(1);
            }
        }
        try (var run = connection.createStatement()) {
            run.execute(statement);
        }
    }

    private String required(String variable) {
        String arn = AwsSecrets.arn(environment.apply(variable));
        if (arn == null) {
            throw new IllegalStateException("DB_MASTER_SECRET_ARN is set but " + variable + " is not");
        }
        return arn;
    }

    private DatabaseLogin login(String arn) {
        return DatabaseLogin.of(arn, secrets.secret(arn));
    }
}
