package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntitlementsTest {

    @Test
    void an_account_gets_what_its_granting_purchases_add_up_to() {
        List<Grant> grants = List.of(
                new Grant(AddOn.PRESENTERS, 5, PurchaseStatus.ACTIVE),
                new Grant(AddOn.PRESENTERS, 2, PurchaseStatus.CANCELLATION_SCHEDULED),
                new Grant(AddOn.PARALLEL_EVENTS, 2, PurchaseStatus.PAST_DUE),
                new Grant(AddOn.STORAGE, 3, PurchaseStatus.ACTIVE),
                new Grant(AddOn.RECORDING_SPACE, 1, PurchaseStatus.ACTIVE),
                new Grant(AddOn.SUB_ACCOUNTS, 4, PurchaseStatus.ACTIVE),
                new Grant(AddOn.USERNAME_CHANGE, 1, PurchaseStatus.ACTIVE));

        Entitlements entitlements = Entitlements.ofAccount(grants, 1);

        assertThat(entitlements).isEqualTo(new Entitlements(7, 3, 30, 10, new SeatCount(4, 1, 3)));
    }

    @Test
    void an_account_without_add_ons_runs_one_event_at_a_time() {
        assertThat(Entitlements.ofAccount(List.of(), 0)).isEqualTo(new Entitlements(0, 1, 0, 0, SeatCount.none()));
    }

    @ParameterizedTest(name = "{0} grants: {1}")
    @CsvSource({
        "ACTIVE,                 true",
        "CANCELLATION_SCHEDULED, true",
        "PAST_DUE,               true",
        "PENDING_PAYMENT,        false",
        "FAILED,                 false",
        "ENDED,                  false"
    })
    void only_purchases_that_grant_count(PurchaseStatus status, boolean grants) {
        List<Grant> all = List.of(
                new Grant(AddOn.PRESENTERS, 2, status),
                new Grant(AddOn.PARALLEL_EVENTS, 2, status),
                new Grant(AddOn.STORAGE, 2, status),
                new Grant(AddOn.RECORDING_SPACE, 2, status),
                new Grant(AddOn.SUB_ACCOUNTS, 2, status));

        Entitlements entitlements = Entitlements.ofAccount(all, 0);

        assertThat(status.grants()).isEqualTo(grants);
        Entitlements expected = grants
                ? new Entitlements(2, 3, 20, 20, new SeatCount(2, 0, 2))
                : new Entitlements(0, 1, 0, 0, SeatCount.none());
        assertThat(entitlements).isEqualTo(expected);
    }

    @Test
    void seats_used_beyond_the_seats_granted_leave_none_free() {
        Entitlements entitlements =
                Entitlements.ofAccount(List.of(new Grant(AddOn.SUB_ACCOUNTS, 2, PurchaseStatus.ENDED)), 2);

        assertThat(entitlements.subAccountSeats()).isEqualTo(new SeatCount(0, 2, 0));
    }

    @Test
    void a_sub_account_sees_only_its_own_storage_and_recording_time() {
        assertThat(Entitlements.ofSubAccount(25, 4)).isEqualTo(new Entitlements(0, 0, 25, 4, new SeatCount(0, 0, 0)));
    }
}
