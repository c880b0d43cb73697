package com.webinar.billing.model;

import com.webinar.billing.core.InvoiceNumber;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Invoices, their lines and what the provider said about them: append-only. */
@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<InvoiceEntity, UUID> {

    @Inject
    EntityManager em;

    @Inject
    InvoiceNumberRepository numbers;

    /** Issues the invoice: it takes the next number of its year's series in the caller's transaction. */
    public void append(InvoiceEntity invoice, List<InvoiceLineEntity> lines) {
        invoice.numberYear = InvoiceNumber.yearOf(invoice.issuedAt);
        invoice.numberSeq = numbers.take(invoice.numberYear, 1);
        persist(invoice);
        lines.forEach(em::persist);
    }

    public void append(PaymentEventEntity event) {
        em.persist(event);
    }

    /** One provider answer about an invoice, for {@link #appendAnswers}. */
    public record ProviderAnswer(
            UUID invoiceId, PaymentEventEntity.Outcome outcome, long amountMinor, String providerReference) {}

    /** Appends many provider answers recorded at {@code now} in one statement. */
    public void appendAnswers(List<ProviderAnswer> answers, Instant now) {
        if (answers.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into payment_event (invoice_id, outcome, amount_minor, provider_reference, recorded_at)"
                            + " select i, o, a, r, ? from unnest(?::uuid[], ?::text[], ?::bigint[], ?::text[])"
                            + " as e(i, o, a, r)")) {
                insert.setTimestamp(1, Timestamp.from(now));
                insert.setArray(
                        2,
                        connection.createArrayOf(
                                "uuid",
                                answers.stream().map(ProviderAnswer::invoiceId).toArray()));
                insert.setArray(
                        3,
                        connection.createArrayOf(
                                "text",
                                answers.stream().map(a -> a.outcome().name()).toArray()));
                insert.setArray(
                        4,
                        connection.createArrayOf(
                                "bigint",
                                answers.stream()
                                        .map(ProviderAnswer::amountMinor)
                                        .toArray()));
                insert.setArray(
                        5,
                        connection.createArrayOf(
                                "text",
                                answers.stream()
                                        .map(ProviderAnswer::providerReference)
                                        .toArray()));
                insert.executeUpdate();
            }
        });
    }

    public Optional<InvoiceEntity> byPaymentKey(String paymentKey) {
        return find("paymentKey", paymentKey).firstResultOptional();
    }

    public List<InvoiceLineEntity> linesOf(UUID invoiceId) {
        return em.createQuery(
                        "from InvoiceLineEntity where key.invoiceId = ?1 order by key.lineNo", InvoiceLineEntity.class)
                .setParameter(1, invoiceId)
                .getResultList();
    }

    public Optional<PaymentEventEntity> lastPaymentEvent(UUID invoiceId) {
        return em.createQuery("from PaymentEventEntity where invoiceId = ?1 order by id desc", PaymentEventEntity.class)
                .setParameter(1, invoiceId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
