# Sourced by ./mvnw before Maven starts (POSIX sh, under `set -euf`): makes sure Maven, and so the compiler, the
# test forks, the exec steps and quarkus:dev (they all use Maven's own JVM), run on a JDK at least as new as the
# release the build targets (<maven.compiler.release> in pom.xml).
#
# The JDK in JAVA_HOME, else the `java` on PATH, is used when it is new enough. Otherwise the newest JDK found in
# the usual install places (or in MVNW_JDK_SEARCH, a space-separated list of glob patterns) is exported as
# JAVA_HOME, saying so on stderr; when none is found, the first lines printed say what to install, and mvnw stops.

mvnw_jdk_major() { # a JDK home -> its feature version (21, 25, 8 for 1.8), or nothing when it is no JDK
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] || return 0
  _v="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release")"
  case "$_v" in 1.*) _v="${_v#1.}" ;; esac
  _v="${_v%%[!0-9]*}"
  printf %s "$_v"
}

mvnw_select_jdk() {
  _min="$(sed -n 's:.*<maven.compiler.release>\([0-9]*\)</maven.compiler.release>.*:\1:p' "$1/pom.xml" | head -n 1)"
  [ -n "$_min" ] || return 0

  if [ -n "${JAVA_HOME-}" ]; then
    _current="$JAVA_HOME"
    _said="JAVA_HOME ($JAVA_HOME)"
  elif _java="$(command -v java)"; then
    _current="$(dirname "$(dirname "$(readlink -f "$_java")")")"
    _said="the java on PATH ($_current)"
  else
    _current=""
    _said="no java on PATH and no JAVA_HOME"
  fi
  _current_major="$(mvnw_jdk_major "$_current")"
  if [ -n "$_current_major" ] && [ "$_current_major" -ge "$_min" ]; then
    return 0
  fi
  if [ -n "$_current_major" ]; then
    _said="$_said is Java $_current_major"
  elif [ -n "$_current" ]; then
    _said="$_said is no JDK"
  fi

  _search="${MVNW_JDK_SEARCH-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
$HOME/.sdkman/candidates/java/* $HOME/.jdks/* $HOME/.asdf/installs/java/* \
/Library/Java/JavaVirtualMachines/*/Contents/Home $HOME/Library/Java/JavaVirtualMachines/*/Contents/Home}"
  _best="" _best_major=0
  set +f
  for _home in $_search; do
    _major="$(mvnw_jdk_major "$_home")"
    if [ -n "$_major" ] && [ "$_major" -gt "$_best_major" ]; then
      _best="$_home" _best_major="$_major"
    fi
  done
  set -f

  if [ "$_best_major" -lt "$_min" ]; then
    printf '%s\n' \
      "mvnw: this build needs a JDK $_min or newer; $_said, and none newer was found in: $_search" \
      "mvnw: install one, e.g. Eclipse Temurin $_min (https://adoptium.net: apt-get install temurin-$_min-jdk," \
      "mvnw: brew install --cask temurin@$_min, or sdk install java $_min-tem), then run ./mvnw again" \
      "mvnw: (or set JAVA_HOME to a JDK $_min+ installed elsewhere)." >&2
    exit 1
  fi
  JAVA_HOME="$_best"
  export JAVA_HOME
  echo "mvnw: using Java $_best_major from $_best (the build needs $_min or newer; $_said)" >&2
}
