package com.webinar.billing.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * Everything a sub-account owns besides its own row: its users, events, recordings and files. Deletes are
 * bulk statements that answer how many rows they removed; they run in the caller's transaction.
 */
@ApplicationScoped
public class SubAccountDataRepository {

    @Inject
    EntityManager em;

    /** The object-storage keys of its recordings and files, which the media service deletes after an erasure. */
    public List<String> storageKeys(UUID subAccountId) {
        return em.createQuery(
                        "select r.storageKey from SubAccountRecordingEntity r where r.subAccountId = ?1"
                                + " and r.storageKey is not null"
                                + " union all select f.storageKey from SubAccountFileEntity f where f.subAccountId = ?1"
                                + " and f.storageKey is not null",
                        String.class)
                .setParameter(1, subAccountId)
                .getResultList();
    }

    public int deleteRecordings(UUID subAccountId) {
        return deleteAll("SubAccountRecordingEntity", subAccountId);
    }

    public int deleteEvents(UUID subAccountId) {
        return deleteAll("SubAccountEventEntity", subAccountId);
    }

    public int deleteFiles(UUID subAccountId) {
        return deleteAll("SubAccountFileEntity", subAccountId);
    }

    public int deleteUsers(UUID subAccountId) {
        return deleteAll("UserEntity", subAccountId);
    }

    private int deleteAll(String entity, UUID subAccountId) {
        return em.createQuery("delete from " + entity + " where subAccountId = ?1")
                .setParameter(1, subAccountId)
                .executeUpdate();
    }
}
