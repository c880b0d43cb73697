package com.webinar.billing.eventbridge;

import com.webinar.billing.app.events.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The EventBridge client, from configuration (docs/events.md, "The relay"). */
@ApplicationScoped
public class EventBridgeClients {

    /** How the client talks to EventBridge: timeouts per attempt and per call, attempts, first back-off. */
    public record Settings(
            Duration connectTimeout,
            Duration attemptTimeout,
            Duration callTimeout,
            int attempts,
            Duration firstBackoff,
            Duration maxBackoff) {}

    @ConfigProperty(name = "billing.events.bus-name")
    String busName;

    @ConfigProperty(name = "billing.events.source")
    String source;

    @ConfigProperty(name = "billing.events.region")
    String region;

    /** Set in tests only: WireMock playing EventBridge. */
    @ConfigProperty(name = "billing.events.endpoint")
    Optional<URI> endpoint;

    @ConfigProperty(name = "billing.events.attempt-timeout", defaultValue = "3S")
    Duration attemptTimeout;

    @ConfigProperty(name = "billing.events.attempts", defaultValue = "3")
    int attempts;

    @Produces
    @ApplicationScoped
    EventBus bus() {
        Settings settings = new Settings(
                Duration.ofSeconds(2),
                attemptTimeout,
                attemptTimeout.multipliedBy(attempts).plusSeconds(2),
                attempts,
                Duration.ofMillis(100),
                Duration.ofSeconds(2));
        // Lambda gives SnapStart functions their credentials through the container endpoint, others in variables;
        // tests set system properties
        AwsCredentialsProvider credentials = AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(),
                ContainerCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create());
        return new EventBridgeBus(client(settings, Region.of(region), credentials, endpoint), busName, source);
    }

    public static EventBridgeClient client(
            Settings settings, Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint) {
        var builder = EventBridgeClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.attemptTimeout()))
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(settings.attemptTimeout())
                        .apiCallTimeout(settings.callTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.attempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(
                                        settings.firstBackoff(), settings.maxBackoff()))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                        settings.firstBackoff().multipliedBy(5), settings.maxBackoff()))
                                .circuitBreakerEnabled(false)
                                .build()));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
