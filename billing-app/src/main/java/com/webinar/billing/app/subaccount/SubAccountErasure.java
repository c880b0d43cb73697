package com.webinar.billing.app.subaccount;

import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.model.AccountRepository;
import com.webinar.billing.model.SubAccountDataRepository;
import com.webinar.billing.model.SubAccountEntity;
import com.webinar.billing.model.SubAccountErasureEntity;
import com.webinar.billing.model.SubAccountErasureRepository;
import com.webinar.billing.model.SubAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * R9 (and R7/R8 when a {@code SUB_ACCOUNTS} purchase ends): erases one sub-account irreversibly. Its users,
 * events, recordings and files are deleted, then the sub-account itself, which frees its seat; the erasure is
 * recorded in {@code sub_account_erasure} with ids, counts and time only (no name), and a {@code
 * subaccount.erased} event is announced with ids, counts and the {@code storage_key} of every recording and file
 * it removed, for the platform's other services (the media service deletes those objects). Billing is untouched: the purchase, its invoices and the ledger stay.
 *
 * <p>How to call {@link #erase(UUID, Instant)} (subaccount-delete does; the renewal tick does for every
 * sub-account in the seats of a purchase that ends):
 *
 * <ul>
 *   <li>inside the caller's transaction, which must exist ({@code MANDATORY}): the erasure commits or rolls back
 *       with the caller's other changes, e.g. the tick's "purchase ENDED";
 *   <li>while holding the account's row lock ({@code AccountRepository.lock}), so that no sub-account is
 *       created in, or deleted from, the account meanwhile (it takes the lock itself too; a no-op then);
 *   <li>{@code now} is the instant recorded as the erasure time (the tick passes the time it runs at);
 *   <li>an id that no longer exists (already erased, e.g. by a retried tick) erases nothing and answers
 *       {@link Erased#NONE}; nothing is recorded twice.
 * </ul>
 *
 * <p>Every kind of data refers to its sub-account by a foreign key without cascade: a table added later and
 * forgotten here makes the erasure fail (and roll back) rather than leave data behind.
 */
@ApplicationScoped
public class SubAccountErasure {
    /** What one erasure deleted. */
    public record Erased(int users, int events, int recordings, int files) {
        public static final Erased NONE = new Erased(0, 0, 0, 0);
    }

    @Inject
    SubAccountRepository subAccounts;

    @Inject
    SubAccountDataRepository data;

    @Inject
    SubAccountErasureRepository erasures;

    @Inject
    EventOutbox outbox;

    @Inject
    AccountRepository accounts;

    @Transactional(Transactional.TxType.MANDATORY)
    public Erased erase(UUID subAccountId, Instant now) {
        Objects.requireNonNull(subAccountId, "subAccountId");
        Objects.requireNonNull(now, "now");
        SubAccountEntity subAccount = subAccounts.findById(subAccountId);
        if (subAccount == null) {
            return Erased.NONE;
        }
        accounts.lock(subAccount.accountId).orElseThrow();

        List<String> storageKeys = data.storageKeys(subAccountId);
        // recordings may point at events, so they go first; users point at the sub-account
        int recordings = data.deleteRecordings(subAccountId);
        int events = data.deleteEvents(subAccountId);
        int files = data.deleteFiles(subAccountId);
        int users = data.deleteUsers(subAccountId);
        subAccounts.delete(subAccount);
        subAccounts.flush();

        Erased erased = new Erased(users, events, recordings, files);
        SubAccountErasureEntity record = new SubAccountErasureEntity();
        record.erasedSubAccountId = subAccountId;
        record.accountId = subAccount.accountId;
        record.purchaseId = subAccount.purchaseId;
        record.users = users;
        record.events = events;
        record.recordings = recordings;
        record.files = files;
        record.erasedAt = now;
        erasures.persist(record);

        outbox.announce(
                new BillingEvent.SubAccountErased(
                        subAccount.accountId,
                        subAccountId,
                        subAccount.purchaseId,
                        users,
                        events,
                        recordings,
                        files,
                        storageKeys),
                now);
        return erased;
    }
}
