#!/usr/bin/env bash
# Runs every test: the client-library check against npm, one Release build, then the unit tests and the integration suite
# on SQLite with, beside them, the integration suite on a throw-away PostgreSQL cluster (scripts/postgres.sh), then the
# browser tests (with axe-core), then the two-instance check behind nginx under /portal/ (scripts/two-instances.sh) on
# SQLite and on PostgreSQL, then the benchmark build (-p:Bench=true).
# On a fresh Debian machine it installs what the tests need (Chromium, CJK fonts, Node.js) from apt.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh-cn | grep -q . || need+=(fonts-noto-cjk fontconfig)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing from apt: ${need[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }

bash scripts/verify-client-libs.sh
# axe-core for the browser tests' accessibility checks (pinned in tools/audit, with Lighthouse for scripts/audit.sh).
bash scripts/audit-tools.sh

log=$(mktemp)
pg_log=$(mktemp)
pg_time=$(mktemp)
status=0
# One Release build for every run below (warnings are errors in this solution, so a build that passes printed none).
dotnet build CommunityService.sln -c Release --nologo -v q >"$log" 2>&1 || { cat "$log"; echo "The build failed." >&2; exit 1; }
: >"$log"

# The integration suite on PostgreSQL (issue #18), every class, on a throw-away cluster that is stopped at the end, also on
# failure. It runs beside the unit tests and the integration suite on SQLite: each suite runs its classes one after another
# (one portal per suite), so the two together use the machine's 2 cores; its output is shown when both are done.
source scripts/postgres.sh
( start=$SECONDS; code=0
  dotnet test tests/CommunityService.IntegrationTests -c Release --no-build --nologo >"$pg_log" 2>&1 || code=$?
  echo $((SECONDS - start)) >"$pg_time"; exit $code ) &
pg_job=$!

# Unit tests and the integration suite on SQLite (CS_TEST_POSTGRES emptied: the suite runs on SQLite files).
start=$SECONDS
CS_TEST_POSTGRES= dotnet test tests/CommunityService.UnitTests -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=1
start_sqlite=$SECONDS
CS_TEST_POSTGRES= dotnet test tests/CommunityService.IntegrationTests -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=1
sqlite_seconds=$((SECONDS - start_sqlite))
wait $pg_job || status=1
echo "--- the integration suite on PostgreSQL:"
cat "$pg_log"
# The browser tests alone, once the integration suites are done: their page loads are not starved on 2 cores.
CS_TEST_POSTGRES= dotnet test tests/CommunityService.BrowserTests -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=1
all_seconds=$((SECONDS - start))

# Closing lines: the runs summed over the test assemblies, then the integration suite per provider.
sum() { grep -E '^(Passed|Failed)!' "$1" | grep -E "$2" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
    | awk -v what="$3" '{f+=$1; p+=$2; s+=$3} END {printf "%s: %d passed, %d failed, %d skipped\n", what, p, f, s}'; }
sum "$log" . "tests (unit, integration on SQLite, browser; with the PostgreSQL run beside them ${all_seconds} s)"
sum "$log" IntegrationTests "integration on SQLite (${sqlite_seconds} s)"
sum "$pg_log" IntegrationTests "integration on PostgreSQL ($(cat "$pg_time") s)"
rm -f "$log" "$pg_log" "$pg_time"

# Scale-out (issue #8): two instances behind nginx on one database; uses the Release build made above.
SKIP_BUILD=1 bash scripts/two-instances.sh || status=1
# The same on PostgreSQL (issue #18), with residents racing through both instances for a session's last places.
SKIP_BUILD=1 DATABASE=postgres bash scripts/two-instances.sh || status=1

# Bench/ is compiled only in benchmark builds (-p:Bench=true): build it once, so a change that breaks it fails here.
bench_out="$(mktemp -d)"
dotnet build src/CommunityService.Web -c Release -p:Bench=true -o "$bench_out" -nologo -v q >"$bench_out/build.log" 2>&1 \
    && echo "bench build: compiles" || { cat "$bench_out/build.log"; echo "bench build: FAILED" >&2; status=1; }
rm -rf "$bench_out"
exit $status
