#!/usr/bin/env bash
# Benchmark of the JUnit extension (not a test): in-process server start, first request, tenant
# creation and per-test reset (direct and over HTTP), the extension's per-test overhead in a real JUnit
# run; with --container also the image's size and the container's start-until-healthy time.
#
#   junit-extension/bench/extension-bench.sh [--container]
#
# Builds the module's test classes (offline if possible), then runs io.livedigitalmock.junit.ExtensionBench
# in one JVM. Everything listens on 127.0.0.1 only and stops by itself.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

mvn -q -o install -DskipTests -pl mock-server 2>/dev/null || mvn -q install -DskipTests -pl mock-server
mvn -q -o test-compile -pl junit-extension 2>/dev/null || mvn -q test-compile -pl junit-extension
CP_FILE=$(mktemp /tmp/ldmock-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
mvn -q -o dependency:build-classpath -pl junit-extension -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" \
  >/dev/null
CP="junit-extension/target/test-classes:junit-extension/target/classes:$(cat "$CP_FILE")"

export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
exec java -Xmx512m -cp "$CP" io.livedigitalmock.junit.ExtensionBench "$@"
