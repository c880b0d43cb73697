package com.webinar.billing.dev;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;

/**
 * What Lambda gives a SnapStart function, played over real HTTP on loopback by one WireMock server: no
 * {@code AWS_ACCESS_KEY_ID} or {@code AWS_SESSION_TOKEN}, but a container-credentials endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}) that answers only with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} in
 * the Authorization header; and Secrets Manager, which answers only requests carrying those credentials' session
 * token. The environment variables cannot be set in-process, so it sets the SDK's system properties of the same
 * meaning, which the SDK reads before the environment.
 */
public final class SnapStartCredentials {
    public static final String REGION = "eu-west-1";
    public static final String AUTHORIZATION_TOKEN = "container-authorization-token";
    public static final String ACCESS_KEY = "ASIACONTAINERCREDS";
    public static final String SECRET_KEY = "container-secret-access-key";
    public static final String SESSION_TOKEN = "container-session-token";
    public static final String CREDENTIALS_PATH = "/2018-06-01/credentials";

    private static final Map<String, String> PROPERTIES = Map.of(
            "aws.region",
            REGION,
            "aws.containerAuthorizationToken",
            AUTHORIZATION_TOKEN,
            // no profile file of the machine running the tests may win over the container credentials
            "aws.sharedCredentialsFile",
            "/nonexistent/credentials",
            "aws.configFile",
            "/nonexistent/config");

    public final WireMockServer server = new WireMockServer(options().dynamicPort());

    public void start() {
        server.start();
        server.stubFor(get(urlEqualTo(CREDENTIALS_PATH))
                .withHeader("Authorization", equalTo(AUTHORIZATION_TOKEN))
                .willReturn(okJson("{\"AccessKeyId\":\"" + ACCESS_KEY + "\",\"SecretAccessKey\":\"" + SECRET_KEY
                        + "\",\"Token\":\"" + SESSION_TOKEN + "\",\"Expiration\":\"2099-01-01T00:00:00Z\"}")));
        server.stubFor(get(urlEqualTo(CREDENTIALS_PATH))
                .atPriority(10)
                .willReturn(aResponse().withStatus(401)));
        PROPERTIES.forEach(System::setProperty);
        System.setProperty("aws.containerCredentialsFullUri", server.baseUrl() + CREDENTIALS_PATH);
        System.setProperty("aws.endpointUrlSecretsManager", server.baseUrl());
    }

    public void stop() {
        PROPERTIES.keySet().forEach(System::clearProperty);
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.endpointUrlSecretsManager");
        server.stop();
    }

    /** Secrets Manager's GetSecretValue for {@code arn}, to callers with the container credentials only. */
    public void secret(String arn, String value) {
        try {
            server.stubFor(post(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                    .withHeader("X-Amz-Security-Token", equalTo(SESSION_TOKEN))
                    .withRequestBody(matchingJsonPath("$.SecretId", equalTo(arn)))
                    .willReturn(okJson(new ObjectMapper()
                            .writeValueAsString(Map.of("ARN", arn, "Name", "billing", "SecretString", value)))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
