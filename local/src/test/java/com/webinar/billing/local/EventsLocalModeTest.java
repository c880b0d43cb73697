package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.events.Envelope;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Local mode publishes what a function commits, and dev-events shows it. The relay polls every 200 ms; the wait
 * below is far longer only so that a loaded build machine cannot fail the test: what it proves is publication.
 */
@QuarkusTest
@TestProfile(EventsLocalModeTest.RelayOn.class)
class EventsLocalModeTest {

    public static class RelayOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("billing.events.local-relay.enabled", "true");
        }
    }

    @Inject
    Api api;

    @Inject
    SubAccountSteps steps;

    @Inject
    LocalEventSink sink;

    @Test
    void an_erasure_committed_by_subaccount_delete_is_published_and_shown_by_dev_events() throws Exception {
        Api.Account account = api.seedAccount();
        api.buy(account, "SUB_ACCOUNTS", 2);
        SubAccountSteps.SubAccount doomed = steps.create(account, "Training");

        steps.delete(api.token(account.ownerId()), doomed.id(), true).then().statusCode(200);

        Envelope erased = sink.await(
                event -> event.accountId().equals(account.id()) && event.type().equals("subaccount.erased"),
                Duration.ofSeconds(30));
        assertThat(erased).as("published by the local relay").isNotNull();
        List<Map<String, Object>> shown = api.post("dev-events", null, Map.of("accountId", account.id()))
                .then()
                .statusCode(200)
                .extract()
                .path("events");
        assertThat(shown).extracting(event -> event.get("accountId")).containsOnly(account.id());
        assertThat(shown)
                .filteredOn(event -> event.get("id").equals(erased.id().toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.get("type")).isEqualTo("subaccount.erased");
                    assertThat(event.get("sequence")).isEqualTo((int) erased.sequence());
                    assertThat(event).containsKey("occurredAt");
                    assertThat(((Map<?, ?>) event.get("data")).get("subAccountId"))
                            .isEqualTo(doomed.id());
                });
        assertThat(shown)
                .extracting(event -> ((Number) event.get("sequence")).longValue())
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void dev_events_refuses_an_unknown_field() {
        api.post("dev-events", null, Map.of("account", "x")).then().statusCode(400);
    }
}
