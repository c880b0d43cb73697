package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceStatusTest {

    @ParameterizedTest(name = "total {0}, payments [{1}] -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "6000 |                                  | OPEN",
                "6000 | PENDING                          | OPEN",
                "6000 | PENDING SUCCEEDED                | PAID",
                "6000 | SUCCEEDED                        | PAID",
                "6000 | FAILED                           | FAILED",
                "6000 | PENDING FAILED                   | FAILED",
                "6000 | FAILED PENDING                   | OPEN",
                "6000 | FAILED FAILED SUCCEEDED          | PAID",
                "6000 | SUCCEEDED FAILED                 | PAID",
                "6000 | SUCCEEDED REFUNDED               | REFUNDED",
                "6000 | FAILED SUCCEEDED REFUNDED PENDING | REFUNDED",
                "0    |                                  | PAID",
            })
    void an_invoice_stands_where_its_payment_events_leave_it(long total, String outcomes, InvoiceStatus status) {
        assertThat(InvoiceStatus.of(total, parse(outcomes))).isEqualTo(status);
    }

    private static List<PaymentOutcome> parse(String outcomes) {
        if (outcomes == null) {
            return List.of();
        }
        return Arrays.stream(outcomes.trim().split("\\s+"))
                .map(PaymentOutcome::valueOf)
                .toList();
    }
}
