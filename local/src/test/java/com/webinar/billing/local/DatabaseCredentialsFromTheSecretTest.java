package com.webinar.billing.local;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.dev.EmbeddedPostgresConfigSource;
import com.webinar.billing.dev.SnapStartCredentials;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The datasource as Terraform configures it, in the environment Lambda gives a SnapStart function: no user or
 * password in config, and no access-key variables; the credentials are read from the database secret in Secrets
 * Manager (WireMock), with the container credentials, for each connection.
 */
@QuarkusTest
@TestProfile(DatabaseCredentialsFromTheSecretTest.FromTheSecret.class)
class DatabaseCredentialsFromTheSecretTest {
    static final String ARN = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:billing-db";
    static final SnapStartCredentials LAMBDA = new SnapStartCredentials();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void connections_log_in_as_the_user_of_the_database_secret_read_with_the_container_credentials() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet user = connection.createStatement().executeQuery("select current_user")) {
            user.next();

            assertThat(user.getString(1)).isEqualTo("postgres");
        }
        LAMBDA.server.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Security-Token", equalTo(SnapStartCredentials.SESSION_TOKEN)));
    }

    public static class FromTheSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.credentials-provider", "database",
                    "quarkus.datasource.credentials-provider-name", "database-secret",
                    // the embedded database's URL without its ?user=postgres, which would win over any credentials
                    "quarkus.datasource.jdbc.url",
                            EmbeddedPostgresConfigSource.jdbcUrl().replaceFirst("\\?.*$", ""),
                    // would fail to log in: only the secret's user exists
                    "quarkus.datasource.username", "no-such-role",
                    "DB_SECRET_ARN", ARN);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SnapStartLambda.class));
        }
    }

    /** Container credentials and Secrets Manager, holding the database secret, for the application's lifetime. */
    public static class SnapStartLambda implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            LAMBDA.start();
            LAMBDA.secret(ARN, "{\"username\":\"postgres\",\"password\":\"from-the-secret\"}");
            return Map.of();
        }

        @Override
        public void stop() {
            LAMBDA.stop();
        }
    }
}
