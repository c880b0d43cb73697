package com.webinar.billing.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<AccountEntity, String> {

    /** Serialises every money-moving change of one account behind its row lock. */
    public Optional<AccountEntity> lock(String accountId) {
        return findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE);
    }
}
