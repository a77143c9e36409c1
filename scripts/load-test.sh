#!/usr/bin/env bash
# Load and crash test of the portal: on SQLite (issue #9), or on PostgreSQL with two instances behind nginx (issue #18).
# Not part of CI: it takes about 3 minutes and both cores.
#
# Builds Release (the portal and tools/loadtest, which is not in CommunityService.sln) and runs twice, each time on a
# fresh database with demo data, the portal in Staging (the production pipeline: error page, HSTS, __Host- cookies)
# over HTTPS on 127.0.0.1 with a throwaway self-signed certificate, as separate processes from bin/Release:
#   1. Load: 64 clients for 60 s (8 staff adding service records, 56 residents registering and signing up to the
#      day-care sessions, everyone reading pages in between); then the portal is stopped cleanly.
#   2. Crash: the same load; after 20 s the portal is killed with SIGKILL in the middle of it and started again on the
#      same database; the clients go on against the restarted portal until the 60 s are over.
# After each run tools/loadtest/verify.py checks the database: PRAGMA integrity_check is ok (SQLite), every write
# acknowledged by its success redirect (journaled by the client at once) is there, records are not doubled, sessions
# count their places right, and no answer was a 5xx. Prints a table per run; exits 1 when a check fails.
#
#   CLIENTS=64 STAFF=8 DURATION=60 KILL_AFTER=20   the load and when the crash comes (not before MIN_ACKED=50
#                                                  writes are acknowledged, waiting up to 25 s more for them)
#   DATABASE=postgres                              the same two runs on PostgreSQL (a throw-away cluster with its
#                                                  durable defaults: PG_DURABLE=1 scripts/postgres.sh) with TWO instances
#                                                  behind nginx (TLS at nginx, round robin, the output cache in Redis, as
#                                                  scripts/two-instances.sh sets them up); the crash kills instance a
#                                                  with SIGKILL while b goes on serving, then starts a again. An nginx
#                                                  502/504 (the killed instance did not answer) counts as no answer, as
#                                                  a reset connection does on SQLite; the portal's own 5xx still fail.
#   SKIP_BUILD=1                                   use the Release builds already there
#   KEEP=DIR                                       keep databases, journals, figures and logs in DIR
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
clients="${CLIENTS:-64}" staff="${STAFF:-8}" duration="${DURATION:-60}" kill_after="${KILL_AFTER:-20}"
postgres=0
[ "${DATABASE:-sqlite}" = postgres ] && postgres=1

need=()
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ $postgres = 1 ]; then
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
    command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
fi
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing from apt: ${need[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
    # The packages start system services on install; this script runs its own copies.
    $sudo systemctl disable --now nginx redis-server >/dev/null 2>&1 || true
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
    echo "Building (Release)…"
    dotnet build src/CommunityService.Web -c Release -v q -nologo >/dev/null
    dotnet build tools/loadtest -c Release -v q -nologo >/dev/null
fi
dll="$root/src/CommunityService.Web/bin/Release/net10.0/CommunityService.Web.dll"
loadtest="$root/tools/loadtest/bin/Release/net10.0/loadtest.dll"

if [ $postgres = 1 ]; then
    PG_DURABLE=1 source scripts/postgres.sh
fi
work="$(mktemp -d)"
app_pid="" app_wrapper="" load_pid="" redis_pid=""
declare -A pids=() wrappers=()
cleanup() {
    for pid in $load_pid $app_pid "${pids[@]}" $redis_pid; do kill "$pid" 2>/dev/null || true; done
    for pid in $load_pid $app_wrapper "${wrappers[@]}"; do wait "$pid" 2>/dev/null || true; done
    if declare -F nginx_stop >/dev/null; then nginx_stop "$work"; fi
    if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp -r "$work"/. "$KEEP"/ && echo "Kept the runs' files in $KEEP"; fi
    rm -rf "$work"
    if declare -F pg_stop >/dev/null; then pg_stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port="$(free_port)"
base="https://127.0.0.1:$port"

# start_app DIR [NAME PORT]: the portal on DIR's database, waits until it is ready; app_pid and app_wrapper are its own.
# The sign-in rate limit is per client address and every client here is 127.0.0.1, so it is raised for the test.
# The portal runs under a wrapper shell that waits for it, so its pid is the portal's own (for SIGKILL) and the
# shell's notice of the kill goes to the log. On SQLite it serves HTTPS itself on $base (and seeds the demo data into a
# new file); on PostgreSQL it is instance NAME behind nginx, serving HTTP on PORT.
start_app() {
    local dir="$1" name="${2:-portal}" started url="$base"
    [ $postgres = 1 ] && url="http://127.0.0.1:$3"
    started="$(date +%s%3N)"
    rm -f "$dir/$name.pid"
    (
        cd src/CommunityService.Web
        export ASPNETCORE_ENVIRONMENT=Staging RateLimiting__SignInPerMinute=100000 Logging__LogLevel__Default=Warning
        if [ $postgres = 1 ]; then
            export Database__Provider=PostgreSql ConnectionStrings__CommunityService="$CS_TEST_POSTGRES;Database=$(basename "$dir")" \
                DataProtection__CertificatePath="$work/dp.pfx" OutputCache__Redis="127.0.0.1:$port_redis" Portal__PublicBaseUrl="$base/"
        else
            export Demo__Seed=true Database__Provider=Sqlite ConnectionStrings__CommunityService="Data Source=$dir/portal.db" \
                Kestrel__Certificates__Default__Path="$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$work/key.pem"
        fi
        dotnet "$dll" --urls "$url" &
        echo $! >"$dir/$name.pid"
        wait $!
    ) >>"$dir/$name.log" 2>&1 &
    app_wrapper=$!
    for _ in $(seq 1 50); do [ -s "$dir/$name.pid" ] && break; sleep 0.1; done
    app_pid="$(cat "$dir/$name.pid")"
    for _ in $(seq 1 360); do
        if curl -ksf "$url/health/ready" >/dev/null 2>&1; then
            echo "  the portal${2:+ (instance $name)}, pid $app_pid, is ready after $(( $(date +%s%3N) - started )) ms"
            return 0
        fi
        kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$dir/$name.log" >&2; echo "The portal did not start." >&2; exit 1; }
        sleep 0.5
    done
    tail -n 40 "$dir/$name.log" >&2; echo "The portal did not become ready." >&2; exit 1
}

if [ $postgres = 1 ]; then
    # As scripts/two-instances.sh: one PFX for the Data Protection keys of both instances, the output cache in Redis.
    port_a="$(free_port)"; port_b="$(free_port)"; port_redis="$(free_port)"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=CommunityService Data Protection" \
        -keyout "$work/dp.key" -out "$work/dp.crt" 2>/dev/null
    openssl pkcs12 -export -inkey "$work/dp.key" -in "$work/dp.crt" -out "$work/dp.pfx" -passout pass: 2>/dev/null
    redis-server --port "$port_redis" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
    redis_pid=$!
    source scripts/nginx.sh
    nginx_start "$work" "$port" "" "$work/cert.pem" "$work/key.pem" "$port_a" "$port_b" || { echo "nginx did not start." >&2; exit 1; }
fi

# start_all DIR: on SQLite the portal; on PostgreSQL the demo data seeded into a new database (once, before any instance
# starts), then both instances.
start_all() {
    if [ $postgres = 0 ]; then
        start_app "$1"
        return
    fi
    (cd src/CommunityService.Web && ASPNETCORE_ENVIRONMENT=Staging DataProtection__CertificatePath="$work/dp.pfx" \
        Database__Provider=PostgreSql Demo__Seed=true ConnectionStrings__CommunityService="$CS_TEST_POSTGRES;Database=$(basename "$1")" dotnet "$dll" --seed-only) \
        >"$1/seed.log" 2>&1 || { tail -n 40 "$1/seed.log" >&2; echo "Seeding failed." >&2; exit 1; }
    start_app "$1" a "$port_a"; pids[a]=$app_pid; wrappers[a]=$app_wrapper
    start_app "$1" b "$port_b"; pids[b]=$app_pid; wrappers[b]=$app_wrapper
}

# stop_all: SIGTERM, the way systemd stops the portal; the host finishes its requests and closes the database.
stop_all() {
    if [ $postgres = 0 ]; then
        kill -TERM "$app_pid"
        wait "$app_wrapper" || true
    else
        kill -TERM "${pids[a]}" "${pids[b]}"
        wait "${wrappers[a]}" "${wrappers[b]}" || true
        pids=() wrappers=()
        # The next run has a database of its own: nothing cached from this one may be served.
        redis-cli -p "$port_redis" flushall >/dev/null 2>&1 || true
    fi
    app_pid="" app_wrapper=""
}

# load RUN DIR: the load generator in the background; its pid in load_pid.
load() {
    dotnet "$loadtest" --base "$base" --cert "$work/cert.pem" --clients "$clients" --staff "$staff" --duration "$duration" \
        --run "$1" --journal "$2/journal.tsv" --stats "$2/stats.json" --gateway "$([ $postgres = 1 ] && echo yes || echo no)" &
    load_pid=$!
}

# verify TITLE DIR [more arguments]: tools/loadtest/verify.py against DIR's database.
verify() {
    local title="$1" dir="$2" database=()
    shift 2
    if [ $postgres = 1 ]; then
        database=(--psql "$pg_bin/psql -h 127.0.0.1 -p $pg_port -U postgres -d $(basename "$dir")")
    else
        database=(--db "$dir/portal.db")
    fi
    python3 tools/loadtest/verify.py --title "$title" "${database[@]}" --journal "$dir/journal.tsv" --stats "$dir/stats.json" "$@"
}

status=0
stamp="$(date -u +%H%M%S)"
target="the portal on SQLite"
[ $postgres = 1 ] && target="two instances on PostgreSQL behind nginx"

echo "== 1. Load: $clients clients for $duration s against $target"
mkdir -p "$work/load"
start_all "$work/load"
load "load$stamp" "$work/load"
wait "$load_pid" || { echo "The load generator failed." >&2; exit 1; }
load_pid=""
stop_all
verify "1. Load" "$work/load" || status=1

echo
if [ $postgres = 1 ]; then
    echo "== 2. Crash: the same load, instance a killed (SIGKILL) after $kill_after s while b serves on, then started again"
else
    echo "== 2. Crash: the same load, the portal killed (SIGKILL) after $kill_after s and started again"
fi
mkdir -p "$work/crash"
start_all "$work/crash"
load "crash$stamp" "$work/crash"
sleep "$kill_after"
# In the middle of the load: a cold portal on a busy machine may need longer to get going, so the kill waits (up to
# 25 s more) until some writes have been acknowledged; otherwise the crash would prove nothing.
for _ in $(seq 1 50); do
    [ "$(wc -l 2>/dev/null <"$work/crash/journal.tsv" || echo 0)" -ge "${MIN_ACKED:-50}" ] && break
    sleep 0.5
done
if [ $postgres = 1 ]; then
    kill -KILL "${pids[a]}"
    killed_at="$(date +%s%3N)"
    wait "${wrappers[a]}" 2>/dev/null || true
    echo "  killed instance a (pid ${pids[a]}, SIGKILL) at $(date -u +%T.%3N) UTC, $(wc -l <"$work/crash/journal.tsv") writes" \
        "acknowledged; b serves on; starting a again"
    start_app "$work/crash" a "$port_a"
    pids[a]=$app_pid wrappers[a]=$app_wrapper
else
    kill -KILL "$app_pid"
    killed_at="$(date +%s%3N)"
    wait "$app_wrapper" 2>/dev/null || true
    wal="$(stat -c %s "$work/crash/portal.db-wal" 2>/dev/null || echo 0)"
    echo "  killed the portal (pid $app_pid, SIGKILL) at $(date -u +%T.%3N) UTC, $(wc -l <"$work/crash/journal.tsv") writes acknowledged," \
        "its write-ahead log holding $wal bytes; starting it again on the same database"
    start_app "$work/crash"
fi
wait "$load_pid" || { echo "The load generator failed." >&2; exit 1; }
load_pid=""
stop_all
verify "2. Crash" "$work/crash" --killed-at "$killed_at" || status=1

# What the portal logged as failed (an unhandled exception is logged with its type on the next line).
logs=("$work"/load/*.log "$work"/crash/*.log)
if grep -qE "^(fail|crit):" "${logs[@]}"; then
    echo "The portal logged failures:"
    grep -h -A1 -E "^(fail|crit):" "${logs[@]}" | grep -vE "^(--|fail:|crit:)" \
        | cut -c1-220 | sort | uniq -c | sort -rn | head -n 10
fi
exit $status
