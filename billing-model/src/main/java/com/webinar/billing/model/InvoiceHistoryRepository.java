package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account's invoices as its owner reads them: newest first, a page at a time, with lines and payments. */
@ApplicationScoped
public class InvoiceHistoryRepository {

    @Inject
    EntityManager em;

    /**
     * Up to {@code limit} invoices of the account issued before ({@code issuedAt}, {@code id}) in (issued_at, id)
     * order, newest first; from the newest when {@code afterIssuedAt} is null.
     */
    @SuppressWarnings("unchecked")
    public List<InvoiceEntity> page(String accountId, Instant afterIssuedAt, UUID afterId, int limit) {
        String after = afterIssuedAt == null ? "" : " and (issued_at, id) < (:issuedAt, :id)";
        var query = em.createNativeQuery(
                        "select * from invoice where account_id = :account" + after
                                + " order by issued_at desc, id desc limit :limit",
                        InvoiceEntity.class)
                .setParameter("account", accountId)
                .setParameter("limit", limit);
        if (afterIssuedAt != null) {
            query.setParameter("issuedAt", afterIssuedAt).setParameter("id", afterId);
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
