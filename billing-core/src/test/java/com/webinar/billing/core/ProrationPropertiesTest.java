package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProrationPropertiesTest {

    /** Far above any real line (100 x the dearest unit), far below overflow when multiplied by 365. */
    private static final long MAX_PRICE = 1_000_000_000_000L;

    record Line(Money cyclePrice, int cycleDays, int daysRemaining) {}

    @Provide
    Arbitrary<Line> lines() {
        return linesPricedFrom(period -> 0L);
    }

    /**
     * Lines dear enough that even one day is worth half a minor unit: every catalog price is
     * (10.00 EUR is 1000 minor units, against 15 needed monthly and 183 annually).
     */
    @Provide
    Arbitrary<Line> linesWorthAtLeastHalfAMinorUnitPerDay() {
        return linesPricedFrom(period -> (period.days() + 1) / 2L);
    }

    private static Arbitrary<Line> linesPricedFrom(ToLongFunction<BillingPeriod> minPrice) {
        return Arbitraries.of(BillingPeriod.class)
                .flatMap(period -> Combinators.combine(
                                Arbitraries.longs().between(minPrice.applyAsLong(period), MAX_PRICE),
                                Arbitraries.of("EUR", "USD", "PLN", "JPY"),
                                Arbitraries.integers().between(1, period.days()))
                        .as((price, currency, days) -> new Line(Money.of(price, currency), period.days(), days)));
    }

    @Property
    void a_priced_line_is_charged_more_than_nothing_and_at_most_the_whole_cycle(
            @ForAll("linesWorthAtLeastHalfAMinorUnitPerDay") Line line) {
        Money charged = Proration.chargeNow(line.cyclePrice(), line.daysRemaining(), line.cycleDays());

        assertThat(charged.currency()).isEqualTo(line.cyclePrice().currency());
        assertThat(charged.minor())
                .isPositive()
                .isLessThanOrEqualTo(line.cyclePrice().minor());
    }

    @Property
    void any_line_is_charged_at_most_the_whole_cycle(@ForAll("lines") Line line) {
        Money charged = Proration.chargeNow(line.cyclePrice(), line.daysRemaining(), line.cycleDays());

        assertThat(charged.minor())
                .isNotNegative()
                .isLessThanOrEqualTo(line.cyclePrice().minor());
    }

    @ParameterizedTest(name = "{0} minor units, 1 day of {1} -> {2}")
    @CsvSource({"14, 30, 0", "15, 30, 1", "182, 365, 0", "183, 365, 1"})
    void one_day_of_a_line_cheaper_than_half_a_minor_unit_a_day_rounds_to_nothing(
            long price, int cycleDays, long charged) {
        assertThat(Proration.chargeNow(Money.of(price, "EUR"), 1, cycleDays)).isEqualTo(Money.of(charged, "EUR"));
    }

    @Property
    void one_more_day_left_never_costs_less(@ForAll("lines") Line line) {
        int days = Math.min(line.daysRemaining(), line.cycleDays() - 1);
        if (days < 1) {
            return;
        }
        Money fewer = Proration.chargeNow(line.cyclePrice(), days, line.cycleDays());
        Money more = Proration.chargeNow(line.cyclePrice(), days + 1, line.cycleDays());

        assertThat(more.minor()).isGreaterThanOrEqualTo(fewer.minor());
    }

    @Property
    void a_whole_cycle_costs_exactly_the_cycle_price(
            @ForAll @LongRange(min = 0, max = MAX_PRICE) long price, @ForAll BillingPeriod period) {
        Money cyclePrice = Money.of(price, "EUR");

        assertThat(Proration.chargeNow(cyclePrice, period.days(), period.days()))
                .isEqualTo(cyclePrice);
    }

    @Property
    void the_charge_is_the_half_up_rounding_of_the_exact_share(@ForAll("lines") Line line) {
        // An independent decimal oracle for the long arithmetic, used in tests only.
        long expected = BigDecimal.valueOf(line.cyclePrice().minor())
                .multiply(BigDecimal.valueOf(line.daysRemaining()))
                .divide(BigDecimal.valueOf(line.cycleDays()), 0, RoundingMode.HALF_UP)
                .longValueExact();

        assertThat(Proration.chargeNow(line.cyclePrice(), line.daysRemaining(), line.cycleDays())
                        .minor())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "price {0}, {1} of {2} days")
    @CsvSource({"1000, 0, 30", "1000, -1, 30", "1000, 31, 30", "1000, 366, 365", "-1, 10, 30"})
    void nonsense_prorations_are_refused(long price, int daysRemaining, int cycleDays) {
        assertThatThrownBy(() -> Proration.chargeNow(Money.of(price, "EUR"), daysRemaining, cycleDays))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
