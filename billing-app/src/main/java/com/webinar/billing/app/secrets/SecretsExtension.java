package com.webinar.billing.app.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Secrets by ARN, through the AWS Parameters and Secrets Lambda Extension on localhost (no AWS SDK in the zip).
 * Each secret is kept for five minutes, as the extension itself does: a rotated secret is seen within that time.
 */
final class SecretsExtension {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KEEP = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private record Kept(String value, long readAtNanos) {}

    private final Function<String, String> environment;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    SecretsExtension(Function<String, String> environment) {
        this.environment = environment;
    }

    /** The ARN in {@code variable}, or null when the variable is not set (local mode, tests). */
    String arn(String variable) {
        String arn = environment.apply(variable);
        return arn == null || arn.isBlank() ? null : arn;
    }

    String secret(String arn) {
        Kept value = kept.get(arn);
        if (value != null && System.nanoTime() - value.readAtNanos() < KEEP.toNanos()) {
            return value.value();
        }
        String fresh = fetch(arn);
        kept.put(arn, new Kept(fresh, System.nanoTime()));
        return fresh;
    }

    /** RDS-style secrets are JSON ({@code {"username": ..., "password": ...}}). */
    static JsonNode json(String secret) {
        try {
            return JSON.readTree(secret);
        } catch (IOException e) {
            throw new IllegalStateException("the database secret is not JSON", e);
        }
    }

    /**
     * With the JDK's HttpURLConnection, which java.base and the JDK's class-data archive already hold: the first
     * database connection after a start or a SnapStart restore does not load java.net.http's ~480 classes.
     */
    private String fetch(String arn) {
        String port = orDefault("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773");
        URI uri = URI.create("http://localhost:" + port + "/secretsmanager/get?secretId="
                + URLEncoder.encode(arn, StandardCharsets.UTF_8));
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) TIMEOUT.toMillis());
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            connection.setRequestProperty("X-Aws-Parameters-Secrets-Token", orDefault("AWS_SESSION_TOKEN", ""));
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IllegalStateException("secret " + arn + ": the extension answered " + status);
            }
            try (InputStream body = connection.getInputStream()) {
                return JSON.readTree(body).path("SecretString").asText(null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("secret " + arn + " could not be read", e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private String orDefault(String variable, String fallback) {
        String value = environment.apply(variable);
        return value == null ? fallback : value;
    }
}
