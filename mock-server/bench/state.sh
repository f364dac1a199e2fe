#!/usr/bin/env bash
# State benchmark: a --state-dir of N tenants x R rooms (each tenant a space, R rooms, a webhook, a
# link per room): the state file's size, a save, reading + checking it, restoring it, an in-process
# start with it (io.livedigitalmock.server.state.StateBench); then the packaged jar's start with that
# directory vs without, process start -> "listening" line, median of 5. Everything binds 127.0.0.1.
# Usage: mock-server/bench/state.sh [tenants=1000] [rooms=10]
# Offline by default (MVN_OFFLINE=-o): see test-classpath.sh.
set -euo pipefail

source "$(dirname "$0")/test-classpath.sh"
tenants=${1:-1000}
rooms=${2:-10}
jar=mock-server/target/livedigital-mock-server.jar
dir=$(mktemp -d /tmp/ldmock-state-bench.XXXXXX)
pid=
trap '[[ -z $pid ]] || kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT

quiet mvn -B -q $offline -pl mock-server -am package -DskipTests
build_test_classpath

timeout 600 java -Xmx1g -cp "$TEST_CP" \
  io.livedigitalmock.server.state.StateBench "$tenants" "$rooms" "$dir"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
# the jar from process start to its "listening" line (after the state is loaded)
jar_start() {
  local log t0 t1
  log=$(mktemp)
  t0=$(now_ms)
  java -jar "$jar" --port 0 "$@" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do   # <= 60 s
    grep -q '^livedigital-mock listening on' "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(now_ms)
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=
  rm -f "$log"
  echo $((t1 - t0))
}
with=() without=()
for _ in 1 2 3 4 5; do
  with+=("$(jar_start --state-dir "$dir" --state-save-interval 0)")
  without+=("$(jar_start)")
done
echo "jar start -> listening, with the state: median $(printf '%s\n' "${with[@]}" | median) ms (runs: ${with[*]})"
echo "jar start -> listening, without:        median $(printf '%s\n' "${without[@]}" | median) ms (runs: ${without[*]})"
