package com.webinar.billing.model;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database's login roles, made to match the logins in their secrets (billing-app {@code DatabaseLogins} reads
 * them): billing_migrator and billing_app exist, may log in and have their secrets' passwords, and the migrator may
 * create in schema public. Run as the master user, before Flyway; migration V9 grants the rest.
 */
public final class LoginRoles {
    /** A database user and its password. */
    public record Login(String username, String password) {}

    private LoginRoles() {}

    public static void ensure(String jdbcUrl, Login admin, Login migrator, Login app) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, admin.username(), admin.password())) {
            ensure(connection, migrator);
            ensure(connection, app);
            // the migrator creates and owns the schema's objects (PostgreSQL 15 grants nobody CREATE on public)
            execute(connection, "select format('grant usage, create on schema public to %I', ?)", migrator.username());
        } catch (SQLException e) {
            throw new IllegalStateException("the database logins could not be made: " + e.getMessage(), e);
        }
    }

    private static void ensure(Connection connection, Login login) throws SQLException {
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
}
