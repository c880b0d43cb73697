package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingPeriod;
import com.webinar.billing.core.EndReason;
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
    private static final List<PurchaseStatus> GRANTING = PurchaseStatus.where(PurchaseStatus::grants);

    /** A paid renewal makes exactly the purchases it held past due active again. */
    static final String RECOVER_PURCHASES = """
            update purchase set status = :active, past_due_invoice_id = null, updated_at = :now
             where past_due_invoice_id in (:ids) and status in (:recovering)""";

    /** A refused renewal holds its purchases past due (and only those it holds). */
    static final String HOLD_PURCHASES_PAST_DUE = """
            update purchase p set status = :pastDue, past_due_invoice_id = l.invoice_id, updated_at = :now
              from invoice_line l
             where l.purchase_id = p.id and l.invoice_id in (:ids) and p.status in (:falling)""";

    /** A purchase that grants, of one of several accounts. */
    public record GrantRow(String accountId, AddOn addOn, int quantity, PurchaseStatus status) {}

    /**
     * A purchase a batch has just ended; {@code unpaidInvoiceId} is the renewal it never paid, if that is why;
     * {@code endReason} who scheduled its end (the owner or the plan), if anyone did.
     */
    public record Ended(
            UUID purchaseId, String accountId, AddOn addOn, int quantity, UUID unpaidInvoiceId, EndReason endReason) {}

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
     * activeUntil} is at most the account's cycle end), and, on an account that is on a free plan, every recurring
     * purchase that still grants (R1: add-ons exist only on a paid plan), recording {@link EndReason#PLAN} where no
     * reason was recorded.
     */
    @SuppressWarnings("unchecked")
    public List<Ended> endAtTurn(Collection<String> accountIds, Collection<String> freePlans, Instant now) {
        return ended(getEntityManager()
                .createNativeQuery("""
                        update purchase p set status = :ended, updated_at = :now,
                               end_reason = coalesce(p.end_reason, :planEnd),
                               active_until = least(coalesce(p.active_until, a.cycle_start + a.days), a.cycle_start + a.days)
                          from (select id, plan, cycle_start,
                                       case billing_period when :monthlyPeriod then :monthly when :annualPeriod then :annual end as days
                                  from account where id in (:ids)) a
                         where a.id = p.account_id
                           and ((p.status in (:endingWhenScheduled) and p.active_until <= a.cycle_start + a.days)
                                or (a.plan in (:freePlans) and p.add_on in (:recurring) and p.status in (:granting)))
                        returning p.id, p.account_id, p.add_on, p.quantity, cast(null as uuid), p.end_reason
                        """)
                .setParameter("now", now)
                .setParameter("ids", accountIds)
                .setParameter("planEnd", EndReason.PLAN.name())
                .setParameter("freePlans", freePlans)
                .setParameter(
                        "recurring", AddOn.recurring().stream().map(Enum::name).toList())
                .setParameter("monthlyPeriod", BillingPeriod.MONTHLY.name())
                .setParameter("monthly", BillingPeriod.MONTHLY.days())
                .setParameter("annualPeriod", BillingPeriod.ANNUAL.name())
                .setParameter("annual", BillingPeriod.ANNUAL.days())
                .setParameter("ended", PurchaseStatus.ENDED.name())
                .setParameter("endingWhenScheduled", names(PurchaseStatus.where(PurchaseStatus::endsWhenScheduled)))
                .setParameter("granting", names(GRANTING))
                .getResultList());
    }

    /** R8 when the grace period is over: ends the purchases held {@code PAST_DUE} by these renewal invoices. */
    @SuppressWarnings("unchecked")
    public List<Ended> endUnpaid(Collection<UUID> invoiceIds, Instant now) {
        return ended(getEntityManager()
                .createNativeQuery("""
                        update purchase set status = :ended, updated_at = :now
                         where past_due_invoice_id in (:ids) and status in (:endingUnpaid)
                        returning id, account_id, add_on, quantity, past_due_invoice_id, end_reason
                        """)
                .setParameter("ended", PurchaseStatus.ENDED.name())
                .setParameter("endingUnpaid", names(PurchaseStatus.where(PurchaseStatus::endsUnpaid)))
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
                        row[4] == null ? null : uuid(row[4]),
                        row[5] == null ? null : EndReason.valueOf((String) row[5])))
                .toList();
    }

    /** {@link #RECOVER_PURCHASES}. */
    public int recoverPurchases(Collection<UUID> paidInvoices, Instant now) {
        if (paidInvoices.isEmpty()) {
            return 0;
        }
        return getEntityManager()
                .createNativeQuery(RECOVER_PURCHASES)
                .setParameter("now", now)
                .setParameter("ids", paidInvoices)
                .setParameter("active", PurchaseStatus.ACTIVE.name())
                .setParameter("recovering", names(PurchaseStatus.where(PurchaseStatus::recoversWhenPaid)))
                .executeUpdate();
    }

    /** {@link #HOLD_PURCHASES_PAST_DUE}. */
    public int holdPurchasesPastDue(Collection<UUID> refusedInvoices, Instant now) {
        if (refusedInvoices.isEmpty()) {
            return 0;
        }
        return getEntityManager()
                .createNativeQuery(HOLD_PURCHASES_PAST_DUE)
                .setParameter("now", now)
                .setParameter("ids", refusedInvoices)
                .setParameter("pastDue", PurchaseStatus.PAST_DUE.name())
                .setParameter("falling", names(PurchaseStatus.where(PurchaseStatus::fallsPastDue)))
                .executeUpdate();
    }

    private static List<String> names(List<PurchaseStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    /** The recurring purchases that would renew at the turn: the ones a move to a free plan ends. */
    public List<PurchaseEntity> renewing(String accountId) {
        return list(
                "accountId = ?1 and status in ?2 and addOn in ?3 order by purchasedAt, id",
                accountId,
                List.of(PurchaseStatus.ACTIVE, PurchaseStatus.PAST_DUE),
                AddOn.recurring());
    }

    /** The purchases whose end the plan scheduled and that have not ended yet. */
    public List<PurchaseEntity> endingBy(String accountId, EndReason reason) {
        return list(
                "accountId = ?1 and status = ?2 and endReason = ?3 order by purchasedAt, id",
                accountId,
                PurchaseStatus.CANCELLATION_SCHEDULED,
                reason);
    }

    /** An account's active purchases of an add-on, oldest first: where a new sub-account takes a seat. */
    public List<PurchaseEntity> activeOf(String accountId, AddOn addOn) {
        return list(
                "accountId = ?1 and addOn = ?2 and status = ?3 order by purchasedAt, id",
                accountId,
                addOn,
                PurchaseStatus.ACTIVE);
    }
}
