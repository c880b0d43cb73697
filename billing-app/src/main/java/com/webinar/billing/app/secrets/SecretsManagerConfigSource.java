package com.webinar.billing.app.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Secrets in AWS: Terraform gives each function the ARNs of the secrets it may read ({@code DB_SECRET_ARN},
 * {@code STRIPE_SECRET_ARN}, {@code WEBHOOK_SECRET_ARN}), never their values. This source reads them through the
 * AWS Parameters and Secrets Lambda Extension on localhost (no AWS SDK in the zip), when asked — so the Stripe
 * key and webhook secrets, read per call, are not in a SnapStart snapshot — and keeps each for five minutes.
 * Without those variables (local mode, tests) it provides nothing.
 */
public class SecretsManagerConfigSource implements ConfigSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KEEP = Duration.ofMinutes(5);

    private record Mapping(String arnVariable, Function<String, String> fromSecret) {}

    private record Kept(String value, long readAtNanos) {}

    private static final Map<String, Mapping> MAPPINGS = Map.of(
            "billing.stripe.secret-key", new Mapping("STRIPE_SECRET_ARN", secret -> secret),
            "billing.webhook.secrets", new Mapping("WEBHOOK_SECRET_ARN", secret -> secret),
            "quarkus.datasource.username", new Mapping("DB_SECRET_ARN", secret -> field(secret, "username")),
            "quarkus.datasource.password", new Mapping("DB_SECRET_ARN", secret -> field(secret, "password")));

    private final Function<String, String> environment;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /** Made on the first secret read: a function without secret ARNs (local mode, tests) never loads it. */
    private volatile HttpClient http;

    public SecretsManagerConfigSource() {
        this(System::getenv);
    }

    SecretsManagerConfigSource(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String name) {
        Mapping mapping = MAPPINGS.get(name);
        if (mapping == null) {
            return null;
        }
        String arn = environment.apply(mapping.arnVariable());
        if (arn == null || arn.isBlank()) {
            return null;
        }
        String secret = secret(arn);
        return secret == null ? null : mapping.fromSecret().apply(secret);
    }

    private String secret(String arn) {
        Kept value = kept.get(arn);
        if (value != null && System.nanoTime() - value.readAtNanos() < KEEP.toNanos()) {
            return value.value();
        }
        String fresh = fetch(arn);
        kept.put(arn, new Kept(fresh, System.nanoTime()));
        return fresh;
    }

    private String fetch(String arn) {
        String port = orDefault("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/secretsmanager/get?secretId=" + URLEncoder.encode(arn, StandardCharsets.UTF_8)))
                .header("X-Aws-Parameters-Secrets-Token", orDefault("AWS_SESSION_TOKEN", ""))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("secret " + arn + ": the extension answered " + response.statusCode());
            }
            return JSON.readTree(response.body()).path("SecretString").asText(null);
        } catch (IOException e) {
            throw new IllegalStateException("secret " + arn + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading secret " + arn, e);
        }
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(2))
                            .build();
                }
                client = http;
            }
        }
        return client;
    }

    private String orDefault(String variable, String fallback) {
        String value = environment.apply(variable);
        return value == null ? fallback : value;
    }

    /** RDS-style secrets are JSON ({@code {"username": ..., "password": ...}}). */
    private static String field(String secret, String name) {
        try {
            JsonNode node = JSON.readTree(secret);
            return node.path(name).asText(null);
        } catch (IOException e) {
            throw new IllegalStateException("the database secret is not JSON", e);
        }
    }

    @Override
    public int getOrdinal() {
        // above the packaged defaults, below explicit environment variables (which win for a quick override)
        return 275;
    }

    @Override
    public String getName() {
        return "aws-secrets-manager";
    }
}
