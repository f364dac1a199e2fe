#!/usr/bin/env bash
# Fuzzing at length: generated requests over every operation (FuzzTest's generator, io.livedigitalmock.
# server.support.Fuzzer) against an in-process mock on 127.0.0.1; prints the statuses seen and every
# 5xx, non-JSON error or unanswered request, and exits 1 if there was any.
# Usage: mock-server/bench/fuzz.sh [requests=20000] [seed=random; printed, so a failing run can be repeated]
# Offline by default (MVN_OFFLINE=-o): see test-classpath.sh.
set -euo pipefail

source "$(dirname "$0")/test-classpath.sh"
build_test_classpath

exec timeout 3600 java -cp "$TEST_CP" \
  io.livedigitalmock.server.api.FuzzBench "$@"
