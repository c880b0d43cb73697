package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} reads \"{2}\"")
    @CsvSource({
        "6000, EUR, 60.00",
        "333,  EUR, 3.33",
        "5,    EUR, 0.05",
        "0,    EUR, 0.00",
        "-150, EUR, -1.50",
        "-5,   EUR, -0.05",
        "100,  USD, 1.00",
        "8000, PLN, 80.00",
        "3000, JPY, 3000",
        "-3000, JPY, -3000",
        "1234, BHD, 1.234",
        "-9223372036854775808, EUR, -92233720368547758.08",
        "9223372036854775807,  EUR, 92233720368547758.07"
    })
    void an_amount_is_written_with_the_minor_digits_of_its_currency(long minor, String currency, String text) {
        assertThat(Money.of(minor, currency).toDecimalString()).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\" {1} is {2}")
    @CsvSource({"60.00, EUR, 6000", "60, EUR, 6000", "0.5, EUR, 50", "-1.50, EUR, -150", "3000, JPY, 3000"})
    void a_decimal_string_is_read_back_into_minor_units(String text, String currency, long minor) {
        assertThat(Money.parse(text, Currency.getInstance(currency))).isEqualTo(Money.of(minor, currency));
    }

    @ParameterizedTest(name = "\"{0}\" {1}")
    @CsvSource({"1.005, EUR", "1.5, JPY", "1,00, EUR", "'', EUR", "1e3, EUR", "+1, EUR"})
    void a_decimal_string_finer_than_the_minor_unit_or_malformed_is_refused(String text, String currency) {
        assertThatThrownBy(() -> Money.parse(text, Currency.getInstance(currency)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void writing_then_reading_an_amount_gives_it_back(@ForAll long minor, @ForAll("currencies") String currency) {
        Money money = Money.of(minor, currency);

        assertThat(Money.parse(money.toDecimalString(), money.currency())).isEqualTo(money);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("EUR", "USD", "PLN", "JPY", "BHD");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"EUR, 2", "USD, 2", "PLN, 2", "JPY, 0"})
    void each_currency_has_its_own_minor_digits(String currency, int digits) {
        assertThat(Money.zero(Currency.getInstance(currency)).minorDigits()).isEqualTo(digits);
    }

    @Test
    void amounts_of_one_currency_add_up() {
        assertThat(Money.of(6000, "EUR").plus(Money.of(-150, "EUR"))).isEqualTo(Money.of(5850, "EUR"));
        assertThat(Money.of(2000, "EUR").times(5)).isEqualTo(Money.of(10000, "EUR"));
    }

    @Test
    void amounts_of_different_currencies_are_never_added() {
        assertThatThrownBy(() -> Money.of(6000, "EUR").plus(Money.of(6000, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD")
                .hasMessageContaining("EUR");
    }

    @Test
    void an_overflow_is_refused_instead_of_wrapping_around() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 2, "EUR").times(3)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void money_always_has_a_currency_with_a_minor_unit() {
        assertThatThrownBy(() -> new Money(100, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Money.of(100, "XXX")).isInstanceOf(IllegalArgumentException.class);
    }
}
