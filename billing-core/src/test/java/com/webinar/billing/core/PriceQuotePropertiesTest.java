package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * R3 for any account: whatever its period, cycle start, zone and currency, and whenever the owner asks, a quote is
 * the whole cycle's price and the half-up share of it for the days left, today counting in full.
 */
class PriceQuotePropertiesTest {

    /** Far above any catalog price, far below overflow once multiplied by a quantity and 365 days. */
    private static final long MAX_UNIT_PRICE = 1_000_000_000L;

    /** Every zone an account may have, the ones whose midnight a DST change skips or repeats among them. */
    private static final List<String> ZONES =
            AccountCalendar.zoneNames().stream().sorted().toList();

    /** An account's terms and the instant its owner asks for a quote, some cycles after the stored start. */
    record Asking(
            BillingPeriod period,
            LocalDate storedStart,
            ZoneId zone,
            Instant at,
            AddOn addOn,
            int quantity,
            Money unit) {

        LocalDate today() {
            return AccountCalendar.today(Clock.fixed(at, zone), zone);
        }

        Cycle cycle() {
            return new Cycle(storedStart, period).containing(today());
        }
    }

    @Provide
    Arbitrary<Asking> askings() {
        Arbitrary<BillingPeriod> periods = Arbitraries.of(BillingPeriod.class);
        Arbitrary<LocalDate> starts = Arbitraries.longs()
                .between(0, LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        // up to three cycles late, to the second
        Arbitrary<Duration> after = Arbitraries.longs()
                .between(0, Duration.ofDays(3 * 365).toSeconds())
                .map(Duration::ofSeconds);
        Arbitrary<AddOn> addOns = Arbitraries.of(AddOn.class);
        Arbitrary<Money> units = Combinators.combine(
                        Arbitraries.longs().between(0, MAX_UNIT_PRICE), Arbitraries.of("EUR", "USD", "PLN", "JPY"))
                .as(Money::of);
        return Combinators.combine(periods, starts, zones, after, addOns, units)
                .flatAs((period, start, zone, late, addOn, unit) -> Arbitraries.integers()
                        .between(addOn.minQuantity(), addOn.maxQuantity())
                        .map(quantity -> new Asking(
                                period,
                                start,
                                zone,
                                start.atStartOfDay(zone).toInstant().plus(late),
                                addOn,
                                quantity,
                                unit)));
    }

    @Property
    void a_quote_is_the_cycle_price_and_its_half_up_share_for_the_days_left(@ForAll("askings") Asking asking) {
        Cycle cycle = asking.cycle();
        LocalDate today = asking.today();

        PriceQuote quote = PriceQuote.of(asking.addOn(), asking.quantity(), asking.unit(), cycle, today);

        long cyclePrice = asking.unit().minor() * asking.quantity();
        long daysLeft = ChronoUnit.DAYS.between(today, cycle.end());
        long share = BigDecimal.valueOf(cyclePrice)
                .multiply(BigDecimal.valueOf(daysLeft))
                .divide(BigDecimal.valueOf(asking.period().days()), 0, RoundingMode.HALF_UP)
                .longValueExact();
        assertThat(quote.cyclePrice())
                .isEqualTo(new Money(cyclePrice, asking.unit().currency()));
        assertThat(quote.daysRemaining()).isEqualTo(daysLeft);
        assertThat(quote.cycleDays()).isEqualTo(asking.period().days());
        assertThat(quote.cycleStart()).isEqualTo(cycle.start());
        assertThat(quote.cycleEnd()).isEqualTo(cycle.end());
        if (asking.addOn().isRecurring()) {
            assertThat(quote.chargeNow())
                    .isEqualTo(new Money(share, asking.unit().currency()));
            assertThat(quote.renewsOn()).isEqualTo(cycle.end());
        } else {
            assertThat(quote.chargeNow()).isEqualTo(quote.cyclePrice());
            assertThat(quote.renewsOn()).isNull();
        }
    }

    @Property
    void the_days_left_are_between_one_and_the_cycles_length_and_today_is_in_the_cycle(
            @ForAll("askings") Asking asking) {
        Cycle cycle = asking.cycle();

        PriceQuote quote = PriceQuote.of(asking.addOn(), asking.quantity(), asking.unit(), cycle, asking.today());

        assertThat(quote.daysRemaining()).isBetween(1, asking.period().days());
        assertThat(cycle.contains(asking.today())).isTrue();
        assertThat(ChronoUnit.DAYS.between(cycle.start(), cycle.end()))
                .isEqualTo(asking.period().days());
    }

    /**
     * Whatever the zone's DST changes (a midnight skipped or repeated), the cycles follow each other with no gap and
     * no overlap: the instant asked at belongs to exactly one cycle, the one its date in the zone falls in.
     */
    @Property
    void cycles_are_contiguous_in_every_zone_across_dst(@ForAll("askings") Asking asking) {
        Cycle cycle = asking.cycle();
        ZoneId zone = asking.zone();
        Cycle before = new Cycle(cycle.start().minusDays(asking.period().days()), asking.period());

        assertThat(before.next()).isEqualTo(cycle);
        assertThat(cycle.next().start()).isEqualTo(cycle.end());
        assertThat(before.turnsAt(zone))
                .isEqualTo(cycle.start().atStartOfDay(zone).toInstant());
        assertThat(before.hasEndedAt(asking.at(), zone)).isTrue();
        assertThat(cycle.hasEndedAt(asking.at(), zone)).isFalse();
        assertThat(Stream.of(before, cycle, cycle.next())
                        .filter(c -> !c.hasEndedAt(asking.at(), zone)
                                && !asking.at()
                                        .isBefore(c.start().atStartOfDay(zone).toInstant())))
                .containsExactly(cycle);
        assertThat(cycle.turnsAt(zone)).isAfter(before.turnsAt(zone));
    }
}
