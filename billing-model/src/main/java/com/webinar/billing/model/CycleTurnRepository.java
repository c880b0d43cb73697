package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingPeriod;
import com.webinar.billing.core.PaymentKeys;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.core.RenewalStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * R7 at the turn, set-based: a batch of accounts is a handful of statements, each run in the caller's
 * transaction. Every rule constant (cycle lengths, statuses, kinds, the payment key's shape) is a parameter.
 */
@ApplicationScoped
public class CycleTurnRepository {

    /** The length of a cycle of {@code period}, from {@link BillingPeriod#days()}. */
    private static String daysOf(String period) {
        return "(case " + period + " when :monthly then :monthlyDays when :annual then :annualDays end)";
    }

    /** A period change scheduled for the turn (account-sync) gives the new cycle its length and prices. */
    private static final String NEXT_PERIOD = "coalesce(a.pending_billing_period, a.billing_period)";

    private static final String CYCLE_DAYS = daysOf("a.billing_period");
    private static final String NEXT_CYCLE_DAYS = daysOf(NEXT_PERIOD);

    /** An account claimed at its turn; ({@code turnsAt}, {@code id}) is where the next claim goes on from. */
    public record DueAccount(String id, Instant turnsAt) {}

    /** Up to {@code :limit} accounts whose cycle has turned, from the oldest turn, locked for this transaction. */
    static final String CLAIM_DUE_ACCOUNTS = """
            select id, cycle_turns_at from account where cycle_turns_at <= :now order by cycle_turns_at, id
             limit :limit for update skip locked""";

    /**
     * {@link #CLAIM_DUE_ACCOUNTS} after the last account claimed. The index range starts there: from the start,
     * each batch would step over the index entries every earlier batch left behind (the accounts it moved on,
     * dead until vacuumed), a cost that grows with the backlog.
     */
    static final String CLAIM_DUE_ACCOUNTS_AFTER = """
            select id, cycle_turns_at from account
             where cycle_turns_at <= :now and (cycle_turns_at, id) > (:afterTurn, :afterId)
             order by cycle_turns_at, id
             limit :limit for update skip locked""";

    /** What a free account still owes for a cycle it has left is no longer collected. */
    static final String DROP_RENEWALS_OF_FREE_ACCOUNTS = """
            update renewal r set status = :unpaidEnded, next_retry_at = null, leased_until = null, updated_at = :now
              from account a
             where a.id = r.account_id and r.account_id in (:ids) and a.plan in (:freePlans)
               and r.status in (:open)""";

    /** What goes on into the new cycle of the claimed accounts, at the catalog price in force on its first day. */
    static final String RENEWED_LINES = """
            select p.id as purchase_id, p.account_id, p.add_on, p.quantity, p.purchased_at, a.currency, a.new_start,
                   a.new_end,
                   (select c.unit_price_minor from catalog_price c
                     where c.add_on = p.add_on and c.billing_period = a.billing_period and c.currency = a.currency
                       and c.valid_from <= a.new_start
                     order by c.valid_from desc limit 1) as unit_price
              from purchase p
              join (select a.id, a.currency, %1$s as billing_period, a.cycle_start + %2$s as new_start,
                           a.cycle_start + %2$s + %3$s as new_end
                      from account a where a.id in (:ids) and a.plan in (:paidPlans)) a on a.id = p.account_id
             where p.active_from < a.new_start and p.add_on in (:recurring)
               and (p.status in (:renewing)
                    or (p.status in (:endingWhenScheduled) and p.active_until > a.new_start))
            """.formatted(NEXT_PERIOD, CYCLE_DAYS, NEXT_CYCLE_DAYS);

    /**
     * One statement: the lines are read once, the batch's invoices take one block of numbers (one short lock of
     * the year's counter per batch, held to this commit), and an account that already has its renewal invoice
     * (the claim's row lock keeps any other writer out) is left out before numbering: no number is lost.
     */
    static final String ISSUE_RENEWAL_INVOICES =
            """
            with lines as materialized (%s),
            issued as materialized (
                select l.account_id, l.new_start, l.new_end, l.currency,
                       sum(l.unit_price * l.quantity) as total,
                       row_number() over (order by l.account_id) as rank
                  from lines l
                 where not exists (select 1 from invoice e where e.kind = :renewalKind
                                      and e.account_id = l.account_id and e.cycle_start = l.new_start)
                 group by l.account_id, l.new_start, l.new_end, l.currency),
            block as (%s),
            invoices as (
                insert into invoice (id, account_id, kind, cycle_start, cycle_end, currency, total_minor,
                                     issued_at, payment_key, number_year, number_seq)
                select uuid_v7(), s.account_id, :renewalKind, s.new_start, s.new_end, s.currency,
                       s.total, :now, :keyPrefix || s.account_id || :keySeparator || s.new_start, :year,
                       b.last_seq - (select count(*) from issued) + s.rank
                  from issued s cross join block b
                returning id, account_id, cycle_start, total_minor),
            renewals as (
                insert into renewal (invoice_id, account_id, cycle_start, status, updated_at)
                select i.id, i.account_id, i.cycle_start,
                       case when i.total_minor = 0 then :paid else :due end, :now
                  from invoices i
                returning 1),
            inserted as (
                insert into invoice_line (invoice_id, line_no, purchase_id, add_on, quantity, unit_price_minor, amount_minor)
                select i.id, row_number() over (partition by i.id order by l.purchased_at, l.purchase_id),
                       l.purchase_id, l.add_on, l.quantity, l.unit_price, l.unit_price * l.quantity
                  from lines l
                  join invoices i on i.account_id = l.account_id
                returning 1)
            select count(*) from inserted
            """.formatted(RENEWED_LINES, InvoiceNumberRepository.reserve("select count(*) from issued"));

    static final String MOVE_CYCLES_ON = """
            update account a
               set cycle_start = a.cycle_start + %1$s,
                   billing_period = %2$s,
                   pending_billing_period = null,
                   cycle_turns_at = ((a.cycle_start + %1$s + %3$s)::timestamp at time zone a.time_zone),
                   updated_at = :now
             where a.id in (:ids)
            """.formatted(CYCLE_DAYS, NEXT_PERIOD, NEXT_CYCLE_DAYS);

    @Inject
    EntityManager em;

    /** {@link #CLAIM_DUE_ACCOUNTS}, or {@link #CLAIM_DUE_ACCOUNTS_AFTER} {@code after} when there is one. */
    @SuppressWarnings("unchecked")
    public List<DueAccount> claimDue(Instant now, DueAccount after, int limit) {
        Query claim = em.createNativeQuery(after == null ? CLAIM_DUE_ACCOUNTS : CLAIM_DUE_ACCOUNTS_AFTER)
                .setParameter("now", now)
                .setParameter("limit", limit);
        if (after != null) {
            claim.setParameter("afterTurn", after.turnsAt()).setParameter("afterId", after.id());
        }
        List<Object[]> rows = claim.getResultList();
        return rows.stream()
                .map(row -> new DueAccount((String) row[0], NativeRows.instant(row[1])))
                .toList();
    }

    /** {@link #DROP_RENEWALS_OF_FREE_ACCOUNTS}. */
    public int dropRenewalsOfFreeAccounts(Collection<String> accountIds, Collection<String> freePlans, Instant now) {
        return em.createNativeQuery(DROP_RENEWALS_OF_FREE_ACCOUNTS)
                .setParameter("now", now)
                .setParameter("ids", accountIds)
                .setParameter("freePlans", freePlans)
                .setParameter("unpaidEnded", RenewalStatus.UNPAID_ENDED.name())
                .setParameter("open", names(RenewalStatus.open()))
                .executeUpdate();
    }

    /**
     * Issues one renewal invoice (and its renewal, {@code DUE}, or {@code PAID} when nothing is to be collected)
     * for the new cycle of each of these accounts on a paid plan; returns the number of lines renewed.
     */
    public int issueRenewalInvoices(
            Collection<String> accountIds, Collection<String> paidPlans, int year, Instant now) {
        Query issue = em.createNativeQuery(ISSUE_RENEWAL_INVOICES)
                .setParameter("now", now)
                .setParameter("year", year)
                .setParameter("ids", accountIds)
                .setParameter("paidPlans", paidPlans)
                .setParameter(
                        "recurring", AddOn.recurring().stream().map(Enum::name).toList())
                .setParameter("renewing", names(PurchaseStatus.where(PurchaseStatus::renewsAtTurn)))
                .setParameter("endingWhenScheduled", names(PurchaseStatus.where(PurchaseStatus::endsWhenScheduled)))
                .setParameter("renewalKind", InvoiceEntity.Kind.RENEWAL.name())
                .setParameter("keyPrefix", PaymentKeys.RENEWAL_PREFIX)
                .setParameter("keySeparator", PaymentKeys.SEPARATOR)
                .setParameter("paid", RenewalStatus.PAID.name())
                .setParameter("due", RenewalStatus.DUE.name());
        return ((Number) withCycleLengths(issue).getSingleResult()).intValue();
    }

    /** Moves each account on by one cycle (of its new period, if one was scheduled for the turn). */
    public int moveCyclesOn(Collection<String> accountIds, Instant now) {
        return withCycleLengths(em.createNativeQuery(MOVE_CYCLES_ON))
                .setParameter("now", now)
                .setParameter("ids", accountIds)
                .executeUpdate();
    }

    /** Planning the charge phase on statistics that still say "no renewals" turns its joins into scans. */
    public void refreshStatistics() {
        em.createNativeQuery("analyze renewal, invoice, invoice_line").executeUpdate();
    }

    private static Query withCycleLengths(Query query) {
        return query.setParameter("monthly", BillingPeriod.MONTHLY.name())
                .setParameter("monthlyDays", BillingPeriod.MONTHLY.days())
                .setParameter("annual", BillingPeriod.ANNUAL.name())
                .setParameter("annualDays", BillingPeriod.ANNUAL.days());
    }

    static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
