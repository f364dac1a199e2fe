#!/usr/bin/env bash
# JVM start to first answered request, the mock's jar next to a bare Vert.x server (bench/.../BareVertx,
# compiled here against the mock's jar and run on it: the same Vert.x, Netty and JVM). Each run starts
# both, in turn, on a free port and times process start -> first 200 (/_mock/health; the bare server
# answers any /v1 path), polling every 5 ms. Prints each run, then the medians and their ratio.
# Usage: mock-server/bench/startup.sh [runs (10)] [java (java)] [mock options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
JAVA=${2:-java}
shift 2 2>/dev/null || shift $#
JAR=mock-server/target/livedigital-mock-server.jar
[[ -f $JAR ]] || mvn -q -pl mock-server -am package -DskipTests
WORK=$(mktemp -d /tmp/ldmock-startup.XXXXXX)
pid=
trap '[[ -z $pid ]] || kill "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT
javac -nowarn -d "$WORK" -cp "$JAR" bench/src/main/java/io/livedigitalmock/bench/BareVertx.java

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# time_to_answer <url path> <command...>: ms from launch to the first 200 on that path
time_to_answer() {
  local path=$1; shift
  local port start ms
  port=$(free_port)
  start=$(date +%s%N)
  "${@/PORT/$port}" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 2000); do   # at most ~10 s
    curl -sf -o /dev/null "http://127.0.0.1:$port$path" && break
    sleep 0.005
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
  echo "$ms"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mock=() bare=()
for i in $(seq 1 "$RUNS"); do
  mock+=("$(time_to_answer /_mock/health "$JAVA" -jar "$JAR" --port PORT "$@")")
  bare+=("$(time_to_answer /v1/health "$JAVA" -cp "$WORK:$JAR" io.livedigitalmock.bench.BareVertx PORT)")
  echo "run $i: mock ${mock[-1]} ms, bare Vert.x ${bare[-1]} ms"
done
M=$(median "${mock[@]}"); B=$(median "${bare[@]}")
range() { printf '%s\n' "$@" | sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%d-%d", lo, hi}'; }
echo "median over $RUNS runs: mock $M ms (range $(range "${mock[@]}")), bare Vert.x $B ms (range $(range "${bare[@]}")):" \
  "mock/bare $(python3 -c "print(round($M / $B, 2))")"
