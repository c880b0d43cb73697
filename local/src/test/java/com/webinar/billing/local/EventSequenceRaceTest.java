package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webinar.billing.app.cancel.CancelPurchase;
import com.webinar.billing.app.identity.Caller;
import com.webinar.billing.app.purchase.BuyAddOn;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import com.webinar.billing.core.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Purchases, cancels and the renewal tick of the same accounts, queued behind the accounts' rows and released
 * at once: each account's events are still numbered 1..n with no gap and no repeat.
 */
@QuarkusTest
@TestProfile(EventSequenceRaceTest.OneConnectionPerCaller.class)
class EventSequenceRaceTest {

    /**
     * A Lambda instance serves one request at a time with its two connections; here a tick, two purchases and two
     * cancels wait at once in one JVM, one connection each.
     */
    public static class OneConnectionPerCaller implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "8");
        }
    }

    @Inject
    Api api;

    @Inject
    OutboxEvents events;

    @Inject
    AccountRowHolder holder;

    @Inject
    BuyAddOn buys;

    @Inject
    CancelPurchase cancels;

    @Inject
    RenewalTick tick;

    ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(5);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private record Racer(Api.Account account, String toCancel, String quote) {}

    /** An account whose renewal is due at the turn, with a purchase to cancel and a quote to buy. */
    private Racer racer() {
        Api.Account account = api.seedAccount();
        api.buy(account, "PRESENTERS", 1);
        String toCancel = api.buy(account, "STORAGE", 1);
        return new Racer(account, toCancel, null);
    }

    @Test
    void purchases_cancels_and_a_tick_at_once_leave_each_accounts_sequence_gapless() throws Exception {
        List<Racer> racers = List.of(racer(), racer());
        api.now(RenewalTickTest.TURN);
        tick.turnCyclesOnly();
        List<Racer> ready = racers.stream()
                .map(r -> new Racer(r.account(), r.toCancel(), api.quote(r.account(), "PARALLEL_EVENTS", 1)))
                .toList();
        List<Callable<Object>> calls = new ArrayList<>();
        calls.add(() -> tick.run(TickBudget.of(Duration.ofMinutes(5))));
        for (Racer racer : ready) {
            calls.add(() -> buys.buy(
                            owner(racer.account()),
                            new BuyAddOn.Request(UUID.fromString(racer.quote()), "race-" + UUID.randomUUID()))
                    .status());
            calls.add(() -> cancels.cancel(
                            owner(racer.account()), new CancelPurchase.Request(UUID.fromString(racer.toCancel()), null))
                    .status());
        }

        List<Object> outcomes = holder.inTurn(ready.stream().map(Racer::account).toList(), calls, threads);

        assertThat(outcomes.subList(1, outcomes.size()).stream().map(Object::toString))
                .containsExactly("ACTIVE", "CANCELLATION_SCHEDULED", "ACTIVE", "CANCELLATION_SCHEDULED");
        for (Racer racer : ready) {
            events.assertGapless(racer.account());
            List<String> raced = events.typesOf(racer.account()).subList(4, 8);
            assertThat(raced)
                    .containsExactlyInAnyOrder(
                            "renewal.paid", "addon.purchased", "entitlements.changed", "addon.cancellation_scheduled");
            // each transaction's events are contiguous: nothing of another squeezed between them
            assertThat(raced.indexOf("entitlements.changed")).isEqualTo(raced.indexOf("addon.purchased") + 1);
        }
    }

    private static Caller owner(Api.Account account) {
        return new Caller(account.ownerId(), account.id(), Role.OWNER, null);
    }
}
