package com.webinar.billing.app.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The age of the oldest unpublished event as a CloudWatch Embedded Metric Format line on standard output:
 * CloudWatch Logs turns it into the metric {@code AddonBilling/OutboxOldestUnpublishedSeconds} (dimension
 * {@code Function}) that the "events are late" alarm watches, with no SDK call and no extra permission.
 */
@ApplicationScoped
public class OutboxAgeMetric {
    static final String NAMESPACE = BusinessMetrics.NAMESPACE;
    static final String METRIC = "OutboxOldestUnpublishedSeconds";

    @ConfigProperty(name = "billing.events.metric-function", defaultValue = "event-relay")
    String function;

    private final Clock clock;
    private final PrintStream out;

    @Inject
    OutboxAgeMetric(Clock clock) {
        this(clock, System.out);
    }

    OutboxAgeMetric(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    public void emit(long oldestUnpublishedSeconds) {
        out.println(line(oldestUnpublishedSeconds));
        out.flush();
    }

    String line(long seconds) {
        return """
                {"_aws":{"Timestamp":%d,"CloudWatchMetrics":[{"Namespace":"%s","Dimensions":[["Function"]],\
                "Metrics":[{"Name":"%s","Unit":"Seconds"}]}]},"Function":"%s","%s":%d}""".formatted(clock.millis(), NAMESPACE, METRIC, function.replace("\"", ""), METRIC, seconds);
    }
}
