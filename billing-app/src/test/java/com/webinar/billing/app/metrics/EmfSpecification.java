package com.webinar.billing.app.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules of CloudWatch's "Specification: Embedded metric format" that a document must meet for CloudWatch Logs
 * to extract its metrics: the {@code _aws} metadata (Timestamp, CloudWatchMetrics), each MetricDirective
 * (Namespace, Dimensions, Metrics) and the target members on the root node that they name.
 */
final class EmfSpecification {
    private static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");

    private EmfSpecification() {}

    /** What is wrong with the document; empty when CloudWatch would extract its metrics. */
    static List<String> violations(JsonNode root) {
        List<String> wrong = new ArrayList<>();
        if (!root.isObject()) {
            return List.of("the root node is not a JSON object");
        }
        JsonNode aws = root.path("_aws");
        if (!aws.isObject()) {
            return List.of("no _aws metadata object");
        }
        if (!aws.path("Timestamp").isIntegralNumber() || aws.path("Timestamp").asLong() <= 0) {
            wrong.add("_aws.Timestamp is not a number of milliseconds since the epoch");
        }
        JsonNode directives = aws.path("CloudWatchMetrics");
        if (!directives.isArray() || directives.isEmpty()) {
            wrong.add("_aws.CloudWatchMetrics is not a non-empty array of MetricDirective");
            return wrong;
        }
        for (JsonNode directive : directives) {
            checkDirective(root, directive, wrong);
        }
        return wrong;
    }

    private static void checkDirective(JsonNode root, JsonNode directive, List<String> wrong) {
        String namespace = directive.path("Namespace").asText("");
        if (!directive.path("Namespace").isTextual() || namespace.isEmpty() || namespace.length() > 255) {
            wrong.add("a directive's Namespace is not a string of 1 to 255 characters");
        }
        JsonNode sets = directive.path("Dimensions");
        if (!sets.isArray()) {
            wrong.add("a directive's Dimensions is not an array of DimensionSet");
        }
        for (JsonNode set : sets) {
            if (!set.isArray() || set.size() > 30) {
                wrong.add("a DimensionSet is not an array of at most 30 dimension keys");
                continue;
            }
            for (JsonNode key : set) {
                if (!root.path(key.asText()).isTextual()) {
                    wrong.add("dimension " + key + " is not a string member of the root node");
                }
            }
        }
        JsonNode metrics = directive.path("Metrics");
        if (!metrics.isArray() || metrics.isEmpty() || metrics.size() > 100) {
            wrong.add("a directive's Metrics is not an array of 1 to 100 MetricDefinition");
            return;
        }
        for (JsonNode metric : metrics) {
            String name = metric.path("Name").asText("");
            if (name.isEmpty() || name.length() > 255) {
                wrong.add("a MetricDefinition has no Name of 1 to 255 characters");
            }
            if (metric.has("Unit") && !UNITS.contains(metric.path("Unit").asText())) {
                wrong.add("metric " + name + " has unit " + metric.path("Unit") + ", not a CloudWatch unit");
            }
            JsonNode value = root.path(name);
            boolean numbers = value.isArray() && value.size() <= 100 && allNumbers(value);
            if (!value.isNumber() && !numbers) {
                wrong.add("metric " + name + " has no number (or array of at most 100) on the root node");
            }
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isNumber()) {
                return false;
            }
        }
        return true;
    }
}
