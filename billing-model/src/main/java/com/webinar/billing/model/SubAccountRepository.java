package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubAccountRepository implements PanacheRepositoryBase<SubAccountEntity, UUID> {

    /** A sub-account as its owner sees it listed: with its admin (the user created with it) and its seat. */
    public record Listed(
            UUID id,
            String name,
            String adminUserId,
            String adminName,
            int storageGb,
            int recordingHours,
            UUID purchaseId,
            Instant createdAt) {}

    /** The account's sub-accounts, oldest first; another account's are never among them. */
    @SuppressWarnings("unchecked")
    public List<Listed> listOf(String accountId) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                        select s.id, s.name, u.id, u.name, s.storage_gb, s.recording_hours, s.purchase_id, s.created_at
                        from sub_account s
                        left join lateral (
                            select id, name from app_user
                            where sub_account_id = s.id and account_id = s.account_id and role = :role
                            order by id limit 1) u on true
                        where s.account_id = :account
                        order by s.created_at, s.id
                        """)
                .setParameter("role", Role.SUB_ACCOUNT_USER.name())
                .setParameter("account", accountId)
                .getResultList();
        return rows.stream()
                .map(row -> new Listed(
                        NativeRows.uuid(row[0]),
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        ((Number) row[4]).intValue(),
                        ((Number) row[5]).intValue(),
                        NativeRows.uuid(row[6]),
                        NativeRows.instant(row[7])))
                .toList();
    }

    public long countOfAccount(String accountId) {
        return count("accountId", accountId);
    }

    public long countInSeatsOf(UUID purchaseId) {
        return count("purchaseId", purchaseId);
    }

    /** A sub-account of this account, none for another account's. */
    public Optional<SubAccountEntity> ofAccount(UUID subAccountId, String accountId) {
        return find("id = ?1 and accountId = ?2", subAccountId, accountId).firstResultOptional();
    }

    public List<SubAccountEntity> inSeatsOf(UUID purchaseId) {
        return list("purchaseId = ?1 order by createdAt, id", purchaseId);
    }

    /** The ids of the sub-accounts sitting in a purchase's seats; none for an add-on that has no seats. */
    public List<UUID> idsInSeatsOf(PurchaseEntity purchase) {
        if (purchase.addOn != AddOn.SUB_ACCOUNTS) {
            return List.of();
        }
        return inSeatsOf(purchase.id).stream().map(s -> s.id).toList();
    }
}
