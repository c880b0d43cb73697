package com.webinar.billing.model;

import com.webinar.billing.core.BillingPeriod;
import com.webinar.billing.core.Cycle;
import com.webinar.billing.core.Plan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "account")
public class AccountEntity {
    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public Plan plan;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_period")
    public BillingPeriod billingPeriod;

    @Column(name = "cycle_start")
    public LocalDate cycleStart;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    public String currency;

    @Column(name = "time_zone")
    public String timeZone;

    /** The period the next cycle starts in, when a change is scheduled for the turn; null otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(name = "pending_billing_period")
    public BillingPeriod pendingBillingPeriod;

    @Column(name = "terms_changed_at")
    public Instant termsChangedAt;

    @Column(name = "cycle_turns_at")
    public Instant cycleTurnsAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Cycle cycle() {
        return new Cycle(cycleStart, billingPeriod);
    }

    /** The period of the cycles after the stored one. */
    public BillingPeriod nextPeriod() {
        return pendingBillingPeriod != null ? pendingBillingPeriod : billingPeriod;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Keeps the indexed turn instant in step with the cycle and the zone it is read in. */
    public void moveCycleTo(Cycle cycle) {
        this.cycleStart = cycle.start();
        this.cycleTurnsAt = cycle.turnsAt(zone());
    }
}
