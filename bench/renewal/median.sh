#!/usr/bin/env bash
# The renewal tick's figures as docs/benchmarks.md ("Renewal tick") wants them: the median of N runs of the
# benchmark command, for 10 000 accounts and each large size given, with pgbench in the same runs.
#
#   bash bench/renewal/median.sh                     # 3 runs of 10k+100k, then 3 runs of 10k+1M (1 GB heap)
#   RUNS=5 bash bench/renewal/median.sh 100000       # only 10k+100k, 5 runs
#   PORT=19300 bash bench/renewal/median.sh ...      # Quarkus test ports PORT and PORT+1 (default 8081, 8082)
#   MVN_ARGS='-Dbilling.renewal.batch-size=1000' bash bench/renewal/median.sh 100000     # any extra -D
#   LOGS=/tmp/renewal-median bash bench/renewal/median.sh   # where each run's output is kept (default: a temp dir)
#   COOL=0.5 ...                                     # each run first waits for the 1-minute load average to fall to it
#
# Prints the load average before each run, one line per run (with the WAL and the server's CPU time per renewal and
# per pgbench transaction, which the machine's load changes less than the rates), then one Markdown row per size: the medians of
# accounts/s, of pgbench's tps (each run's mean of before and after the tick), of tick/pgbench, and of the cost
# per account over the 10 000 run's. A figure taken while the load average just before its command was above 1.0
# is not valid: the row says so and the script exits 2. (The benchmark's own "load average at start" line is printed
# beside it but not judged: it includes the run's own Maven build and Quarkus start, 0.3-1.1 here on an idle machine.) The figures of a machine shared with other work
# are noise (docs/benchmarks.md); only the ratios of one run compare, and only on an otherwise idle machine.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-3}"
PORT="${PORT:-8081}"
SMALL=10000
LOGS="${LOGS:-$(mktemp -d /tmp/renewal-median.XXXXXX)}"
mkdir -p "$LOGS"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000 1000000)
MAX_LOAD=1.0

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2];
                                               else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# Back to back, a run starts at the load its predecessor left (the load average is a mean over the last minute,
# 2 after a run here): each run waits until it is down to COOL (at most 6 minutes), and the waiting is printed.
COOL="${COOL:-0.5}"
cool_down() {
    local waited=0
    while ! awk -v max="$COOL" '{exit !($1 <= max)}' /proc/loadavg && [ $waited -lt 360 ]; do
        sleep 5
        waited=$((waited + 5))
    done
    [ $waited -eq 0 ] || echo "   waited ${waited} s for the load average to fall to $COOL"
}

rows=()
status=0
for large in "${SIZES[@]}"; do
    heap=()
    [ "$large" -ge 1000000 ] && heap=(-DargLine=-Xmx1g)
    : > "$LOGS/runs-$large.txt"
    for run in $(seq 1 "$RUNS"); do
        log="$LOGS/run-$large-$run.log"
        cool_down
        before_run=$(cut -d' ' -f1 /proc/loadavg)
        echo "== 10k+$large, run $run of $RUNS: $(uptime)"
        # shellcheck disable=SC2086  # MVN_ARGS is a list of arguments
        ./mvnw -B -pl local -am verify -Dlocal -Dbenchmark -Dtest=RenewalTickBenchmark \
            -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
            -Dquarkus.lambda.mock-event-server.test-port="$PORT" -Dquarkus.http.test-port=$((PORT + 1)) \
            -Dbenchmark.small=$SMALL -Dbenchmark.large="$large" "${heap[@]}" ${MVN_ARGS:-} > "$log" 2>&1
        load=$(sed -n 's/^load average at start: \([0-9.]*\).*/\1/p' "$log" | head -1)
        small_rate=$(sed -n "s/^tick: $SMALL accounts .*: \([0-9]*\) accounts\/s/\1/p" "$log" | head -1)
        large_rate=$(sed -n "s/^tick: $large accounts .*: \([0-9]*\) accounts\/s/\1/p" "$log" | head -1)
        before=$(sed -n 's/^pgbench TPC-B .*: \([0-9.]*\) tps (before the tick)/\1/p' "$log" | head -1)
        after=$(sed -n 's/^pgbench TPC-B .*: \([0-9.]*\) tps (after the tick)/\1/p' "$log" | head -1)
        heap_used=$(sed -n 's/^heap: at most \([0-9]*\) MB used/\1/p' "$log" | head -1)
        if [ -z "$large_rate" ] || [ -z "$small_rate" ] || [ -z "$before" ] || [ -z "$after" ]; then
            echo "   run failed or printed no figures: see $log"
            status=1
            continue
        fi
        echo "$load $small_rate $large_rate $before $after $heap_used $before_run" >> "$LOGS/runs-$large.txt"
        awk -v l="$load" -v s="$small_rate" -v g="$large_rate" -v b="$before" -v a="$after" -v h="$heap_used" \
            -v n="$large" 'BEGIN {p = (b + a) / 2; printf "   load at start %s: 10k %d/s, %d %d/s, pgbench %.0f tps,"\
                " ratio %.2fx / %.2fx, cost %.2fx, heap at most %s MB\n", l, s, n, g, p, s / p, g / p, s / g, h}'
        # the server's work per renewal and per TPC-B transaction: CPU time and WAL, which the load does not change
        grep -E '^(tick WAL|tick CPU|pgbench WAL)' "$log" | sed 's/^/     /'
    done
    file="$LOGS/runs-$large.txt"
    valid="valid"
    if [ ! -s "$file" ]; then
        rows+=("| 10k+$large | 0 runs | | | | | | |")
        continue
    fi
    # before the command / at the benchmark's start (which includes the run's own build and Quarkus start)
    loads=$(awk '{printf "%s%s / %s", (NR > 1 ? ", " : ""), $7, $1}' "$file")
    if awk -v max=$MAX_LOAD '$7 > max {bad = 1} END {exit !bad}' "$file"; then
        valid="NOT VALID: load average before the run above $MAX_LOAD"
        echo "WARNING: 10k+$large: a run started at a load average above $MAX_LOAD (before / at start: $loads): these medians are not valid"
        status=2
    fi
    runs=$(wc -l < "$file")
    small_median=$(awk '{print $2}' "$file" | median)
    large_median=$(awk '{print $3}' "$file" | median)
    pgbench_median=$(awk '{printf "%.0f\n", ($4 + $5) / 2}' "$file" | median)
    small_ratio=$(awk '{printf "%.2f\n", $2 / (($4 + $5) / 2)}' "$file" | median)
    large_ratio=$(awk '{printf "%.2f\n", $3 / (($4 + $5) / 2)}' "$file" | median)
    cost=$(awk '{printf "%.2f\n", $2 / $3}' "$file" | median)
    heap_max=$(awk '{print $6}' "$file" | sort -g | tail -1)
    rows+=("| $SMALL (beside $large) | $runs | $small_median | $pgbench_median | ${small_ratio}x | 1.00 | $loads | $valid |")
    rows+=("| $large | $runs | $large_median | $pgbench_median | ${large_ratio}x | ${cost}x (heap at most $heap_max MB) | $loads | $valid |")
done

echo
echo "Medians (bench/renewal/median.sh, RUNS=$RUNS, $(date -u '+%Y-%m-%d %H:%M UTC'), HEAD $(git rev-parse --short HEAD 2>/dev/null || echo unknown)):"
echo
echo "| accounts | runs | accounts/s | pgbench TPC-B tps | tick/pgbench | cost per account vs 10k | load average before the run / at the benchmark's start | |"
echo "|---:|---:|---:|---:|---:|---:|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "(each run's output: $LOGS)"
exit $status
