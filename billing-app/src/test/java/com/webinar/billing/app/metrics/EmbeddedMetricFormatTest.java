package com.webinar.billing.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webinar.billing.app.metrics.BusinessMetrics.Renewal;
import com.webinar.billing.app.metrics.BusinessMetrics.RenewalResult;
import com.webinar.billing.app.renewal.RenewalReport;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.PurchaseStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every business metric line is a CloudWatch Embedded Metric Format document carrying the values it was given. */
class EmbeddedMetricFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-22T10:15:00Z");

    private final List<String> lines = new ArrayList<>();
    private final BusinessMetrics metrics = new BusinessMetrics(Clock.fixed(NOW, ZoneOffset.UTC), lines::add);

    static Stream<Arguments> emissions() {
        return Stream.of(
                arguments("a purchase", (Consumer<BusinessMetrics>)
                        m -> m.purchase(AddOn.PRESENTERS, PurchaseStatus.ACTIVE)),
                arguments("a batch of renewals", (Consumer<BusinessMetrics>) m -> m.renewals(List.of(
                        new Renewal("EUR", 10000, RenewalResult.CHARGED),
                        new Renewal("USD", 500, RenewalResult.ENDED)))),
                arguments("a webhook event", (Consumer<BusinessMetrics>)
                        m -> m.webhookEvent("payment_intent.succeeded", "applied")),
                arguments("a webhook signature failure", (Consumer<BusinessMetrics>)
                        BusinessMetrics::webhookSignatureFailure),
                arguments("a renewal tick", (Consumer<BusinessMetrics>)
                        m -> m.tick(new RenewalReport(3, 4, 1, 0, 2, true), Duration.ofMillis(1234))));
    }

    @ParameterizedTest(name = "{0} is a valid EMF document in namespace AddonBilling")
    @MethodSource("emissions")
    void every_line_follows_the_specification(String what, Consumer<BusinessMetrics> emission) throws Exception {
        emission.accept(metrics);

        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(line).doesNotContain("\n");
            assertThat(EmfSpecification.violations(JSON.readTree(line)))
                    .as(line)
                    .isEmpty();
            assertThat(JSON.readTree(line)
                            .path("_aws")
                            .path("CloudWatchMetrics")
                            .findValuesAsText("Namespace"))
                    .containsOnly("AddonBilling");
        }
    }

    @Test
    void a_purchase_counts_one_under_its_outcome() throws Exception {
        metrics.purchase(AddOn.PRESENTERS, PurchaseStatus.FAILED);

        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(line.path("Outcome").asText()).isEqualTo("FAILED");
        assertThat(line.path("Purchases").asLong()).isEqualTo(1);
        assertThat(dimensionSets(line)).containsExactly(List.of(List.of("Outcome")));
        assertThat(units(line)).containsEntry("Purchases", "Count");
    }

    @Test
    void renewals_are_summed_per_currency_and_also_counted_across_currencies() throws Exception {
        metrics.renewals(List.of(
                new Renewal("EUR", 10000, RenewalResult.CHARGED),
                new Renewal("EUR", 2500, RenewalResult.CHARGED),
                new Renewal("EUR", 700, RenewalResult.FAILED),
                new Renewal("EUR", 300, RenewalResult.ENDED),
                new Renewal("JPY", 1200, RenewalResult.CHARGED)));

        assertThat(lines).hasSize(2);
        JsonNode eur = JSON.readTree(lines.get(0));
        assertThat(eur.path("Currency").asText()).isEqualTo("EUR");
        assertThat(values(eur, "RenewalsCharged", "RenewalsChargedAmount", "RenewalsFailed", "RenewalsFailedAmount"))
                .containsExactly(2L, 12500L, 2L, 1000L);
        assertThat(values(eur, "RenewalsEnded", "RenewalsEndedAmount")).containsExactly(1L, 300L);
        assertThat(dimensionSets(eur)).containsExactly(List.of(List.of("Currency")), List.of(List.of()));
        JsonNode jpy = JSON.readTree(lines.get(1));
        assertThat(values(jpy, "RenewalsCharged", "RenewalsChargedAmount", "RenewalsFailed"))
                .containsExactly(1L, 1200L, 0L);
    }

    @Test
    void a_tick_reports_its_duration_in_milliseconds_and_more_as_one() throws Exception {
        metrics.tick(new RenewalReport(3, 4, 1, 0, 2, true), Duration.ofMillis(1234));

        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(values(line, "TickDuration", "TickMore", "TickAccountsRenewed", "TickPaymentsFailed"))
                .containsExactly(1234L, 1L, 3L, 2L);
        assertThat(units(line)).containsEntry("TickDuration", "Milliseconds").containsEntry("TickMore", "Count");
    }

    @Test
    void the_specification_check_refuses_what_cloudwatch_would_refuse() throws Exception {
        JsonNode valueMissing = JSON.readTree("""
                {"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"AddonBilling","Dimensions":[["Currency"]],
                 "Metrics":[{"Name":"RenewalsCharged","Unit":"Count"}]}]},"Currency":"EUR"}""");
        JsonNode dimensionNotAString = JSON.readTree("""
                {"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"AddonBilling","Dimensions":[["Currency"]],
                 "Metrics":[{"Name":"RenewalsCharged","Unit":"Count"}]}]},"Currency":3,"RenewalsCharged":1}""");
        JsonNode noTimestamp = JSON.readTree("""
                {"_aws":{"CloudWatchMetrics":[{"Namespace":"AddonBilling","Dimensions":[[]],
                 "Metrics":[{"Name":"TickMore","Unit":"Count"}]}]},"TickMore":1}""");
        JsonNode unknownUnit = JSON.readTree("""
                {"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"AddonBilling","Dimensions":[[]],
                 "Metrics":[{"Name":"TickMore","Unit":"Things"}]}]},"TickMore":1}""");

        for (JsonNode wrong : List.of(valueMissing, dimensionNotAString, noTimestamp, unknownUnit)) {
            assertThat(EmfSpecification.violations(wrong)).as(wrong.toString()).isNotEmpty();
        }
    }

    private static List<Long> values(JsonNode line, String... names) {
        return Stream.of(names).map(name -> line.path(name).asLong(-1)).toList();
    }

    private static List<List<List<String>>> dimensionSets(JsonNode line) {
        List<List<List<String>>> all = new ArrayList<>();
        for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
            List<List<String>> sets = new ArrayList<>();
            for (JsonNode set : directive.path("Dimensions")) {
                List<String> keys = new ArrayList<>();
                set.forEach(key -> keys.add(key.asText()));
                sets.add(keys);
            }
            all.add(sets);
        }
        return all;
    }

    private static Map<String, String> units(JsonNode line) {
        Map<String, String> units = new java.util.HashMap<>();
        for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
            directive
                    .path("Metrics")
                    .forEach(m ->
                            units.put(m.path("Name").asText(), m.path("Unit").asText()));
        }
        return units;
    }
}
