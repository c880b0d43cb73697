package com.webinar.billing.app.subaccount;

import com.webinar.billing.app.account.EntitlementsQuery;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.core.SeatCount;
import com.webinar.billing.model.SubAccountRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * R9/R11: the owner's sub-accounts, oldest first, each with its admin and the {@code SUB_ACCOUNTS} purchase whose
 * seat it occupies, and the seats counted as {@code entitlements} counts them (R10). Only the owner manages
 * sub-accounts, so only the owner lists them: a member or a sub-account user gets {@code 403} as from
 * {@code subaccount-create}.
 */
@ApplicationScoped
public class OwnerSubAccounts {

    public record Admin(String userId, String name) {}

    public record SubAccount(
            UUID subAccountId,
            String name,
            Admin admin,
            int storageGb,
            int recordingHours,
            UUID purchaseId,
            Instant createdAt) {}

    public record Answer(List<SubAccount> subAccounts, SeatCount seats) {}

    @Inject
    EntitlementsQuery entitlements;

    @Inject
    SubAccountRepository subAccounts;

    public Answer of(Caller caller) {
        caller.requireOwner();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<SubAccount> listed = subAccounts.listOf(caller.accountId()).stream()
                    .map(s -> new SubAccount(
                            s.id(),
                            s.name(),
                            s.adminUserId() == null ? null : new Admin(s.adminUserId(), s.adminName()),
                            s.storageGb(),
                            s.recordingHours(),
                            s.purchaseId(),
                            s.createdAt()))
                    .toList();
            return new Answer(
                    listed,
                    entitlements.ofAccount(caller.accountId(), listed.size()).subAccountSeats());
        });
    }
}
