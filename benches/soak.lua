-- wrk: a mixed classroom load. Each connection cycles through reading lessons (first visit
-- and with cookies), setting session values, reading the state, and decoding a cookie.
local paths = {
  {"GET", "/en/lessons/cookies", nil, nil},
  {"GET", "/ru/lessons/session-basics", nil, "theme=dark; progress=x"},
  {"POST", "/sandbox/session/set", "key=cart&value=%D0%BA%D0%BD%D0%B8%D0%B3%D0%B0", nil},
  {"GET", "/sandbox/state?lang=bn", nil, nil},
  {"POST", "/api/decode", "cookie=eyJsYW5nIjoiZW4ifQ.ZVPk-A.bad&key=k", nil},
  {"GET", "/uk/", nil, nil},
}
local i = 0
request = function()
  i = i % #paths + 1
  local p = paths[i]
  local headers = {}
  if p[3] then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    headers["Accept"] = "application/json"
  end
  if p[4] then headers["Cookie"] = p[4] end
  return wrk.format(p[1], p[2], headers, p[3])
end

local errors = 0
response = function(status, headers, body)
  if status >= 500 then errors = errors + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("soak: %d requests, %d socket errors, %d non-2xx/3xx, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
