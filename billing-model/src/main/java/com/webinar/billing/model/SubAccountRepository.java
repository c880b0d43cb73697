package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubAccountRepository implements PanacheRepositoryBase<SubAccountEntity, UUID> {

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
