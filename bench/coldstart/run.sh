#!/usr/bin/env bash
# Package size and cold start of every function, beside a bare Quarkus function (docs/benchmarks.md,
# "Cold start and package size").
#
#   bash bench/coldstart/run.sh                 # build everything, 5 runs per function, print the table
#   RUNS=3 ONLY=quote,bare bash bench/coldstart/run.sh
#   SKIP_BUILD=1 bash bench/coldstart/run.sh    # measure the zips already in */target
#   SNAPSTART=1 ...                             # each init as Lambda's to take a SnapStart snapshot, priming included
#   CLASSLOG=1 ...                              # plus one run per function with -Xlog:class+load (counts, and
#                                                 the classes loaded by the first request: KEEP=1 keeps their lists)
#   COMPARE=1 RUNS=5 SKIP_BUILD=1 bash bench/coldstart/run.sh
#                                               # before (on-demand) then after (SNAPSTART=1), each with CLASSLOG,
#                                                 and the one table of docs/benchmarks.md ("SnapStart priming")
#   CDS=1 ...                                   # what-if: each zip with a dynamic AppCDS archive of its own
#   SNAPSTART=1 CLASSLOG=1 PRELOAD_EXTEND=1 ... # add to each preload list what the first request after priming
#                                                 still loads of the preloadable libraries (then rebuild)
#   PRELOAD_LIST=1 bash bench/coldstart/run.sh  # regenerate each function's META-INF/quarkus-preload-classes.txt
#                                                 (builds without them, lists what first requests load, rebuilds)
#
# Needs: JDK (JAVA_HOME, default Temurin 25), PostgreSQL 15 binaries (/usr/lib/postgresql/15/bin), python3,
# openssl. Starts a throwaway PostgreSQL on 127.0.0.1:${PG_PORT:-55432} (as user postgres when run as root)
# and stops it at the end; everything else goes to a temporary directory (KEEP=1 keeps it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${PG_PORT:-55432}"
RUNS="${RUNS:-5}"
RIC_VERSION=2.10.1
WORK="$(mktemp -d /tmp/coldstart.XXXXXX)"
chmod 755 "$WORK"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

if [ "${PRELOAD_LIST:-0}" = 1 ]; then
  # the lists must come from functions that do not preload them already
  rm -f functions/*/src/main/resources/META-INF/quarkus-preload-classes.txt
  SKIP_BUILD=0
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== building every function.zip and the bare function"
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
  ./mvnw -B -q -f bench/coldstart/bare/pom.xml package -DskipTests
fi

echo "== machine"
echo "nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
free -h | head -2
"$JAVA" -version 2>&1 | head -3

echo "== AWS Lambda runtime interface client $RIC_VERSION (the managed runtime's /var/runtime/lib)"
mkdir -p "$WORK/ric"
for a in com.amazonaws:aws-lambda-java-runtime-interface-client:$RIC_VERSION \
         com.amazonaws:aws-lambda-java-core:1.4.0 \
         com.amazonaws:aws-lambda-java-serialization:1.2.0; do
  ./mvnw -B -q -N dependency:copy -Dartifact="$a" -DoutputDirectory="$WORK/ric" >/dev/null
done

echo "== throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50" start >/dev/null

echo "== sizes"
for z in functions/*/target/function.zip bench/coldstart/bare/target/function.zip; do
  if [ ! -f "$z" ]; then
    echo "missing $z: build without SKIP_BUILD=1, or ./mvnw -B -q package -DskipTests and" \
         "./mvnw -B -q -f bench/coldstart/bare/pom.xml package -DskipTests" >&2
    exit 1
  fi
  printf '%12s  %s\n' "$(stat -c %s "$z")" "$z"
done

if [ "${PRELOAD_LIST:-0}" = 1 ]; then
  echo "== the classes each function loads for its first request -> functions/*/src/main/resources/META-INF/"
  python3 bench/coldstart/coldstart.py --java "$JAVA" --ric-cp "$WORK/ric/*" --pg-port "$PG_PORT" \
    --psql "$PG_BIN/psql" --work "$WORK" --preload-lists  # every function: all lists were removed above
  echo "== rebuilding with the lists"
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
  exit 0
fi

measure() {  # measure <results.json> [more coldstart.py options]
  local out="$1"; shift
  python3 bench/coldstart/coldstart.py --java "$JAVA" --ric-cp "$WORK/ric/*" --pg-port "$PG_PORT" \
    --psql "$PG_BIN/psql" --runs "$RUNS" --work "$WORK" --only "${ONLY:-}" --out "$out" "$@"
}

status=0
if [ "${COMPARE:-0}" = 1 ]; then
  echo "== before: on-demand init ($RUNS runs each, interleaved; load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  measure "$WORK/before.json" --classlog || status=$?
  echo "== after: SnapStart init, priming included (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  measure "$WORK/after.json" --classlog --snapstart || status=$?
  echo "== before and after: medians of $RUNS runs (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
  python3 bench/coldstart/compare.py "$WORK/before.json" "$WORK/after.json"
  exit $status
fi

echo "== cold starts ($RUNS runs each, interleaved; load before: $(cut -d' ' -f1-3 /proc/loadavg))"
measure "$WORK/results.json" $([ "${CLASSLOG:-0}" = 1 ] && echo --classlog) $([ "${CDS:-0}" = 1 ] && echo --cds) \
  $([ "${SNAPSTART:-0}" = 1 ] && echo --snapstart) $([ "${PRELOAD_EXTEND:-0}" = 1 ] && echo --extend-preload-lists) \
  || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
