-- A mix of what an integration does, in turn: read the room, create a room, generate a link, log in.
-- Env: TOKEN (user), SPACE, ROOM, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD.
local token = os.getenv("TOKEN")
local space = os.getenv("SPACE")
local room = os.getenv("ROOM")
local login = string.format(
  '{"client_id":"%s","client_secret":"%s","grant_type":"password","username":"%s","password":"%s"}',
  os.getenv("CLIENT_ID"), os.getenv("CLIENT_SECRET"), os.getenv("USERNAME"), os.getenv("PASSWORD"))
local n = 0
request = function()
  n = n + 1
  local auth = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  local k = n % 4
  if k == 0 then
    return wrk.format("GET", "/v1/spaces/" .. space .. "/rooms/" .. room, auth)
  elseif k == 1 then
    return wrk.format("POST", "/v1/spaces/" .. space .. "/rooms", auth, '{"name":"bench","type":"lesson"}')
  elseif k == 2 then
    return wrk.format("POST", "/v1/spaces/" .. space .. "/rooms/" .. room .. "/generate-access", auth,
      '{"username":"Bench Guest","role":"user"}')
  else
    return wrk.format("POST", "/v1/auth/token", { ["Content-Type"] = "application/json" }, login)
  end
end
