package com.webinar.billing.app.secrets;

import com.webinar.billing.app.snapstart.Primer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * SnapStart priming ({@link com.webinar.billing.app.snapstart.SnapshotPriming}: only when Lambda takes a snapshot),
 * one GetSecretValue through a throwaway client whose HTTP
 * client answers from memory, with made-up credentials. The SDK's classes are loaded and its request path (endpoint
 * rules, signing, JSON) has run, so the first real secret read after a restore does not pay for that; yet no
 * connection is opened, no credentials are resolved and no secret is read. The real client is still made on the
 * first read ({@link AwsSecrets}).
 */
@ApplicationScoped
class SecretsPriming implements Primer {
    private static final byte[] ANSWER =
            "{\"ARN\":\"priming\",\"Name\":\"priming\",\"SecretString\":\"priming\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public String prime() {
        return "GetSecretValue answered from memory: " + primeFromMemory();
    }

    static String primeFromMemory() {
        UrlConnectionHttpClient.builder().build().close();
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .httpClient(new AnswersFromMemory(ANSWER))
                .build()) {
            return client.getSecretValue(request -> request.secretId("priming")).secretString();
        }
    }
}
