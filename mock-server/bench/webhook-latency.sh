#!/usr/bin/env bash
# Webhook latency benchmark: event triggered -> webhook POST received on loopback, p50/p90/p99/max
# over 1,000 events (sequential, then a burst). Builds the test classes and runs
# io.livedigitalmock.server.events.WebhookLatencyBench in-process; everything binds 127.0.0.1.
# Usage: mock-server/bench/webhook-latency.sh [events=1000] [warmup=200]
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

exec timeout 600 java -cp "mock-server/target/test-classes:mock-server/target/classes:$(cat "$cpfile")" \
  io.livedigitalmock.server.events.WebhookLatencyBench "$@"
