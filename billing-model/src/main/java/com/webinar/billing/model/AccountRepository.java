package com.webinar.billing.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<AccountEntity, String> {

    /** What entitlements.changed compares: the sub-accounts an account holds and the snapshot it last announced. */
    public record AnnouncedEntitlements(String accountId, int subAccountsUsed, String announcedJson) {}

    /** Serialises every money-moving change of one account behind its row lock. */
    public Optional<AccountEntity> lock(String accountId) {
        return findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks the rows of these accounts in id order, so that two transactions locking several never deadlock. */
    public void lockAll(Collection<String> accountIds) {
        if (!accountIds.isEmpty()) {
            getEntityManager()
                    .createNativeQuery("select id from account where id in (:ids) order by id for update")
                    .setParameter("ids", accountIds)
                    .getResultList();
        }
    }

    @SuppressWarnings("unchecked")
    public List<AnnouncedEntitlements> announcedEntitlements(Collection<String> accountIds) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                        select a.id, (select count(*) from sub_account s where s.account_id = a.id),
                               cast(a.announced_entitlements as text)
                          from account a where a.id in (:ids)
                        """)
                .setParameter("ids", accountIds)
                .getResultList();
        return rows.stream()
                .map(row -> new AnnouncedEntitlements((String) row[0], ((Number) row[1]).intValue(), (String) row[2]))
                .toList();
    }

    /** Records the snapshots just announced, one statement for any number of accounts. */
    public void setAnnouncedEntitlements(Map<String, String> snapshotJsonByAccount) {
        if (snapshotJsonByAccount.isEmpty()) {
            return;
        }
        getEntityManager()
                .createNativeQuery("""
                        update account a set announced_entitlements = cast(s.snapshot as jsonb)
                          from unnest(cast(:ids as text[]), cast(:snapshots as text[])) as s(id, snapshot)
                         where a.id = s.id
                        """)
                .setParameter("ids", snapshotJsonByAccount.keySet().toArray(String[]::new))
                .setParameter("snapshots", snapshotJsonByAccount.values().toArray(String[]::new))
                .executeUpdate();
    }
}
