#!/usr/bin/env bash
# Startup to first answered request: launches the fat jar N times (default 10) on a free port and
# times process start → first 200 from /_mock/health, polling every 5 ms. Prints each run and the
# median. Usage: mock-server/bench/startup.sh [runs] [java]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
JAVA=${2:-java}
JAR=mock-server/target/livedigital-mock-server.jar
[[ -f $JAR ]] || mvn -q -pl mock-server -am package -DskipTests
times=()
for i in $(seq 1 "$RUNS"); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  start=$(date +%s%N)
  "$JAVA" -jar "$JAR" --port "$port" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 2000); do   # at most ~10 s
    curl -sf -o /dev/null "http://127.0.0.1:$port/_mock/health" && break
    sleep 0.005
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms over %d runs\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
