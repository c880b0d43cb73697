package com.webinar.billing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the benchmark reads from the PostgreSQL server it measures: its settings, the WAL written and the
 * checkpoints taken between two points, and (when the server preloads {@code pg_stat_statements}) where the
 * statements' time went.
 */
final class BenchmarkServer {
    private final Api api;
    private final boolean statements;

    BenchmarkServer(Api api) {
        this.api = api;
        this.statements = api.count("select count(*) from pg_settings where name = 'shared_preload_libraries'"
                        + " and setting like '%pg_stat_statements%'")
                > 0;
        if (statements) {
            api.execute("create extension if not exists pg_stat_statements");
        }
    }

    /** The settings that weigh on a write-heavy run, the same for pgbench and the tick. */
    String settings() {
        return api.text("""
                select string_agg(name || '=' || setting || coalesce(unit, ''), ' ' order by name) from pg_settings
                 where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_compression',
                                'checkpoint_timeout', 'max_wal_size', 'shared_buffers', 'autovacuum',
                                'shared_preload_libraries')""");
    }

    /** Where the WAL, the checkpoint count and the CPU times stand now. */
    Mark mark() {
        if (statements) {
            api.execute("select pg_stat_statements_reset()");
        }
        return new Mark(
                api.text("select pg_current_wal_lsn()::text"),
                api.count("select num_timed + num_requested from pg_stat_checkpointer"),
                serverCpuMillis(),
                jvmCpuMillis(),
                updates());
    }

    /** Of the rows of the tick's updated tables rewritten since {@code mark}, how many in place (HOT). */
    String hotUpdatesSince(Mark mark) {
        long[] now = updates();
        long[] then = mark.updates();
        return String.format(
                "account %d of %d, renewal %d of %d",
                now[1] - then[1], now[0] - then[0], now[3] - then[3], now[2] - then[2]);
    }

    private long[] updates() {
        String[] counts = api.text("""
                        select string_agg(n_tup_upd || ',' || n_tup_hot_upd, ',' order by relname)
                          from pg_stat_user_tables where relname in ('account', 'renewal')""").split(",");
        return Arrays.stream(counts).mapToLong(Long::parseLong).toArray();
    }

    /** The server's CPU time since {@code mark}, in ms: every process of it, whether still alive or not. */
    long serverCpuMillisSince(Mark mark) {
        return serverCpuMillis() - mark.serverCpuMillis();
    }

    long jvmCpuMillisSince(Mark mark) {
        return jvmCpuMillis() - mark.jvmCpuMillis();
    }

    /**
     * The postmaster's CPU time with that of its children that have exited (pgbench's backends), plus that of its
     * processes alive now (the pool's backends, the checkpointer, the WAL writer...), from /proc, in ms; once every
     * backend that has ended is reaped (its CPU time moves to the postmaster's then).
     */
    private long serverCpuMillis() {
        String postmaster = postmaster();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((api.count("select count(*) from pg_stat_activity where datname = 'pgbench'") > 0
                        || hasUnreapedChild(postmaster))
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long ticks = 0;
        for (String pid : children(postmaster)) {
            long[] stat = stat(pid);
            if (stat.length > 0) {
                ticks += stat[10] + stat[11];
            }
        }
        long[] parent = stat(postmaster);
        ticks += parent[10] + parent[11] + parent[12] + parent[13];
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private String postmaster() {
        return String.valueOf(stat(api.text("select pg_backend_pid()::text"))[0]);
    }

    private static List<String> children(String pid) {
        try {
            return List.of(Files.readString(Path.of("/proc", pid, "task", pid, "children"))
                    .trim()
                    .split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasUnreapedChild(String postmaster) {
        for (String pid : children(postmaster)) {
            try {
                String line = Files.readString(Path.of("/proc", pid, "stat"));
                if (line.charAt(line.lastIndexOf(')') + 2) == 'Z') {
                    return true;
                }
            } catch (IOException e) {
                return true; // exiting now
            }
        }
        return false;
    }

    /** The fields of /proc/PID/stat after the command's name, as numbers from field 4, ppid, on: utime is [10]. */
    private static long[] stat(String pid) {
        try {
            String line = Files.readString(Path.of("/proc", pid, "stat"));
            return Arrays.stream(line.substring(line.lastIndexOf(')') + 2).split(" "))
                    .skip(1)
                    .limit(14)
                    .mapToLong(Long::parseLong)
                    .toArray();
        } catch (IOException e) {
            return new long[0]; // gone since pg_stat_activity listed it
        } catch (NumberFormatException e) {
            throw new UncheckedIOException(new IOException("unexpected /proc/" + pid + "/stat", e));
        }
    }

    private static long jvmCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
    }

    /** The WAL bytes written since {@code mark}. */
    long walBytesSince(Mark mark) {
        return api.count("select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint", mark.lsn());
    }

    long checkpointsSince(Mark mark) {
        return api.count("select num_timed + num_requested from pg_stat_checkpointer") - mark.checkpoints();
    }

    /**
     * The statements that took most of the server's time since the last {@link #mark}, one line each: share of the
     * time, calls, total and mean ms, rows, WAL bytes, buffers hit/read/dirtied; empty without pg_stat_statements.
     */
    String topStatements(int n) {
        if (!statements) {
            return "";
        }
        return api.text("""
                with s as (select * from pg_stat_statements where dbid = (select oid from pg_database
                             where datname = current_database())),
                     t as (select sum(total_exec_time) as all_ms from s)
                select string_agg(format('  %5s%%  calls %6s  total %8s ms  mean %7s ms  rows %8s  wal %10s B'
                                         || '  hit %9s read %7s dirtied %7s  %s',
                                         round((100 * total_exec_time / nullif(t.all_ms, 0))::numeric, 1), calls,
                                         round(total_exec_time::numeric), round(mean_exec_time::numeric, 2), rows,
                                         wal_bytes, shared_blks_hit, shared_blks_read, shared_blks_dirtied,
                                         left(regexp_replace(query, '\\s+', ' ', 'g'), 110)),
                                  E'\\n' order by total_exec_time desc)
                  from (select * from s order by total_exec_time desc limit ?) s, t
                """, n);
    }

    record Mark(String lsn, long checkpoints, long serverCpuMillis, long jvmCpuMillis, long[] updates) {}
}
