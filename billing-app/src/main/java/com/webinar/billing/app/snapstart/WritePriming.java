package com.webinar.billing.app.snapstart;

import com.webinar.billing.core.AccountCalendar;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingPeriod;
import com.webinar.billing.core.Plan;
import com.webinar.billing.core.PurchaseStatus;
import com.webinar.billing.core.Role;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.InvoiceEntity;
import com.webinar.billing.model.InvoiceLineEntity;
import com.webinar.billing.model.LedgerRepository;
import com.webinar.billing.model.OutboxPublicationRepository;
import com.webinar.billing.model.OutboxRepository;
import com.webinar.billing.model.PastDuePaymentRepository;
import com.webinar.billing.model.PurchaseEntity;
import com.webinar.billing.model.QuoteEntity;
import com.webinar.billing.model.UserEntity;
import com.webinar.billing.model.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The write half of the functions' requests, which {@link DatabasePriming}'s reads do not reach: Hibernate's insert,
 * update and delete of the entities a request writes (an account of priming's own with its owner, a quote, a
 * purchase and its invoice), the outbox's appends (one event, and a batch bound as arrays), the ledger's invoice
 * numbering, native updates; all in a transaction that is rolled back. Then the commit of a transaction that changed
 * nothing ({@link QuarkusTransaction}, as every use case runs), the account calendar (time-zone rules) and the clock.
 *
 * <p>Nothing here takes a sequence number ({@code payment_event}'s identity is the one sequence of the schema and
 * no payment event is written); the invoice is numbered in the year 9999, the account's id is this function's own:
 * two snapshots taken at once wait for each other's rollback at most, no real request ever does.
 */
@ApplicationScoped
class WritePriming implements Primer {
    private static final UUID NO_ROW = new UUID(0, 0);
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    private static final String ZONE = "Europe/Paris";

    @Inject
    RolledBack rolledBack;

    @Inject
    EntityManager em;

    @Inject
    LedgerRepository ledger;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxPublicationRepository publications;

    @Inject
    PastDuePaymentRepository pastDue;

    @Inject
    UserRepository users;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "billing")
    String application;

    @Override
    public String prime() {
        String accountId = "snapstart priming " + application;
        int published = rolledBack.call(() -> write(accountId));
        boolean left = QuarkusTransaction.requiringNew()
                .call(() -> users.findByIdOptional(accountId).isPresent());
        AccountCalendar.requireStarted(LocalDate.EPOCH, AccountCalendar.zone(ZONE), clock);
        return "inserts, updates, a delete, the outbox's appends and " + published + " events marked published, "
                + "rolled back; a read-only transaction committed, finding " + (left ? "the account" : "nothing")
                + "; the calendar of " + ZONE;
    }

    /** Answers how many events {@code markPublished} found (none: it is given an id no event has). */
    private int write(String accountId) {
        LocalDate start = LocalDate.EPOCH;
        AccountEntity account = new AccountEntity();
        account.id = accountId;
        account.plan = Plan.LIVE;
        account.billingPeriod = BillingPeriod.MONTHLY;
        account.cycleStart = start;
        account.currency = "EUR";
        account.timeZone = ZONE;
        account.cycleTurnsAt = FAR_FUTURE;
        account.createdAt = Instant.EPOCH;
        account.updatedAt = Instant.EPOCH;
        em.persist(account);

        UserEntity owner = new UserEntity();
        owner.id = accountId;
        owner.accountId = accountId;
        owner.role = Role.OWNER;
        owner.name = "SnapStart priming";
        em.persist(owner);

        QuoteEntity quote = new QuoteEntity();
        quote.id = NO_ROW;
        quote.accountId = accountId;
        quote.addOn = AddOn.PRESENTERS;
        quote.quantity = 1;
        quote.currency = "EUR";
        quote.cycleStart = start;
        quote.cycleEnd = start.plusDays(30);
        quote.cycleDays = 30;
        quote.daysRemaining = 30;
        quote.createdAt = Instant.EPOCH;
        quote.expiresAt = Instant.EPOCH;
        em.persist(quote);

        PurchaseEntity purchase = new PurchaseEntity();
        purchase.id = NO_ROW;
        purchase.accountId = accountId;
        purchase.quoteId = quote.id;
        purchase.idempotencyKey = accountId;
        purchase.addOn = AddOn.PRESENTERS;
        purchase.quantity = 1;
        purchase.status = PurchaseStatus.PENDING_PAYMENT;
        purchase.purchasedAt = Instant.EPOCH;
        purchase.activeFrom = start;
        purchase.updatedAt = Instant.EPOCH;
        em.persist(purchase);
        em.flush();

        InvoiceEntity invoice = new InvoiceEntity();
        invoice.id = NO_ROW;
        invoice.accountId = accountId;
        invoice.kind = InvoiceEntity.Kind.PURCHASE;
        invoice.cycleStart = start;
        invoice.cycleEnd = quote.cycleEnd;
        invoice.currency = "EUR";
        invoice.issuedAt = FAR_FUTURE;
        invoice.paymentKey = accountId;
        InvoiceLineEntity line = new InvoiceLineEntity();
        line.key = new InvoiceLineEntity.Key(invoice.id, 1);
        line.purchaseId = purchase.id;
        line.addOn = AddOn.PRESENTERS;
        line.quantity = 1;
        ledger.append(invoice, List.of(line));

        purchase.status = PurchaseStatus.ACTIVE;
        purchase.updatedAt = FAR_FUTURE;
        account.updatedAt = FAR_FUTURE;
        em.flush();

        outbox.append(accountId, "snapstart.priming", "{}", Instant.EPOCH);
        outbox.appendAll(List.of(new OutboxRepository.NewEvent(accountId, "snapstart.priming", "{}", Instant.EPOCH)));
        pastDue.lease(NO_ROW, FAR_FUTURE);
        int marked = publications.markPublished(List.of(NO_ROW), FAR_FUTURE);

        em.remove(owner);
        em.flush();
        return marked;
    }
}
