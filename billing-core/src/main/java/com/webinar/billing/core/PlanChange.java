package com.webinar.billing.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What an account-sync of an existing account does to its cycle and its add-ons (R1: add-ons exist only on top
 * of a paid plan; the add-ons' cycle is the plan's).
 *
 * <ul>
 *   <li>On a free plan every renewing recurring purchase ends at the end of the stored cycle, as a cancellation
 *       would; back on a paid plan the ends the plan caused are lifted (never the owner's).
 *   <li>The billing period changes only at the turn: {@code cycleStart} must be the date the stored cycle ends,
 *       the stored cycle keeps its length, and the next cycle starts in {@code pendingPeriod}. Sending the stored
 *       period and start again drops a pending change. Any other change of period, start or currency is refused.
 *   <li>{@code termsChanged}: the plan left or joined the paid plans, the pending period or the zone changed, so
 *       quotes made before are no longer binding.
 * </ul>
 */
public record PlanChange(Purchases purchases, BillingPeriod pendingPeriod, boolean termsChanged) {

    public enum Purchases {
        END_AT_CYCLE_END,
        LIFT_PLAN_ENDS
    }

    /** An account's billing terms; {@code pendingPeriod} is null when no period change is scheduled. */
    public record Terms(
            Plan plan,
            BillingPeriod period,
            BillingPeriod pendingPeriod,
            LocalDate cycleStart,
            String currency,
            String zone) {
        public Terms {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(cycleStart, "cycleStart");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(zone, "zone");
        }

        public Cycle cycle() {
            return new Cycle(cycleStart, period);
        }
    }

    /** {@code requested} as the platform sends it (its pending period is ignored). */
    public static PlanChange of(Terms stored, Terms requested) {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(requested, "requested");
        requireUnchanged("currency", stored.currency(), requested.currency());
        LocalDate turn = stored.cycle().end();
        BillingPeriod pending;
        if (requested.cycleStart().equals(stored.cycleStart())) {
            requireUnchanged("billingPeriod", stored.period(), requested.period());
            pending = null;
        } else if (requested.cycleStart().equals(turn) && requested.period() != stored.period()) {
            pending = requested.period();
        } else if (requested.period() != stored.period()) {
            throw refused("billingPeriod", stored.period() + " changes only at the turn: send cycleStart " + turn);
        } else {
            throw refused("cycleStart", stored.cycleStart() + " and cannot be changed here");
        }
        boolean termsChanged = pending != stored.pendingPeriod()
                || requested.plan().isPaid() != stored.plan().isPaid()
                || !requested.zone().equals(stored.zone());
        Purchases purchases = requested.plan().isPaid() ? Purchases.LIFT_PLAN_ENDS : Purchases.END_AT_CYCLE_END;
        return new PlanChange(purchases, pending, termsChanged);
    }

    private static void requireUnchanged(String field, Object stored, Object requested) {
        if (!stored.equals(requested)) {
            throw refused(field, stored + " and cannot be changed here");
        }
    }

    private static BillingException refused(String field, String what) {
        return BillingException.of(BillingError.IMMUTABLE_FIELD, "'" + field + "' is " + what);
    }
}
