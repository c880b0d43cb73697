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

    /** The invoice a provider reference (a PaymentIntent id) was recorded for, if any. */
    public Optional<UUID> invoiceOfReference(String providerReference) {
        return em.createQuery(
                        "select e.invoiceId from PaymentEventEntity e where e.providerReference = ?1 order by e.id",
                        UUID.class)
                .setParameter(1, providerReference)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** What the ledger already records as refunded for an invoice, in minor units. */
    public long refundedMinor(UUID invoiceId) {
        Long sum = em.createQuery(
                        "select sum(e.amountMinor) from PaymentEventEntity e where e.invoiceId = ?1 and e.outcome = ?2",
                        Long.class)
                .setParameter(1, invoiceId)
                .setParameter(2, PaymentEventEntity.Outcome.REFUNDED)
                .getSingleResult();
        return sum == null ? 0 : sum;
    }

    // the owner's invoice history: newest first, a page at a time, with lines and payments

    /**
     * Up to {@code limit} invoices of the account, newest first in number order (year, then rank), after number
     * ({@code afterYear}, {@code afterSeq}) when {@code afterYear} is not null.
     */
    @SuppressWarnings("unchecked")
    public List<InvoiceEntity> page(String accountId, Integer afterYear, Long afterSeq, int limit) {
        String after = afterYear == null ? "" : " and (number_year, number_seq) < (:year, :seq)";
        var query = em.createNativeQuery(
                        "select * from invoice where account_id = :account" + after
                                + " order by number_year desc, number_seq desc limit :limit",
                        InvoiceEntity.class)
                .setParameter("account", accountId)
                .setParameter("limit", limit);
        if (afterYear != null) {
            query.setParameter("year", afterYear).setParameter("seq", afterSeq);
        }
        return query.getResultList();
    }

    public List<InvoiceLineEntity> linesOf(List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "from InvoiceLineEntity where key.invoiceId in ?1 order by key.invoiceId, key.lineNo",
                        InvoiceLineEntity.class)
                .setParameter(1, invoiceIds)
                .getResultList();
    }

    /** What the provider said about these invoices, in the order the ledger learnt it. */
    public List<PaymentEventEntity> paymentsOf(List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from PaymentEventEntity where invoiceId in ?1 order by id", PaymentEventEntity.class)
                .setParameter(1, invoiceIds)
                .getResultList();
    }
}
