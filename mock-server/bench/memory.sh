#!/usr/bin/env bash
# Memory benchmark: heap per empty tenant and per stored room (1000-char name), next to what the
# --data-bytes limit counts for each (its estimate must stay above the heap). Builds the test classes
# and runs io.livedigitalmock.server.api.MemoryBench in-process; everything binds 127.0.0.1.
# Usage: mock-server/bench/memory.sh [tenants=10000] [rooms=20000]
# Offline by default (MVN_OFFLINE=-o); set MVN_OFFLINE= to let Maven download what is missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
offline=${MVN_OFFLINE--o}
cpfile=mock-server/target/bench-classpath.txt

# build quietly; show Maven's output only if it fails
quiet() { local out; if ! out=$("$@" 2>&1); then printf '%s\n' "$out" >&2; exit 1; fi; }
quiet mvn -B -q $offline -pl mock-server -am test-compile
quiet mvn -B -q $offline -pl mock-server dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$root/$cpfile"

exec timeout 600 java -Xmx1g -XX:+UseSerialGC \
  -cp "mock-server/target/test-classes:mock-server/target/classes:$(cat "$cpfile")" \
  io.livedigitalmock.server.api.MemoryBench "$@"
