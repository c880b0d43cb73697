package com.webinar.billing.app.account;

import com.webinar.billing.app.Require;
import com.webinar.billing.core.AccountCalendar;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.BillingPeriod;
import com.webinar.billing.core.Cycle;
import com.webinar.billing.core.Plan;
import com.webinar.billing.core.PlanChange;
import com.webinar.billing.core.Role;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.AccountRepository;
import com.webinar.billing.model.UserEntity;
import com.webinar.billing.model.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The platform tells this system of an account, its plan and its people. An upsert: the plan, zone, owner and
 * members may change; the billing period only at the turn ({@link PlanChange}); the cycle start and currency are
 * this system's once stored (the tick moves the cycle). A free plan ends the add-ons at the cycle's end, a paid
 * one lifts those ends ({@link PlanEnds}).
 */
@ApplicationScoped
public class AccountSync {
    /** Currencies the catalog has prices in. */
    public static final Set<String> CURRENCIES = Set.of("EUR", "USD", "PLN", "JPY");

    public record Person(String userId, String name) {}

    public record Request(
            String accountId,
            Plan plan,
            BillingPeriod billingPeriod,
            LocalDate cycleStart,
            String currency,
            String timeZone,
            Person owner,
            List<Person> members) {}

    public record Answer(
            String accountId,
            Plan plan,
            BillingPeriod billingPeriod,
            LocalDate cycleStart,
            String currency,
            String timeZone,
            Person owner,
            List<Person> members,
            BillingPeriod pendingBillingPeriod) {}

    @Inject
    AccountRepository accounts;

    @Inject
    UserRepository users;

    @Inject
    PlanEnds planEnds;

    @Inject
    Clock clock;

    public Answer sync(Request request) {
        validate(request);
        return QuarkusTransaction.requiringNew().call(() -> store(request));
    }

    private Answer store(Request request) {
        Instant now = clock.instant();
        AccountEntity stored = accounts.lock(request.accountId()).orElse(null);
        AccountEntity account = stored == null ? new AccountEntity() : stored;
        if (stored == null) {
            account.id = request.accountId();
            account.billingPeriod = request.billingPeriod();
            account.currency = request.currency();
            account.cycleStart = request.cycleStart();
            account.createdAt = now;
        }
        PlanChange change = stored == null ? null : PlanChange.of(termsOf(account), termsOf(request));
        account.plan = request.plan();
        if (!request.timeZone().equals(account.timeZone)) {
            AccountCalendar.requireStarted(account.cycleStart, AccountCalendar.zone(request.timeZone()), clock);
        }
        account.timeZone = request.timeZone();
        // a zone change keeps the cycle's dates and moves the instant it turns to 00:00 of its end in the new zone
        account.moveCycleTo(new Cycle(account.cycleStart, account.billingPeriod));
        account.updatedAt = now;
        if (stored == null) {
            accounts.persist(account);
        } else {
            account.pendingBillingPeriod = change.pendingPeriod();
            if (change.termsChanged()) {
                account.termsChangedAt = now;
            }
            planEnds.apply(account, change.purchases(), now);
        }

        List<Person> members = request.members() == null ? List.of() : request.members();
        Set<String> keep = new HashSet<>();
        keep.add(request.owner().userId());
        members.forEach(m -> keep.add(m.userId()));
        for (String userId : keep) {
            users.findByIdOptional(userId).ifPresent(existing -> {
                if (!existing.accountId.equals(request.accountId()) || existing.role == Role.SUB_ACCOUNT_USER) {
                    throw new BillingException(
                            BillingError.INVALID_REQUEST, "user '" + userId + "' already belongs elsewhere");
                }
            });
        }
        // removed people lose access at once; a bulk delete runs before the inserts below (one owner per account)
        users.removeAllBut(request.accountId(), keep, request.owner().userId());
        upsert(account.id, request.owner(), Role.OWNER);
        members.forEach(member -> upsert(account.id, member, Role.MEMBER));
        return answerOf(account);
    }

    private void upsert(String accountId, Person person, Role role) {
        UserEntity user = users.findByIdOptional(person.userId()).orElse(null);
        boolean created = user == null;
        if (created) {
            user = new UserEntity();
            user.id = person.userId();
            user.accountId = accountId;
        }
        user.role = role;
        user.name = person.name();
        if (created) {
            users.persist(user);
        }
        users.flush();
    }

    private Answer answerOf(AccountEntity account) {
        Person owner = null;
        List<Person> members = new ArrayList<>();
        for (UserEntity user : users.ofAccount(account.id)) {
            if (user.role == Role.OWNER) {
                owner = new Person(user.id, user.name);
            } else if (user.role == Role.MEMBER) {
                members.add(new Person(user.id, user.name));
            }
        }
        members.sort((a, b) -> a.userId().compareTo(b.userId()));
        return new Answer(
                account.id,
                account.plan,
                account.billingPeriod,
                account.cycleStart,
                account.currency,
                account.timeZone,
                owner,
                members,
                account.pendingBillingPeriod);
    }

    private static PlanChange.Terms termsOf(AccountEntity account) {
        return new PlanChange.Terms(
                account.plan,
                account.billingPeriod,
                account.pendingBillingPeriod,
                account.cycleStart,
                account.currency,
                account.timeZone);
    }

    private static PlanChange.Terms termsOf(Request request) {
        return new PlanChange.Terms(
                request.plan(),
                request.billingPeriod(),
                null,
                request.cycleStart(),
                request.currency(),
                request.timeZone());
    }

    private static void validate(Request request) {
        Require.text(request.accountId(), "accountId", 100);
        Require.present(request.plan(), "plan");
        Require.present(request.billingPeriod(), "billingPeriod");
        Require.present(request.cycleStart(), "cycleStart");
        Require.present(request.currency(), "currency");
        if (!CURRENCIES.contains(request.currency())) {
            throw new BillingException(
                    BillingError.INVALID_REQUEST, "'currency' must be one of " + String.join(", ", CURRENCIES));
        }
        Require.present(request.timeZone(), "timeZone");
        AccountCalendar.zone(request.timeZone());
        Require.present(request.owner(), "owner");
        validate(request.owner(), "owner");
        Set<String> seen = new HashSet<>(Set.of(request.owner().userId()));
        List<Person> members = request.members() == null ? List.of() : request.members();
        for (int i = 0; i < members.size(); i++) {
            Person member = Require.present(members.get(i), "members[" + i + "]");
            validate(member, "members[" + i + "]");
            if (!seen.add(member.userId())) {
                throw new BillingException(
                        BillingError.INVALID_REQUEST, "user '" + member.userId() + "' is listed twice");
            }
        }
    }

    private static void validate(Person person, String field) {
        Require.text(person.userId(), field + ".userId", 100);
        Require.text(person.name(), field + ".name", 200);
    }
}
