#!/usr/bin/env bash
# The mock side by side with a bare Vert.x server (the ceiling), WireMock and MockServer (the peers a
# user would pick instead), in one run on this machine, with ratios to the bare server.
#
#   bench/run.sh [seconds per measurement (10)] [rounds (3)] [parts (throughput loops background startup)]
#
# Parts (or "all", which adds image and memory):
#   throughput  GET of one room (authenticated, stateful), createRoom, generate-access and the token
#               endpoint (password grant) against the bare server answering fixed JSON, and the GET
#               against WireMock 3.13.2 and MockServer 7.6.0 serving it as a stub; the three writes
#               also against the floor (bench/.../MinimalVertx: parse, keep, sign, render, nothing
#               else), whose own ratio to the bare server is the most a stateful write here reaches;
#   loops       the GET with 1 and with 2 event loops (--event-loops), mock and bare alike;
#   background  the GET while a second wrk (1 thread, 8 connections) sends bench/wrk/mixed.lua (get,
#               create, link, log in) to the same server, mock and bare alike;
#   startup     mock-server/bench/startup.sh: JVM start to first answer, mock vs bare;
#   image       docker/bench-image.sh on $IMAGE (livedigital-mock:local, what docker/build-image.sh tags): docker run -> healthy, JVM part;
#   memory      bench/memory-load.sh --image $IMAGE: 60 s mixed load and 10,000 tenants x 10 rooms at -Xmx128m.
#
# Each measurement is wrk with 2 threads and 32 connections on loopback, after a warm-up of the same
# length in two halves (see measure); each round starts the mock and the bare server afresh (WireMock
# and MockServer run throughout), so that a median is over as many JVMs as rounds and not one start's
# luck (the same jar's GET cost 13.5-16.0 us a request from one start to the next);
# every server gets the same requests (the mock's token header and bodies too), so that a ratio
# compares the servers' work and not the size of what wrk sends; rounds alternate the servers so
# drift hits all alike; tables show medians and the range.
# Before each write measurement, and again after each half of its warm-up, the mock is reset
# (POST /_mock/reset) and its token, space and room made again, so writes never meet --data-bytes.
# The bare server (bench/.../BareVertx) and the floor run on the mock's own jar: the same Vert.x, Netty and JVM. Each row also shows the server's own CPU time per
# request (from /proc: steadier than req/s on a shared machine) and the 1-minute load average (wrk
# and the server use the machine's cores too). Needs wrk, curl, python3, and Maven once
# (the jar; bench/ for the peers).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_EACH=${1:-10}
ROUNDS=${2:-3}
shift 2 2>/dev/null || shift $#
PARTS=${*:-throughput loops background startup}
[[ $PARTS != all ]] || PARTS="throughput loops background startup image memory"
CONNECTIONS=${CONNECTIONS:-32}
IMAGE=${IMAGE:-livedigital-mock:local}
JAVA=${JAVA:-java}
MOCK_JAR=$ROOT/mock-server/target/livedigital-mock-server.jar
WORK=$(mktemp -d /tmp/ldmock-bench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [[ -n $p ]] && kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
[[ -f $MOCK_JAR ]] || (cd "$ROOT" && mvn -q -pl mock-server -am package -DskipTests)
(cd "$ROOT/bench" && mvn -q -ntp package)   # every time: cheap when nothing changed, never stale classes
PEERS_CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
BARE_CP="$ROOT/bench/target/classes:$MOCK_JAR"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load() { cut -d' ' -f1 /proc/loadavg; }
echo "bench: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(load) at start; $SECONDS_EACH s per measurement, $ROUNDS rounds; parts: $PARTS" >&2

declare -A PID_OF
# start <name> <ready-regex> <command...>: runs it in the background, waits (<= 60 s) for the regex in its output
start() {
  local name=$1 ready=$2; shift 2
  "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  PID_OF[$name]=$!
  for _ in $(seq 1 600); do
    grep -qE "$ready" "$WORK/$name.log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: $name did not start:"; cat "$WORK/$name.log"; exit 1
}
stop_all() { for p in "${PIDS[@]:-}"; do [[ -n $p ]] && kill "$p" 2>/dev/null || true; done; PIDS=(); sleep 0.5; }
stop_pair() { kill "${PID_OF[mock]}" "${PID_OF[bare]}" "${PID_OF[floor]:-}" 2>/dev/null || true; sleep 0.5; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# measure <server> <url> [lua script] -> "req/s p99ms non2xx load cpu-us-per-request" (env passes TOKEN/BODY/...)
measure() {
  local server=$1 url=$2 script=${3:-} before after
  local args=(-t2 -c"$CONNECTIONS" --latency) half=$(((SECONDS_EACH + 1) / 2))
  [[ -n $script ]] && args+=(-s "$ROOT/bench/wrk/$script")
  # warm-up in two halves: when the first half's connections close, and when a reseed's requests take
  # other paths through the same code, the JIT throws away compiled code and compiles it again, for
  # seconds (10-25% of the CPU when it fell in the measured run); the second half takes that in, so the
  # measured run starts on new connections with code that has seen all of it: steady state, for every
  # server alike
  for _ in 1 2; do
    wrk "${args[@]}" -d"${half}s" "$url" >/dev/null 2>&1 || true
    # writes (RESEED=<mock base>): an empty mock again after each half, so the measured run never
    # meets --data-bytes (answers 409) nor a store the warm-up filled; same ids, as the seed is fixed;
    # the floor (RESET=<its reset URL>) is emptied alike
    if [[ -n ${RESEED:-} ]]; then
      local space=$SPACE room=$ROOM
      seed "$RESEED"
      [[ $SPACE == "$space" && $ROOM == "$room" ]] || { echo "bench: the reset mock made other ids" >&2; exit 1; }
    elif [[ -n ${RESET:-} ]]; then
      curl -sf -o /dev/null -X POST "$RESET"
    fi
  done
  before=$(cpu_ticks "${PID_OF[$server]}")
  wrk "${args[@]}" -d"${SECONDS_EACH}s" "$url" >"$WORK/wrk.out" 2>&1
  after=$(cpu_ticks "${PID_OF[$server]}")
  python3 - "$WORK/wrk.out" "$(load)" "$((after - before))" "$(getconf CLK_TCK)" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
done = int(re.search(r"(\d+) requests in", text).group(1))
cpu_us = int(sys.argv[3]) / int(sys.argv[4]) * 1e6 / max(done, 1)
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(v):
    n, unit = float(re.match(r"([\d.]+)", v).group(1)), re.search(r"[a-z]+", v).group(0)
    return n / 1000 if unit == "us" else n * 1000 if unit == "s" else n
p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1)   # the distribution line, not a "+/- Stdev" of 9x.99%
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print(f"{rps:.0f} {ms(p99):.2f} {non2xx.group(1) if non2xx else 0} {sys.argv[2]} {cpu_us:.1f}")
EOF
}

LOGIN='{"client_id":"demo-client","client_secret":"demo-secret","grant_type":"password","username":"demo@example.com","password":"demo-password"}'
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# seed <base>: an empty mock (reset), then the demo user's token, a space and a room: TOKEN, SPACE, ROOM, ROOM_PATH
seed() {
  curl -sf -o /dev/null -X POST "$1/_mock/reset"
  TOKEN=$(curl -s "$1/v1/auth/token" -H 'Content-Type: application/json' -d "$LOGIN" | json '["access_token"]')
  SPACE=$(curl -s "$1/v1/spaces" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"bench"}' | json '["id"]')
  ROOM=$(curl -s "$1/v1/spaces/$SPACE/rooms" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"bench","type":"lesson"}' | json '["id"]')
  ROOM_PATH=/v1/spaces/$SPACE/rooms/$ROOM
  export TOKEN SPACE ROOM
}
# start_pair <loops> [floor]: the mock and the bare server with that many event loops, and with "floor"
# the floor server too; sets M, B (and F)
start_pair() {
  local mp bp fp
  mp=$(free_port); bp=$(free_port)
  start mock 'listening on' "$JAVA" -jar "$MOCK_JAR" --port "$mp" --seed 7 --event-loops "$1"
  start bare '^ready' "$JAVA" -cp "$BARE_CP" io.livedigitalmock.bench.BareVertx "$bp" "$1"
  M=http://127.0.0.1:$mp B=http://127.0.0.1:$bp
  if [[ ${2:-} == floor ]]; then
    fp=$(free_port)
    start floor '^ready' "$JAVA" -cp "$BARE_CP" io.livedigitalmock.bench.MinimalVertx "$fp" "$1"
    F=http://127.0.0.1:$fp
  fi
  seed "$M"
}

declare -A RESULTS
run() { # run <key> <url> [script] [BODY]; the key's first word names the server (bare_get: bare)
  local key=$1 url=$2 script=${3:-} body=${4:-}
  RESULTS[$key]+="$(BODY=$body measure "${key%%_*}" "$url" "$script");"
}
# background <base> <command...>: runs the command while a second wrk sends the mixed load to base
background() {
  local base=$1; shift
  TOKEN=$TOKEN SPACE=$SPACE ROOM=$ROOM CLIENT_ID=demo-client CLIENT_SECRET=demo-secret USERNAME=demo@example.com \
    PASSWORD=demo-password wrk -t1 -c8 -d"$((SECONDS_EACH * 2 + 5))s" -s "$ROOT/bench/wrk/mixed.lua" "$base" \
    >/dev/null 2>&1 &
  local bg=$!
  sleep 1
  "$@"
  kill "$bg" 2>/dev/null || true; wait "$bg" 2>/dev/null || true
}
table() { # table <title> <rows: label|key|base key[|floor key] ...>
  local title=$1; shift
  python3 - "$title" "$@" <<EOF
import statistics, sys
raw = {$(for k in "${!RESULTS[@]}"; do printf '"%s": "%s", ' "$k" "${RESULTS[$k]}"; done)}
runs = {k: [tuple(map(float, r.split())) for r in v.split(";") if r] for k, v in raw.items()}
med = lambda k, i: statistics.median(r[i] for r in runs[k])
rng = lambda k, i: f"{min(r[i] for r in runs[k]):.0f}-{max(r[i] for r in runs[k]):.0f}"
print(f"\n{sys.argv[1]}: $CONNECTIONS connections, $SECONDS_EACH s per measurement, median of {len(next(iter(runs.values())))} rounds\n")
print("| server, request | req/s (median) | range | p99 ms | ratio to bare | ratio to floor | server CPU µs/req | non-2xx | load |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for row in sys.argv[2:]:
    label, key, base, floor = (row.split("|") + [""])[:4]
    to_floor = f"{med(key, 0) / med(floor, 0):.2f}x" if floor else ""
    print(f"| {label} | {med(key, 0):.0f} | {rng(key, 0)} | {med(key, 1):.2f} | {med(key, 0) / med(base, 0):.2f}x "
          f"| {to_floor} | {med(key, 4):.1f} | {med(key, 2):.0f} | {med(key, 3):.1f} |")
EOF
}

for part in $PARTS; do
  case $part in
  throughput)
    # the peers once: a fresh JVM compiles for many seconds, and theirs would do it beside the others' runs
    WM=http://127.0.0.1:$(free_port); MS=http://127.0.0.1:$(free_port)
    start wiremock '^ready' "$JAVA" -cp "$PEERS_CP" io.livedigitalmock.bench.Peers wiremock "${WM##*:}"
    start mockserver '^ready' "$JAVA" -Dmockserver.logLevel=WARN -cp "$PEERS_CP" io.livedigitalmock.bench.Peers mockserver "${MS##*:}"
    for round in $(seq 1 "$ROUNDS"); do
      echo "bench: throughput, round $round/$ROUNDS (load $(load))" >&2
      start_pair "$(nproc)" floor
      run bare_get "$B$ROOM_PATH" get.lua
      run mock_get "$M$ROOM_PATH" get.lua
      run wiremock_get "$WM$ROOM_PATH" get.lua
      run mockserver_get "$MS$ROOM_PATH" get.lua
      run bare_post "$B/v1/spaces/$SPACE/rooms" post.lua '{"name":"bench","type":"lesson"}'
      seed "$M"; RESEED=$M run mock_create "$M/v1/spaces/$SPACE/rooms" post.lua '{"name":"bench","type":"lesson"}'
      seed "$M"; RESEED=$M run mock_access "$M$ROOM_PATH/generate-access" post.lua '{"username":"Bench Guest","role":"user"}'
      TOKEN= run mock_token "$M/v1/auth/token" post.lua "$LOGIN"
      RESET=$F/_mock/reset run floor_create "$F/v1/spaces/$SPACE/rooms" post.lua '{"name":"bench","type":"lesson"}'
      RESET=$F/_mock/reset run floor_access "$F$ROOM_PATH/generate-access" post.lua '{"username":"Bench Guest","role":"user"}'
      TOKEN= RESET=$F/_mock/reset run floor_token "$F/v1/auth/token" post.lua "$LOGIN"
      stop_pair
    done
    stop_all
    table "Throughput" "bare Vert.x, GET fixed room JSON|bare_get|bare_get" \
      "mock, GET room (authenticated, stateful)|mock_get|bare_get" \
      "WireMock 3.13.2, GET stubbed room|wiremock_get|bare_get" \
      "MockServer 7.6.0, GET stubbed room|mockserver_get|bare_get" \
      "bare Vert.x, POST fixed JSON|bare_post|bare_post" \
      "floor, createRoom (parse, keep, render)|floor_create|bare_post" \
      "floor, generate-access (parse, keep, sign, render)|floor_access|bare_post" \
      "floor, token endpoint (parse, sign twice, render)|floor_token|bare_post" \
      "mock, createRoom|mock_create|bare_post|floor_create" \
      "mock, generate-access|mock_access|bare_post|floor_access" \
      "mock, token endpoint (password grant)|mock_token|bare_post|floor_token"
    ;;
  loops)
    for round in $(seq 1 "$ROUNDS"); do
      for loops in 1 2; do
        echo "bench: event loops $loops, round $round/$ROUNDS (load $(load))" >&2
        start_pair "$loops"
        run "bare_get_$loops" "$B$ROOM_PATH" get.lua
        run "mock_get_$loops" "$M$ROOM_PATH" get.lua
        stop_all
      done
    done
    table "Event loops" "bare Vert.x, 1 event loop|bare_get_1|bare_get_1" "bare Vert.x, 2 event loops|bare_get_2|bare_get_1" \
      "mock, GET room, 1 event loop|mock_get_1|bare_get_1" "mock, GET room, 2 event loops|mock_get_2|bare_get_2" \
      "mock, 2 loops over 1 loop|mock_get_2|mock_get_1"
    ;;
  background)
    for round in $(seq 1 "$ROUNDS"); do
      echo "bench: background load, round $round/$ROUNDS (load $(load))" >&2
      start_pair "$(nproc)"
      background "$B" run bare_get_bg "$B$ROOM_PATH" get.lua
      seed "$M"; background "$M" run mock_get_bg "$M$ROOM_PATH" get.lua
      stop_all
    done
    table "GET under a mixed load (a second wrk: 1 thread, 8 connections, mixed.lua, on the same server)" \
      "bare Vert.x, GET|bare_get_bg|bare_get_bg" "mock, GET room|mock_get_bg|bare_get_bg"
    ;;
  startup) echo; bash "$ROOT/mock-server/bench/startup.sh" 10 "$JAVA" | tail -1 ;;
  image) echo; bash "$ROOT/docker/bench-image.sh" "$IMAGE" | grep -E 'size|median' ;;
  memory) echo; bash "$ROOT/bench/memory-load.sh" --image "$IMAGE" 60 10000 10 ;;
  *) echo "bench: no part $part" >&2; exit 2 ;;
  esac
done
