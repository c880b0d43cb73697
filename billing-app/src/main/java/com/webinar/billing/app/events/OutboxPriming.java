package com.webinar.billing.app.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.webinar.billing.app.snapstart.Primer;
import com.webinar.billing.app.snapstart.RolledBack;
import com.webinar.billing.core.BillingEvent.EntitlementsChanged;
import com.webinar.billing.core.BillingEvent.RenewalPaid;
import com.webinar.billing.core.Entitlements;
import com.webinar.billing.core.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * SnapStart priming of what a function does after its change: events made JSON (money, dates, ids, the
 * entitlements snapshot, both ways) and the entitlements check of {@link EventOutbox}, for an account that does not
 * exist, in a transaction that is rolled back: no outbox row, no snapshot written.
 */
@ApplicationScoped
class OutboxPriming implements Primer {
    private static final String NOBODY = "snapstart priming";

    @Inject
    EventOutbox outbox;

    @Inject
    RolledBack rolledBack;

    @Override
    public String prime() {
        Entitlements none = Entitlements.ofAccount(List.of(), 0);
        int bytes = EventOutbox.dataOf(new RenewalPaid(NOBODY, new UUID(0, 0), LocalDate.EPOCH, Money.of(0, "EUR"), 1))
                        .length()
                + EntitlementsChanged.between(NOBODY, null, none)
                        .map(EventOutbox::dataOf)
                        .orElse("")
                        .length()
                // a JSON tree written as text, as the metrics' lines and the entitlements snapshot are
                + JsonNodeFactory.instance
                        .objectNode()
                        .put("priming", 0)
                        .toString()
                        .length();
        rolledBack.call(() -> {
            outbox.announceEntitlements(List.of(NOBODY), Instant.EPOCH);
            return null;
        });
        return "events as JSON (" + bytes + " bytes) and the entitlements check of an unknown account, rolled back";
    }
}
