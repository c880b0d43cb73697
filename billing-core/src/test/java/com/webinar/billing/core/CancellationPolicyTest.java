package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CancellationPolicyTest {

    private static final Cycle CYCLE = new Cycle(LocalDate.parse("2026-01-10"), BillingPeriod.MONTHLY);
    private static final LocalDate CYCLE_END = LocalDate.parse("2026-02-09");

    @ParameterizedTest(name = "{0} {1}, sub-accounts [{2}], confirmed={3} -> {4}")
    @CsvSource({
        "PRESENTERS,      ACTIVE,                 '',        false, scheduled",
        "PRESENTERS,      PAST_DUE,               '',        false, scheduled",
        "PRESENTERS,      CANCELLATION_SCHEDULED, '',        false, already_scheduled",
        "SUB_ACCOUNTS,    ACTIVE,                 '',        false, scheduled",
        "SUB_ACCOUNTS,    ACTIVE,                 sa-1 sa-2, false, confirmation_required",
        "SUB_ACCOUNTS,    ACTIVE,                 sa-1 sa-2, true,  scheduled",
        "SUB_ACCOUNTS,    PAST_DUE,               sa-1,      false, confirmation_required",
        "SUB_ACCOUNTS,    CANCELLATION_SCHEDULED, sa-1 sa-2, false, already_scheduled",
        "USERNAME_CHANGE, ACTIVE,                 '',        true,  not_cancellable",
        "PRESENTERS,      FAILED,                 '',        true,  not_cancellable",
        "PRESENTERS,      ENDED,                  '',        true,  not_cancellable",
        "PRESENTERS,      PENDING_PAYMENT,        '',        true,  not_cancellable",
        "SUB_ACCOUNTS,    ENDED,                  sa-1,      true,  not_cancellable"
    })
    void a_whole_purchase_is_cancelled_at_the_end_of_the_cycle(
            AddOn addOn, PurchaseStatus status, String subAccounts, boolean confirm, String outcome) {
        List<String> inSeats = ids(subAccounts);

        switch (outcome) {
            case "scheduled" ->
                assertThat(CancellationPolicy.cancelAtCycleEnd(addOn, status, CYCLE, inSeats, confirm))
                        .isEqualTo(new CancelDecision.Scheduled(CYCLE_END, inSeats));
            case "already_scheduled" ->
                assertThat(CancellationPolicy.cancelAtCycleEnd(addOn, status, CYCLE, inSeats, confirm))
                        .isEqualTo(new CancelDecision.AlreadyScheduled(CYCLE_END, inSeats));
            default ->
                assertThatThrownBy(() -> CancellationPolicy.cancelAtCycleEnd(addOn, status, CYCLE, inSeats, confirm))
                        .isInstanceOfSatisfying(
                                BillingException.class,
                                e -> assertThat(e.error().code()).isEqualTo(outcome));
        }
    }

    @Test
    void cancelling_a_purchase_holding_sub_accounts_names_the_ones_to_be_erased() {
        assertThatThrownBy(() -> CancellationPolicy.cancelAtCycleEnd(
                        AddOn.SUB_ACCOUNTS, PurchaseStatus.ACTIVE, CYCLE, List.of("sa-1", "sa-2"), false))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.error()).isEqualTo(BillingError.CONFIRMATION_REQUIRED);
                    assertThat(e.extra()).containsEntry("subAccounts", List.of("sa-1", "sa-2"));
                });
    }

    @Test
    void cancelling_twice_gives_the_first_answer_again_without_asking_for_confirmation() {
        List<String> inSeats = List.of("sa-1");
        CancelDecision first =
                CancellationPolicy.cancelAtCycleEnd(AddOn.SUB_ACCOUNTS, PurchaseStatus.ACTIVE, CYCLE, inSeats, true);
        CancelDecision again = CancellationPolicy.cancelAtCycleEnd(
                AddOn.SUB_ACCOUNTS, PurchaseStatus.CANCELLATION_SCHEDULED, CYCLE, inSeats, false);

        assertThat(again).isInstanceOf(CancelDecision.AlreadyScheduled.class);
        assertThat(again.activeUntil()).isEqualTo(first.activeUntil()).isEqualTo(CYCLE_END);
        assertThat(again.subAccountsToErase()).isEqualTo(first.subAccountsToErase());
    }

    @ParameterizedTest(name = "scheduled by {0}, sub-accounts [{1}], confirmed={2} -> {3}")
    @CsvSource({
        "OWNER, '',   false, already_scheduled",
        "OWNER, sa-1, false, already_scheduled",
        "PLAN,  '',   false, scheduled",
        "PLAN,  sa-1, false, confirmation_required",
        "PLAN,  sa-1, true,  scheduled"
    })
    void the_owner_cancels_a_purchase_the_plan_ends_as_if_it_were_active(
            EndReason scheduledBy, String subAccounts, boolean confirm, String outcome) {
        List<String> inSeats = ids(subAccounts);
        PurchaseStatus scheduled = PurchaseStatus.CANCELLATION_SCHEDULED;

        switch (outcome) {
            case "scheduled" ->
                assertThat(CancellationPolicy.cancelAtCycleEnd(
                                AddOn.SUB_ACCOUNTS, scheduled, scheduledBy, CYCLE, inSeats, confirm))
                        .isEqualTo(new CancelDecision.Scheduled(CYCLE_END, inSeats));
            case "already_scheduled" ->
                assertThat(CancellationPolicy.cancelAtCycleEnd(
                                AddOn.SUB_ACCOUNTS, scheduled, scheduledBy, CYCLE, inSeats, confirm))
                        .isEqualTo(new CancelDecision.AlreadyScheduled(CYCLE_END, inSeats));
            default ->
                assertThatThrownBy(() -> CancellationPolicy.cancelAtCycleEnd(
                                AddOn.SUB_ACCOUNTS, scheduled, scheduledBy, CYCLE, inSeats, confirm))
                        .isInstanceOfSatisfying(
                                BillingException.class,
                                e -> assertThat(e.error().code()).isEqualTo(outcome));
        }
    }

    private static List<String> ids(String spaceSeparated) {
        return spaceSeparated.isBlank()
                ? List.of()
                : Arrays.asList(spaceSeparated.trim().split(" +"));
    }
}
