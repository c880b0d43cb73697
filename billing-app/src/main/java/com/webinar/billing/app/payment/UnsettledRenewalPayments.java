package com.webinar.billing.app.payment;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Until renewals settle their payments (the renewal tick's issue), the webhook only logs renewal outcomes. */
@DefaultBean
@ApplicationScoped
public class UnsettledRenewalPayments implements RenewalPayments {
    private static final Logger LOG = Logger.getLogger(UnsettledRenewalPayments.class);

    @Override
    public void settle(UUID invoiceId, ChargeResult result, Instant now) {
        LOG.warnf("renewal invoice %s: %s is not applied (no RenewalPayments implementation)", invoiceId, result);
    }
}
