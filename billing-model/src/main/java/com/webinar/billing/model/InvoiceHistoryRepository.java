package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** An account's invoices as its owner reads them: newest first, a page at a time, with lines and payments. */
@ApplicationScoped
public class InvoiceHistoryRepository {

    @Inject
    EntityManager em;

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
