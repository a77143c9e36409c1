-- wrk script for the sign-up row of scripts/bench.sh: every request is a new, valid sign-up.
-- BENCH_SIGNERS: a file of "<Cookie header>\t<antiforgery token>" lines, one per signed-in resident.
-- BENCH_TARGETS: a file of "<notice id> <session id>" lines (sessions open for sign-up).
-- BENCH_OFFSET: where in the sequence of (resident, session) pairs this run starts, so runs never repeat a pair.
-- Request i signs resident (i div T) mod R up for session i mod T: consecutive requests go to different sessions (as
-- sign-ups spread over a city's sessions do), and every pair is new while i < R * T (the script checks).
-- Run with one thread (-t1): the counter is per thread.
local signers, targets = {}, {}
local counter = tonumber(os.getenv("BENCH_OFFSET") or "0")

local function lines(path)
   local result = {}
   for line in io.lines(path) do
      if line ~= "" then result[#result + 1] = line end
   end
   return result
end

init = function(args)
   for _, line in ipairs(lines(os.getenv("BENCH_SIGNERS"))) do
      local cookie, token = line:match("^(.-)\t(.*)$")
      signers[#signers + 1] = { cookie = cookie, token = token }
   end
   for _, line in ipairs(lines(os.getenv("BENCH_TARGETS"))) do
      local notice, session = line:match("^(%d+) (%d+)$")
      targets[#targets + 1] = { notice = notice, session = session }
   end
end

local function encode(s)
   return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
   local t = #targets
   local target = targets[(counter % t) + 1]
   local signer = signers[(math.floor(counter / t) % #signers) + 1]
   counter = counter + 1
   local body = "Name=" .. encode("基准报名") .. "&Phone=13800138000&Note=&__RequestVerificationToken=" .. encode(signer.token)
   return wrk.format("POST", "/notices/" .. target.notice .. "/signup?session=" .. target.session, {
      ["Cookie"] = signer.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
   }, body)
end

done = function(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format("BENCH %.1f %.2f %.2f %.2f %d %d %d\n",
      summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
