package com.webinar.billing.app.subaccount;

import com.webinar.billing.app.Require;
import com.webinar.billing.app.account.Accounts;
import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.BillingError;
import com.webinar.billing.core.BillingEvent;
import com.webinar.billing.core.BillingException;
import com.webinar.billing.model.AccountEntity;
import com.webinar.billing.model.SubAccountEntity;
import com.webinar.billing.model.SubAccountRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * R9: deleting a sub-account erases it with all its data at once, in one transaction, irreversibly; its seat
 * is free again and billing is unchanged (deleting is not cancelling). Asked without {@code confirm: true} it
 * answers {@code 409 confirmation_required} and changes nothing. Another account's, or an already deleted,
 * sub-account is {@code 404}.
 */
@ApplicationScoped
public class DeleteSubAccount {

    public record Request(UUID subAccountId, Boolean confirm) {}

    public record Answer(UUID subAccountId, SubAccountErasure.Erased erased, boolean seatFreed) {}

    @Inject
    Accounts accounts;

    @Inject
    SubAccountRepository subAccounts;

    @Inject
    SubAccountErasure erasure;

    @Inject
    EventOutbox events;

    @Inject
    Clock clock;

    public Answer delete(Caller caller, Request request) {
        caller.requireOwner();
        UUID subAccountId = Require.present(request.subAccountId(), "subAccountId");
        return QuarkusTransaction.requiringNew().call(() -> {
            AccountEntity account = accounts.lock(caller);
            SubAccountEntity subAccount = subAccounts
                    .ofAccount(subAccountId, account.id)
                    .orElseThrow(() -> new BillingException(BillingError.NOT_FOUND, "no such sub-account"));
            if (!Boolean.TRUE.equals(request.confirm())) {
                throw new BillingException(
                        BillingError.CONFIRMATION_REQUIRED,
                        "Deleting the sub-account erases its users, events, recordings and files at once,"
                                + " irreversibly; send confirm: true",
                        Map.of("subAccounts", List.of(subAccount.id.toString())));
            }
            Instant now = clock.instant();
            events.announce(new BillingEvent.SubAccountDeleted(account.id, subAccount.id, subAccount.purchaseId), now);
            SubAccountErasure.Erased erased = erasure.erase(subAccount.id, now);
            events.announceEntitlements(List.of(account.id), now);
            return new Answer(subAccountId, erased, true);
        });
    }
}
