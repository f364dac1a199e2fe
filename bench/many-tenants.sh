#!/usr/bin/env bash
# Does the mock slow down with many tenants? The jar is filled with N tenants as bench/tenants.py makes
# them (user, token, space, rooms each; their requests fill the request journals to their total), then
# wrk (2 threads, 32 connections) sends authenticated GETs of one room of the demo tenant.
#
#   bench/many-tenants.sh [tenants (10000)] [seconds (10)]
#
# Prints the fill rate and the GET rate; run it with 10 tenants too to compare. HEAP=-Xmx... sets the
# heap (-Xmx512m). Needs wrk, curl, python3. Only 127.0.0.1 is contacted.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TENANTS=${1:-10000}
SECONDS_GET=${2:-10}
HEAP=${HEAP:--Xmx512m}
JAR=$ROOT/mock-server/target/livedigital-mock-server.jar
command -v wrk >/dev/null || { echo "many-tenants: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
[[ -f $JAR ]] || (cd "$ROOT" && mvn -q -pl mock-server -am package -DskipTests)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOG=$(mktemp /tmp/ldmock-many.XXXXXX)
java $HEAP -jar "$JAR" --port "$port" --seed 7 >"$LOG" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$LOG"' EXIT
B=http://127.0.0.1:$port
for _ in $(seq 1 300); do curl -sf -o /dev/null "$B/_mock/health" && break; sleep 0.1; done

python3 "$ROOT/bench/tenants.py" "$B" "$TENANTS" 10 4
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -s "$B/v1/auth/token" -H 'Content-Type: application/json' -d '{"client_id":"demo-client","client_secret":"demo-secret","grant_type":"password","username":"demo@example.com","password":"demo-password"}' | json '["access_token"]')
SPACE=$(curl -s "$B/v1/spaces" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"bench"}' | json '["id"]')
ROOM=$(curl -s "$B/v1/spaces/$SPACE/rooms" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"bench","type":"lesson"}' | json '["id"]')
export TOKEN
URL=$B/v1/spaces/$SPACE/rooms/$ROOM
wrk -t2 -c32 -d5s -s "$ROOT/bench/wrk/get.lua" "$URL" >/dev/null   # warm-up
out=$(wrk -t2 -c32 -d"${SECONDS_GET}s" --latency -s "$ROOT/bench/wrk/get.lua" "$URL")
echo "GET of one room with $TENANTS tenants: $(echo "$out" | grep -E 'Requests/sec' | tr -s ' ')," \
  "p99 $(echo "$out" | awk '$1 == "99%" {print $2}'), non-2xx: $(echo "$out" | grep -oE 'Non-2xx or 3xx responses: [0-9]+' | grep -oE '[0-9]+$' || echo 0)"
