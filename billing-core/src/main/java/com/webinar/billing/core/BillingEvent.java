package com.webinar.billing.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A billing fact the platform's other services learn through the outbox (docs/events.md, "Catalog"). Each
 * record's components other than {@code accountId} are the event's {@code data}; {@code accountId} goes to the
 * envelope. Ids, amounts, dates and codes only: never a name.
 */
public sealed interface BillingEvent {

    /** The account whose sequence numbers the event. */
    String accountId();

    /** The envelope's {@code type}. */
    String type();

    /** Why a purchase stops renewing: the owner asked (R6). */
    enum CancellationReason {
        OWNER,
        /** the account left the paid plan (R1); lifted if it returns before the end */
        PLAN
    }

    /** Why a purchase stopped granting: cancelled and its cycle ended (R6), or its renewal was never paid (R8). */
    enum EndReason {
        CANCELLED,
        UNPAID,
        /** the account left the paid plan and did not return before the cycle's end */
        PLAN
    }

    record AddOnPurchased(
            String accountId,
            UUID purchaseId,
            UUID invoiceId,
            AddOn addOn,
            int quantity,
            Money amountCharged,
            LocalDate activeFrom)
            implements BillingEvent {
        public String type() {
            return "addon.purchased";
        }
    }

    record AddOnPurchaseFailed(
            String accountId, UUID purchaseId, UUID invoiceId, AddOn addOn, int quantity, Money amount, String reason)
            implements BillingEvent {
        public String type() {
            return "addon.purchase_failed";
        }
    }

    record AddOnCancellationScheduled(
            String accountId,
            UUID purchaseId,
            AddOn addOn,
            int quantity,
            LocalDate activeUntil,
            CancellationReason reason,
            List<UUID> subAccountsToErase)
            implements BillingEvent {
        public AddOnCancellationScheduled {
            subAccountsToErase = List.copyOf(subAccountsToErase);
        }

        public String type() {
            return "addon.cancellation_scheduled";
        }
    }

    /**
     * The account came back to a paid plan before the end its leaving scheduled: the purchase renews again as
     * before ({@code status} ACTIVE, or PAST_DUE while its renewal is still being collected).
     */
    record AddOnCancellationLifted(
            String accountId,
            UUID purchaseId,
            AddOn addOn,
            int quantity,
            PurchaseStatus status,
            CancellationReason reason)
            implements BillingEvent {
        public String type() {
            return "addon.cancellation_lifted";
        }
    }

    /** {@code unpaidInvoiceId} names the renewal that was never paid ({@code UNPAID}), else null. */
    record AddOnEnded(
            String accountId, UUID purchaseId, AddOn addOn, int quantity, EndReason reason, UUID unpaidInvoiceId)
            implements BillingEvent {
        public String type() {
            return "addon.ended";
        }
    }

    /** {@code attempt} 1 is the charge at the turn; 2, 3 and 4 are the retries of R8. */
    record RenewalPaid(String accountId, UUID invoiceId, LocalDate cycleStart, Money amount, int attempt)
            implements BillingEvent {
        public String type() {
            return "renewal.paid";
        }
    }

    /** {@code nextRetryAt} is null once the last retry failed: the renewal's purchases end ({@code addon.ended}). */
    record RenewalPaymentFailed(
            String accountId,
            UUID invoiceId,
            LocalDate cycleStart,
            Money amount,
            int attempt,
            String reason,
            Instant nextRetryAt)
            implements BillingEvent {
        public String type() {
            return "renewal.payment_failed";
        }
    }

    /**
     * The owner's bank wants the owner to authenticate a renewal charged without them (3-D Secure): the renewal is
     * in R8's grace period ({@code renewal.payment_failed} comes with it); the platform brings the owner back to pay.
     */
    record PaymentActionRequired(String accountId, UUID invoiceId, LocalDate cycleStart, Money amount)
            implements BillingEvent {
        public String type() {
            return "payment.action_required";
        }
    }

    record SubAccountCreated(
            String accountId, UUID subAccountId, UUID purchaseId, String adminUserId, int storageGb, int recordingHours)
            implements BillingEvent {
        public String type() {
            return "subaccount.created";
        }
    }

    /** The owner deleted it; its {@code subaccount.erased} follows in the same transaction. */
    record SubAccountDeleted(String accountId, UUID subAccountId, UUID purchaseId) implements BillingEvent {
        public String type() {
            return "subaccount.deleted";
        }
    }

    /** {@code storageKeys}: every object of its recordings and files, which the media service must delete. */
    record SubAccountErased(
            String accountId,
            UUID subAccountId,
            UUID purchaseId,
            int users,
            int events,
            int recordings,
            int files,
            List<String> storageKeys)
            implements BillingEvent {
        public SubAccountErased {
            storageKeys = List.copyOf(storageKeys);
        }

        public String type() {
            return "subaccount.erased";
        }
    }

    /** The account's whole entitlements snapshot after the change (R10). */
    record EntitlementsChanged(
            String accountId,
            int presenterSeats,
            int parallelEvents,
            int storageGb,
            int recordingHours,
            SeatCount subAccountSeats)
            implements BillingEvent {
        public String type() {
            return "entitlements.changed";
        }

        /**
         * The event to send when an account's entitlements are {@code now}, having last announced {@code
         * announced}: none when they are the same. An account that never announced had no add-on (the plan's own
         * allowances), so a change that leaves it there announces nothing.
         */
        public static Optional<EntitlementsChanged> between(
                String accountId, Entitlements announced, Entitlements now) {
            Objects.requireNonNull(now, "now");
            Entitlements before = announced != null ? announced : Entitlements.ofAccount(List.of(), 0);
            if (before.equals(now)) {
                return Optional.empty();
            }
            return Optional.of(new EntitlementsChanged(
                    accountId,
                    now.presenterSeats(),
                    now.parallelEvents(),
                    now.storageGb(),
                    now.recordingHours(),
                    now.subAccountSeats()));
        }
    }
}
