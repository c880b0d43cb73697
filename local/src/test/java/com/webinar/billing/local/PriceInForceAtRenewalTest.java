package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R7: a renewal charges the catalog price in force on the new cycle's first day. A newer price row applies to a
 * renewal whose cycle starts on or after its {@code valid_from}, never to one that starts the day before.
 */
@QuarkusTest
class PriceInForceAtRenewalTest {
    private static final String NEW_PRICE_FROM = "2026-03-04";
    private static final String NEW_PRICE_ROW = "add_on = 'RECORDING_SPACE' and billing_period = 'MONTHLY'"
            + " and valid_from = date '" + NEW_PRICE_FROM + "'";

    @Inject
    Api api;

    @Inject
    RenewalTick tick;

    @AfterEach
    void the_new_price_goes_away() {
        api.execute("delete from catalog_price where " + NEW_PRICE_ROW);
        api.assertEveryInvoiceAddsUp();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "PLN", "JPY"})
    void a_renewal_from_a_new_price_rows_first_day_on_charges_it_and_one_the_day_before_the_old_one(String currency) {
        api.now("2026-03-01T12:00:00Z");
        long oldPrice = api.count(
                "select unit_price_minor from catalog_price where add_on = 'RECORDING_SPACE'"
                        + " and billing_period = 'MONTHLY' and currency = ? and valid_from = date '2000-01-01'",
                currency);
        Api.Account dayBefore = recordingSpaceBought(currency, "2026-02-01"); // renews on 2026-03-03
        Api.Account onTheDay = recordingSpaceBought(currency, "2026-02-02"); // on 2026-03-04
        Api.Account dayAfter = recordingSpaceBought(currency, "2026-02-03"); // on 2026-03-05
        long newPrice = oldPrice + 700;
        api.execute(
                "insert into catalog_price (add_on, billing_period, currency, valid_from, unit_price_minor)"
                        + " values ('RECORDING_SPACE', 'MONTHLY', ?, date '" + NEW_PRICE_FROM + "', ?)",
                currency,
                newPrice);

        api.now("2026-03-06T00:00:00Z");
        tick.run(TickBudget.of(Duration.ofMinutes(5)));

        assertThat(renewalUnitPrice(dayBefore, "2026-03-03")).isEqualTo(oldPrice);
        assertThat(renewalUnitPrice(onTheDay, "2026-03-04")).isEqualTo(newPrice);
        assertThat(renewalUnitPrice(dayAfter, "2026-03-05")).isEqualTo(newPrice);
        assertThat(api.count(
                        "select total_minor from invoice where account_id = ? and kind = 'RENEWAL'", onTheDay.id()))
                .isEqualTo(3 * newPrice);
    }

    private Api.Account recordingSpaceBought(String currency, String cycleStart) {
        Api.Account account = api.account("LIVE", "MONTHLY", cycleStart, currency, "UTC");
        api.buy(account, "RECORDING_SPACE", 3);
        return account;
    }

    private long renewalUnitPrice(Api.Account account, String cycleStart) {
        return api.count(
                "select l.unit_price_minor from invoice_line l join invoice i on i.id = l.invoice_id"
                        + " where i.account_id = ? and i.kind = 'RENEWAL' and i.cycle_start = ?::date",
                account.id(),
                cycleStart);
    }
}
