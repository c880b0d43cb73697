package com.webinar.billing.functions.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.secrets.DatabaseLogins;
import com.webinar.billing.dev.EmbeddedPostgresConfigSource;
import com.webinar.billing.dev.SnapStartCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What migrate does before Flyway in AWS: the logins made from their secrets, read as a SnapStart function does. */
class DatabaseLoginsTest {
    static final String MASTER = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:master";
    static final String MIGRATOR = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:migrator";
    static final String APP = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app";

    private final SnapStartCredentials lambda = new SnapStartCredentials();
    private final String url = EmbeddedPostgresConfigSource.jdbcUrl().replaceFirst("\\?.*$", "");

    @BeforeEach
    void start() {
        lambda.start();
        lambda.secret(MASTER, "{\"username\":\"postgres\",\"password\":\"master-password\"}");
        lambda.secret(MIGRATOR, "{\"username\":\"billing_migrator\",\"password\":\"it's-the-migrator\"}");
        lambda.secret(APP, "{\"username\":\"billing_app\",\"password\":\"app-password\"}");
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    @Test
    void the_migrator_and_the_application_may_log_in_with_the_passwords_of_their_secrets() throws SQLException {
        var logins = new DatabaseLogins(
                Map.of("DB_MASTER_SECRET_ARN", MASTER, "DB_SECRET_ARN", MIGRATOR, "DB_APP_SECRET_ARN", APP)::get);

        assertThat(logins.ensure(url)).isTrue();
        assertThat(logins.ensure(url)).as("again, as every deployment does").isTrue();

        assertThat(query("select rolcanlogin from pg_roles where rolname = ?", "billing_app"))
                .isEqualTo("t");
        assertThat(query("select rolcanlogin from pg_roles where rolname = ?", "billing_migrator"))
                .isEqualTo("t");
        assertThat(query("select rolpassword from pg_authid where rolname = ?", "billing_app"))
                .startsWith("SCRAM-SHA-256$");
        assertThat(query("select has_schema_privilege(?, 'public', 'CREATE')::text", "billing_migrator"))
                .isEqualTo("true");
    }

    @Test
    void without_the_master_secret_it_does_nothing_and_asks_nobody() {
        assertThat(new DatabaseLogins(Map.of("DB_SECRET_ARN", MIGRATOR)::get).ensure(url))
                .isFalse();
        assertThat(lambda.server.getAllServeEvents()).isEmpty();
    }

    private String query(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
