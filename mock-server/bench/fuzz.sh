#!/usr/bin/env bash
# Fuzzing at length: generated requests over every operation (FuzzTest's generator, io.livedigitalmock.
# server.support.Fuzzer) against an in-process mock on 127.0.0.1; prints the statuses seen and every
# 5xx, non-JSON error or unanswered request, and exits 1 if there was any.
# Usage: mock-server/bench/fuzz.sh [requests=20000] [seed=random; printed, so a failing run can be repeated]
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

exec timeout 3600 java -cp "mock-server/target/test-classes:mock-server/target/classes:$(cat "$cpfile")" \
  io.livedigitalmock.server.api.FuzzBench "$@"
