package com.webinar.billing.app.account;

import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingPeriod;
import com.webinar.billing.core.Cycle;
import com.webinar.billing.core.EndReason;
import com.webinar.billing.core.Money;
import com.webinar.billing.core.Plan;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.CatalogRepository;
import com.webinar.billing.model.PurchaseEntity;
import com.webinar.billing.model.PurchaseRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the owner sees under "billing details": the cycle, every purchase, and the next renewal. */
@ApplicationScoped
public class BillingDetails {

    public record PurchaseLine(
            UUID purchaseId,
            AddOn addOn,
            int quantity,
            PurchaseStatus status,
            EndReason endReason,
            String cyclePrice,
            Instant purchasedAt,
            LocalDate activeUntil,
            LocalDate renewsOn) {}

    /** {@code billingPeriod}: the length and prices of the cycle that starts on {@code date}. */
    public record NextRenewal(LocalDate date, BillingPeriod billingPeriod, String amount) {}

    public record Answer(
            String accountId,
            Plan plan,
            BillingPeriod billingPeriod,
            String currency,
            LocalDate cycleStart,
            LocalDate cycleEnd,
            List<PurchaseLine> purchases,
            NextRenewal nextRenewal) {}

    @Inject
    Accounts accounts;

    @Inject
    PurchaseRepository purchases;

    @Inject
    CatalogRepository catalog;

    public Answer of(Caller caller) {
        caller.requireOwner();
        return QuarkusTransaction.requiringNew().call(() -> {
            AccountEntity account = accounts.of(caller);
            Cycle cycle = accounts.currentCycle(account);
            Money renewal = Money.zero(java.util.Currency.getInstance(account.currency));
            List<PurchaseLine> lines = new ArrayList<>();
            for (PurchaseEntity purchase : purchases.ofAccount(account.id)) {
                Money cyclePrice =
                        unitPrice(account, purchase.addOn, cycle.end()).times(purchase.quantity);
                // what the renewal tick will renew (a PAST_DUE purchase still renews while its grace lasts); on a
                // free plan nothing renews
                boolean renews = account.plan.isPaid()
                        && purchase.addOn.isRecurring()
                        && (purchase.status == PurchaseStatus.ACTIVE || purchase.status == PurchaseStatus.PAST_DUE);
                if (renews) {
                    renewal = renewal.plus(cyclePrice);
                }
                lines.add(new PurchaseLine(
                        purchase.id,
                        purchase.addOn,
                        purchase.quantity,
                        purchase.status,
                        purchase.endReason,
                        cyclePrice.toDecimalString(),
                        purchase.purchasedAt,
                        activeUntil(purchase, cycle),
                        renews ? cycle.end() : null));
            }
            return new Answer(
                    account.id,
                    account.plan,
                    account.billingPeriod,
                    account.currency,
                    cycle.start(),
                    cycle.end(),
                    lines,
                    new NextRenewal(cycle.end(), account.nextPeriod(), renewal.toDecimalString()));
        });
    }

    /** The date a purchase stops granting (the cycle turns at its 00:00), when that is known. */
    private static LocalDate activeUntil(PurchaseEntity purchase, Cycle cycle) {
        return switch (purchase.status) {
            case CANCELLATION_SCHEDULED -> purchase.activeUntil != null ? purchase.activeUntil : cycle.end();
            case ENDED -> purchase.activeUntil;
            default -> null;
        };
    }

    /**
     * The price a renewal on {@code day} would charge per unit (R2: the price in force then), in the period of the
     * cycle it starts.
     */
    private Money unitPrice(AccountEntity account, AddOn addOn, LocalDate day) {
        return catalog.unitPriceInForce(addOn, account.nextPeriod(), account.currency, day)
                .orElseThrow(() -> new IllegalStateException("no catalog price for " + addOn));
    }
}
