package com.webinar.billing.app.snapstart;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingPeriod;
import com.webinar.billing.core.EndReason;
import com.webinar.billing.model.AccountRepository;
import com.webinar.billing.model.CatalogRepository;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.QuoteRepository;
import com.webinar.billing.model.SubAccountRepository;
import com.webinar.billing.model.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The database half of the functions' requests: the pool's first connection (the JDBC driver, and in AWS the
 * credentials from the database secret), the transaction manager, and Hibernate's queries behind the use cases —
 * the caller's user, the account (read and locked), prices, purchases, quotes, sub-accounts, invoices — for an
 * account that does not exist, in a transaction that is rolled back. It finds nothing, locks no row and writes
 * nothing.
 */
@ApplicationScoped
class DatabasePriming implements Primer {
    /** An id no account or user is expected to have; one that had it would be read (and its row locked) only. */
    static final String NOBODY = "snapstart priming";

    private static final UUID NO_ROW = new UUID(0, 0);

    @Inject
    RolledBack rolledBack;

    @Inject
    UserRepository users;

    @Inject
    AccountRepository accounts;

    @Inject
    CatalogRepository catalog;

    @Inject
    PurchaseRepository purchases;

    @Inject
    QuoteRepository quotes;

    @Inject
    SubAccountRepository subAccounts;

    @Inject
    LedgerRepository invoices;

    @Override
    public String prime() {
        int found = rolledBack.call(() -> {
            int rows = users.findByIdOptional(NOBODY).stream().toList().size()
                    + accounts.findByIdOptional(NOBODY).stream().toList().size()
                    + accounts.lock(NOBODY).stream().toList().size()
                    + users.ofAccount(NOBODY).size()
                    + catalog.unitPriceInForce(AddOn.PRESENTERS, BillingPeriod.MONTHLY, "EUR", LocalDate.EPOCH).stream()
                            .toList()
                            .size()
                    + purchases.ofAccount(NOBODY).size()
                    + purchases.granting(NOBODY).size()
                    + purchases.renewing(NOBODY).size()
                    + purchases.endingBy(NOBODY, EndReason.OWNER).size()
                    + purchases.byIdempotencyKey(NOBODY, NOBODY).stream()
                            .toList()
                            .size()
                    + purchases.byQuote(NO_ROW).stream().toList().size()
                    + quotes.findByIdOptional(NO_ROW).stream().toList().size()
                    + subAccounts.findByIdOptional(NO_ROW).stream().toList().size()
                    + (int) subAccounts.countOfAccount(NOBODY)
                    + invoices.page(NOBODY, null, null, 1).size();
            return rows;
        });
        return "queries for an unknown account, rolled back: " + found + " rows";
    }
}
