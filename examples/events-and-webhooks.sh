#!/usr/bin/env bash
# Drive events and receive webhooks: the README section of the same name, runnable.
# Start the mock first, then: examples/events-and-webhooks.sh [BASE_URL]   (needs curl, python3, node)
set -euo pipefail
B=${1:-http://127.0.0.1:8080}
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
post() { curl -sf -X POST "$B$1" -H 'Content-Type: application/json' "${@:3}" -d "$2"; }

OWNER=$(post /v1/auth/token '{"client_id":"demo-client","client_secret":"demo-secret","grant_type":"password","username":"demo@example.com","password":"demo-password"}' | json '["access_token"]')
AUTH=(-H "Authorization: Bearer $OWNER")
SPACE=$(post /v1/spaces '{"name":"Webinars"}' "${AUTH[@]}" | json '["id"]')
ROOM=$(post "/v1/spaces/$SPACE/rooms" '{"name":"Open day","type":"webinar","isAutoRecordingAllowed":true}' "${AUTH[@]}" | json '["id"]')

echo "1. a receiver built into the mock (any URL of yours works the same), registered as the space's webhook"
RECEIVER=$(post /_mock/receivers '{"responses":[500,200]}')     # fails once: watch the retry
HOOK=$(post "/v1/spaces/$SPACE/webhook" "{\"url\":\"$(echo "$RECEIVER" | json '["url"]')\"}" "${AUTH[@]}")
SECRET=$(echo "$HOOK" | json '["secret"]')
AFTER=$(curl -sf "$B/_mock/webhooks/deliveries" | json '["lastSeq"]')

echo "2. a moderator joins (call_started, and record_started: the room auto-records), an hour passes, they leave"
HOST=$(post "/_mock/rooms/$ROOM/participants" '{"name":"Анна \"host\"","role":"moderator","email":"anna@example.com","externalUserId":"lms-7"}' | json '["id"]')
post /_mock/clock '{"advanceSeconds":3600}' > /dev/null
post "/_mock/participants/$HOST/leave" '' > /dev/null

echo "3. wait (no sleeping) for call_finished to be delivered, then check its signature with the guide's Node line"
DELIVERY=$(curl -sf "$B/_mock/webhooks/deliveries/next?roomId=$ROOM&eventName=call_finished&outcome=delivered&after=$AFTER&timeoutMs=10000")
echo "$DELIVERY" | json '["requestBody"]'
echo "$DELIVERY" | json '["requestBody"]' | SECRET=$SECRET node -e '
  const crypto = require("crypto"); const { signature, body } = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const mine = crypto.createHmac("sha256", process.env.SECRET).update(JSON.stringify(body), "utf8").digest("hex");
  console.log(mine === signature ? "   signature verified" : "   SIGNATURE MISMATCH"); process.exit(mine === signature ? 0 : 1);'
curl -sf "$B/_mock/webhooks/deliveries?roomId=$ROOM" | python3 -c '
import sys, json
for d in json.load(sys.stdin)["items"]: print("   #%d %-16s attempt %d -> %s %s" % (d["seq"], d["eventName"], d["attempt"], d["status"], d["outcome"]))'

echo "4. the recording: list, a 24-hour download link, the file"
RECORD=$(curl -sf "$B/v1/spaces/$SPACE/rooms/$ROOM/records" "${AUTH[@]}" | json '["items"][0]["id"]')
LINK=$(curl -sf "$B/v1/spaces/$SPACE/rooms/$ROOM/records/download/$RECORD" "${AUTH[@]}")
curl -sf -o /tmp/ldmock-record.mp4 -w "   %{size_download} bytes of %{content_type}\n" "$LINK"

echo "5. analytics: the calls of the day, the report as JSON and as XLSX"
DAY=$(curl -sf "$B/_mock/clock" | json '["now"][:10]')
CALL=$(curl -sf "$B/v1/spaces/$SPACE/analytics/calls?roomId=$ROOM&date=$DAY" "${AUTH[@]}" | json '["items"][0]["id"]')
curl -sf "$B/v1/spaces/$SPACE/analytics/report?roomId=$ROOM&callId=$CALL&format=json" "${AUTH[@]}" | json '["participants"][0]["timeInCallSeconds"]'
curl -sf -o /tmp/ldmock-report.xlsx -w "   %{size_download} bytes of %{content_type}\n" "$B/v1/spaces/$SPACE/analytics/report?roomId=$ROOM&callId=$CALL&format=xlsx" "${AUTH[@]}"
echo "events-and-webhooks: ok"
