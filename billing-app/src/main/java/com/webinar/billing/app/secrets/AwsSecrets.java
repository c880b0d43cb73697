package com.webinar.billing.app.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets by ARN from AWS Secrets Manager, with the SDK's client and its default credential chain. Under SnapStart,
 * Lambda gives a function container credentials ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) instead of {@code AWS_ACCESS_KEY_ID}/{@code AWS_SESSION_TOKEN}; the
 * chain reads either, region from {@code AWS_REGION}, endpoint from the SDK's own settings.
 *
 * <p>The client is made on the first secret read, never during init: no client, credentials or connection is in a
 * snapshot, and credentials are fetched after a restore. The priming before a SnapStart snapshot reads secrets (the
 * database's, to connect) and then {@link #forget()}s them with the client. One instance per process ({@link #inThisProcess()}) so
 * the database credentials and the Stripe or webhook secrets share that client. Each secret is kept for five
 * minutes, as the Secrets Manager agent does: a rotated secret is seen within that time.
 */
final class AwsSecrets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KEEP = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final AwsSecrets IN_THIS_PROCESS = new AwsSecrets();

    private record Kept(String value, long readAtNanos) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private volatile SecretsManagerClient client;

    static AwsSecrets inThisProcess() {
        return IN_THIS_PROCESS;
    }

    /** The ARN, or null when its variable is not set (local mode, tests). */
    static String arn(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    String secret(String arn) {
        Kept value = kept.get(arn);
        if (value != null && System.nanoTime() - value.readAtNanos() < KEEP.toNanos()) {
            return value.value();
        }
        String fresh;
        try {
            fresh = client().getSecretValue(request -> request.secretId(arn)).secretString();
        } catch (RuntimeException e) {
            throw new IllegalStateException("secret " + arn + " could not be read", e);
        }
        kept.put(arn, new Kept(fresh, System.nanoTime()));
        return fresh;
    }

    /** Drops the kept secrets and closes the client: credentials and secrets are read again on the next read. */
    void forget() {
        SecretsManagerClient made;
        synchronized (this) {
            made = client;
            client = null;
            kept.clear();
        }
        if (made != null) {
            made.close();
        }
    }

    int kept() {
        return kept.size();
    }

    /** Secrets that hold JSON: the database logins (DatabaseLogin). */
    static JsonNode json(String secret) {
        try {
            return JSON.readTree(secret);
        } catch (IOException e) {
            throw new IllegalStateException("the database secret is not JSON", e);
        }
    }

    /** HttpURLConnection underneath: java.base already holds it, so no Netty or Apache client in the zips. */
    private SecretsManagerClient client() {
        SecretsManagerClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = SecretsManagerClient.builder()
                            .httpClientBuilder(UrlConnectionHttpClient.builder()
                                    .connectionTimeout(TIMEOUT)
                                    .socketTimeout(TIMEOUT))
                            .build();
                    client = made;
                }
            }
        }
        return made;
    }
}
