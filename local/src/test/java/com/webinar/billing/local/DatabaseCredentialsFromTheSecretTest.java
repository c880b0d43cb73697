package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.webinar.billing.dev.EmbeddedPostgresConfigSource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The datasource as Terraform configures it: no user or password in config, the credentials read from the
 * database secret (through a stand-in for the AWS Parameters and Secrets Lambda Extension) for each connection.
 */
@QuarkusTest
@TestProfile(DatabaseCredentialsFromTheSecretTest.FromTheSecret.class)
class DatabaseCredentialsFromTheSecretTest {
    static final String ARN = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:billing-db";
    static final List<String> ASKED = new CopyOnWriteArrayList<>();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void connections_log_in_as_the_user_of_the_database_secret_not_the_one_in_config() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet user = connection.createStatement().executeQuery("select current_user")) {
            user.next();

            assertThat(user.getString(1)).isEqualTo("postgres");
        }
        assertThat(ASKED).isNotEmpty().allMatch(ARN::equals);
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
                    "DB_SECRET_ARN", ARN,
                    "AWS_SESSION_TOKEN", "session-token");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeSecretsExtension.class));
        }
    }

    /** Answers {@code GET /secretsmanager/get?secretId=<arn>} as the extension does, for the database secret only. */
    public static class FakeSecretsExtension implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/secretsmanager/get", exchange -> {
                String arn = URLDecoder.decode(
                        exchange.getRequestURI().getRawQuery().replaceFirst("secretId=", ""), StandardCharsets.UTF_8);
                boolean known = ARN.equals(arn)
                        && "session-token"
                                .equals(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"));
                ASKED.add(arn);
                byte[] body = known
                        ? ("{\"ARN\":\"" + ARN + "\",\"SecretString\":"
                                        + "\"{\\\"username\\\":\\\"postgres\\\",\\\"password\\\":\\\"from-the-secret\\\"}\"}")
                                .getBytes(StandardCharsets.UTF_8)
                        : "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(known ? 200 : 400, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return Map.of(
                    "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
                    String.valueOf(server.getAddress().getPort()));
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
