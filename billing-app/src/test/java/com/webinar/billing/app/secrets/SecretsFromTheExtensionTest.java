package com.webinar.billing.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a stand-in for the AWS Parameters and Secrets Lambda Extension, over real HTTP on loopback. */
class SecretsFromTheExtensionTest {
    private HttpServer extension;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        extension = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        extension.createContext("/secretsmanager/get", exchange -> {
            String id = exchange.getRequestURI().getQuery().replaceFirst("secretId=", "");
            asked.add(java.net.URLDecoder.decode(id, StandardCharsets.UTF_8));
            tokens.add(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"));
            String secret = id.contains("db-without-password")
                    ? "{\\\"username\\\":\\\"billing\\\"}"
                    : id.contains("db")
                            ? "{\\\"username\\\":\\\"billing\\\",\\\"password\\\":\\\"s3cret\\\"}"
                            : "sk_test_123";
            byte[] body =
                    ("{\"ARN\":\"" + id + "\",\"SecretString\":\"" + secret + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        extension.start();
    }

    @AfterEach
    void stop() {
        extension.stop(0);
    }

    private Map<String, String> environment(Map<String, String> variables) {
        Map<String, String> env = new java.util.HashMap<>(variables);
        env.put(
                "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
                String.valueOf(extension.getAddress().getPort()));
        env.put("AWS_SESSION_TOKEN", "session-token");
        return env;
    }

    private SecretsManagerConfigSource source(Map<String, String> variables) {
        return new SecretsManagerConfigSource(environment(variables)::get);
    }

    private DatabaseSecret databaseSecret(Map<String, String> variables) {
        return new DatabaseSecret(environment(variables)::get);
    }

    @Test
    void the_stripe_key_is_read_from_the_secret_its_arn_names_and_kept_for_a_while() {
        var source = source(Map.of("STRIPE_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:stripe"));

        assertThat(source.getValue("billing.stripe.secret-key")).isEqualTo("sk_test_123");
        assertThat(source.getValue("billing.stripe.secret-key")).isEqualTo("sk_test_123");
        assertThat(asked).containsExactly("arn:aws:secretsmanager:eu-west-1:1:secret:stripe");
        assertThat(tokens).containsExactly("session-token");
    }

    @Test
    void database_credentials_come_from_the_json_of_the_database_secret_when_a_connection_is_opened() {
        var secret = databaseSecret(Map.of("DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:db"));

        assertThat(secret.getCredentials("database")).isEqualTo(Map.of("user", "billing", "password", "s3cret"));
        assertThat(secret.getCredentials("database")).containsEntry("password", "s3cret");
        assertThat(asked).containsExactly("arn:aws:secretsmanager:eu-west-1:1:secret:db");
    }

    @Test
    void the_database_credentials_are_not_config_so_init_never_reads_them() {
        var source = source(Map.of("DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:db"));

        assertThat(source.getValue("quarkus.datasource.username")).isNull();
        assertThat(source.getValue("quarkus.datasource.password")).isNull();
        assertThat(asked).isEmpty();
    }

    @Test
    void a_database_secret_without_a_password_is_refused_clearly() {
        var secret = databaseSecret(
                Map.of("DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:db-without-password"));

        assertThatThrownBy(() -> secret.getCredentials("database"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no username or no password");
    }

    @Test
    void a_datasource_told_to_use_the_database_secret_without_its_arn_fails_clearly() {
        assertThatThrownBy(() -> databaseSecret(Map.of()).getCredentials("database"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DB_SECRET_ARN");
        assertThat(asked).isEmpty();
    }

    @Test
    void without_an_arn_it_provides_nothing_and_asks_nobody() {
        var source = source(Map.of());

        assertThat(source.getValue("billing.stripe.secret-key")).isNull();
        assertThat(source.getValue("billing.webhook.secrets")).isNull();
        assertThat(source.getValue("quarkus.datasource.jdbc.url")).isNull();
        assertThat(asked).isEmpty();
    }
}
