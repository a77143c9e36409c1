-- wrk script for the GET rows of scripts/bench.sh: prints one machine-readable line at the end.
-- BENCH <requests/s> <p50 ms> <p95 ms> <p99 ms> <requests> <non-2xx/3xx> <socket errors>
--
-- A signed-in row keeps its cookie fresh as a browser does: the portal re-checks the account (its security stamp) once the
-- sign-in cookie is a minute old and sends a renewed cookie; later requests carry that one. Without this, every request
-- after the first minute would pay the check again (about five SQL commands and a new cookie), which no browser does.
local req

init = function(args)
   req = wrk.format()
end

request = function()
   return req
end

response = function(status, headers, body)
   local set = headers["Set-Cookie"] or headers["set-cookie"]
   local cookie = wrk.headers["Cookie"]
   if set and cookie then
      local value = set:match("__Host%-cs%.auth=([^;]*)")
      if value and value ~= "" then
         wrk.headers["Cookie"] = cookie:gsub("__Host%-cs%.auth=[^;]*", function() return "__Host-cs.auth=" .. value end)
         req = wrk.format()
      end
   end
end

done = function(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format("BENCH %.1f %.2f %.2f %.2f %d %d %d\n",
      summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
