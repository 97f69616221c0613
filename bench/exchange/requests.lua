-- wrk script for bench/exchange-api: each request asks for a random record or page of the exchange API, with the bearer
-- token. Arguments (after wrk's --): MODE LOW HIGH TOKEN [IDS]
--   MODE student: GET /api/registry/students/{id}, id one of the lines of the file IDS (real ids: the id sequence is
--     shared, so a number between the lowest and the highest id is mostly no student), picked at random
--   MODE students: GET /api/registry/students?after={n}&limit=100, n uniform in [LOW, HIGH]
--   MODE changes: GET /api/registry/changes?since={n}&limit=100, n uniform in [LOW, HIGH]
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

function init(args)
  mode, low, high, token = args[1], tonumber(args[2]), tonumber(args[3]), args[4]
  ids = {}
  if args[5] then
    for line in io.lines(args[5]) do ids[#ids + 1] = line end
  end
  math.randomseed(os.time() * 1000 + (thread_number or 0))
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
end

function request()
  if mode == "student" then
    return wrk.format("GET", "/api/registry/students/" .. ids[math.random(1, #ids)])
  elseif mode == "students" then
    return wrk.format("GET", "/api/registry/students?after=" .. math.random(low, high) .. "&limit=100")
  end
  return wrk.format("GET", "/api/registry/changes?since=" .. math.random(low, high) .. "&limit=100")
end
