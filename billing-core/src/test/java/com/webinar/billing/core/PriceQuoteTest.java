package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceQuoteTest {

    private static final Cycle SEED_CYCLE = new Cycle(LocalDate.parse("2026-01-10"), BillingPeriod.MONTHLY);

    @ParameterizedTest(name = "{0}: {3} x {2} {1} on {6} -> cycle {7}, now {8}, {9} days left")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                     | currency | unit  | qty | period  | cycleStart | today      | cyclePrice | chargeNow | daysLeft
            seed: 5 presenters bought on 2026-01-22    | EUR      | 2000  | 5   | MONTHLY | 2026-01-10 | 2026-01-22 | 10000      | 6000      | 18
            first day of the cycle costs the full price| EUR      | 2000  | 5   | MONTHLY | 2026-01-10 | 2026-01-10 | 10000      | 10000     | 30
            last day costs one thirtieth               | EUR      | 3000  | 1   | MONTHLY | 2026-01-10 | 2026-02-08 | 3000       | 100       | 1
            rounding is on the whole line, not per unit| EUR      | 2000  | 5   | MONTHLY | 2026-01-10 | 2026-02-08 | 10000      | 333       | 1
            a single seat rounds up from .67           | EUR      | 2000  | 1   | MONTHLY | 2026-01-10 | 2026-02-08 | 2000       | 67        | 1
            below .5 rounds down                       | EUR      | 2000  | 1   | MONTHLY | 2026-01-10 | 2026-02-07 | 2000       | 133       | 2
            an exact .5 rounds up                      | EUR      | 1245  | 1   | MONTHLY | 2026-01-10 | 2026-02-08 | 1245       | 42        | 1
            another exact .5 rounds up                 | EUR      | 1245  | 1   | MONTHLY | 2026-01-10 | 2026-02-06 | 1245       | 125       | 3
            annual cycle has 365 days                  | EUR      | 20000 | 1   | ANNUAL  | 2026-01-10 | 2026-10-02 | 20000      | 5479      | 100
            annual last day costs one 365th            | EUR      | 36500 | 1   | ANNUAL  | 2026-01-10 | 2027-01-09 | 36500      | 100       | 1
            annual first day costs the full price      | USD      | 40000 | 3   | ANNUAL  | 2026-01-10 | 2026-01-10 | 120000     | 120000    | 365
            PLN like EUR, in groszy                    | PLN      | 8000  | 2   | MONTHLY | 2026-01-10 | 2026-01-22 | 16000      | 9600      | 18
            JPY has no decimals                        | JPY      | 3000  | 1   | MONTHLY | 2026-01-10 | 2026-01-22 | 3000       | 1800      | 18
            JPY last day                               | JPY      | 3000  | 1   | MONTHLY | 2026-01-10 | 2026-02-08 | 3000       | 100       | 1
            """)
    void a_recurring_add_on_is_prorated_on_the_days_left_in_the_cycle(
            String description,
            String currency,
            long unitMinor,
            int quantity,
            BillingPeriod period,
            LocalDate cycleStart,
            LocalDate today,
            long cyclePrice,
            long chargeNow,
            int daysRemaining) {
        Cycle cycle = new Cycle(cycleStart, period);

        PriceQuote quote = PriceQuote.of(AddOn.PRESENTERS, quantity, Money.of(unitMinor, currency), cycle, today);

        assertThat(quote.cyclePrice()).isEqualTo(Money.of(cyclePrice, currency));
        assertThat(quote.chargeNow()).isEqualTo(Money.of(chargeNow, currency));
        assertThat(quote.daysRemaining()).isEqualTo(daysRemaining);
        assertThat(quote.cycleDays()).isEqualTo(period.days());
        assertThat(quote.cycleStart()).isEqualTo(cycleStart);
        assertThat(quote.cycleEnd()).isEqualTo(cycle.end());
        assertThat(quote.renewsOn()).isEqualTo(cycle.end());
    }

    @Test
    void the_seed_quote_reads_as_the_owner_sees_it() {
        PriceQuote quote =
                PriceQuote.of(AddOn.PRESENTERS, 5, Money.of(2000, "EUR"), SEED_CYCLE, LocalDate.parse("2026-01-22"));

        assertThat(quote.unitPrice().toDecimalString()).isEqualTo("20.00");
        assertThat(quote.cyclePrice().toDecimalString()).isEqualTo("100.00");
        assertThat(quote.chargeNow().toDecimalString()).isEqualTo("60.00");
        assertThat(quote.cycleEnd()).isEqualTo(LocalDate.parse("2026-02-09"));
        assertThat(quote.renewsOn()).isEqualTo(LocalDate.parse("2026-02-09"));
    }

    @Test
    void the_same_instant_is_a_different_day_in_auckland_and_in_los_angeles() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-21T12:00:00Z"), ZoneId.of("UTC"));
        LocalDate inAuckland = AccountCalendar.today(clock, ZoneId.of("Pacific/Auckland"));
        LocalDate inLosAngeles = AccountCalendar.today(clock, ZoneId.of("America/Los_Angeles"));

        PriceQuote auckland = PriceQuote.of(AddOn.PRESENTERS, 5, Money.of(2000, "EUR"), SEED_CYCLE, inAuckland);
        PriceQuote losAngeles = PriceQuote.of(AddOn.PRESENTERS, 5, Money.of(2000, "EUR"), SEED_CYCLE, inLosAngeles);

        assertThat(inAuckland).isEqualTo(LocalDate.parse("2026-01-22"));
        assertThat(inLosAngeles).isEqualTo(LocalDate.parse("2026-01-21"));
        assertThat(auckland.daysRemaining()).isEqualTo(18);
        assertThat(losAngeles.daysRemaining()).isEqualTo(19);
        assertThat(auckland.chargeNow()).isEqualTo(Money.of(6000, "EUR"));
        assertThat(losAngeles.chargeNow()).isEqualTo(Money.of(6333, "EUR"));
    }

    @ParameterizedTest(name = "bought on {0}")
    @CsvSource({"2026-01-10", "2026-01-22", "2026-02-08"})
    void a_one_time_add_on_costs_its_full_price_whatever_the_day_and_never_renews(LocalDate today) {
        PriceQuote quote = PriceQuote.of(AddOn.USERNAME_CHANGE, 1, Money.of(1500, "EUR"), SEED_CYCLE, today);

        assertThat(quote.cyclePrice()).isEqualTo(Money.of(1500, "EUR"));
        assertThat(quote.chargeNow()).isEqualTo(Money.of(1500, "EUR"));
        assertThat(quote.renewsOn()).isNull();
        assertThat(quote.cycleStart()).isEqualTo(SEED_CYCLE.start());
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({
        "PRESENTERS, 0",
        "PRESENTERS, -1",
        "PRESENTERS, 101",
        "SUB_ACCOUNTS, 101",
        "USERNAME_CHANGE, 0",
        "USERNAME_CHANGE, 2"
    })
    void a_quantity_outside_the_catalog_bounds_is_an_invalid_request(AddOn addOn, int quantity) {
        assertThatThrownBy(() -> PriceQuote.of(
                        addOn, quantity, Money.of(2000, "EUR"), SEED_CYCLE, LocalDate.parse("2026-01-22")))
                .isInstanceOfSatisfying(
                        BillingException.class, e -> assertThat(e.error()).isEqualTo(BillingError.INVALID_REQUEST));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"PRESENTERS, 1", "PRESENTERS, 100", "USERNAME_CHANGE, 1"})
    void a_quantity_at_the_catalog_bounds_is_quoted(AddOn addOn, int quantity) {
        PriceQuote quote =
                PriceQuote.of(addOn, quantity, Money.of(2000, "EUR"), SEED_CYCLE, LocalDate.parse("2026-01-10"));

        assertThat(quote.cyclePrice()).isEqualTo(Money.of(2000L * quantity, "EUR"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-01-09", "2026-02-09"})
    void a_day_outside_the_cycle_cannot_be_quoted(LocalDate today) {
        assertThatThrownBy(() -> PriceQuote.of(AddOn.PRESENTERS, 1, Money.of(2000, "EUR"), SEED_CYCLE, today))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
