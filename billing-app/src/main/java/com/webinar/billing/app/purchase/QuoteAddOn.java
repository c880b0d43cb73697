package com.webinar.billing.app.purchase;

import com.webinar.billing.app.Require;
import com.webinar.billing.app.account.Accounts;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.Cycle;
import com.webinar.billing.core.Money;
import com.webinar.billing.core.PriceQuote;
import com.webinar.billing.core.PurchaseEligibility;
import com.webinar.billing.core.QuoteValidity;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.CatalogRepository;
import com.webinar.billing.model.QuoteEntity;
import com.webinar.billing.model.QuoteRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** R3, R4: the two prices, bound for 15 minutes. */
@ApplicationScoped
public class QuoteAddOn {

    public record Request(AddOn addOn, Integer quantity) {}

    public record Answer(
            UUID quoteId,
            AddOn addOn,
            int quantity,
            String currency,
            String unitPrice,
            String cyclePrice,
            String chargeNow,
            int cycleDays,
            int daysRemaining,
            LocalDate cycleStart,
            LocalDate cycleEnd,
            LocalDate renewsOn,
            Instant expiresAt) {}

    @Inject
    Accounts accounts;

    @Inject
    CatalogRepository catalog;

    @Inject
    QuoteRepository quotes;

    @Inject
    Clock clock;

    public Answer quote(Caller caller, Request request) {
        caller.requireOwner();
        AddOn addOn = Require.present(request.addOn(), "addOn");
        int quantity = Require.present(request.quantity(), "quantity");
        return QuarkusTransaction.requiringNew().call(() -> {
            AccountEntity account = accounts.of(caller);
            PurchaseEligibility.requirePaidPlan(account.plan);
            LocalDate today = accounts.today(account);
            Cycle cycle = accounts.currentCycle(account);
            Money unitPrice = catalog.unitPriceInForce(addOn, cycle.period(), account.currency, today)
                    .orElseThrow(() -> new IllegalStateException(
                            "no catalog price for " + addOn + " in " + cycle.period() + " " + account.currency));
            PriceQuote price = PriceQuote.of(addOn, quantity, unitPrice, cycle, today);
            return answerOf(store(account, price));
        });
    }

    private QuoteEntity store(AccountEntity account, PriceQuote price) {
        QuoteEntity quote = new QuoteEntity();
        quote.id = UUID.randomUUID();
        quote.accountId = account.id;
        quote.addOn = price.addOn();
        quote.quantity = price.quantity();
        quote.prices(price.unitPrice(), price.cyclePrice(), price.chargeNow());
        quote.cycleStart = price.cycleStart();
        quote.cycleEnd = price.cycleEnd();
        quote.cycleDays = price.cycleDays();
        quote.daysRemaining = price.daysRemaining();
        quote.createdAt = clock.instant();
        quote.expiresAt = QuoteValidity.expiresAt(quote.createdAt);
        quotes.persist(quote);
        return quote;
    }

    private static Answer answerOf(QuoteEntity quote) {
        return new Answer(
                quote.id,
                quote.addOn,
                quote.quantity,
                quote.currency,
                quote.unitPrice().toDecimalString(),
                quote.cyclePrice().toDecimalString(),
                quote.chargeNow().toDecimalString(),
                quote.cycleDays,
                quote.daysRemaining,
                quote.cycleStart,
                quote.cycleEnd,
                quote.addOn.isRecurring() ? quote.cycleEnd : null,
                quote.expiresAt);
    }
}
