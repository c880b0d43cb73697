package com.webinar.billing.functions.reconcile;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.webinar.billing.app.reconcile.Reconcile;
import com.webinar.billing.app.reconcile.Reconcile.Window;
import com.webinar.billing.app.reconcile.ReconciliationReport;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.MDC;

/**
 * EventBridge Scheduler calls this once a day with {@code {"scheduledTime": "<instant>"}}: it reconciles the UTC day
 * before. {@code {"from": "<instant>", "to": "<instant>"}} reconciles another window (a rerun by hand). A difference
 * fails the invocation ({@link DifferencesFound}), so the scheduler's retries, the Lambda's error metric and the
 * {@code ReconciliationDifferences} alarm all see it.
 */
public class ReconcileHandler implements RequestHandler<ReconcileHandler.Request, ReconciliationReport> {

    public record Request(String scheduledTime, String from, String to) {}

    /** Thrown so that the invocation fails; the report itself is in the log line before. */
    public static final class DifferencesFound extends RuntimeException {
        DifferencesFound(ReconciliationReport report) {
            super(report.differences().size() + " differences between the payment provider and the ledger in ["
                    + report.from() + ", " + report.to() + "): see the reconciliation log line");
        }
    }

    @Inject
    Reconcile reconcile;

    @Inject
    Clock clock;

    @Override
    public ReconciliationReport handleRequest(Request request, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        MDC.put("function", "reconcile");
        try {
            Window window = request != null && request.from() != null && request.to() != null
                    ? new Window(Instant.parse(request.from()), Instant.parse(request.to()))
                    : Window.dayBefore(clock.instant());
            ReconciliationReport report = reconcile.run(window);
            if (!report.clean()) {
                throw new DifferencesFound(report);
            }
            return report;
        } finally {
            MDC.remove("requestId");
            MDC.remove("function");
        }
    }
}
