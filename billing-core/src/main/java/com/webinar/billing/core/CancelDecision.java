package com.webinar.billing.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** R6: the answer to a cancellation; both variants mean the same to the caller. */
public sealed interface CancelDecision {

    LocalDate activeUntil();

    List<String> subAccountsToErase();

    record Scheduled(LocalDate activeUntil, List<String> subAccountsToErase) implements CancelDecision {
        public Scheduled {
            Objects.requireNonNull(activeUntil, "activeUntil");
            subAccountsToErase = List.copyOf(subAccountsToErase);
        }
    }

    /** The purchase was cancelled before; nothing changes and the first answer is given again. */
    record AlreadyScheduled(LocalDate activeUntil, List<String> subAccountsToErase) implements CancelDecision {
        public AlreadyScheduled {
            Objects.requireNonNull(activeUntil, "activeUntil");
            subAccountsToErase = List.copyOf(subAccountsToErase);
        }
    }
}
