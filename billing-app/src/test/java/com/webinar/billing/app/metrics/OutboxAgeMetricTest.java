package com.webinar.billing.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The age metric is one Embedded Metric Format line that CloudWatch turns into the alarm's metric. */
class OutboxAgeMetricTest {

    @Test
    void the_age_is_written_as_an_embedded_metric_format_line() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutboxAgeMetric metric = new OutboxAgeMetric(
                Clock.fixed(Instant.parse("2026-01-22T10:15:00Z"), ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        metric.function = "addon-billing-dev-event-relay";

        metric.emit(312);

        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        JsonNode directive = json.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(json.path("_aws").path("Timestamp").asLong())
                .isEqualTo(Instant.parse("2026-01-22T10:15:00Z").toEpochMilli());
        assertThat(directive.path("Namespace").asText()).isEqualTo("AddonBilling");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Function\"]]");
        assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("OutboxOldestUnpublishedSeconds");
        assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Seconds");
        assertThat(json.path("Function").asText()).isEqualTo("addon-billing-dev-event-relay");
        assertThat(json.path("OutboxOldestUnpublishedSeconds").asLong()).isEqualTo(312);
    }
}
