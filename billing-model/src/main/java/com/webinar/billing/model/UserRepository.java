package com.webinar.billing.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, String> {

    public List<UserEntity> ofAccount(String accountId) {
        return list("accountId", accountId);
    }
}
