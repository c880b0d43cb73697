package com.webinar.billing.app.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.webinar.billing.dev.SnapStartCredentials.ACCESS_KEY;
import static com.webinar.billing.dev.SnapStartCredentials.AUTHORIZATION_TOKEN;
import static com.webinar.billing.dev.SnapStartCredentials.CREDENTIALS_PATH;
import static com.webinar.billing.dev.SnapStartCredentials.REGION;
import static com.webinar.billing.dev.SnapStartCredentials.SECRET_KEY;
import static com.webinar.billing.dev.SnapStartCredentials.SESSION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webinar.billing.dev.SnapStartCredentials;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** The secrets as a SnapStart function reads them: container credentials, Secrets Manager over SigV4. */
class SecretsUnderSnapStartTest {
    static final String STRIPE_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:stripe";
    static final String WEBHOOK_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:webhook";
    static final String DB_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db";
    static final String DB_WITHOUT_PASSWORD_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-bad";
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/\\d{8}/([^/]+)/"
            + "([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=[0-9a-f]{64}");

    private final SnapStartCredentials lambda = new SnapStartCredentials();
    private final AwsSecrets secrets = new AwsSecrets();

    @BeforeEach
    void start() {
        lambda.start();
        lambda.secret(STRIPE_ARN, "sk_test_123");
        lambda.secret(WEBHOOK_ARN, "whsec_old,whsec_new");
        lambda.secret(DB_ARN, "{\"username\":\"billing_app\",\"password\":\"s3cret\"}");
        lambda.secret(DB_WITHOUT_PASSWORD_ARN, "{\"username\":\"billing_app\"}");
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private SecretsManagerConfigSource source(Map<String, String> environment) {
        return new SecretsManagerConfigSource(environment::get, secrets);
    }

    private DatabaseSecret databaseSecret(Map<String, String> environment) {
        return new DatabaseSecret(environment::get, secrets);
    }

    private List<LoggedRequest> secretReads() {
        return lambda.server.findAll(postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void the_machine_running_the_tests_has_no_access_key_variables_as_under_snapstart() {
        assertThat(System.getenv("AWS_ACCESS_KEY_ID")).isNull();
        assertThat(System.getenv("AWS_SESSION_TOKEN")).isNull();
    }

    @Test
    void the_stripe_key_and_the_webhook_secrets_are_read_with_the_container_credentials() {
        var source = source(Map.of("STRIPE_SECRET_ARN", STRIPE_ARN, "WEBHOOK_SECRET_ARN", WEBHOOK_ARN));

        assertThat(source.getValue("billing.stripe.secret-key")).isEqualTo("sk_test_123");
        assertThat(source.getValue("billing.webhook.secrets")).isEqualTo("whsec_old,whsec_new");

        lambda.server.verify(getRequestedFor(urlEqualTo(CREDENTIALS_PATH))
                .withHeader("Authorization", equalTo(AUTHORIZATION_TOKEN)));
        assertThat(secretReads()).hasSize(2).allSatisfy(SecretsUnderSnapStartTest::signedWithTheContainerCredentials);
    }

    @Test
    void database_credentials_come_from_the_json_of_the_database_secret_when_a_connection_is_opened() {
        var secret = databaseSecret(Map.of("DB_SECRET_ARN", DB_ARN));

        assertThat(secret.getCredentials("database")).isEqualTo(Map.of("user", "billing_app", "password", "s3cret"));
        assertThat(secretReads())
                .singleElement()
                .satisfies(SecretsUnderSnapStartTest::signedWithTheContainerCredentials);
    }

    @Test
    void a_secret_is_kept_a_while_and_one_client_serves_every_reader() {
        var source = source(Map.of("STRIPE_SECRET_ARN", STRIPE_ARN));
        var database = databaseSecret(Map.of("DB_SECRET_ARN", DB_ARN));

        source.getValue("billing.stripe.secret-key");
        source.getValue("billing.stripe.secret-key");
        database.getCredentials("database");
        database.getCredentials("database");

        assertThat(secretReads()).hasSize(2);
        lambda.server.verify(1, getRequestedFor(urlEqualTo(CREDENTIALS_PATH)));
    }

    @Test
    void without_the_container_authorization_token_no_secret_is_read() {
        System.setProperty("aws.containerAuthorizationToken", "not-the-token");
        var source = source(Map.of("STRIPE_SECRET_ARN", STRIPE_ARN));

        assertThatThrownBy(() -> source.getValue("billing.stripe.secret-key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(STRIPE_ARN);
        assertThat(secretReads()).isEmpty();
    }

    @Test
    void nothing_is_asked_before_a_secret_is_read_and_the_database_credentials_are_not_config() {
        var source = source(Map.of("DB_SECRET_ARN", DB_ARN));

        assertThat(source.getValue("quarkus.datasource.username")).isNull();
        assertThat(source.getValue("quarkus.datasource.password")).isNull();
        assertThat(source.getValue("billing.stripe.secret-key")).isNull();
        assertThat(lambda.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void priming_for_the_snapshot_runs_a_request_through_the_sdk_but_asks_nobody_and_reads_no_secret() {
        assertThat(SecretsPriming.primeFromMemory()).isEqualTo("priming");

        assertThat(lambda.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_database_secret_without_a_password_is_refused_clearly() {
        var secret = databaseSecret(Map.of("DB_SECRET_ARN", DB_WITHOUT_PASSWORD_ARN));

        assertThatThrownBy(() -> secret.getCredentials("database"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no username or no password");
    }

    @Test
    void a_datasource_told_to_use_the_database_secret_without_its_arn_fails_clearly() {
        assertThatThrownBy(() -> databaseSecret(Map.of()).getCredentials("database"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DB_SECRET_ARN");
        assertThat(lambda.server.getAllServeEvents()).isEmpty();
    }

    /**
     * The request's SigV4 signature, recomputed from what Secrets Manager received with the container credentials'
     * secret key: equal only if the client signed with exactly those credentials, for this region and service.
     */
    private static void signedWithTheContainerCredentials(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        Matcher parts = AUTHORIZATION.matcher(authorization);
        assertThat(parts.matches()).as(authorization).isTrue();
        assertThat(parts.group(1)).isEqualTo(ACCESS_KEY);
        assertThat(parts.group(2)).isEqualTo(REGION);
        assertThat(parts.group(3)).isEqualTo("secretsmanager");
        assertThat(request.getHeader("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);

        SdkHttpRequest.Builder unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(request.getAbsoluteUrl()));
        for (String header : parts.group(4).split(";")) {
            if (!List.of("host", "x-amz-date", "x-amz-security-token").contains(header)) {
                unsigned.putHeader(header, request.getHeader(header));
            }
        }
        Instant signedAt =
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").parse(request.getHeader("X-Amz-Date"), Instant::from);
        var resigned = AwsV4HttpSigner.create()
                .sign(r -> r.request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(request.getBody()))
                        .identity(AwsSessionCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));

        assertThat(resigned.request().firstMatchingHeader("Authorization")).contains(authorization);
    }
}
