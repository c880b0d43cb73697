package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.webinar.billing.app.events.EventOutbox;
import com.webinar.billing.app.payment.LocalPaymentProvider;
import com.webinar.billing.app.renewal.RenewalReport;
import com.webinar.billing.app.renewal.RenewalTick;
import com.webinar.billing.app.renewal.TickBudget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Renewals per second of the tick's use case against pgbench's TPC-B TPS on the same PostgreSQL server, pgbench
 * run before and after the tick. Not a test: it runs only with {@code -Dbenchmark} (see docs/benchmarks.md for the
 * command and the figures). {@code -Dbenchmark.small}/{@code -Dbenchmark.large} set the two sizes (10 000 and
 * 100 000); {@code -Dbenchmark.large=1000000} runs in a 1 GB heap ({@code -DargLine=-Xmx1g}).
 */
@QuarkusTest
class RenewalTickBenchmark {
    private static final Path PGBENCH = Path.of("/usr/lib/postgresql/15/bin/pgbench");

    @Inject
    Api api;

    @Inject
    RenewalTick tick;

    @Inject
    LocalPaymentProvider provider;

    @Inject
    EventOutbox events;

    private BenchmarkServer server;

    /** What one pgbench run did: its rate, and the WAL it wrote per transaction. */
    private record Pgbench(double tps, long transactions, long walBytes, long serverCpuMillis) {}

    @Test
    void renewals_per_second_against_pgbench() throws Exception {
        assumeTrue(System.getProperty("benchmark") != null, "run with -Dbenchmark");
        StringBuilder out = new StringBuilder("\n== renewal tick benchmark ==\n");
        out.append("load average at start: ").append(loadAverage()).append('\n');
        out.append(String.format("heap: max %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        server = new BenchmarkServer(api);
        out.append("server: ").append(server.settings()).append('\n');
        double before = pgbench(out, "before the tick");
        List<double[]> rates = new ArrayList<>();
        // the provider answers as always but does not keep a million calls for tests to count
        provider.keepCalls(false);
        try {
            for (int accounts : List.of(
                    Integer.getInteger("benchmark.small", 10_000), Integer.getInteger("benchmark.large", 100_000))) {
                double seconds = renewAll(accounts, out);
                rates.add(new double[] {accounts, accounts / seconds});
            }
        } finally {
            provider.keepCalls(true);
        }
        out.append(String.format("heap: at most %d MB used%n", peakHeapMb()));
        double after = pgbench(out, "after the tick");
        double tps = (before + after) / 2;
        for (double[] rate : rates) {
            out.append(String.format(
                    "tick/pgbench at %.0f accounts: %.2fx (pgbench's mean of before and after)%n",
                    rate[0], rate[1] / tps));
        }
        double[] first = rates.get(0);
        double[] last = rates.get(rates.size() - 1);
        out.append(String.format(
                "cost per account at %.0f accounts: %.2fx the cost at %.0f%n", last[0], first[1] / last[1], first[0]));
        System.out.println(out);
        assertThat(before).as("pgbench measured something").isPositive();
        assertThat(after).as("pgbench measured something").isPositive();
    }

    /** Seeds {@code accounts} due accounts, runs ticks until none is left; the seconds they took. */
    private double renewAll(int accounts, StringBuilder out) {
        String prefix = "bench" + accounts + "-";
        seed(prefix, accounts);
        api.now("2030-01-31T00:00:00Z");
        BenchmarkServer.Mark mark = server.mark();
        long started = System.nanoTime();
        int renewed = 0;
        int purchasesRenewed = 0;
        int ticks = 0;
        RenewalReport report;
        do {
            report = tick.run(TickBudget.of(Duration.ofMinutes(14)));
            renewed += report.accountsRenewed();
            purchasesRenewed += report.purchasesRenewed();
            ticks++;
        } while (report.more());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(renewed).isEqualTo(accounts);
        assertThat(purchasesRenewed).isEqualTo(2 * accounts);
        assertThat(api.count("select count(*) from renewal where account_id like ? and status = 'PAID'", prefix + "%"))
                .isEqualTo(accounts);
        out.append(String.format(
                "tick: %d accounts (%d purchases) renewed and charged in %.2f s over %d tick(s): %.0f accounts/s%n",
                accounts, 2 * accounts, seconds, ticks, accounts / seconds));
        out.append(String.format(
                "RESULT accounts=%d seconds=%.2f per_second=%.0f%n", accounts, seconds, accounts / seconds));
        out.append(String.format(
                "tick WAL: %d bytes per account, %d checkpoint(s) during the tick%n",
                server.walBytesSince(mark) / accounts, server.checkpointsSince(mark)));
        out.append("tick rows rewritten in place (HOT): ")
                .append(server.hotUpdatesSince(mark))
                .append('\n');
        long serverCpu = server.serverCpuMillisSince(mark);
        long jvmCpu = server.jvmCpuMillisSince(mark);
        out.append(String.format(
                "tick CPU: PostgreSQL %d us, the JVM %d us per account (the JVM %.0f%% of both)%n",
                serverCpu * 1000 / accounts,
                jvmCpu * 1000 / accounts,
                100.0 * jvmCpu / Math.max(1, serverCpu + jvmCpu)));
        String top = server.topStatements(15);
        if (!top.isEmpty()) {
            out.append("tick statements by server time (pg_stat_statements):\n")
                    .append(top)
                    .append('\n');
        }
        api.execute("delete from renewal");
        return seconds;
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        if (Files.isReadable(proc)) {
            String[] fields = Files.readString(proc).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        return String.format(
                "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The most the heap's pools held at once since the JVM started (their peaks, summed). */
    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    /** N accounts due for renewal on 2030-01-31, each with an owner and two active recurring purchases. */
    private void seed(String prefix, int accounts) {
        api.execute("""
                insert into account (id, plan, billing_period, cycle_start, currency, time_zone, cycle_turns_at, created_at, updated_at)
                select ? || g, 'LIVE', 'MONTHLY', date '2030-01-01', 'EUR', 'UTC', timestamptz '2030-01-31 00:00Z', now(), now()
                  from generate_series(1, ?) g
                """, prefix, accounts);
        api.execute(
                "insert into app_user (id, account_id, role, name) select 'owner-' || id, id, 'OWNER', 'Owner'"
                        + " from account where id like ?",
                prefix + "%");
        api.execute("""
                insert into quote (id, account_id, add_on, quantity, currency, unit_price_minor, cycle_price_minor,
                                   charge_now_minor, cycle_start, cycle_end, cycle_days, days_remaining, created_at, expires_at)
                select gen_random_uuid(), a.id, p.add_on, 2, 'EUR', p.price, 2 * p.price, 2 * p.price, date '2030-01-01',
                       date '2030-01-31', 30, 30, now(), now()
                  from account a cross join (values ('PRESENTERS', 2000), ('STORAGE', 1000)) as p(add_on, price)
                 where a.id like ?
                """, prefix + "%");
        api.execute("""
                insert into purchase (id, account_id, quote_id, idempotency_key, add_on, quantity, status, purchased_at,
                                      active_from, updated_at)
                select gen_random_uuid(), q.account_id, q.id, q.id::text, q.add_on, q.quantity, 'ACTIVE', now(),
                       date '2030-01-01', now()
                  from quote q where q.account_id like ?
                """, prefix + "%");
        // as a purchase leaves them: the entitlements the account has are announced already
        // (-Dbenchmark.unannounced: not, so each renewal also announces them, as the benchmark did before)
        if (System.getProperty("benchmark.unannounced") == null) {
            String first = prefix + 1;
            QuarkusTransaction.requiringNew().run(() -> events.announceEntitlements(List.of(first), Instant.now()));
            api.execute(
                    "update account set announced_entitlements ="
                            + " (select announced_entitlements from account where id = ?) where id like ?",
                    first,
                    prefix + "%");
        }
        api.execute("vacuum analyze");
        // the tick does not pay for writing out the seed's pages; pgbench starts after a checkpoint too
        api.execute("checkpoint");
    }

    private double pgbench(StringBuilder out, String when) throws IOException, InterruptedException {
        if (!Files.isExecutable(PGBENCH)) {
            out.append("pgbench not found at ").append(PGBENCH).append('\n');
            return Double.NaN;
        }
        Pgbench run = pgbench();
        out.append(String.format("pgbench TPC-B (scale 10, 2 clients, 30 s): %.0f tps (%s)%n", run.tps(), when));
        out.append(String.format(
                "pgbench WAL: %d bytes, PostgreSQL CPU %d us per transaction%n",
                run.walBytes() / Math.max(1, run.transactions()),
                run.serverCpuMillis() * 1000 / Math.max(1, run.transactions())));
        return run.tps();
    }

    private Pgbench pgbench() throws IOException, InterruptedException {
        URI url = URI.create(ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class)
                .substring("jdbc:".length()));
        String host = url.getHost();
        String port = String.valueOf(url.getPort());
        if (api.count("select count(*) from pg_database where datname = 'pgbench'") == 0) {
            api.execute("create database pgbench");
            run(List.of(
                    PGBENCH.toString(), "-i", "-s", "10", "-q", "-h", host, "-p", port, "-U", "postgres", "pgbench"));
        }
        api.execute("checkpoint");
        BenchmarkServer.Mark mark = server.mark();
        String result = run(List.of(
                PGBENCH.toString(),
                "-c",
                "2",
                "-j",
                "2",
                "-T",
                "30",
                "-h",
                host,
                "-p",
                port,
                "-U",
                "postgres",
                "pgbench"));
        long wal = server.walBytesSince(mark);
        long cpu = server.serverCpuMillisSince(mark);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(result);
        Matcher transactions = Pattern.compile("actually processed: ([0-9]+)").matcher(result);
        return new Pgbench(
                tps.find() ? Double.parseDouble(tps.group(1)) : Double.NaN,
                transactions.find() ? Long.parseLong(transactions.group(1)) : 0,
                wal,
                cpu);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed:\n" + output);
        }
        return output;
    }
}
