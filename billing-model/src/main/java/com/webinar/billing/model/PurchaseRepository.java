package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingPeriod;
import com.webinar.billing.core.PurchaseStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<PurchaseEntity, UUID> {
    private static final List<PurchaseStatus> GRANTING =
            List.of(PurchaseStatus.ACTIVE, PurchaseStatus.CANCELLATION_SCHEDULED, PurchaseStatus.PAST_DUE);

    /** A purchase that grants, of one of several accounts. */
    public record GrantRow(String accountId, AddOn addOn, int quantity, PurchaseStatus status) {}

    /** A purchase a batch has just ended; {@code unpaidInvoiceId} is the renewal it never paid, if that is why. */
    public record Ended(UUID purchaseId, String accountId, AddOn addOn, int quantity, UUID unpaidInvoiceId) {}

    public Optional<PurchaseEntity> byIdempotencyKey(String accountId, String idempotencyKey) {
        return find("accountId = ?1 and idempotencyKey = ?2", accountId, idempotencyKey)
                .firstResultOptional();
    }

    public Optional<PurchaseEntity> byQuote(UUID quoteId) {
        return find("quoteId", quoteId).firstResultOptional();
    }

    public List<PurchaseEntity> ofAccount(String accountId) {
        return list("accountId = ?1 order by purchasedAt, id", accountId);
    }

    /** The purchases that grant what they sell right now (R10). */
    public List<PurchaseEntity> granting(String accountId) {
        return list("accountId = ?1 and status in ?2 order by purchasedAt, id", accountId, GRANTING);
    }

    /** {@link #granting} of several accounts in one query. */
    public List<GrantRow> grantingOf(Collection<String> accountIds) {
        return getEntityManager()
                .createQuery(
                        "select p.accountId, p.addOn, p.quantity, p.status from PurchaseEntity p"
                                + " where p.accountId in ?1 and p.status in ?2",
                        Object[].class)
                .setParameter(1, accountIds)
                .setParameter(2, GRANTING)
                .getResultStream()
                .map(row -> new GrantRow(
                        (String) row[0], (AddOn) row[1], ((Number) row[2]).intValue(), (PurchaseStatus) row[3]))
                .toList();
    }

    /**
     * R6 at the turn: ends the purchases of these accounts cancelled for the cycle that ends now (their {@code
     * activeUntil} is at most the account's cycle end).
     */
    @SuppressWarnings("unchecked")
    public List<Ended> endCancelledAtTurn(Collection<String> accountIds, Instant now) {
        return ended(getEntityManager()
                .createNativeQuery("""
                        update purchase p set status = 'ENDED', updated_at = :now
                          from account a
                         where a.id = p.account_id and p.account_id in (:ids)
                           and p.status = 'CANCELLATION_SCHEDULED'
                           and p.active_until <= a.cycle_start
                                + case a.billing_period when 'MONTHLY' then :monthly else :annual end
                        returning p.id, p.account_id, p.add_on, p.quantity, cast(null as uuid)
                        """)
                .setParameter("now", now)
                .setParameter("ids", accountIds)
                .setParameter("monthly", BillingPeriod.MONTHLY.days())
                .setParameter("annual", BillingPeriod.ANNUAL.days())
                .getResultList());
    }

    /** R8 when the grace period is over: ends the purchases held {@code PAST_DUE} by these renewal invoices. */
    @SuppressWarnings("unchecked")
    public List<Ended> endUnpaid(Collection<UUID> invoiceIds, Instant now) {
        return ended(getEntityManager()
                .createNativeQuery("""
                        update purchase set status = 'ENDED', updated_at = :now
                         where past_due_invoice_id in (:ids) and status = 'PAST_DUE'
                        returning id, account_id, add_on, quantity, past_due_invoice_id
                        """)
                .setParameter("now", now)
                .setParameter("ids", invoiceIds)
                .getResultList());
    }

    private static List<Ended> ended(List<Object[]> rows) {
        return rows.stream()
                .map(row -> new Ended(
                        uuid(row[0]),
                        (String) row[1],
                        AddOn.valueOf((String) row[2]),
                        ((Number) row[3]).intValue(),
                        row[4] == null ? null : uuid(row[4])))
                .toList();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
