#!/usr/bin/env bash
# Memory benchmark: heap per empty tenant and per stored room (1000-char name), next to what the
# --data-bytes limit counts for each (its estimate must stay above the heap). Builds the test classes
# and runs io.livedigitalmock.server.api.MemoryBench in-process; everything binds 127.0.0.1.
# Usage: mock-server/bench/memory.sh [tenants=10000] [rooms=20000]
# Offline by default (MVN_OFFLINE=-o): see test-classpath.sh.
set -euo pipefail

source "$(dirname "$0")/test-classpath.sh"
build_test_classpath

exec timeout 600 java -Xmx1g -XX:+UseSerialGC \
  -cp "$TEST_CP" \
  io.livedigitalmock.server.api.MemoryBench "$@"
