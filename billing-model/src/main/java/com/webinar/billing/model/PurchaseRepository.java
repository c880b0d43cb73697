package com.webinar.billing.model;

import com.webinar.billing.core.AddOn;
import com.webinar.billing.core.EndReason;
import com.webinar.billing.core.PurchaseStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<PurchaseEntity, UUID> {

    public Optional<PurchaseEntity> byIdempotencyKey(String accountId, String idempotencyKey) {
        return find("accountId = ?1 and idempotencyKey = ?2", accountId, idempotencyKey)
                .firstResultOptional();
    }

    public Optional<PurchaseEntity> byQuote(UUID quoteId) {
        return find("quoteId", quoteId).firstResultOptional();
    }

    public List<PurchaseEntity> ofAccount(String accountId) {
        return list("accountId = ?1 order by purchasedAt, id", accountId);
    }

    /** The purchases that grant what they sell right now (R10). */
    public List<PurchaseEntity> granting(String accountId) {
        return list(
                "accountId = ?1 and status in ?2 order by purchasedAt, id",
                accountId,
                List.of(PurchaseStatus.ACTIVE, PurchaseStatus.CANCELLATION_SCHEDULED, PurchaseStatus.PAST_DUE));
    }

    /** The recurring purchases that would renew at the turn: the ones a move to a free plan ends. */
    public List<PurchaseEntity> renewing(String accountId) {
        return list(
                "accountId = ?1 and status in ?2 and addOn in ?3 order by purchasedAt, id",
                accountId,
                List.of(PurchaseStatus.ACTIVE, PurchaseStatus.PAST_DUE),
                AddOn.recurring());
    }

    /** The purchases whose end the plan scheduled and that have not ended yet. */
    public List<PurchaseEntity> endingBy(String accountId, EndReason reason) {
        return list(
                "accountId = ?1 and status = ?2 and endReason = ?3 order by purchasedAt, id",
                accountId,
                PurchaseStatus.CANCELLATION_SCHEDULED,
                reason);
    }
}
