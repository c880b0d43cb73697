package com.webinar.billing.app.reconcile;

import com.webinar.billing.core.Reconciliation.Difference;
import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation found for {@code [from, to)}: how many payments the provider listed, how many of them it
 * took, how many the ledger records as paid, and every difference. Clean when there is none.
 */
public record ReconciliationReport(
        Instant from, Instant to, int providerPayments, int charged, int recorded, List<Difference> differences) {

    public boolean clean() {
        return differences.isEmpty();
    }
}
