#!/usr/bin/env bash
# Benchmark of the portal's main pages against a TechEmpower "fortunes" baseline (issue #8). See docs/benchmarks.md.
#
#   scripts/bench.sh [small|large|both]      (default: both)
#
# For each size: builds Release with the bench parts (-p:Bench=true: the /fortunes baseline, the X-Sql-Commands header,
# the --seed-bench command), seeds a fresh SQLite file from a fixed random seed through the app's own seeding command
# (which ends with ANALYZE), starts the portal in Production over HTTPS on 127.0.0.1 with throwaway certificates, signs
# in with curl, and loads each page with wrk: the server pinned to one core, wrk to another (taskset), each page
# alternated with the baseline ROUNDS times, each run WARMUP seconds unmeasured then DURATION seconds measured.
# Prints one table per size (and writes it to artifacts/bench/<size>.md), then the targets.
#
#   SEED=42 WARMUP=5 DURATION=15 ROUNDS=3    defaults
#   CONNECTIONS=16   wrk connections for the reads; the sign-up row always uses 8 writers
#   SERVER_CPU=1 CLIENT_CPU=0                the cores to pin to
#   ONLY="fortunes,notices"                  only rows whose name contains one of these words (for development)
#   DATABASE=postgres                        the portal and the baseline on PostgreSQL (a throw-away cluster,
#                                            scripts/postgres.sh, pinned to the server's core) instead of SQLite;
#                                            tables go to <size>-postgres.md
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
sizes="${1:-both}"
case "$sizes" in
    small | large) ;;
    both) sizes="small large" ;;
    *) echo "usage: scripts/bench.sh [small|large|both]" >&2; exit 2 ;;
esac
seed="${SEED:-42}"; warmup="${WARMUP:-5}"; duration="${DURATION:-15}"; rounds="${ROUNDS:-3}"
connections="${CONNECTIONS:-16}"; server_cpu="${SERVER_CPU:-1}"; client_cpu="${CLIENT_CPU:-0}"; only="${ONLY:-}"

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v taskset >/dev/null 2>&1 || need+=(util-linux)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing from apt: ${need[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }
if [ "$(nproc)" -lt 2 ]; then server_cpu=0; client_cpu=0; echo "Only one core: server and wrk share it." >&2; fi

app="$root/artifacts/bench/app"
out="$root/artifacts/bench"
mkdir -p "$out"
echo "Building (Release, -p:Bench=true) into $app…"
dotnet build src/CommunityService.Web -c Release -p:Bench=true -o "$app" -nologo -v q >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }

work="$(mktemp -d)"
app_pid=""
stop_app() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi
}
cleanup() {
    # wrk runs in the foreground and dies with the script; the portal is ours to stop.
    stop_app
    rm -rf "$work"
    if declare -F pg_stop >/dev/null; then pg_stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
# The Data Protection keys are encrypted with a certificate outside the database (Production refuses to start without).
openssl pkcs12 -export -in "$work/cert.pem" -inkey "$work/key.pem" -out "$work/keyring.pfx" -passout pass: 2>/dev/null
port="${PORT:-5471}"
base="https://127.0.0.1:$port"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src tools scripts 2>/dev/null || echo "+changes")"

if [ "${DATABASE:-sqlite}" = postgres ]; then
    source scripts/postgres.sh
    # The database server shares the portal's core, as SQLite does in-process: every process of the cluster, and the
    # backends it forks later, run there (wrk keeps the other core to itself).
    taskset -a -p -c "$server_cpu" "$(head -n 1 "$pg_dir/data/postmaster.pid")" >/dev/null
    provider=PostgreSQL
    db_env=(Database__Provider=PostgreSql "ConnectionStrings__CommunityService=$CS_TEST_POSTGRES;Database=bench")
    fresh_database() { pg_sql <<<'DROP DATABASE IF EXISTS bench WITH (FORCE)'; }
else
    provider=SQLite
    db_env=(Database__Provider=Sqlite "ConnectionStrings__CommunityService=Data Source=$work/portal.db")
    fresh_database() { rm -f "$work"/portal.db*; }
fi

portal_env() {
    env ASPNETCORE_ENVIRONMENT="$1" "${db_env[@]}" \
        DataProtection__CertificatePath="$work/keyring.pfx" Database__MigrateOnStartup=true \
        Kestrel__Certificates__Default__Path="$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$work/key.pem" \
        RateLimiting__SignInPerMinute=1000000 Logging__LogLevel__Default=Warning Logging__LogLevel__CommunityService.Web.Bench=Information \
        "${@:2}"
}

# Signs a user in; prints the Cookie header (authentication and antiforgery cookies).
signin() {
    local jar="$work/jar-$1" token
    rm -f "$jar"
    token="$(curl -ksf -c "$jar" "$base/account/login" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -n 1)"
    curl -ksf -b "$jar" -c "$jar" -o /dev/null "$base/account/login" \
        --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "UserName=$1" \
        --data-urlencode "Password=Demo@12345" --data-urlencode "ReturnUrl=/"
    awk -F'\t' '$6 ~ /cs\.(auth|af)$/ { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar"
}

# Signs the residents of the sign-up row in; writes "<Cookie header>\t<antiforgery token>" lines to $work/signers.txt.
# Called before each sign-up round: a sign-in cookie older than a minute makes the portal re-check the account on every
# request and send a renewed cookie, which a browser keeps but wrk cannot match to its resident. Fresh cookies keep
# that once-a-minute check out of the measured seconds, as it is for a resident who signs up.
sign_in_signers() {
    local i cookie token
    : >"$work/signers.txt"
    for ((i = 0; i < SIGNERS; i++)); do
        cookie="$(signin "$SIGNER_PREFIX$i")"
        token="$(curl -ksf -H "Cookie: $cookie" "$base/notices/$first_notice/signup?session=$first_session" \
            | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -n 1)"
        [ -n "$token" ] || { echo "No sign-up form for $SIGNER_PREFIX$i." >&2; exit 1; }
        printf '%s\t%s\n' "$cookie" "$token" >>"$work/signers.txt"
    done
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# One wrk run: prints "rps p50 p95 p99 requests non2xx socketerrors".
wrk_run() {
    local seconds="$1"; shift
    taskset -c "$client_cpu" wrk -t1 -d"${seconds}s" --timeout 10s --latency "$@" | awk '/^BENCH / { $1 = ""; print substr($0, 2) }'
}

# The measure function runs in a pipeline (a subshell): the sign-up offset lives in a file.
echo 0 >"$work/signup-offset"
# measure NAME KIND(get|signup) PATH [wrk header args…]: alternates the page with the baseline; prints a table row.
measure() {
    local name="$1" kind="$2" path="$3"; shift 3
    if [ -n "$only" ] && ! grep -qE "$(tr ',' '|' <<<"$only")" <<<"$name"; then return; fi
    local headers=("$@") results=() ratios=() base_result page_result
    # SQL commands and HTML bytes from one fetch with curl (after a first one that warms a cache).
    local sql="-" bytes="-"
    if [ "$kind" = get ]; then
        local curl_headers=()
        for ((i = 1; i < ${#headers[@]}; i += 2)); do curl_headers+=(-H "${headers[$i]}"); done
        curl -ks -o /dev/null -D "$work/headers" "${curl_headers[@]}" "$base$path"
        # A sign-in cookie older than a minute comes back renewed (the account re-check): use the new one from here on.
        local renewed; renewed="$(grep -ioP '^set-cookie: __Host-cs\.auth=\K[^;]+' "$work/headers" | head -n 1 || true)"
        if [ -n "$renewed" ]; then
            for ((i = 0; i < ${#headers[@]}; i++)); do headers[i]="$(sed -E "s/__Host-cs\.auth=[^;]*/__Host-cs.auth=$renewed/" <<<"${headers[i]}")"; done
            curl_headers=()
            for ((i = 1; i < ${#headers[@]}; i += 2)); do curl_headers+=(-H "${headers[$i]}"); done
        fi
        bytes="$(curl -ks -D "$work/headers" -o "$work/body" -w '%{size_download}' "${curl_headers[@]}" "$base$path")"
        sql="$(awk 'tolower($1) == "x-sql-commands:" { print $2 + 0 }' "$work/headers")"
        local code; code="$(awk 'NR == 1 { print $2 }' "$work/headers")"
        [ "$code" = 200 ] || { echo "$name ($path) answered $code" >&2; exit 1; }
    fi
    for ((round = 1; round <= rounds; round++)); do
        wrk_run "$warmup" -c"$connections" -s tools/bench/report.lua "$base/fortunes" >/dev/null
        base_result="$(wrk_run "$duration" -c"$connections" -s tools/bench/report.lua "$base/fortunes")"
        if [ "$kind" = signup ]; then
            echo "  signing in $SIGNERS residents…" >&2
            sign_in_signers
            for seconds in "$warmup" "$duration"; do
                local signup_offset; signup_offset="$(cat "$work/signup-offset")"
                page_result="$(BENCH_OFFSET=$signup_offset BENCH_SIGNERS="$work/signers.txt" BENCH_TARGETS="$work/targets.txt" \
                    wrk_run "$seconds" -c8 -s tools/bench/signup.lua "$base/")"
                # Requests in flight when wrk stops are not counted but may have been sent: skip past them too.
                echo $((signup_offset + $(awk '{ print $5 }' <<<"$page_result") + 64)) >"$work/signup-offset"
            done
        else
            wrk_run "$warmup" -c"$connections" -s tools/bench/report.lua "${headers[@]}" "$base$path" >/dev/null
            page_result="$(wrk_run "$duration" -c"$connections" -s tools/bench/report.lua "${headers[@]}" "$base$path")"
        fi
        results+=("$page_result")
        ratios+=("$(awk -v p="${page_result%% *}" -v b="${base_result%% *}" 'BEGIN { printf "%.3f", (b > 0 ? p / b : 0) }')")
        echo "  $name round $round: $page_result | baseline $base_result" >&2
    done
    local rps p50 p95 p99 errors ratio
    rps="$(printf '%s\n' "${results[@]}" | awk '{ print $1 }' | median)"
    p50="$(printf '%s\n' "${results[@]}" | awk '{ print $2 }' | median)"
    p95="$(printf '%s\n' "${results[@]}" | awk '{ print $3 }' | median)"
    p99="$(printf '%s\n' "${results[@]}" | awk '{ print $4 }' | median)"
    errors="$(printf '%s\n' "${results[@]}" | awk '{ s += $6 + $7 } END { print s + 0 }')"
    ratio="$(printf '%s\n' "${ratios[@]}" | median)"
    printf '| %s | %.0f | %.1f | %.1f | %.1f | %.2f | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p95" "$p99" "$ratio" "$sql" "$bytes" "$errors"
}

for size in $sizes; do
    echo "== $size =="
    fresh_database
    echo "Seeding '$size' (seed $seed) through the app's --seed-bench command…"
    ( cd "$app" && portal_env Staging dotnet CommunityService.Web.dll --seed-bench "$size" --seed "$seed" --bench-out "$work" ) \
        >"$out/seed-$size.log" 2>&1 || { cat "$out/seed-$size.log" >&2; exit 1; }
    grep -E "Seeded|seeded" "$out/seed-$size.log" | sed 's/^ */  /' || true
    # shellcheck disable=SC1091
    . "$work/bench.env"

    echo "Starting the portal (Production, $base) on core $server_cpu…"
    (
        # The content root is the project folder, as in scripts/audit.sh: wwwroot is there (asp-append-version hashes its files).
        cd src/CommunityService.Web
        exec taskset -c "$server_cpu" env ASPNETCORE_ENVIRONMENT=Production "${db_env[@]}" DataProtection__CertificatePath="$work/keyring.pfx" \
            Kestrel__Certificates__Default__Path="$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$work/key.pem" \
            RateLimiting__SignInPerMinute=1000000 Logging__LogLevel__Default=Warning \
            dotnet "$app/CommunityService.Web.dll" --urls "$base"
    ) >"$out/portal-$size.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 120); do
        curl -ksf "$base/health/ready" >/dev/null 2>&1 && break
        kill -0 "$app_pid" 2>/dev/null || { cat "$out/portal-$size.log" >&2; echo "The portal did not start." >&2; exit 1; }
        sleep 1
    done
    code="$(curl -ks -o /dev/null -w '%{http_code}' "$base/fortunes")"
    [ "$code" = 200 ] || { echo "/fortunes answered $code: not a bench build?" >&2; exit 1; }

    staff="$(signin staff)"; manager="$(signin manager)"
    [ -n "$staff" ] && [ -n "$manager" ] || { echo "Signing in as staff or manager failed." >&2; exit 1; }
    read -r first_notice first_session <"$work/signup-targets.txt"
    cp "$work/signup-targets.txt" "$work/targets.txt"

    pairs=$((SIGNERS * SIGNUP_TARGETS))
    table="$out/$size.md"
    [ "$provider" = SQLite ] || table="$out/$size-postgres.md"
    {
        echo "Size **$size** (seed $seed) on $provider, commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, server on core $server_cpu, wrk on core $client_cpu;"
        echo "${rounds} rounds of ${warmup} s warm-up + ${duration} s measured, $connections connections (sign-up: 8). Medians of the rounds."
        echo
        echo "| page | requests/s | p50 ms | p95 ms | p99 ms | ratio to baseline | SQL commands | HTML bytes | errors |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    } >"$table"
    uncached=(-H "Authorization: Bench")
    {
        measure "baseline: /fortunes" get "/fortunes"
        measure "/ (cached)" get "/"
        measure "/ (uncached)" get "/" "${uncached[@]}"
        measure "/notices (cached)" get "/notices"
        measure "/notices (uncached)" get "/notices" "${uncached[@]}"
        measure "notice page (cached)" get "/notices/$NOTICE_ID"
        measure "notice page (uncached)" get "/notices/$NOTICE_ID" "${uncached[@]}"
        measure "/projects, staff" get "/projects" -H "Cookie: $staff"
        measure "/projects?page=$PROJECT_PAGES (last), staff" get "/projects?page=$PROJECT_PAGES" -H "Cookie: $staff"
        measure "/dashboard, manager" get "/dashboard" -H "Cookie: $manager"
        measure "survey results (10,000 responses), staff" get "/surveys/$SURVEY_ID/results" -H "Cookie: $staff"
        measure "POST sign-up, 8 writers" signup "/notices/$first_notice/signup"
    } | tee -a "$table"
    echo >>"$table"
    used="$(cat "$work/signup-offset")"; echo 0 >"$work/signup-offset"
    echo "Sign-up pairs (resident, session) available: $pairs; used: $used (incl. warm-ups and slack)." | tee -a "$table"
    [ "$used" -le "$pairs" ] || echo "WARNING: more sign-ups than pairs: later ones repeat a pair and fail (409)." | tee -a "$table"
    stop_app
done

echo
echo "Tables: ${sizes// /, } in $out/*.md"
