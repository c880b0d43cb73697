package com.webinar.billing.model;

import com.webinar.billing.core.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, String> {

    public List<UserEntity> ofAccount(String accountId) {
        return list("accountId", accountId);
    }

    /**
     * Removes the account's owners and members that are not kept, and any owner but the new one (an account has
     * one owner); sub-account users stay.
     */
    public void removeAllBut(String accountId, Collection<String> kept, String owner) {
        delete("accountId = ?1 and role in ?2 and id not in ?3", accountId, List.of(Role.OWNER, Role.MEMBER), kept);
        delete("accountId = ?1 and role = ?2 and id <> ?3", accountId, Role.OWNER, owner);
        flush();
    }
}
