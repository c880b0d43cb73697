package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The payments our ledger records as taken ({@code SUCCEEDED} payment events), read for reconciliation. */
@ApplicationScoped
public class PaidLedgerRepository {

    /** A succeeded payment event with its invoice's currency. */
    public record Paid(UUID invoiceId, String reference, long amountMinor, String currency) {}

    private static final String SELECT = "select e.invoice_id, e.provider_reference, e.amount_minor, i.currency"
            + " from payment_event e join invoice i on i.id = e.invoice_id where e.outcome = ?1";

    @Inject
    EntityManager em;

    /** Recorded in {@code [from, to)}. */
    public List<Paid> recordedBetween(Instant from, Instant to) {
        return rows(em.createNativeQuery(SELECT + " and e.recorded_at >= ?2 and e.recorded_at < ?3 order by e.id")
                .setParameter(1, PaymentEventEntity.Outcome.SUCCEEDED.name())
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to))
                .getResultList());
    }

    /** Of these invoices, whenever recorded. */
    public List<Paid> ofInvoices(Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return rows(em.createNativeQuery(SELECT + " and e.invoice_id in (?2) order by e.id")
                .setParameter(1, PaymentEventEntity.Outcome.SUCCEEDED.name())
                .setParameter(2, List.copyOf(invoiceIds))
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<Paid> rows(List<?> rows) {
        return ((List<Object[]>) rows)
                .stream()
                        .map(row -> new Paid(
                                (UUID) row[0],
                                (String) row[1],
                                ((Number) row[2]).longValue(),
                                ((String) row[3]).trim()))
                        .toList();
    }
}
