#!/usr/bin/env bash
# Two instances of the portal behind nginx (round robin, TLS at nginx) on one database, as a load-balanced
# installation runs them, published under the prefix /portal/ (Portal:PathBase; nginx passes the prefix through).
# Checks, through nginx:
#   1. a visitor signs in: the antiforgery token comes from one instance and the post lands on the other;
#   2. signed-in pages answer 200 from both instances (the cookie of one is accepted by the other, because the
#      Data Protection keys are in the database);
#   2b. an instance answers HEAD / with 200 and sends no Server header;
#   3. the forwarded scheme is believed (Secure cookies and antiforgery work although nginx talks HTTP to them);
#   4. staff withdraw a notice through one instance and the public board of BOTH instances drops it at once
#      (the output cache is in Redis, so the eviction reaches every instance);
#   5. `--backup PATH` copies the database while both serve, and a portal started on the copy works;
#   6. a resident signs up for a session, and every demo user (and a visitor) follows the links from the home page
#      (scripts/crawl.py) without leaving /portal/, without a 404 and without a 500;
#   7. (DATABASE=postgres) residents race through both instances at once for a session's last places
#      (scripts/race.py): exactly its capacity registered, everyone else waiting and told the numbers 1, 2, 3 … once
#      each, no sign-up lost; one with a place cancels and the one told number 1 gets it, the rest keep their order.
# DATABASE=postgres runs both instances on PostgreSQL (a throw-away cluster, scripts/postgres.sh) instead of one SQLite
# file; the backup of check 5 is then pg_dump and pg_restore.
# Used by scripts/test.sh (so by CI). Installs nginx, redis-server, openssl and curl from apt when missing.
# NO_REDIS=1 runs it with each instance's own in-memory cache: check 4 then fails, which shows what Redis is for.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing from apt: ${need[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
    # The packages start system services on install; this script runs its own copies.
    $sudo systemctl disable --now nginx redis-server >/dev/null 2>&1 || true
fi
source scripts/nginx.sh
postgres=0
if [ "${DATABASE:-sqlite}" = postgres ]; then
    postgres=1
    source scripts/postgres.sh
fi

if [ "${SKIP_BUILD:-}" != 1 ]; then
    echo "Building (Release)…"
    dotnet build src/CommunityService.Web -c Release -v q -nologo >/dev/null
fi
dll="$(pwd)/src/CommunityService.Web/bin/Release/net10.0/CommunityService.Web.dll"

work="$(mktemp -d)"
pids=()
cleanup() {
    nginx_stop "$work"
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
    if declare -F pg_stop >/dev/null; then pg_stop; fi
}
trap cleanup EXIT
fail() { echo "two instances: FAILED: $*" >&2; for log in "$work"/*.log; do echo "--- $log" >&2; tail -n 40 "$log" >&2; done; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port_a="$(free_port)"; port_b="$(free_port)"; port_lb="$(free_port)"; port_redis="$(free_port)"
prefix=/portal
base="https://127.0.0.1:$port_lb$prefix"

# One certificate for nginx's TLS, one PFX for the Data Protection keys: every instance needs the same PFX.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=CommunityService Data Protection" \
    -keyout "$work/dp.key" -out "$work/dp.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$work/dp.key" -in "$work/dp.crt" -out "$work/dp.pfx" -passout pass: 2>/dev/null

if [ $postgres = 1 ]; then
    export Database__Provider=PostgreSql ConnectionStrings__CommunityService="$CS_TEST_POSTGRES;Database=portal"
    # Check 7 registers a dozen residents from one address within a minute.
    export RateLimiting__SignInPerMinute=100
else
    export Database__Provider=Sqlite ConnectionStrings__CommunityService="Data Source=$work/portal.db"
fi
export ASPNETCORE_ENVIRONMENT=Staging \
    DataProtection__CertificatePath="$work/dp.pfx" Logging__LogLevel__Default=Warning \
    Portal__PathBase="$prefix" Portal__PublicBaseUrl="$base/"
cd src/CommunityService.Web

echo "Seeding the demo data once…"
Demo__Seed=true dotnet "$dll" --seed-only >"$work/seed.log" 2>&1 || fail "seeding"

if [ "${NO_REDIS:-}" != 1 ]; then
    redis-server --port "$port_redis" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
    pids+=($!)
    export OutputCache__Redis="127.0.0.1:$port_redis"
fi
for port in "$port_a" "$port_b"; do
    dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/instance-$port.log" 2>&1 &
    pids+=($!)
done
for port in "$port_a" "$port_b"; do
    for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port$prefix/health/ready" >/dev/null 2>&1 && break; sleep 1; done
    curl -sf "http://127.0.0.1:$port$prefix/health/ready" >/dev/null || fail "instance on $port did not become ready"
done

# An instance answers HEAD as GET without a body, and does not name its server (no "Server: Kestrel").
curl -sI "http://127.0.0.1:$port_a$prefix/" >"$work/head" || fail "HEAD $prefix/ on an instance"
head -n 1 "$work/head" | grep -q ' 200' || fail "HEAD $prefix/ answered $(head -n 1 "$work/head")"
! grep -qi '^server:' "$work/head" || fail "an instance sends $(grep -i '^server:' "$work/head")"
nginx_start "$work" "$port_lb" "$prefix" "$work/tls.crt" "$work/tls.key" "$port_a" "$port_b" || fail "nginx did not start"

# curl_lb JAR PATH [curl args…]: prints the status and the instance that answered; the body goes to $work/body.
curl_lb() {
    local jar="$1" path="$2"; shift 2
    curl -ks -b "$jar" -c "$jar" -o "$work/body" -D "$work/headers" -w '%{http_code}' "$@" "$base$path" >"$work/status" || true
    printf '%s %s\n' "$(cat "$work/status")" "$(grep -i '^x-upstream:' "$work/headers" | tr -d '\r' | awk '{print $2}')"
}
token() { grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' "$work/body" | head -n 1; }
seen=""

# 1. Sign in: the form from one instance, the post to the next (round robin alternates).
read -r code form_from < <(curl_lb "$work/staff" /account/login)
[ "$code" = 200 ] || fail "the sign-in form answered $code"
read -r code post_to < <(curl_lb "$work/staff" /account/login --data-urlencode "__RequestVerificationToken=$(token)" \
    --data-urlencode UserName=staff --data-urlencode Password=Demo@12345 --data-urlencode ReturnUrl=$prefix/projects)
[ "$code" = 302 ] || fail "signing in through nginx answered $code (form from $form_from, post to $post_to)"
[ "$(grep -i '^location:' "$work/headers" | tr -d '\r' | awk '{print $2}')" = "$prefix/projects" ] || fail "signing in did not return to $prefix/projects"
[ "$form_from" != "$post_to" ] || fail "the sign-in form and post reached the same instance ($form_from): round robin is not working"
echo "  sign-in: form from $form_from, accepted by $post_to"
grep -q '__Host-cs.auth' "$work/staff" || fail "no __Host- sign-in cookie: the forwarded scheme was not believed"

# 2. Signed-in pages from both instances.
for _ in 1 2 3 4; do
    read -r code from < <(curl_lb "$work/staff" /projects)
    [ "$code" = 200 ] || fail "/projects as staff answered $code from $from"
    seen="$seen $from"
done
[ "$(tr ' ' '\n' <<<"$seen" | sort -u | grep -c .)" = 2 ] || fail "requests did not reach both instances:$seen"
echo "  signed-in pages: 200 from$seen"

# 4. The public board of both instances drops a withdrawn notice at once.
read -r code _ < <(curl_lb /dev/null /notices)
[ "$code" = 200 ] || fail "/notices answered $code"
read -r notice title < <(grep -oP 'href="/portal/notices/\K[0-9]+">[^<]+' "$work/body" | head -n 1 | sed 's/">/ /')
[ -n "${notice:-}" ] || fail "no notice on the public board"
for _ in 1 2 3 4; do
    read -r code from < <(curl_lb /dev/null /notices)
    grep -qF "$title" "$work/body" || fail "notice $notice is missing from the board of $from before it is withdrawn"
done
read -r code _ < <(curl_lb "$work/staff" "/notices/$notice/manage")
[ "$code" = 200 ] || fail "the notice's manage page answered $code"
read -r code from < <(curl_lb "$work/staff" "/notices/$notice/withdraw" --data-urlencode "__RequestVerificationToken=$(token)")
[ "$code" = 302 ] || fail "withdrawing notice $notice answered $code"
echo "  notice $notice ($title) withdrawn through $from"
boards=""
for _ in 1 2 3 4; do
    read -r code from < <(curl_lb /dev/null /notices)
    [ "$code" = 200 ] || fail "/notices answered $code from $from"
    ! grep -qF "href=\"$prefix/notices/$notice\"" "$work/body" || fail "the board served by $from still shows the withdrawn notice $notice"
    boards="$boards $from"
done
echo "  public board without the notice from$boards"

read -r code from < <(curl_lb /dev/null /health/ready)
[ "$code" = 200 ] && grep -q Healthy "$work/body" || fail "/health/ready through nginx answered $code"

# 5. The documented online backup, taken while both instances serve, starts a working portal of its own.
port_c="$(free_port)"
if [ $postgres = 1 ]; then
    "$pg_bin/pg_dump" -h 127.0.0.1 -p "$pg_port" -U postgres -Fc -f "$work/portal.dump" portal >"$work/backup.log" 2>&1 || fail "pg_dump failed"
    pg_sql <<<"CREATE DATABASE restored" || fail "creating the database to restore into"
    "$pg_bin/pg_restore" -h 127.0.0.1 -p "$pg_port" -U postgres -d restored --no-owner "$work/portal.dump" >>"$work/backup.log" 2>&1 \
        || fail "pg_restore failed"
    restored="$CS_TEST_POSTGRES;Database=restored"
else
    dotnet "$dll" --backup "$work/backup/portal.db" >"$work/backup.log" 2>&1 || fail "the backup command failed"
    restored="Data Source=$work/backup/portal.db"
fi
ConnectionStrings__CommunityService="$restored" OutputCache__Redis="" \
    dotnet "$dll" --urls "http://127.0.0.1:$port_c" >"$work/instance-restored.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port_c$prefix/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "http://127.0.0.1:$port_c$prefix/notices" >"$work/body" || fail "a portal on the backup does not serve /notices"
! grep -qF "href=\"$prefix/notices/$notice\"" "$work/body" || fail "the backup does not have the notice withdrawn before it was taken"
echo "  backup taken while serving; a portal restored from it serves the board without notice $notice"
# 6. A visitor registers and signs up for a session under the prefix; every demo user follows the links without leaving it.
read -r code _ < <(curl_lb "$work/visitor" "/account/register?returnUrl=%2Fportal%2Fnotices%2F3%2Fsignup%3Fsession%3D1")
[ "$code" = 200 ] || fail "the registration form answered $code"
read -r code from < <(curl_lb "$work/visitor" /account/register --data-urlencode "__RequestVerificationToken=$(token)" \
    --data-urlencode UserName=gateway-visitor --data-urlencode "DisplayName=路径测试" --data-urlencode CommunityId=1 \
    --data-urlencode Password=Demo@12345 --data-urlencode ConfirmPassword=Demo@12345 \
    --data-urlencode "ReturnUrl=$prefix/notices/3/signup?session=1")
location="$(grep -i '^location:' "$work/headers" | tr -d '\r' | awk '{print $2}')"
[ "$code" = 302 ] && [ "$location" = "$prefix/notices/3/signup?session=1" ] || fail "registering answered $code, to '$location'"
read -r code _ < <(curl_lb "$work/visitor" "/notices/3/signup?session=1")
[ "$code" = 200 ] || fail "the sign-up form answered $code"
action="$(grep -oP '<form[^>]* action="\K/portal/notices/3/signup[^"]*' "$work/body" | head -n 1 | sed 's/&amp;/\&/g' || true)"
[ -n "$action" ] || fail "no sign-up form posting under $prefix/"
read -r code from < <(curl_lb "$work/visitor" "${action#$prefix}" --data-urlencode "__RequestVerificationToken=$(token)" \
    --data-urlencode "Name=路径测试" --data-urlencode Phone=13800000066)
location="$(grep -i '^location:' "$work/headers" | tr -d '\r' | awk '{print $2}')"
[ "$code" = 302 ] && [[ "$location" == $prefix/* ]] || fail "signing up answered $code, to '$location'"
echo "  registered and signed up under $prefix/ (accepted by $from, then $location)"
python3 ../../scripts/crawl.py "$base" "$prefix" - resident volunteer staff manager admin || fail "the crawl under $prefix/"

# 7. On PostgreSQL: residents race through both instances for the last places of a session, all at the same moment.
if [ $postgres = 1 ]; then
    session="$(pg_sql portal <<<"INSERT INTO \"Sessions\" (\"ProjectId\", \"Title\", \"Place\", \"StartsAt\", \"EndsAt\", \"Capacity\", \"PlacesTaken\", \"IsCancelled\", \"VolunteersNeeded\", \"CreatedAt\", \"Version\")
        SELECT \"ProjectId\", '最后三个名额', '活动室', now() + interval '3 days', now() + interval '3 days 2 hours', 3, 0, false, 0, now(), 0
        FROM \"Sessions\" WHERE \"Id\" = 1 RETURNING \"Id\"" | head -n 1)" || fail "adding a session with three places"
    python3 ../../scripts/race.py "$base" "$prefix" 3 "$session" 12 >"$work/race.out" || { cat "$work/race.out"; fail "the race for the last places"; }
    grep -v '^WAITING \|^CANCELLED ' "$work/race.out"
    read -r -a told < <(sed -n 's/^WAITING //p' "$work/race.out")
    cancelled="$(sed -n 's/^CANCELLED //p' "$work/race.out")"
    [ "${#told[@]}" = 9 ] || fail "the race left ${#told[@]} residents waiting (expected 9)"
    # After one with a place cancelled: the one told number 1 has the place, the rest wait in the order they were told.
    read -r registered waiting taken < <(pg_sql portal <<<"SELECT count(*) FILTER (WHERE \"Status\" = 'Registered'), count(*) FILTER (WHERE \"Status\" = 'Waiting'),
        (SELECT \"PlacesTaken\" FROM \"Sessions\" WHERE \"Id\" = $session) FROM \"SignUps\" WHERE \"SessionId\" = $session" | tr '|' ' ')
    [ "$registered" = 3 ] && [ "$waiting" = 8 ] && [ "$taken" = 3 ] \
        || fail "after the race and one cancellation: $registered registered, $waiting waiting, $taken places taken (expected 3, 8, 3)"
    promoted="$(pg_sql portal <<<"SELECT u.\"UserName\" FROM \"SignUps\" s JOIN \"AspNetUsers\" u ON u.\"Id\" = s.\"ResidentId\"
        WHERE s.\"SessionId\" = $session AND s.\"Status\" = 'Registered' AND s.\"PromotedAt\" IS NOT NULL")"
    [ "$promoted" = "${told[0]}" ] || fail "the place $cancelled freed went to '$promoted', not to ${told[0]} (told number 1)"
    order="$(pg_sql portal <<<"SELECT u.\"UserName\" FROM \"SignUps\" s JOIN \"AspNetUsers\" u ON u.\"Id\" = s.\"ResidentId\"
        WHERE s.\"SessionId\" = $session AND s.\"Status\" = 'Waiting' ORDER BY s.\"CreatedAt\", s.\"Id\"" | tr '\n' ' ')"
    [ "$order" = "${told[*]:1} " ] || fail "the waiting list is '$order', but the residents were told '${told[*]:1}'"
    echo "  12 residents raced through both instances for 3 places: 3 registered, 9 waiting as numbers 1-9;"
    echo "  $cancelled cancelled, $promoted (number 1) got the place, the other 8 wait in the order they were told"
fi

echo "two instances: all checks passed"
