package com.webinar.billing.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubAccountRepository implements PanacheRepositoryBase<SubAccountEntity, UUID> {

    public long countOfAccount(String accountId) {
        return count("accountId", accountId);
    }

    public List<SubAccountEntity> inSeatsOf(UUID purchaseId) {
        return list("purchaseId = ?1 order by createdAt, id", purchaseId);
    }
}
