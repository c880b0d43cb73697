package com.webinar.billing.app.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webinar.billing.app.reconcile.ReconciliationReport;
import com.webinar.billing.app.renewal.RenewalReport;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.core.Reconciliation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The business metrics, as CloudWatch Embedded Metric Format documents: one JSON object per line on standard
 * output, which CloudWatch Logs turns into metrics of namespace {@value #NAMESPACE} (no SDK, no call to AWS while
 * answering). Written to stdout itself, not through the logger, whose JSON would wrap the document in a message.
 * terraform/observability.tf graphs and alarms on these names.
 */
@ApplicationScoped
public class BusinessMetrics {
    public static final String NAMESPACE = "AddonBilling";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a renewal charge came to. {@code ENDED}: its last retry was refused, so it also counts as failed. */
    public enum RenewalResult {
        CHARGED,
        FAILED,
        ENDED
    }

    public record Renewal(String currency, long amountMinor, RenewalResult result) {}

    private record Metric(String name, String unit, long value) {}

    /** Metrics and the dimension sets CloudWatch files them under (an empty set: all of them together). */
    private record Directive(List<List<String>> dimensionSets, List<Metric> metrics) {}

    private final Clock clock;
    private final Consumer<String> out;

    @Inject
    public BusinessMetrics(Clock clock) {
        // System.out looked up at each line, not kept: whoever replaced it (a test) gets the line
        this(clock, line -> System.out.println(line));
    }

    BusinessMetrics(Clock clock, Consumer<String> out) {
        this.clock = clock;
        this.out = out;
    }

    /** A purchase made (not a replay of one), by the status it ended the call in. */
    public void purchase(AddOn addOn, PurchaseStatus outcome) {
        emit(
                Map.of("Outcome", outcome.name(), "AddOn", addOn.name()),
                new Directive(List.of(List.of("Outcome")), List.of(count("Purchases", 1))));
    }

    /** The renewal charges one batch settled: counts and amounts (minor units) per currency, and counts overall. */
    public void renewals(List<Renewal> renewals) {
        Map<String, RenewalSums> byCurrency = new TreeMap<>();
        for (Renewal renewal : renewals) {
            byCurrency
                    .computeIfAbsent(renewal.currency(), c -> new RenewalSums())
                    .add(renewal);
        }
        byCurrency.forEach((currency, sums) -> {
            List<Metric> counts = List.of(
                    count("RenewalsCharged", sums.charged),
                    count("RenewalsFailed", sums.failed),
                    count("RenewalsEnded", sums.ended));
            List<Metric> amounts = List.of(
                    new Metric("RenewalsChargedAmount", "None", sums.chargedMinor),
                    new Metric("RenewalsFailedAmount", "None", sums.failedMinor),
                    new Metric("RenewalsEndedAmount", "None", sums.endedMinor));
            emit(
                    Map.of("Currency", currency),
                    new Directive(List.of(List.of("Currency")), concat(counts, amounts)),
                    // amounts in different currencies do not add up: only the counts go across currencies
                    new Directive(List.of(List.of()), counts));
        });
    }

    private static final class RenewalSums {
        long charged, failed, ended, chargedMinor, failedMinor, endedMinor;

        void add(Renewal renewal) {
            if (renewal.result() == RenewalResult.CHARGED) {
                charged++;
                chargedMinor += renewal.amountMinor();
                return;
            }
            failed++;
            failedMinor += renewal.amountMinor();
            if (renewal.result() == RenewalResult.ENDED) {
                ended++;
                endedMinor += renewal.amountMinor();
            }
        }
    }

    /** A signed webhook event, by its type and what became of it ({@code applied}, {@code duplicate}, ...). */
    public void webhookEvent(String type, String outcome) {
        emit(
                Map.of("EventType", type, "Outcome", outcome),
                new Directive(List.of(List.of("EventType", "Outcome")), List.of(count("WebhookEvents", 1))));
    }

    /** A webhook request refused for its signature: a misconfigured secret, or someone forging events. */
    public void webhookSignatureFailure() {
        emit(Map.of(), new Directive(List.of(List.of()), List.of(count("WebhookSignatureFailures", 1))));
    }

    /** One renewal tick: how long it took, whether it stopped on its budget ({@code more}), what it did. */
    public void tick(RenewalReport report, Duration took) {
        emit(
                Map.of(),
                new Directive(
                        List.of(List.of()),
                        List.of(
                                new Metric("TickDuration", "Milliseconds", took.toMillis()),
                                count("TickMore", report.more() ? 1 : 0),
                                count("TickAccountsRenewed", report.accountsRenewed()),
                                count("TickPaymentsFailed", report.paymentsFailed()),
                                count("TickPurchasesEnded", report.purchasesEnded()))));
    }

    /** One reconciliation: the charges it checked and the differences it found, in all and by kind. */
    public void reconciliation(ReconciliationReport report) {
        emit(
                Map.of(),
                new Directive(
                        List.of(List.of()),
                        List.of(
                                count("ReconciliationCharges", report.charged()),
                                count(
                                        "ReconciliationDifferences",
                                        report.differences().size()))));
        Map<Reconciliation.Kind, Long> byKind = new TreeMap<>();
        report.differences().forEach(d -> byKind.merge(d.kind(), 1L, Long::sum));
        byKind.forEach((kind, n) -> emit(
                Map.of("Kind", kind.name()),
                new Directive(List.of(List.of("Kind")), List.of(count("ReconciliationDifferences", n)))));
    }

    private void emit(Map<String, String> dimensions, Directive... directives) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ArrayNode metricDirectives = aws.putArray("CloudWatchMetrics");
        for (Directive directive : directives) {
            ObjectNode node = metricDirectives.addObject();
            node.put("Namespace", NAMESPACE);
            ArrayNode sets = node.putArray("Dimensions");
            for (List<String> set : directive.dimensionSets()) {
                ArrayNode keys = sets.addArray();
                set.forEach(keys::add);
            }
            ArrayNode metrics = node.putArray("Metrics");
            for (Metric metric : directive.metrics()) {
                metrics.addObject().put("Name", metric.name()).put("Unit", metric.unit());
                line.put(metric.name(), metric.value());
            }
        }
        dimensions.forEach(line::put);
        String function = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        if (function != null) {
            line.put("FunctionName", function);
        }
        out.accept(line.toString());
    }

    private static Metric count(String name, long value) {
        return new Metric(name, "Count", value);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
