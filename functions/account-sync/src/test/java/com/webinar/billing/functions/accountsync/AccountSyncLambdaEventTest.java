package com.webinar.billing.functions.accountsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webinar.billing.dev.DevTokens;
import com.webinar.billing.dev.LambdaEvents;
import com.webinar.billing.dev.LambdaEvents.Refusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deployed path: API Gateway's HTTP API (payload 2.0) event, handed raw to the mock event server. */
@QuarkusTest
class AccountSyncLambdaEventTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_v2_event_from_the_platform_creates_the_account() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        String body = "{\"accountId\":\"" + account + "\",\"plan\":\"LIVE\",\"billingPeriod\":\"ANNUAL\","
                + "\"cycleStart\":\"2026-01-10\",\"currency\":\"JPY\",\"timeZone\":\"Asia/Tokyo\","
                + "\"owner\":{\"userId\":\"owner-" + account + "\",\"name\":\"Aki\"},\"members\":[]}";

        String answer = LambdaEvents.send(LambdaEvents.post("account-sync", DevTokens.forService(), body));

        assertThat(LambdaEvents.statusOf(answer)).isEqualTo(200);
        JsonNode synced = LambdaEvents.bodyOf(answer);
        assertThat(synced.get("accountId").asText()).isEqualTo(account);
        assertThat(synced.get("currency").asText()).isEqualTo("JPY");
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement();
                ResultSet r = s.executeQuery("select billing_period || ' ' || currency || ' ' || time_zone"
                        + " from account where id = '" + account + "'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("ANNUAL JPY Asia/Tokyo");
        }
    }

    @Test
    void a_v2_event_with_an_owners_token_is_forbidden() {
        LambdaEvents.Owner owner = LambdaEvents.newAccount(dataSource);

        String answer = LambdaEvents.send(LambdaEvents.post("account-sync", owner.token(), "{}"));

        assertThat(LambdaEvents.refusalOf(answer)).isEqualTo(new Refusal(403, "forbidden"));
    }
}
