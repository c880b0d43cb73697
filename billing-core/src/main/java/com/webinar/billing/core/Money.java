package com.webinar.billing.core;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount in integer minor units of an ISO 4217 currency (R13). Negative amounts exist for
 * refunds and corrections.
 */
public record Money(long minor, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            // Pseudo-currencies such as XXX or XAU have no minor unit to count in.
            throw new IllegalArgumentException("Currency without a minor unit: " + currency);
        }
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Reads a decimal string such as "60.00", "-1.5" or JPY "3000", with at most the currency's
     * minor digits.
     */
    public static Money parse(String decimal, Currency currency) {
        Objects.requireNonNull(decimal, "decimal");
        Objects.requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        if (!decimal.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("Not a decimal amount: " + decimal);
        }
        boolean negative = decimal.startsWith("-");
        String unsigned = negative ? decimal.substring(1) : decimal;
        int dot = unsigned.indexOf('.');
        String whole = dot < 0 ? unsigned : unsigned.substring(0, dot);
        String fraction = dot < 0 ? "" : unsigned.substring(dot + 1);
        if (fraction.length() > digits) {
            throw new IllegalArgumentException(
                    "More than " + digits + " decimals for " + currency.getCurrencyCode() + ": " + decimal);
        }
        // Parsed with its sign so that the most negative long can be read back too.
        String minorDigits = (negative ? "-" : "") + whole + fraction + "0".repeat(digits - fraction.length());
        return new Money(Long.parseLong(minorDigits), currency);
    }

    public Money plus(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot add " + other.currency.getCurrencyCode() + " to " + currency.getCurrencyCode());
        }
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public int minorDigits() {
        return currency.getDefaultFractionDigits();
    }

    /** 6000 EUR is "60.00", 5 EUR is "0.05", -150 EUR is "-1.50", 3000 JPY is "3000". */
    public String toDecimalString() {
        int digits = minorDigits();
        if (digits == 0) {
            return Long.toString(minor);
        }
        long unit = powerOfTen(digits);
        // Divide before taking the sign off so that Long.MIN_VALUE cannot overflow.
        long whole = Math.abs(minor / unit);
        long fraction = Math.abs(minor % unit);
        String fractionText = Long.toString(fraction);
        return (minor < 0 ? "-" : "") + whole + "." + "0".repeat(digits - fractionText.length()) + fractionText;
    }

    private static long powerOfTen(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
