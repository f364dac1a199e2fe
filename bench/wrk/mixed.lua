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

-- Answers counted by status (2xx together), printed when the run ends: a full mock answers writes with 409.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
statuses = {}
function response(status)
  local key = (status >= 200 and status < 300) and "2xx" or tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end
function done()
  local total = {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("statuses")) do
      total[key] = (total[key] or 0) + n
    end
  end
  for key, n in pairs(total) do
    io.write(string.format("status %s: %d\n", key, n))
  end
end
