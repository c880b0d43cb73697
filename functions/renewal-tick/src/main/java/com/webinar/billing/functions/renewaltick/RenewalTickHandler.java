package com.webinar.billing.functions.renewaltick;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.webinar.billing.app.renewal.RenewalReport;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** EventBridge Scheduler calls this every 15 minutes with {@code {"scheduledTime": "<instant>"}}. */
public class RenewalTickHandler implements RequestHandler<RenewalTickHandler.Schedule, RenewalReport> {
    private static final Logger LOG = Logger.getLogger(RenewalTickHandler.class);
    /** Left for committing the last batch and answering: the next tick goes on from there. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(30);
    /** For a runtime that states no deadline (the mock event server of tests and dev mode). */
    static final Duration WITHOUT_DEADLINE = Duration.ofMinutes(4);
    /** A Lambda runs 15 minutes at most: anything else is a runtime without a deadline. */
    static final long LAMBDA_LIMIT_MILLIS = Duration.ofMinutes(15).toMillis();

    public record Schedule(String scheduledTime) {}

    @Inject
    RenewalTick tick;

    @Override
    public RenewalReport handleRequest(Schedule schedule, Context context) {
        long millis = context.getRemainingTimeInMillis();
        Duration remaining = millis > 0 && millis <= LAMBDA_LIMIT_MILLIS
                ? Duration.ofMillis(millis).minus(SAFETY_MARGIN)
                : WITHOUT_DEADLINE;
        // this thread serves every invocation: its MDC is this invocation's only until the answer
        MDC.put("requestId", context.getAwsRequestId());
        MDC.put("function", "renewal-tick");
        try {
            RenewalReport report = tick.run(TickBudget.of(remaining));
            LOG.infof("renewal tick scheduled at %s: %s", schedule == null ? "?" : schedule.scheduledTime(), report);
            return report;
        } finally {
            MDC.remove("requestId");
            MDC.remove("function");
        }
    }
}
