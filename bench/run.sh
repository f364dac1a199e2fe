#!/usr/bin/env bash
# Throughput, latency and start-up of the mock side by side with a bare Vert.x server (the ceiling),
# WireMock and MockServer (the peers a user would pick instead), in one run on this machine.
#
#   bench/run.sh [seconds per measurement (10)] [rounds (3)]
#
# Each measurement is wrk with 2 threads and 32 connections on loopback, after a warm-up of the same
# length; rounds alternate the servers so drift hits all alike, and the table shows medians. Ratios
# are the mock's throughput over the bare server's on the same route. Needs wrk (apt-get install wrk),
# curl, python3 and Maven (to build the jars once).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_EACH=${1:-10}
ROUNDS=${2:-3}
CONNECTIONS=${CONNECTIONS:-32}
JAVA=${JAVA:-java}
MOCK_JAR=$ROOT/mock-server/target/livedigital-mock-server.jar
WORK=$(mktemp -d /tmp/ldmock-bench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [[ -n $p ]] && kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
[[ -f $MOCK_JAR ]] || (cd "$ROOT" && mvn -q -pl mock-server -am package -DskipTests)
[[ -f $ROOT/bench/target/classpath.txt ]] || (cd "$ROOT/bench" && mvn -q package)
PEERS_CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start <name> <ready-regex> <command...>: runs it in the background, waits (<= 60 s) for the regex in its output
start() {
  local name=$1 ready=$2; shift 2
  "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$name=$!"
  for _ in $(seq 1 600); do
    grep -qE "$ready" "$WORK/$name.log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: $name did not start:"; cat "$WORK/$name.log"; exit 1
}

# measure <url> [lua script] -> "req/s p99ms" (env passes TOKEN/BODY/... to the script)
measure() {
  local url=$1 script=${2:-}
  local args=(-t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency)
  [[ -n $script ]] && args+=(-s "$ROOT/bench/wrk/$script")
  wrk "${args[@]}" "$url" >/dev/null 2>&1 || true            # warm-up
  wrk "${args[@]}" "$url" >"$WORK/wrk.out" 2>&1
  python3 - "$WORK/wrk.out" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(v):
    n, unit = float(re.match(r"([\d.]+)", v).group(1)), re.search(r"[a-z]+", v).group(0)
    return n / 1000 if unit == "us" else n * 1000 if unit == "s" else n
p99 = re.search(r"99%\s+(\S+)", text).group(1)
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print(f"{rps:.0f} {ms(p99):.2f} {non2xx.group(1) if non2xx else 0}")
EOF
}

BARE_PORT=$(free_port); MOCK_PORT=$(free_port); WM_PORT=$(free_port); MS_PORT=$(free_port)
start bare '^ready' "$JAVA" -cp "$PEERS_CP" io.livedigitalmock.bench.Peers bare "$BARE_PORT"
start mock 'listening on' "$JAVA" -jar "$MOCK_JAR" --port "$MOCK_PORT" --seed 7
start wiremock '^ready' "$JAVA" -cp "$PEERS_CP" io.livedigitalmock.bench.Peers wiremock "$WM_PORT"
start mockserver '^ready' "$JAVA" -Dmockserver.logLevel=WARN -cp "$PEERS_CP" io.livedigitalmock.bench.Peers mockserver "$MS_PORT"

# the mock's data: the demo user's token, a space and a room
M=http://127.0.0.1:$MOCK_PORT
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
export TOKEN
TOKEN=$(curl -s "$M/v1/auth/token" -H 'Content-Type: application/json' -d '{"client_id":"demo-client",
  "client_secret":"demo-secret","grant_type":"password","username":"demo@example.com","password":"demo-password"}' | json '["access_token"]')
SPACE=$(curl -s "$M/v1/spaces" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"bench"}' | json '["id"]')
ROOM=$(curl -s "$M/v1/spaces/$SPACE/rooms" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"bench","type":"lesson"}' | json '["id"]')
ROOM_PATH=/v1/spaces/$SPACE/rooms/$ROOM
LOGIN='{"client_id":"demo-client","client_secret":"demo-secret","grant_type":"password","username":"demo@example.com","password":"demo-password"}'

declare -A RESULTS
run() { # run <key> <url> [script] [BODY]
  local key=$1 url=$2 script=${3:-} body=${4:-}
  RESULTS[$key]+="$(BODY=$body measure "$url" "$script");"
}
for round in $(seq 1 "$ROUNDS"); do
  echo "bench: round $round/$ROUNDS" >&2
  run bare_get "http://127.0.0.1:$BARE_PORT$ROOM_PATH"
  run mock_get "$M$ROOM_PATH" get.lua
  run wiremock_get "http://127.0.0.1:$WM_PORT$ROOM_PATH"
  run mockserver_get "http://127.0.0.1:$MS_PORT$ROOM_PATH"
  run bare_post "http://127.0.0.1:$BARE_PORT/v1/spaces/$SPACE/rooms" post.lua '{"name":"bench","type":"lesson"}'
  run mock_create "$M/v1/spaces/$SPACE/rooms" post.lua '{"name":"bench","type":"lesson"}'
  run mock_access "$M$ROOM_PATH/generate-access" post.lua '{"username":"Bench Guest","role":"user"}'
  TOKEN= run mock_token "$M/v1/auth/token" post.lua "$LOGIN"
done

python3 - "$SECONDS_EACH" "$CONNECTIONS" <<EOF
import statistics, sys
raw = {$(for k in "${!RESULTS[@]}"; do printf '"%s": "%s", ' "$k" "${RESULTS[$k]}"; done)}
runs = {k: [tuple(map(float, r.split())) for r in v.split(";") if r] for k, v in raw.items()}
med = lambda k, i: statistics.median(r[i] for r in runs[k])
bare_get, bare_post = med("bare_get", 0), med("bare_post", 0)
print(f"\n{sys.argv[2]} connections, {sys.argv[1]} s per measurement, median of {len(runs['bare_get'])} rounds\n")
print("| server, request | req/s | p99 ms | ratio to bare Vert.x | non-2xx |")
print("|---|---:|---:|---:|---:|")
rows = [("bare Vert.x, GET fixed room JSON", "bare_get", bare_get),
        ("mock, GET room (authenticated, stateful)", "mock_get", bare_get),
        ("WireMock 3.13.2, GET stubbed room", "wiremock_get", bare_get),
        ("MockServer 7.6.0, GET stubbed room", "mockserver_get", bare_get),
        ("bare Vert.x, POST fixed JSON", "bare_post", bare_post),
        ("mock, createRoom", "mock_create", bare_post),
        ("mock, generate-access", "mock_access", bare_post),
        ("mock, token endpoint (password grant)", "mock_token", bare_post)]
for label, key, base in rows:
    print(f"| {label} | {med(key, 0):.0f} | {med(key, 1):.2f} | {med(key, 0) / base:.2f}x | {med(key, 2):.0f} |")
EOF
