package com.webinar.billing.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, fault injection: purchases, cancels, sub-account deletions, webhooks and renewal ticks run concurrently
 * on the embedded PostgreSQL while faults chosen by a seed are injected, then the invariants are checked from the
 * database and WireMock's request journal ({@link FaultInvariants}). The normal build runs a short version;
 * {@code -Dfaults.count=1000 -Dfaults.seed=N} the long one (docs/reliability.md).
 */
@QuarkusTest
@TestProfile(StripeWireMock.Profile.class)
class FaultInjectionTest {
    private static final Logger LOG = Logger.getLogger(FaultInjectionTest.class);
    static final Instant START = Instant.parse("2026-01-22T10:15:00Z");
    /** An hour after the accounts' cycle (2026-01-10, 30 days, UTC) turned. */
    static final Instant AFTER_TURN = Instant.parse("2026-02-09T01:00:00Z");

    /** What is injected. The provider's faults hit a customer's first charge request; its retry is answered. */
    enum Kind {
        CONNECTION_KILLED,
        DATABASE_UNREACHABLE,
        PROVIDER_TIMEOUT,
        PROVIDER_5XX,
        PROVIDER_429,
        PROVIDER_RESET,
        PROVIDER_SLOW,
        WEBHOOK_DUPLICATED,
        WEBHOOK_OUT_OF_ORDER,
        WEBHOOK_LATE,
        WEBHOOK_WHILE_COMMITTING,
        TICK_KILLED_BEFORE_CHARGE
    }

    static final List<Kind> PROVIDER = List.of(
            Kind.PROVIDER_TIMEOUT, Kind.PROVIDER_5XX, Kind.PROVIDER_429, Kind.PROVIDER_RESET, Kind.PROVIDER_SLOW);

    @Inject
    Api api;

    @Inject
    SubAccountSteps subAccounts;

    @Inject
    RenewalTick tick;

    @Inject
    AgroalDataSource dataSource;

    @StripeWireMock.InjectStripe
    WireMockServer stripe;

    final Map<Kind, AtomicInteger> faults = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> operations = new ConcurrentHashMap<>();
    final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    final Set<String> webhookFirst = ConcurrentHashMap.newKeySet();

    /** An account of the run, its customer, and what was made for it. */
    record Subject(Api.Account account, String customer, String seats, String subAccount) {}

    @Test
    void under_injected_faults_nothing_is_charged_twice_lost_or_answered_500() throws Exception {
        int count = Integer.getInteger("faults.count", 60);
        long seed = Long.getLong("faults.seed", 13L);
        Random random = new Random(seed);
        long began = System.nanoTime();
        stripe.addMockServiceRequestListener((request, response) -> {
            String body = request.getBodyAsString();
            for (String customer : webhookFirst) {
                if (response.getStatus() == 200
                        && response.getFault() == null
                        && body != null
                        && body.contains("customer=" + customer)
                        && webhookFirst.remove(customer)) {
                    // the provider's answer is on its way: the purchase has not settled yet
                    FaultWebhooks.succeeded(this, request.getHeader("Idempotency-Key"), body, api.now());
                }
            }
        });

        api.now(START);
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < Math.max(6, count / 6); i++) {
            subjects.add(subject(i, i % 2 == 0));
        }
        FaultInvariants invariants = new FaultInvariants(api, subAccounts, subjects);
        invariants.snapshotLedger();

        List<Runnable> work = new ArrayList<>();
        for (Subject subject : subjects) {
            Kind providerFault = PROVIDER.get(random.nextInt(PROVIDER.size()));
            boolean firstWebhook = random.nextInt(5) == 0;
            work.add(() -> buy(subject, providerFault, firstWebhook));
            if (subject.subAccount() != null) {
                work.add(() -> record(
                        "subaccount-delete",
                        subAccounts.delete(api.token(subject.account().ownerId()), subject.subAccount(), true)));
            }
            if (subject.seats() != null && random.nextBoolean()) {
                work.add(() -> record(
                        "cancel", subAccounts.cancel(api.token(subject.account().ownerId()), subject.seats(), true)));
            }
        }
        // the other faults come to about three per account; the database's make up the count
        for (int i = Math.max(count / 3, count - 3 * subjects.size()); i > 0; i--) {
            Subject victim = subjects.get(random.nextInt(subjects.size()));
            work.add(random.nextInt(4) > 0 ? this::killOneConnection : () -> makeUnreachable(victim));
        }
        Collections.shuffle(work, random);
        int half = work.size() / 2;
        runConcurrently(work.subList(0, half));

        // after the turn: ticks (one killed between its turn and its charge), late and repeated webhooks
        api.now(AFTER_TURN);
        List<Runnable> turn = new ArrayList<>(List.of(this::killedTick, this::tick, this::tick));
        turn.addAll(work.subList(half, work.size()));
        for (Subject subject : subjects) {
            turn.add(() -> FaultWebhooks.settleLate(this, subject, random.nextLong()));
        }
        Collections.shuffle(turn, random);
        runConcurrently(turn);

        // faults that could not be injected (the database was already closed) are made up for, with calls under them,
        // round after round until the count is reached (each round makes up what the one before could not)
        for (int round = 0; round < 10 && injectedSoFar() < count; round++) {
            List<Runnable> more = new ArrayList<>();
            for (int i = count - injectedSoFar(); i > 0; i--) {
                Subject victim = subjects.get(random.nextInt(subjects.size()));
                more.add(random.nextInt(4) > 0 ? this::killOneConnection : () -> makeUnreachable(victim));
                more.add(() -> record(
                        "billing-details",
                        api.post("billing-details", api.token(victim.account().ownerId()), Map.of())));
            }
            Collections.shuffle(more, random);
            runConcurrently(more);
        }

        // the faults stop; a clean tick and the provider's last webhooks settle what was left
        tick.run(TickBudget.of(Duration.ofMinutes(1)));
        for (Subject subject : subjects) {
            FaultWebhooks.settleAll(this, subject);
        }

        long took = System.nanoTime() - began;
        LOG.infof(
                "fault injection: seed %d, %d faults %s, operations %s, %d s",
                seed,
                injectedSoFar(),
                new TreeMap<>(faults),
                new TreeMap<>(operations),
                TimeUnit.NANOSECONDS.toSeconds(took));
        assertThat(serverErrors).as("answers 500 (or another 5xx but 503)").isEmpty();
        invariants.check(stripe);
    }

    private Subject subject(int i, boolean withSubAccount) {
        Api.Account account = api.account("LIVE", "MONTHLY", "2026-01-10", "EUR", "UTC");
        String customer = StripeWireMock.saveCard(
                api, account, "fault_" + i + "_" + account.id().substring(5, 13));
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .atPriority(10)
                .withRequestBody(containing("customer=" + customer))
                .willReturn(succeeded()));
        if (!withSubAccount) {
            return new Subject(account, customer, null, null);
        }
        String seats = api.buy(account, "SUB_ACCOUNTS", 1);
        String subAccount = subAccounts.create(account, "Team").id();
        subAccounts.addData(subAccount, "fault-run", 2, 1, 1);
        return new Subject(account, customer, seats, subAccount);
    }

    /** The customer's first charge request meets {@code fault}; later ones are answered (Stripe's idempotency). */
    private void buy(Subject subject, Kind fault, boolean webhookWhileCommitting) {
        String state = "answered";
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .atPriority(1)
                .inScenario(subject.customer())
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("customer=" + subject.customer()))
                .willReturn(faulty(fault))
                .willSetStateTo(state));
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .atPriority(1)
                .inScenario(subject.customer())
                .whenScenarioStateIs(state)
                .withRequestBody(containing("customer=" + subject.customer()))
                .willReturn(succeeded()));
        injected(fault);
        if (webhookWhileCommitting) {
            webhookFirst.add(subject.customer());
            injected(Kind.WEBHOOK_WHILE_COMMITTING);
        }
        Response quote =
                api.post("quote", api.token(subject.account().ownerId()), Map.of("addOn", "PRESENTERS", "quantity", 2));
        record("quote", quote);
        if (quote.statusCode() != 200) {
            return;
        }
        String key = "order-" + subject.customer();
        Map<String, Object> body = Map.of("quoteId", quote.path("quoteId"), "idempotencyKey", key);
        Response first = api.post("purchase", api.token(subject.account().ownerId()), body);
        record("purchase", first);
        if (first.statusCode() == 503 || "PENDING_PAYMENT".equals(first.path("status"))) {
            record("purchase", api.post("purchase", api.token(subject.account().ownerId()), body)); // the retry
        }
    }

    private void killOneConnection() {
        admin(
                Kind.CONNECTION_KILLED,
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                        + " and pid <> pg_backend_pid() and backend_type = 'client backend'"
                        + " and state in ('active', 'idle in transaction') order by random() limit 1");
    }

    /** No new connection is accepted and every open one is closed while one of the owner's calls is answered. */
    private void makeUnreachable(Subject victim) {
        // from another database: the one closed cannot be altered from inside
        String template1 = com.webinar.billing.dev.EmbeddedPostgresConfigSource.jdbcUrl()
                .replaceFirst("/postgres(\\?|$)", "/template1$1");
        try (Connection admin = DriverManager.getConnection(template1, "postgres", "postgres");
                Statement s = admin.createStatement()) {
            try {
                s.execute("alter database postgres allow_connections false");
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'postgres'"
                        + " and backend_type = 'client backend'");
                injected(Kind.DATABASE_UNREACHABLE);
                record(
                        "entitlements",
                        api.post("entitlements", api.token(victim.account().ownerId()), Map.of()));
            } finally {
                s.execute("alter database postgres allow_connections true");
            }
        } catch (java.sql.SQLException e) {
            LOG.warnf("database not closed: %s", e.toString());
        }
    }

    private void killedTick() {
        injected(Kind.TICK_KILLED_BEFORE_CHARGE);
        try {
            tick.turnCyclesOnly();
        } catch (RuntimeException e) {
            record("tick", 503); // a database fault in a tick: the next one goes on
        }
    }

    private void tick() {
        try {
            tick.run(TickBudget.of(Duration.ofMinutes(1)));
            record("tick", 200);
        } catch (RuntimeException e) {
            if (!com.webinar.billing.http.ProblemResponses.isDatabaseUnavailable(e)) {
                serverErrors.add("tick: " + e);
            }
            record("tick", 503);
        }
    }

    private void admin(Kind fault, String sql) {
        try (Connection admin = DriverManager.getConnection(
                        com.webinar.billing.dev.EmbeddedPostgresConfigSource.jdbcUrl(), "postgres", "postgres");
                Statement s = admin.createStatement()) {
            s.execute(sql);
            injected(fault);
        } catch (java.sql.SQLException e) {
            // the database is closed by another fault: this one is not injected
        }
    }

    private int injectedSoFar() {
        return faults.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void injected(Kind kind) {
        faults.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    void record(String operation, Response response) {
        record(operation, response.statusCode());
        if (response.statusCode() >= 500 && response.statusCode() != 503) {
            serverErrors.add(operation + " answered " + response.statusCode() + ": " + response.asString());
        }
    }

    void record(String operation, int status) {
        operations.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
    }

    private static ResponseDefinitionBuilder succeeded() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"pi_{{request.headers.[Idempotency-Key]}}\", \"object\": \"payment_intent\","
                        + " \"status\": \"succeeded\"}")
                .withTransformers("response-template");
    }

    private static ResponseDefinitionBuilder faulty(Kind fault) {
        return switch (fault) {
            // Stripe took the money, but the answer comes after our timeout (1.2 s)
            case PROVIDER_TIMEOUT -> succeeded().withFixedDelay(1_500);
            case PROVIDER_SLOW -> succeeded().withFixedDelay(300);
            case PROVIDER_5XX -> aResponse().withStatus(500).withBody("{\"error\": {\"type\": \"api_error\"}}");
            case PROVIDER_429 -> aResponse().withStatus(429).withBody("{\"error\": {\"code\": \"rate_limit\"}}");
            case PROVIDER_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            default -> succeeded();
        };
    }

    private void runConcurrently(List<Runnable> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable task : work) {
                done.add(pool.submit(task));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
