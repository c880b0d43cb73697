package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingPeriod;
import com.webinar.billing.core.Money;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<CatalogPriceEntity, CatalogPriceEntity.Key> {

    /** The unit price in force on a day: the latest row that started on or before it. */
    public Optional<Money> unitPriceInForce(AddOn addOn, BillingPeriod period, String currency, LocalDate day) {
        return find(
                        "key.addOn = ?1 and key.billingPeriod = ?2 and key.currency = ?3 and key.validFrom <= ?4"
                                + " order by key.validFrom desc",
                        addOn,
                        period,
                        currency,
                        day)
                .firstResultOptional()
                .map(row -> Money.of(row.unitPriceMinor, currency));
    }
}
