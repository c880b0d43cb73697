package com.webinar.billing.functions.reconcile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.webinar.billing.app.payment.Charge;
import com.webinar.billing.app.payment.LocalPaymentProvider;
import com.webinar.billing.core.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deployed path: the scheduler's event, or a window given by hand, posted to the Lambda mock event server. */
@QuarkusTest
class ReconcileHandlerTest {

    @Inject
    LocalPaymentProvider provider;

    @Inject
    Clock clock;

    @Test
    void the_scheduled_event_reconciles_the_day_before_and_answers_its_report() {
        Instant today = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);

        given().contentType("application/json")
                .body("{\"scheduledTime\":\"2026-12-02T03:00:00Z\"}")
                .post("/")
                .then()
                .statusCode(200)
                .body("from", equalTo(today.minus(Duration.ofDays(1)).toString()))
                .body("to", equalTo(today.toString()))
                .body("differences.size()", equalTo(0));
    }

    @Test
    void a_charge_the_ledger_does_not_record_fails_the_invocation() {
        Instant now = clock.instant();
        provider.charge(new Charge(
                "key-" + UUID.randomUUID(),
                "acct-nowhere",
                "owner-nowhere",
                Money.of(1000, "EUR"),
                Map.of("invoiceId", UUID.randomUUID().toString()),
                false));

        given().contentType("application/json")
                .body(Map.of(
                        "from",
                        now.minusSeconds(60).toString(),
                        "to",
                        now.plusSeconds(60).toString()))
                .post("/")
                .then()
                .statusCode(greaterThanOrEqualTo(500))
                .body("errorType", equalTo(ReconcileHandler.DifferencesFound.class.getName()));
    }
}
