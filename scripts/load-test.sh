#!/usr/bin/env bash
# Load and crash test of the portal on SQLite (issue #9). Not part of CI: it takes about 3 minutes and both cores.
#
# Builds Release (the portal and tools/loadtest, which is not in CommunityService.sln) and runs twice, each time on a
# fresh SQLite file with demo data, the portal in Staging (the production pipeline: error page, HSTS, __Host- cookies)
# over HTTPS on 127.0.0.1 with a throwaway self-signed certificate, as a separate process from bin/Release:
#   1. Load: 64 clients for 60 s (8 staff adding service records, 56 residents registering and signing up to the
#      day-care sessions, everyone reading pages in between); then the portal is stopped cleanly.
#   2. Crash: the same load; after 20 s the portal is killed with SIGKILL in the middle of it and started again on the
#      same database file; the clients go on against the restarted portal until the 60 s are over.
# After each run tools/loadtest/verify.py checks the database: PRAGMA integrity_check is ok, every write acknowledged by
# its success redirect (journaled by the client at once) is there, records are not doubled, sessions count their
# places right, and no answer was a 5xx. Prints a table per run; exits 1 when a check fails.
#
#   CLIENTS=64 STAFF=8 DURATION=60 KILL_AFTER=20   the load and when the crash comes (not before MIN_ACKED=50
#                                                  writes are acknowledged, waiting up to 25 s more for them)
#   SKIP_BUILD=1                                   use the Release builds already there
#   KEEP=DIR                                       keep databases, journals, figures and logs in DIR
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
clients="${CLIENTS:-64}" staff="${STAFF:-8}" duration="${DURATION:-60}" kill_after="${KILL_AFTER:-20}"

need=()
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing from apt: ${need[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
    echo "Building (Release)…"
    dotnet build src/CommunityService.Web -c Release -v q -nologo >/dev/null
    dotnet build tools/loadtest -c Release -v q -nologo >/dev/null
fi
dll="$root/src/CommunityService.Web/bin/Release/net10.0/CommunityService.Web.dll"
loadtest="$root/tools/loadtest/bin/Release/net10.0/loadtest.dll"

work="$(mktemp -d)"
app_pid="" app_wrapper="" load_pid=""
cleanup() {
    for pid in $load_pid $app_pid; do kill "$pid" 2>/dev/null || true; done
    for pid in $load_pid $app_wrapper; do wait "$pid" 2>/dev/null || true; done
    if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp -r "$work"/. "$KEEP"/ && echo "Kept the runs' files in $KEEP"; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
base="https://127.0.0.1:$port"

# start_app DIR: the portal on DIR/portal.db (demo data seeded when the file is new), waits until it is ready.
# The sign-in rate limit is per client address and every client here is 127.0.0.1, so it is raised for the test.
# The portal runs under a wrapper shell that waits for it, so its pid is the portal's own (for SIGKILL) and the
# shell's notice of the kill goes to the log.
start_app() {
    local dir="$1" started
    started="$(date +%s%3N)"
    rm -f "$dir/portal.pid"
    (
        cd src/CommunityService.Web
        export ASPNETCORE_ENVIRONMENT=Staging Demo__Seed=true Database__Provider=Sqlite \
            ConnectionStrings__CommunityService="Data Source=$dir/portal.db" \
            Kestrel__Certificates__Default__Path="$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$work/key.pem" \
            RateLimiting__SignInPerMinute=100000 Logging__LogLevel__Default=Warning
        dotnet "$dll" --urls "$base" &
        echo $! >"$dir/portal.pid"
        wait $!
    ) >>"$dir/portal.log" 2>&1 &
    app_wrapper=$!
    for _ in $(seq 1 50); do [ -s "$dir/portal.pid" ] && break; sleep 0.1; done
    app_pid="$(cat "$dir/portal.pid")"
    for _ in $(seq 1 360); do
        if curl -ksf "$base/health/ready" >/dev/null 2>&1; then
            echo "  the portal (pid $app_pid) is ready after $(( $(date +%s%3N) - started )) ms"
            return 0
        fi
        kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$dir/portal.log" >&2; echo "The portal did not start." >&2; exit 1; }
        sleep 0.5
    done
    tail -n 40 "$dir/portal.log" >&2; echo "The portal did not become ready." >&2; exit 1
}

# stop_app: SIGTERM, the way systemd stops it; the host finishes its requests and closes the database.
stop_app() {
    kill -TERM "$app_pid"
    wait "$app_wrapper" || true
    app_pid="" app_wrapper=""
}

# load RUN DIR: the load generator in the background; its pid in load_pid.
load() {
    dotnet "$loadtest" --base "$base" --cert "$work/cert.pem" --clients "$clients" --staff "$staff" --duration "$duration" \
        --run "$1" --journal "$2/journal.tsv" --stats "$2/stats.json" &
    load_pid=$!
}

status=0
stamp="$(date -u +%H%M%S)"

echo "== 1. Load: $clients clients for $duration s"
mkdir -p "$work/load"
start_app "$work/load"
load "load$stamp" "$work/load"
wait "$load_pid" || { echo "The load generator failed." >&2; exit 1; }
load_pid=""
stop_app
python3 tools/loadtest/verify.py --title "1. Load" --db "$work/load/portal.db" --journal "$work/load/journal.tsv" \
    --stats "$work/load/stats.json" || status=1

echo
echo "== 2. Crash: the same load, the portal killed (SIGKILL) after $kill_after s and started again"
mkdir -p "$work/crash"
start_app "$work/crash"
load "crash$stamp" "$work/crash"
sleep "$kill_after"
# In the middle of the load: a cold portal on a busy machine may need longer to get going, so the kill waits (up to
# 25 s more) until some writes have been acknowledged; otherwise the crash would prove nothing.
for _ in $(seq 1 50); do
    [ "$(wc -l 2>/dev/null <"$work/crash/journal.tsv" || echo 0)" -ge "${MIN_ACKED:-50}" ] && break
    sleep 0.5
done
kill -KILL "$app_pid"
killed_at="$(date +%s%3N)"
wait "$app_wrapper" 2>/dev/null || true
wal="$(stat -c %s "$work/crash/portal.db-wal" 2>/dev/null || echo 0)"
echo "  killed the portal (pid $app_pid, SIGKILL) at $(date -u +%T.%3N) UTC, $(wc -l <"$work/crash/journal.tsv") writes acknowledged," \
    "its write-ahead log holding $wal bytes; starting it again on the same database"
start_app "$work/crash"
wait "$load_pid" || { echo "The load generator failed." >&2; exit 1; }
load_pid=""
stop_app
python3 tools/loadtest/verify.py --title "2. Crash" --db "$work/crash/portal.db" --journal "$work/crash/journal.tsv" \
    --stats "$work/crash/stats.json" --killed-at "$killed_at" || status=1

# What the portal logged as failed (an unhandled exception is logged with its type on the next line).
if grep -qE "^(fail|crit):" "$work"/load/portal.log "$work"/crash/portal.log; then
    echo "The portal logged failures:"
    grep -h -A1 -E "^(fail|crit):" "$work"/load/portal.log "$work"/crash/portal.log | grep -vE "^(--|fail:|crit:)" \
        | cut -c1-220 | sort | uniq -c | sort -rn | head -n 10
fi
exit $status
