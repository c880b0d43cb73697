package com.webinar.billing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.app.renewal.RenewalReport;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import com.webinar.billing.http.JsonBodies;
import com.webinar.billing.http.NoFields;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.Duration;

/** SPEC §6: the renewal tick on demand, at the local clock's time, with the budget a Lambda would have. */
public class DevRenewalTick {
    static final Duration BUDGET = Duration.ofMinutes(4);

    @Inject
    RenewalTick tick;

    @Funq("renewal-tick")
    public RenewalReport tick(JsonNode body) {
        JsonBodies.read(body, NoFields.class);
        return tick.run(TickBudget.of(BUDGET));
    }
}
