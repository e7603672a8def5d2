-- wrk script, "form" flow (SnapPass's web form, answered as JSON):
--   create: POST / with a form body and Accept: application/json -> {"link": ...}
--   reveal: POST <path of link>                                   -> 200 page, 404 once gone
-- Each thread keeps a queue of created links and reveals one whenever it has
-- one queued, else creates. Responses of one thread's connections interleave,
-- so each response's kind is read from its body: only a create answer has "link".
-- done() prints one line: BENCH creates=N reveals=N failed=N [(status×N, ...)]
-- (failed = a response that is no create answer and not 200; normally a
-- reveal that found nothing, but a failed create would also land here).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local create, queue, head, tail = nil, {}, 1, 0
creates, reveals, failed = 0, 0, {} -- failed: count by status

function init(args)
  create = wrk.format("POST", "/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
  }, "password=benchmark-secret-1234&ttl=Hour")
end

function request()
  if head <= tail then
    local path = queue[head]
    queue[head] = nil
    head = head + 1
    return wrk.format("POST", path, nil, "")
  end
  return create
end

function response(status, headers, body)
  local path = status == 200 and body:match('"link"%s*:%s*"https?://[^/"]+(/[^"]*)"')
  if path then
    creates = creates + 1
    tail = tail + 1
    queue[tail] = path
  elseif status == 200 then
    reveals = reveals + 1
  else
    failed[status] = (failed[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local c, r, f, per, by = 0, 0, 0, {}, {}
  for _, t in ipairs(threads) do
    c = c + t:get("creates")
    r = r + t:get("reveals")
    for status, n in pairs(t:get("failed")) do
      f, per[status] = f + n, (per[status] or 0) + n
    end
  end
  for status, n in pairs(per) do table.insert(by, status .. "×" .. n) end
  local detail = #by > 0 and " (" .. table.concat(by, ", ") .. ")" or ""
  io.write(string.format("BENCH creates=%d reveals=%d failed=%d%s\n", c, r, f, detail))
end
