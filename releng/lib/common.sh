# Shared by the releng scripts (sourced, not run): finding a JDK, system packages, the built IDE product.
# shellcheck shell=bash

HAO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HAO_MIN_JAVA=21

# Prints the major version of the JDK at $1 (a JAVA_HOME), or nothing if it is not a JDK.
hao_java_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  # the JDK's release file (JDK 9+) answers without starting a JVM, which costs a tenth of a second per call
  local v=""
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)
  if [ -n "$v" ]; then echo "$v"; return 0; fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# Prints a JAVA_HOME for a JDK >= 21: $JAVA_HOME if new enough, else the newest under /usr/lib/jvm.
hao_find_java_home() {
  local major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(hao_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$HAO_MIN_JAVA" ]; then echo "$JAVA_HOME"; return 0; fi
    echo "hao: JAVA_HOME=$JAVA_HOME is not a JDK $HAO_MIN_JAVA+ (found '${major:-none}'); looking under /usr/lib/jvm" >&2
  fi
  local best="" best_major=0 dir
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -L "$dir" ] && continue
    major=$(hao_java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge "$HAO_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
      best=$dir; best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    cat >&2 <<MSG
hao: no JDK $HAO_MIN_JAVA or newer found (checked JAVA_HOME and /usr/lib/jvm).
     Install one, e.g. Eclipse Temurin 21 or 25 (https://adoptium.net) or 'apt-get install openjdk-21-jdk'
     where your distribution has it, then set JAVA_HOME to it or place it under /usr/lib/jvm.
MSG
    return 1
  fi
  echo "$best"
}

# JVM flags for running HAO on the JDK at $1: native access for SCIP's JNI library, and (JDK 24+) quiet Guice's
# use of sun.misc.Unsafe, which otherwise prints a warning block on every start.
hao_jvm_flags() {
  local flags="--enable-native-access=ALL-UNNAMED"
  [ "$(hao_java_major "$1")" -ge 24 ] && flags="$flags --sun-misc-unsafe-memory-access=allow"
  echo "$flags"
}

# Installs the Debian packages named as arguments when they are missing (needs root or sudo).
hao_ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "hao: please install these packages with your package manager: ${missing[*]}" >&2; return 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "hao: missing packages ${missing[*]}; run as root: apt-get install -y ${missing[*]}" >&2; return 1
    fi
  fi
  echo "hao: installing ${missing[*]}" >&2
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

HAO_PRODUCT_DIR="$HAO_ROOT/releng/org.hao.product/target/products/org.hao.ide/linux/gtk/x86_64"

# Prints the materialised IDE product folder; builds it (without tests) when it is not there yet.
hao_product_dir() {
  if ! ls "$HAO_PRODUCT_DIR"/plugins/org.eclipse.equinox.launcher_*.jar >/dev/null 2>&1; then
    echo "hao: the HAO Studio runtime is not built yet; building it once (a few minutes, tests skipped)..." >&2
    (cd "$HAO_ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -q verify -DskipTests >&2) || {
      echo "hao: the build failed; run releng/build to see why" >&2; return 1; }
  fi
  echo "$HAO_PRODUCT_DIR"
}

# Prints the equinox launcher jar of a product folder.
hao_launcher_jar() {
  ls "$1"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1
}

HAO_CLI_DIR="$HAO_ROOT/releng/org.hao.cli/target/cli"

# Prints the command line's plain-class-path folder (lib/, natives/, classpath); builds it (without tests) when it is
# not there yet.
hao_cli_dir() {
  if [ ! -f "$HAO_CLI_DIR/classpath" ]; then
    echo "hao: the HAO Studio command line is not built yet; building it once (a few minutes, tests skipped)..." >&2
    (cd "$HAO_ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -q verify -DskipTests -pl releng/org.hao.cli -am >&2) || {
      echo "hao: the build failed; run releng/build to see why" >&2; return 1; }
  fi
  echo "$HAO_CLI_DIR"
}
