-- wrk script for the GET rows of scripts/bench.sh: prints one machine-readable line at the end.
-- BENCH <requests/s> <p50 ms> <p95 ms> <p99 ms> <requests> <non-2xx/3xx> <socket errors>
done = function(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format("BENCH %.1f %.2f %.2f %.2f %d %d %d\n",
      summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
