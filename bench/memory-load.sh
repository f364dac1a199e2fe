#!/usr/bin/env bash
# The mock under load in a small heap (-Xmx128m by default): does it stay up, healthy and answering?
#
#   bench/memory-load.sh [--image IMAGE] [seconds of mixed load (60)] [tenants (10000)] [rooms each (10)]
#
# Two runs, each on a fresh mock (the jar, or the Docker image with --image):
#   mixed    wrk (2 threads, 32 connections) sends bench/wrk/mixed.lua for the given seconds: get the room,
#            create a room, generate a link, log in, in turn;
#   tenants  bench/tenants.py fills the mock with tenants (built-in ones included) of N rooms each.
# Writes past the memory limits (--data-bytes etc., shares of the heap) are refused with 409 by design;
# after each run the mock must answer /_mock/health and a getRoom. Reported per run: the answers by
# status, the heap after the last GC and the largest, the GC pauses (count, total, longest, from
# -Xlog:gc), the resident set (RSS) at the end and its peak. HEAP=-Xmx... sets another heap.
# Needs wrk, curl, python3; --image needs docker. Only 127.0.0.1 is contacted.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMAGE=
if [[ ${1:-} == --image ]]; then IMAGE=$2; shift 2; fi
SECONDS_MIXED=${1:-60}
TENANTS=${2:-10000}
ROOMS=${3:-10}
HEAP=${HEAP:--Xmx128m}
JAR=$ROOT/mock-server/target/livedigital-mock-server.jar
WORK=$(mktemp -d /tmp/ldmock-memory.XXXXXX)
LABEL=ldmock-memory=$$
pid=
cleanup() {
  [[ -z $pid ]] || kill "$pid" 2>/dev/null || true
  [[ -z $IMAGE ]] || docker ps -aq --filter "label=$LABEL" | xargs -r docker rm -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "memory-load: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
[[ -n $IMAGE || -f $JAR ]] || (cd "$ROOT" && mvn -q -pl mock-server -am package -DskipTests)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start: a fresh mock with the small heap and GC logging; sets BASE, pid (the JVM's, as the host sees it), LOG
start() {
  LOG=$WORK/$1.log
  if [[ -n $IMAGE ]]; then
    local cid port
    cid=$(docker run -d --label "$LABEL" -p 127.0.0.1:0:8080 -e LDMOCK_SEED=7 \
      -e "JAVA_TOOL_OPTIONS=$HEAP -Xlog:gc:stdout" "$IMAGE")
    port=$(docker port "$cid" 8080/tcp | head -n1 | sed 's/.*://')
    BASE=http://127.0.0.1:$port
    CID=$cid
    pid=$(docker inspect -f '{{.State.Pid}}' "$cid")
  else
    local port
    port=$(free_port)
    java $HEAP -Xlog:gc:stdout -jar "$JAR" --port "$port" --seed 7 >"$LOG" 2>&1 &
    pid=$!
    BASE=http://127.0.0.1:$port
  fi
  for _ in $(seq 1 300); do curl -sf -o /dev/null "$BASE/_mock/health" && return; sleep 0.1; done
  echo "memory-load: the mock did not start" >&2; exit 1
}

# report <name> <answers>: health, an API answer, GC and RSS of the mock just loaded; then stops it
report() {
  local health api rss peak
  health=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/_mock/health" || echo none)
  api=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/v1/spaces/$SPACE/rooms/$ROOM" \
    -H "Authorization: Bearer $TOKEN" || echo none)
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo "?")
  peak=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo "?")
  [[ -z $IMAGE ]] || docker logs "$CID" >"$LOG" 2>&1
  python3 - "$LOG" "$1" "$2" "$health" "$api" "$rss" "$peak" <<'EOF'
import re, sys
log, name, answers, health, api, rss, peak = sys.argv[1:]
pauses = [(m.group(1), m.group(2), float(m.group(3)))
          for m in re.finditer(r"Pause .*? (\d+)M->(\d+)M\(\d+M\) ([\d.]+)ms", open(log, errors="replace").read())]
after = [int(p[1]) for p in pauses]
print(f"| {name} | {answers} | {health} / {api} | {after[-1] if after else '?'} MB (max {max(after) if after else '?'}) "
      f"| {len(pauses)}, {sum(p[2] for p in pauses):.0f} ms (longest {max((p[2] for p in pauses), default=0):.0f}) "
      f"| {rss} MB (peak {peak}) |")
EOF
  if [[ -n $IMAGE ]]; then docker rm -f "$CID" >/dev/null; else kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  pid=
}

# seed: the demo user's token, a space and a room (what the mixed load and the final check use)
seed() {
  local login='{"client_id":"demo-client","client_secret":"demo-secret","grant_type":"password","username":"demo@example.com","password":"demo-password"}'
  TOKEN=$(curl -s "$BASE/v1/auth/token" -H 'Content-Type: application/json' -d "$login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  SPACE=$(curl -s "$BASE/v1/spaces" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  ROOM=$(curl -s "$BASE/v1/spaces/$SPACE/rooms" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"bench","type":"lesson"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
}

echo "| $HEAP, ${IMAGE:-jar} | answers | health / getRoom after | heap after GC | GC pauses | RSS |"
echo "|---|---|---|---:|---|---:|"
start mixed
seed
TOKEN=$TOKEN SPACE=$SPACE ROOM=$ROOM CLIENT_ID=demo-client CLIENT_SECRET=demo-secret USERNAME=demo@example.com \
  PASSWORD=demo-password wrk -t2 -c32 -d"${SECONDS_MIXED}s" -s "$ROOT/bench/wrk/mixed.lua" "$BASE" >"$WORK/wrk.out" 2>&1
answers=$(awk '/Requests\/sec/ {r=$2} /^status/ {sub(":", "", $2); s = s (s ? ", " : "") $3 " x " $2} \
  END {printf "%s (%d req/s)", s, r}' "$WORK/wrk.out")
report "mixed load, ${SECONDS_MIXED} s" "$answers"

start tenants
seed
tenants=$(python3 "$ROOT/bench/tenants.py" "$BASE" "$TENANTS" "$ROOMS" 4 | head -1) || true
report "$TENANTS tenants x $ROOMS rooms" "${tenants%%;*}; ${tenants#*answers: }"
