package com.webinar.billing.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invoices, their lines and what the provider said about them: append-only. */
@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<InvoiceEntity, UUID> {

    @Inject
    EntityManager em;

    public void append(InvoiceEntity invoice, List<InvoiceLineEntity> lines) {
        persist(invoice);
        lines.forEach(em::persist);
    }

    public void append(PaymentEventEntity event) {
        em.persist(event);
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
