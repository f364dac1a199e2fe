#!/usr/bin/env bash
# Webhook latency benchmark: event triggered -> webhook POST received on loopback, p50/p90/p99/max
# over 1,000 events (sequential, then a burst). Builds the test classes and runs
# io.livedigitalmock.server.events.WebhookLatencyBench in-process; everything binds 127.0.0.1.
# Usage: mock-server/bench/webhook-latency.sh [events=1000] [warmup=200]
# Offline by default (MVN_OFFLINE=-o): see test-classpath.sh.
set -euo pipefail

source "$(dirname "$0")/test-classpath.sh"
build_test_classpath

exec timeout 600 java -cp "$TEST_CP" \
  io.livedigitalmock.server.events.WebhookLatencyBench "$@"
