#!/usr/bin/env bash
# Cost of scripted failures and of the request journal, measured on the packaged jar with wrk.
#  1. Rule engine: an authenticated GET (/v1/users/me) with no rules, then with 100 rules loaded
#     that watch the same server but do not fire on that GET (25 on other operations, 25 on it with a
#     header that never matches, 25 on it with a window an hour away, 25 server-wide on other
#     operations), alternating ROUNDS times in the same run; prints req/s and the cost in %.
#  2. Journal: the same GET with the journal on (default) and off (--journal-max-entries 0), same
#     alternation on two servers; then the heap the journal holds per 10,000 requests (full GC
#     before and after, jcmd GC.heap_info).
# Usage: mock-server/bench/faults.sh [seconds per run (10)] [rounds (5)]. Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-10}
ROUNDS=${2:-5}
JAR=mock-server/target/livedigital-mock-server.jar
command -v wrk >/dev/null || { echo "faults.sh: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
[[ -f $JAR ]] || mvn -q -pl mock-server -am package -DskipTests
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start() {   # start PORT [options...]: runs the jar, waits for health
  local port=$1; shift
  java -Xms512m -Xmx512m -jar "$JAR" --port "$port" --seed 1 --sdk-example-tenant off "$@" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 1 400); do curl -sf -o /dev/null "http://127.0.0.1:$port/_mock/health" && return; sleep 0.05; done
  echo "faults.sh: the mock on $port did not start" >&2; exit 1
}
token() {   # token BASE: a user token of the demo tenant
  curl -sf "$1/v1/auth/token" -H 'Content-Type: application/json' -d '{"client_id":"demo-client",
    "client_secret":"demo-secret","grant_type":"password","username":"demo@example.com","password":"demo-password"}' \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])'
}
cpu() {     # cpu PID: user+system CPU time of a process, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}
# rps BASE TOKEN SECONDS PID: "<requests/s> <server CPU microseconds per request>" of GET /v1/users/me.
# CPU per request is the figure compared: on a shared machine throughput swings with the neighbours'
# load, the server's own CPU time per request much less.
rps() {
  local before after out
  before=$(cpu "$4")
  out=$(wrk -t1 -c16 -d"${3}s" -H "Authorization: Bearer $2" "$1/v1/users/me")
  after=$(cpu "$4")
  echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ {n = $1} /Requests\/sec/ {r = int($2)}
    END {printf "%d %.1f\n", r, ticks / hz * 1e6 / n}'
}
us() { echo "$1" | cut -d' ' -f2; }
rate() { echo "$1" | cut -d' ' -f1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# ---- 1. the rule engine -----------------------------------------------------------------------
P=$(free_port); B=http://127.0.0.1:$P
start "$P"
T=$(token "$B")
RULES=$(python3 - <<'PY'
import json
others = ["createRoom", "getSpaces", "createSpace", "getRooms", "roomGenerateAccess"]
rules = []
for i in range(25): rules.append({"on": others[i % 5], "respond": {"status": 503}})
for i in range(25): rules.append({"on": "getMe", "match": {"headers": {"X-Never": "^never$"}}, "fault": "reset"})
for i in range(25): rules.append({"on": "getMe", "when": {"from": "1h"}, "respond": {"status": 500}})
print(json.dumps({"rules": rules}))
PY
)
SERVER_RULES=$(python3 -c 'import json; print(json.dumps({"rules": [{"on": "createRoom", "respond": {"status": 502}}] * 25}))')
PID1=${pids[0]}
rps "$B" "$T" 15 "$PID1" >/dev/null   # warm-up (the JIT), with the rules loaded once so their path is warm too
curl -sf "$B/_mock/tenants/demo-client/faults" -H 'Content-Type: application/json' -d "$RULES" >/dev/null
rps "$B" "$T" 5 "$PID1" >/dev/null
none=(); loaded=(); none_us=(); loaded_us=()
for r in $(seq 1 "$ROUNDS"); do
  curl -sf -X DELETE "$B/_mock/tenants/demo-client/faults" >/dev/null
  curl -sf -X DELETE "$B/_mock/faults" >/dev/null
  x=$(rps "$B" "$T" "$SECS" "$PID1"); none+=("$(rate "$x")"); none_us+=("$(us "$x")")
  curl -sf "$B/_mock/tenants/demo-client/faults" -H 'Content-Type: application/json' -d "$RULES" >/dev/null
  curl -sf "$B/_mock/faults" -H 'Content-Type: application/json' -d "$SERVER_RULES" >/dev/null
  x=$(rps "$B" "$T" "$SECS" "$PID1"); loaded+=("$(rate "$x")"); loaded_us+=("$(us "$x")")
  echo "round $r: no rules ${none[-1]} req/s ${none_us[-1]} us CPU/req; 100 inactive rules ${loaded[-1]} req/s ${loaded_us[-1]} us CPU/req"
done
fired=$(curl -sf "$B/_mock/tenants/demo-client/faults" | python3 -c 'import sys,json; print(sum(r["fired"] for r in json.load(sys.stdin)["items"]))')
N=$(median "${none_us[@]}"); L=$(median "${loaded_us[@]}")
echo "rule engine: median $(median "${none[@]}") req/s, ${N} us CPU/request without rules; $(median "${loaded[@]}") req/s, ${L} us with 100 (fired: ${fired}); cost $(python3 -c "print(round(100*($L/$N-1),1))") % CPU per request"

# ---- 2. the journal ---------------------------------------------------------------------------
P2=$(free_port); B2=http://127.0.0.1:$P2
start "$P2" --journal-max-entries 0
T2=$(token "$B2")
PID2=${pids[1]}
rps "$B2" "$T2" 15 "$PID2" >/dev/null
on=(); off=(); on_us=(); off_us=()
for r in $(seq 1 "$ROUNDS"); do
  curl -sf -X DELETE "$B/_mock/tenants/demo-client/faults" >/dev/null
  curl -sf -X DELETE "$B/_mock/faults" >/dev/null
  x=$(rps "$B" "$T" "$SECS" "$PID1"); on+=("$(rate "$x")"); on_us+=("$(us "$x")")
  x=$(rps "$B2" "$T2" "$SECS" "$PID2"); off+=("$(rate "$x")"); off_us+=("$(us "$x")")
  echo "round $r: journal on ${on[-1]} req/s ${on_us[-1]} us CPU/req; off ${off[-1]} req/s ${off_us[-1]} us CPU/req"
done
ON=$(median "${on_us[@]}"); OFF=$(median "${off_us[@]}")
echo "journal: median $(median "${on[@]}") req/s, ${ON} us CPU/request on; $(median "${off[@]}") req/s, ${OFF} us off; cost $(python3 -c "print(round(100*($ON/$OFF-1),1))") % CPU per request"

PID=${pids[0]}
heap() { jcmd "$PID" GC.run >/dev/null; jcmd "$PID" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {gsub(/K,?/,"",$(i+1)); print $(i+1); exit}}'; }
curl -sf -X DELETE "$B/_mock/tenants/demo-client/requests" >/dev/null
before=$(heap)
cat > /tmp/ldmock-bench-10k.lua <<'LUA'
local n = 0
request = function()
  n = n + 1
  if n > 10000 then wrk.thread:stop() end
  return wrk.format(nil, nil, nil, nil)
end
LUA
wrk -t1 -c1 -d120s -s /tmp/ldmock-bench-10k.lua -H "Authorization: Bearer $T" "$B/v1/users/me" >/dev/null
after=$(heap)
kept_now=$(curl -sf "$B/_mock/tenants/demo-client/requests?status=200&path=/v1/users/me" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])')
rm -f /tmp/ldmock-bench-10k.lua
echo "journal memory: heap $before K -> $after K with $kept_now entries kept: $(( (after - before) * 1024 / kept_now )) bytes per request, $(( (after - before) * 1024 * 10000 / kept_now / 1024 / 1024 )) MiB per 10,000 requests"
