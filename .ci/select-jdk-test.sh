#!/usr/bin/env bash
# How ./mvnw chooses its JDK (.mvn/select-jdk.sh), against fake JDK homes: each case must hold or CI fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fakes="$(mktemp -d)"
trap 'rm -rf "$fakes"' EXIT

fake_jdk() { # fake_jdk <dir> <JAVA_VERSION>
  mkdir -p "$fakes/$1/bin"
  printf '#!/bin/sh\n' >"$fakes/$1/bin/java"
  cp "$fakes/$1/bin/java" "$fakes/$1/bin/javac"
  chmod +x "$fakes/$1/bin/java" "$fakes/$1/bin/javac"
  printf 'JAVA_VERSION="%s"\n' "$2" >"$fakes/$1/release"
}
fake_jdk old/jdk-17 17.0.15
fake_jdk old/jdk-8 1.8.0_452
fake_jdk new/jdk-21 21.0.9
fake_jdk new/jdk-25 25.0.3
mkdir -p "$fakes/path17" && ln -s "$fakes/old/jdk-17/bin/java" "$fakes/path17/java"

# choose <JAVA_HOME or ''> <search patterns>: runs the selection as mvnw does, with only the fake java 17 on PATH;
# prints the chosen JAVA_HOME, then "exit=<status>"; stderr goes to $fakes/said
choose() {
  (
    set +e
    if [ -n "$1" ]; then export JAVA_HOME="$1"; else unset JAVA_HOME; fi
    export MVNW_JDK_SEARCH="$2" PATH="$fakes/path17:/usr/bin:/bin"
    sh -euf -c '. "$1/.mvn/select-jdk.sh"; mvnw_select_jdk "$1"; echo "${JAVA_HOME-}"' sh "$root" 2>"$fakes/said"
    echo "exit=$?"
  )
}
failures=0
expect() { # expect <what> <actual> <expected>
  if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAILED: $1: got [$2], expected [$3]"; failures=$((failures + 1)); fi
}
said() { head -n 1 "$fakes/said"; }

out="$(choose '' "$fakes/old/* $fakes/new/*")"
expect "java 17 on PATH: the newest JDK found is used" "$out" "$fakes/new/jdk-25
exit=0"
expect "... and mvnw says which" "$(said)" \
  "mvnw: using Java 25 from $fakes/new/jdk-25 (the build needs 21 or newer; the java on PATH ($fakes/old/jdk-17) is Java 17)"

out="$(choose "$fakes/old/jdk-8" "$fakes/new/jdk-21")"
expect "JAVA_HOME older than 21 (1.8): a JDK 21 found is used" "$out" "$fakes/new/jdk-21
exit=0"

out="$(choose "$fakes/new/jdk-21" "$fakes/new/*")"
expect "JAVA_HOME 21: kept as it is" "$out" "$fakes/new/jdk-21
exit=0"
expect "... silently" "$(cat "$fakes/said")" ""

out="$(choose '' "$fakes/old/*")"
expect "no JDK 21+ anywhere: mvnw stops" "$out" "exit=1"
case "$(said)" in
"mvnw: this build needs a JDK 21 or newer; the java on PATH ($fakes/old/jdk-17) is Java 17, and none newer"*)
  echo "ok: ... and its first line says what is missing" ;;
*) echo "FAILED: first line: $(said)"; failures=$((failures + 1)) ;;
esac
expect "... and the next what to install" "$(sed -n 2p "$fakes/said")" \
  "mvnw: install one, e.g. Eclipse Temurin 21 (https://adoptium.net: apt-get install temurin-21-jdk,"

[ "$failures" -eq 0 ] || { echo "$failures JDK selection case(s) failed"; exit 1; }
