package com.webinar.billing.app.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.webinar.billing.app.metrics.BusinessMetrics;
import com.webinar.billing.app.payment.ProviderPayments;
import com.webinar.billing.app.payment.ProviderPayments.ProviderPayment;
import com.webinar.billing.core.Reconciliation;
import com.webinar.billing.core.Reconciliation.Charged;
import com.webinar.billing.core.Reconciliation.Recorded;
import com.webinar.billing.model.PaidLedgerRepository;
import com.webinar.billing.model.PaidLedgerRepository.Paid;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Compares the provider's payments of a window with our ledger ({@link Reconciliation}) and reports every
 * difference: a log line holding the whole report as JSON (ERROR when there is a difference) and the metric {@code
 * ReconciliationDifferences}. It corrects nothing.
 *
 * <p>The provider's side is what it created in the window; the ledger's is what it recorded as paid in the window
 * and the payments of the invoices those charges name. A payment recorded in the window for a charge created before
 * it is looked up at the provider by its reference, so the edges of the window raise no false difference.
 */
@ApplicationScoped
public class Reconcile {
    private static final Logger LOG = Logger.getLogger(Reconcile.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    ProviderPayments provider;

    @Inject
    PaidLedgerRepository ledger;

    @Inject
    BusinessMetrics metrics;

    /** {@code [from, to)}. */
    public record Window(Instant from, Instant to) {
        public Window {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("the window [" + from + ", " + to + ") is empty");
            }
        }

        /** The UTC day before {@code now}'s: run after midnight, it leaves the late webhooks of the day time to land. */
        public static Window dayBefore(Instant now) {
            Instant to = now.truncatedTo(ChronoUnit.DAYS);
            return new Window(to.minus(Duration.ofDays(1)), to);
        }
    }

    public ReconciliationReport run(Window window) {
        Instant from = window.from();
        Instant to = window.to();
        Map<String, ProviderPayment> listed = new LinkedHashMap<>();
        ProviderPayments.Page page;
        String after = null;
        do {
            page = provider.page(from, to, after);
            page.payments().forEach(p -> listed.putIfAbsent(p.reference(), p));
            after = page.last();
        } while (page.more() && after != null);
        int providerPayments = listed.size();

        Set<Paid> paid =
                new LinkedHashSet<>(QuarkusTransaction.requiringNew().call(() -> ledger.recordedBetween(from, to)));
        List<UUID> named = listed.values().stream()
                .filter(ProviderPayment::succeeded)
                .map(ProviderPayment::invoiceId)
                .map(Reconcile::uuid)
                .filter(id -> id != null)
                .distinct()
                .toList();
        paid.addAll(QuarkusTransaction.requiringNew().call(() -> ledger.ofInvoices(named)));
        for (Paid recorded : paid) {
            if (recorded.reference() != null && !listed.containsKey(recorded.reference())) {
                provider.find(recorded.reference()).ifPresent(p -> listed.put(p.reference(), p));
            }
        }

        List<Charged> charged = listed.values().stream()
                .filter(ProviderPayment::succeeded)
                .map(p -> new Charged(p.reference(), p.invoiceId(), p.amountMinor(), p.currency()))
                .toList();
        List<Recorded> recorded = paid.stream()
                .map(p -> new Recorded(p.invoiceId().toString(), p.reference(), p.amountMinor(), p.currency()))
                .toList();
        ReconciliationReport report = new ReconciliationReport(
                from,
                to,
                providerPayments,
                charged.size(),
                recorded.size(),
                Reconciliation.differences(charged, recorded));
        if (report.clean()) {
            LOG.infof("reconciliation clean: %s", json(report));
        } else {
            LOG.errorf(
                    "reconciliation found %d differences: %s",
                    report.differences().size(), json(report));
        }
        metrics.reconciliation(report);
        return report;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null; // not one of ours: a charge no invoice of ours names
        }
    }

    static String json(ReconciliationReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            return report.toString();
        }
    }
}
