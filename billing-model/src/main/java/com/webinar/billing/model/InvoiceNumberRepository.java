package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The counters of the invoice number series, one row per year (V11). Taking numbers updates the year's row,
 * which stays locked until the taker commits: numbers come in commit order, and a rollback gives them back.
 */
@ApplicationScoped
public class InvoiceNumberRepository {

    /**
     * One statement that adds {@code :count} to the counter of {@code :year} (creating it at 0 first) and returns
     * the last number it reserved; the reservation is {@code last - count + 1 .. last}. {@code %s} is a query
     * giving the count, so the renewal tick reserves its batch's block in the statement that issues it.
     */
    static final String RESERVE = """
            insert into invoice_number_counter as c (year, last_seq)
            select :year, n from (%s) r(n) where n > 0
            on conflict (year) do update set last_seq = c.last_seq + excluded.last_seq
            returning c.last_seq""";

    /** {@link #RESERVE} for a count read from a query of the caller's statement (a CTE). */
    public static String reserve(String countQuery) {
        return RESERVE.formatted(countQuery);
    }

    @Inject
    EntityManager em;

    /** Reserves the next {@code count} numbers of {@code year}'s series and returns the first of them. */
    public long take(int year, int count) {
        Number last = (Number) em.createNativeQuery(reserve("select cast(:count as bigint)"))
                .setParameter("year", year)
                .setParameter("count", count)
                .getSingleResult();
        return last.longValue() - count + 1;
    }
}
