package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.core.BillingEvent.EntitlementsChanged;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntitlementsChangedTest {

    /** "presenters/subAccountSeats/subAccountsUsed", or "-" for an account that announced nothing yet. */
    private static Entitlements snapshot(String text) {
        if (text.equals("-")) {
            return null;
        }
        String[] parts = text.split("/");
        return Entitlements.ofAccount(
                List.of(
                        new Grant(AddOn.PRESENTERS, Integer.parseInt(parts[0]), PurchaseStatus.ACTIVE),
                        new Grant(AddOn.SUB_ACCOUNTS, Integer.parseInt(parts[1]), PurchaseStatus.ACTIVE)),
                Integer.parseInt(parts[2]));
    }

    @ParameterizedTest(name = "announced {0}, now {1}: sent={2}")
    @CsvSource({
        "-,     0/0/0, false", // never announced, still no add-on
        "-,     5/0/0, true", // the first add-on
        "5/0/0, 5/0/0, false", // nothing changed (e.g. a cancel: it grants until the cycle ends)
        "5/0/0, 0/0/0, true", // the add-on ended
        "0/2/0, 0/2/1, true", // a sub-account took a seat
        "0/2/1, 0/2/0, true", // ... and was erased
        "0/2/1, 0/2/1, false",
    })
    void entitlements_changed_is_sent_only_when_the_snapshot_differs_from_the_last_announced(
            String announced, String now, boolean sent) {
        assertThat(EntitlementsChanged.between("acct", snapshot(announced), snapshot(now)))
                .isEqualTo(sent ? java.util.Optional.of(eventOf(snapshot(now))) : java.util.Optional.empty());
    }

    private static EntitlementsChanged eventOf(Entitlements e) {
        return new EntitlementsChanged(
                "acct", e.presenterSeats(), e.parallelEvents(), e.storageGb(), e.recordingHours(), e.subAccountSeats());
    }
}
