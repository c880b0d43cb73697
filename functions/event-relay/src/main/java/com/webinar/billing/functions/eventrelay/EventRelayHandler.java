package com.webinar.billing.functions.eventrelay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.webinar.billing.app.events.EventBus;
import com.webinar.billing.app.events.OutboxRelay;
import com.webinar.billing.app.events.RelayReport;
import com.webinar.billing.app.metrics.OutboxAgeMetric;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * EventBridge Scheduler calls this every minute; it publishes the outbox for {@code billing.events.run-for} (55 s),
 * a pass every half second or at once while there is work, so an event reaches the bus within about a second of
 * its commit (docs/events.md, "Trigger and cost").
 */
public class EventRelayHandler implements RequestHandler<EventRelayHandler.Schedule, RelayReport> {
    private static final Logger LOG = Logger.getLogger(EventRelayHandler.class);
    /** Left for the last pass and the answer before the Lambda's own deadline. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(10);
    // Terraform gives it 90 s: 55 s of publishing stays well under the duration alarm (80 % of the timeout)

    public record Schedule(String scheduledTime) {}

    @Inject
    OutboxRelay relay;

    @Inject
    EventBus bus;

    @Inject
    OutboxAgeMetric metric;

    @ConfigProperty(name = "billing.events.run-for", defaultValue = "55S")
    Duration runFor;

    @Override
    public RelayReport handleRequest(Schedule schedule, Context context) {
        long millis = context.getRemainingTimeInMillis();
        Duration budget = millis > 0 && millis - SAFETY_MARGIN.toMillis() < runFor.toMillis()
                ? Duration.ofMillis(Math.max(0, millis - SAFETY_MARGIN.toMillis()))
                : runFor;
        RelayReport report = relay.run(bus, budget, pause -> Thread.sleep(pause.toMillis()));
        metric.emit(report.oldestUnpublishedSeconds());
        LOG.infof("event relay scheduled at %s: %s", schedule == null ? "?" : schedule.scheduledTime(), report);
        return report;
    }
}
