#!/usr/bin/env bash
# The integration guide, walked with curl against the mock: the README's "walk the guide" section,
# runnable. Start the mock first (README: "Run the mock"), then: examples/walkthrough.sh [BASE_URL]
set -euo pipefail
B=${1:-http://127.0.0.1:8080}
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }   # json '["id"]'
post() { curl -sf -X POST "$B$1" -H 'Content-Type: application/json' "${@:3}" -d "$2"; }

echo "1. client token (client_credentials)"
CLIENT=$(post /v1/auth/token '{"client_id":"demo-client","client_secret":"demo-secret","grant_type":"client_credentials"}' | json '["access_token"]')

echo "2. a client token may not list spaces: 403"
curl -s "$B/v1/spaces" -H "Authorization: Bearer $CLIENT"; echo

echo "3. create a user with the client token"
STUDENT=$(post /v1/users '{"email":"student@example.com","password":"s3cret","username":"Student"}' -H "Authorization: Bearer $CLIENT" | json '["id"]')

echo "4. user tokens (password grant, email as username)"
login() { post /v1/auth/token "{\"client_id\":\"demo-client\",\"client_secret\":\"demo-secret\",\"grant_type\":\"password\",\"username\":\"$1\",\"password\":\"$2\"}"; }
PAIR=$(login demo@example.com demo-password)
OWNER=$(echo "$PAIR" | json '["access_token"]')
REFRESH=$(echo "$PAIR" | json '["refresh_token"]')
STUDENT_TOKEN=$(login student@example.com s3cret | json '["access_token"]')
AUTH=(-H "Authorization: Bearer $OWNER")

echo "5. create a space and a room"
SPACE=$(post /v1/spaces '{"name":"Math 101","isPublic":false,"description":"Spring term"}' "${AUTH[@]}" | json '["id"]')
ROOM_JSON=$(post "/v1/spaces/$SPACE/rooms" '{"name":"Lesson 1","type":"lesson","isPublic":false}' "${AUTH[@]}")
ROOM=$(echo "$ROOM_JSON" | json '["id"]')
echo "   room id=$ROOM alias=$(echo "$ROOM_JSON" | json '["alias"]') channelId=$(echo "$ROOM_JSON" | json '["channelId"]')"

echo "6. update both"
curl -sf -X PUT "$B/v1/spaces/$SPACE" "${AUTH[@]}" -d '{"name":"Math 101 (spring)","isPublic":false}' > /dev/null
curl -sf -X PUT "$B/v1/spaces/$SPACE/rooms/$ROOM" "${AUTH[@]}" -d '{"name":"Lesson 1: fractions","isChatAllowed":false}' > /dev/null

echo "7. invite the student into the space, activate once (a second time: 409)"
INVITE=$(post "/v1/spaces/$SPACE/invites" '{"role":"role_space_user"}' "${AUTH[@]}" | json '["id"]')
curl -sf -X POST "$B/v1/spaces/$SPACE/invites/$INVITE/activate" -H "Authorization: Bearer $STUDENT_TOKEN"
curl -s -o /dev/null -w "   again: %{http_code}\n" -X POST "$B/v1/spaces/$SPACE/invites/$INVITE/activate" -H "Authorization: Bearer $STUDENT_TOKEN"

echo "8. grant the student a role in the private room"
post "/v1/spaces/$SPACE/rooms/$ROOM/roles" "{\"targetUserId\":\"$STUDENT\",\"role\":\"role_room_user\"}" "${AUTH[@]}"

echo "9. a one-time access link for an unregistered guest"
URL=$(post "/v1/spaces/$SPACE/rooms/$ROOM/generate-access" '{"username":"Guest Pupil","role":"user","externalUserId":"lms-42","ttl":3600}' "${AUTH[@]}" | json '["url"]')
echo "   $URL"
curl -sf -H 'Accept: application/json' "$URL" | json '["participantName"]'
curl -s -o /dev/null -w "   opened again: %{http_code}\n" -H 'Accept: application/json' "$URL"

echo "10. lists, get, room-by-alias, users/me"
curl -sf "$B/v1/spaces" "${AUTH[@]}" | json '["total"]'
curl -sf "$B/v1/spaces/$SPACE/rooms" "${AUTH[@]}" | json '["items"][0]["name"]'
curl -sf "$B/v1/spaces/room-by-alias/$(echo "$ROOM_JSON" | json '["alias"]')" -H "Authorization: Bearer $STUDENT_TOKEN" | json '["roleInRoom"]'
curl -sf "$B/v1/users/me" -H "Authorization: Bearer $STUDENT_TOKEN" | json '["email"]'

echo "11. refresh the owner's tokens"
post /v1/auth/token "{\"client_id\":\"demo-client\",\"client_secret\":\"demo-secret\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"$REFRESH\"}" | json '["token_type"]'

echo "12. the links the mock generated, as the control plane shows them"
curl -sf "$B/_mock/tenants/demo-client/links" | json '["items"][0]["usable"]'
echo "walkthrough: ok"
