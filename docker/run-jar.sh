#!/bin/sh
# Starts a module's runnable jar (<module>-<version>-all.jar) mounted at /app (a module's target/ folder),
# whatever its version.
# Usage: run-jar.sh <artifact-prefix> [args...]; JAVA_OPTS is passed to the JVM (e.g. the JMX exporter agent).
set -eu
prefix="$1"; shift
jar="$(ls /app/"$prefix"-*-all.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$jar" ]; then
  echo "run-jar: no /app/${prefix}-*-all.jar: build it first (./mvnw install -DskipTests)" >&2
  exit 2
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM flags
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
