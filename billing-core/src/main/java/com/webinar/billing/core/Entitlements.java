package com.webinar.billing.core;

import java.util.List;
import java.util.Objects;

/**
 * R10: what add-ons grant beyond the plan's own allowances, derived from the purchases that grant
 * at this moment.
 */
public record Entitlements(
        int presenterSeats, int parallelEvents, int storageGb, int recordingHours, SeatCount subAccountSeats) {

    static final int GB_PER_STORAGE_UNIT = 10;
    static final int HOURS_PER_RECORDING_UNIT = 10;

    public Entitlements {
        Objects.requireNonNull(subAccountSeats, "subAccountSeats");
    }

    public static Entitlements ofAccount(List<Grant> grants, int subAccountsUsed) {
        Objects.requireNonNull(grants, "grants");
        if (subAccountsUsed < 0) {
            throw new IllegalArgumentException("Sub-accounts used cannot be negative: " + subAccountsUsed);
        }
        int presenters = 0;
        int parallelEvents = 0;
        int subAccounts = 0;
        int storage = 0;
        int recording = 0;
        for (Grant grant : grants) {
            if (!grant.status().grants()) {
                continue;
            }
            int units = grant.quantity();
            switch (grant.addOn()) {
                case PRESENTERS -> presenters = Math.addExact(presenters, units);
                case PARALLEL_EVENTS -> parallelEvents = Math.addExact(parallelEvents, units);
                case SUB_ACCOUNTS -> subAccounts = Math.addExact(subAccounts, units);
                case STORAGE -> storage = Math.addExact(storage, units);
                case RECORDING_SPACE -> recording = Math.addExact(recording, units);
                case USERNAME_CHANGE -> {
                    // A one-time change, used when bought; it leaves no lasting entitlement.
                }
            }
        }
        SeatCount seats = new SeatCount(subAccounts, subAccountsUsed, Math.max(0, subAccounts - subAccountsUsed));
        return new Entitlements(
                presenters,
                Math.addExact(1, parallelEvents),
                Math.multiplyExact(GB_PER_STORAGE_UNIT, storage),
                Math.multiplyExact(HOURS_PER_RECORDING_UNIT, recording),
                seats);
    }

    /** A sub-account user sees only its sub-account's own quota and recording time. */
    public static Entitlements ofSubAccount(int storageGb, int recordingHours) {
        return new Entitlements(0, 0, storageGb, recordingHours, SeatCount.none());
    }
}
