#!/usr/bin/env bash
# Starts the built jar the way the README says, on each JDK present (17 always; 21 and 25 where
# installed), waits for the "listening" line, runs the README's examples against it, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=mock-server/target/livedigital-mock-server.jar
[[ -f $JAR ]] || { echo "smoke: $JAR missing; run mvn verify first" >&2; exit 1; }

javas=(java)
for home in /usr/lib/jvm/temurin-21* /usr/lib/jvm/temurin-25*; do
  [[ -x $home/bin/java ]] && javas+=("$home/bin/java")
done

for java in "${javas[@]}"; do
  log=$(mktemp)
  "$java" -jar "$JAR" --port 0 >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  base=
  for _ in $(seq 1 100); do   # at most ~10 s
    base=$(sed -n 's/^livedigital-mock listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$log")
    [[ -n $base ]] && break
    sleep 0.1
  done
  [[ -n $base ]] || { echo "smoke: no listening line from $java"; cat "$log"; exit 1; }
  echo "smoke: $("$java" -version 2>&1 | head -1) at $base"
  examples/walkthrough.sh "$base" >/dev/null
  examples/events-and-webhooks.sh "$base" >/dev/null
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
  rm -f "$log"
  echo "smoke: examples passed on $java"
done
