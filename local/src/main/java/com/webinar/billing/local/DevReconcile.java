package com.webinar.billing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.payment.ProviderPayments;
import com.webinar.billing.app.reconcile.Reconcile;
import com.webinar.billing.app.reconcile.Reconcile.Window;
import com.webinar.billing.app.reconcile.ReconciliationReport;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.http.JsonBodies;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The daily reconciliation on demand, against the local provider (or Stripe's test mode, with {@code
 * billing.payment-provider=stripe}): the UTC day before the local clock's, or {@code [from, to)}. Deployed, the
 * {@code reconcile} Lambda fails on a difference; here the report is the answer either way.
 */
public class DevReconcile {

    public record Body(Instant from, Instant to) {}

    @Inject
    Reconcile reconcile;

    @Inject
    Clock clock;

    @Funq("reconcile")
    public ReconciliationReport run(JsonNode body) {
        Body window = JsonBodies.read(body, Body.class);
        if ((window.from() == null) != (window.to() == null)) {
            throw new BillingException(BillingError.INVALID_REQUEST, "give both 'from' and 'to', or neither");
        }
        if (window.from() != null && !window.from().isBefore(window.to())) {
            throw new BillingException(BillingError.INVALID_REQUEST, "'from' must be before 'to'");
        }
        try {
            return reconcile.run(
                    window.from() == null ? Window.dayBefore(clock.instant()) : new Window(window.from(), window.to()));
        } catch (ProviderPayments.Unreadable e) {
            throw new BillingException(BillingError.UNAVAILABLE, e.getMessage());
        }
    }
}
