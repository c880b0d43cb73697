package com.webinar.billing.app.subaccount;

import com.webinar.billing.app.Require;
import com.webinar.billing.app.account.Accounts;
import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.core.Role;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.PurchaseEntity;
import com.webinar.billing.model.PurchaseRepository;
import com.webinar.billing.model.SubAccountEntity;
import com.webinar.billing.model.SubAccountRepository;
import com.webinar.billing.model.UserEntity;
import com.webinar.billing.model.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * R9: the owner creates a sub-account in a free seat of an {@code ACTIVE} {@code SUB_ACCOUNTS} purchase; its
 * admin becomes a user of the sub-account (who may read its entitlements, never pay).
 *
 * <p>A seat belongs to the purchase it was taken from ({@code sub_account.purchase_id}), and the sub-account
 * ends with that purchase. So seats of a purchase that is {@code CANCELLATION_SCHEDULED} or {@code PAST_DUE}
 * take no new sub-account: its data could be erased at the cycle end (or the end of the grace period) without
 * the owner having confirmed it. Among several purchases with free seats the oldest is filled first. The
 * account's row lock serialises this with {@code cancel} and with other creates, so the last seat is taken
 * once, and a cancel either sees (and lists) the new sub-account or the create sees the purchase scheduled.
 */
@ApplicationScoped
public class CreateSubAccount {
    static final int MAX_QUOTA = 100_000;

    public record Admin(String userId, String name) {}

    public record Request(String name, Integer storageGb, Integer recordingHours, Admin admin) {}

    public record Answer(UUID subAccountId, UUID purchaseId, String name, int storageGb, int recordingHours) {}

    @Inject
    Accounts accounts;

    @Inject
    PurchaseRepository purchases;

    @Inject
    SubAccountRepository subAccounts;

    @Inject
    UserRepository users;

    @Inject
    EventOutbox events;

    @Inject
    Clock clock;

    public Answer create(Caller caller, Request request) {
        caller.requireOwner();
        String name = Require.text(request.name(), "name", 200);
        int storageGb = quota(request.storageGb(), "storageGb");
        int recordingHours = quota(request.recordingHours(), "recordingHours");
        Admin admin = Require.present(request.admin(), "admin");
        String adminId = Require.text(admin.userId(), "admin.userId", 100);
        String adminName = Require.text(admin.name(), "admin.name", 200);
        return QuarkusTransaction.requiringNew().call(() -> {
            AccountEntity account = accounts.lock(caller);
            if (users.findByIdOptional(adminId).isPresent()) {
                throw new BillingException(
                        BillingError.INVALID_REQUEST, "user '" + adminId + "' already exists; the admin must be new");
            }
            PurchaseEntity seat = purchaseWithFreeSeat(account);
            Instant now = clock.instant();

            SubAccountEntity subAccount = new SubAccountEntity();
            subAccount.id = UUID.randomUUID();
            subAccount.accountId = account.id;
            subAccount.purchaseId = seat.id;
            subAccount.name = name;
            subAccount.storageGb = storageGb;
            subAccount.recordingHours = recordingHours;
            subAccount.createdAt = now;
            subAccounts.persist(subAccount);
            subAccounts.flush();

            UserEntity user = new UserEntity();
            user.id = adminId;
            user.accountId = account.id;
            user.role = Role.SUB_ACCOUNT_USER;
            user.subAccountId = subAccount.id;
            user.name = adminName;
            users.persist(user);
            try {
                users.flush();
            } catch (PersistenceException e) {
                if (!isConstraintViolation(e)) {
                    throw e;
                }
                // the same new admin id taken at the same moment by another account's create
                throw new BillingException(
                        BillingError.INVALID_REQUEST, "user '" + adminId + "' already exists; the admin must be new");
            }
            events.announce(
                    new BillingEvent.SubAccountCreated(
                            account.id, subAccount.id, seat.id, adminId, storageGb, recordingHours),
                    now);
            events.announceEntitlements(List.of(account.id), now);
            return new Answer(subAccount.id, seat.id, name, storageGb, recordingHours);
        });
    }

    private PurchaseEntity purchaseWithFreeSeat(AccountEntity account) {
        for (PurchaseEntity purchase : purchases.activeOf(account.id, AddOn.SUB_ACCOUNTS)) {
            if (subAccounts.countInSeatsOf(purchase.id) < purchase.quantity) {
                return purchase;
            }
        }
        throw new BillingException(
                BillingError.NO_FREE_SEAT,
                "no free seat in an active SUB_ACCOUNTS purchase (seats of purchases scheduled to end or past due"
                        + " take no new sub-account)");
    }

    private static int quota(Integer value, String field) {
        int quota = Require.present(value, field);
        if (quota < 0 || quota > MAX_QUOTA) {
            throw new BillingException(
                    BillingError.INVALID_REQUEST, "'" + field + "' must be between 0 and " + MAX_QUOTA);
        }
        return quota;
    }

    private static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
