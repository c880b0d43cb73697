package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forces calls to overlap for real, with no sleep: holds accounts' rows on a connection of its own, starts each
 * call once the previous one is queued behind them, then lets go. The calls then run concurrently, in the order
 * given.
 */
@ApplicationScoped
public class AccountRowHolder {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** As below, on threads of its own, stopped before it answers. */
    public List<Object> inTurn(List<Api.Account> accounts, List<Callable<Object>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            return inTurn(accounts, calls, threads);
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Answers each call's outcome in the order given. */
    public List<Object> inTurn(List<Api.Account> accounts, List<Callable<Object>> calls, ExecutorService threads)
            throws Exception {
        try (Connection holder = DriverManager.getConnection(jdbcUrl, user, password)) {
            holder.setAutoCommit(false);
            for (Api.Account account : accounts) {
                try (PreparedStatement lock =
                        holder.prepareStatement("select id from account where id = ? for update")) {
                    lock.setString(1, account.id());
                    lock.executeQuery().close();
                }
            }
            List<Future<Object>> running = new ArrayList<>();
            for (Callable<Object> call : calls) {
                running.add(threads.submit(call));
                awaitWaiters(holder, running.size(), running);
            }
            holder.commit();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> call : running) {
                outcomes.add(call.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        }
    }

    private static String sessions(Connection holder) throws SQLException {
        StringBuilder found = new StringBuilder();
        try (PreparedStatement list = holder.prepareStatement(
                        "select state, wait_event_type, wait_event, left(query, 120) from pg_stat_activity"
                                + " where datname = current_database() and pid <> pg_backend_pid()");
                ResultSet r = list.executeQuery()) {
            while (r.next()) {
                found.append("\n  ")
                        .append(r.getString(1))
                        .append(' ')
                        .append(r.getString(2))
                        .append('/')
                        .append(r.getString(3))
                        .append(": ")
                        .append(r.getString(4));
            }
        }
        return found.toString();
    }

    private static String outcomeOf(Future<Object> call) {
        try {
            return String.valueOf(call.get());
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Polls the server (no sleeping) until {@code count} sessions wait for a lock. */
    private static void awaitWaiters(Connection holder, int count, List<Future<Object>> running) throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        try (PreparedStatement waiting = holder.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                        + " and pid <> pg_backend_pid()")) {
            while (true) {
                // the holder is in a transaction, which would otherwise keep seeing its first view of the sessions
                try (PreparedStatement fresh = holder.prepareStatement("select pg_stat_clear_snapshot()")) {
                    fresh.executeQuery().close();
                }
                try (ResultSet r = waiting.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= count) {
                        return;
                    }
                }
                for (Future<Object> call : running) {
                    assertThat(call.isDone())
                            .as(() -> "call " + running.indexOf(call)
                                    + " finished without waiting for the account lock: " + outcomeOf(call))
                            .isFalse();
                }
                if (!Instant.now().isBefore(deadline)) {
                    throw new AssertionError(
                            "only some of " + count + " callers queued behind the account lock: " + sessions(holder));
                }
                Thread.onSpinWait();
            }
        }
    }
}
