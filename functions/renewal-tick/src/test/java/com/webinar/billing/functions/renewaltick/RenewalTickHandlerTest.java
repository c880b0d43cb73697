package com.webinar.billing.functions.renewaltick;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deployed path: EventBridge Scheduler's event posted to the Lambda mock event server. */
@QuarkusTest
class RenewalTickHandlerTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_scheduled_event_renews_an_account_whose_cycle_has_ended() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement()) {
            // a monthly cycle that ended yesterday, with nothing to charge: the tick just moves it on
            s.execute("insert into account values ('" + account
                    + "', 'LIVE', 'MONTHLY', (now() at time zone 'UTC')::date - 31, 'EUR',"
                    + " 'UTC', ((now() at time zone 'UTC')::date - 1)::timestamp at time zone 'UTC', now(), now())");
        }

        given().contentType("application/json")
                .body("{\"scheduledTime\":\"2026-12-01T08:15:00Z\"}")
                .post("/")
                .then()
                .statusCode(200)
                .body("accountsRenewed", greaterThanOrEqualTo(1))
                .body("more", equalTo(false));

        try (Connection c = dataSource.getConnection();
                var s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "select cycle_start = (now() at time zone 'UTC')::date - 1 from account where id = '" + account
                                + "'")) {
            r.next();
            assertThat(r.getBoolean(1)).isTrue();
        }
    }
}
