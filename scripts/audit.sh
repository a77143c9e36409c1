#!/usr/bin/env bash
# Lighthouse audit of the public and resident pages (issues #5 and #8), in mobile emulation against Debian's Chromium.
#
# Builds Release, starts the portal in Staging (production settings: __Host- cookies, HSTS, error page) with demo data on
# a fresh SQLite file in a temp folder, over HTTPS on 127.0.0.1 with a throwaway self-signed certificate (the portal's
# cookies are Secure outside Development, so a sign-in needs HTTPS), signs in as the demo resident for the sign-up form,
# runs Lighthouse (performance, accessibility, best practices, SEO) on /, /notices, the notice of 青少年暑期托管 and its
# sign-up form, prints a table of scores, keeps the JSON and HTML reports under artifacts/audit/ (ignored by git) and
# rewrites the generated part of docs/audit.md.
#
#   RUNS=3       Lighthouse runs per page; the table shows the run with the median performance score.
#   PORT=5443    the port to serve on (default: a free one).
#   NO_DOCS=1    leave docs/audit.md alone.
#
# Lighthouse and axe-core come pinned from tools/audit/package-lock.json (npm ci); no tool downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
runs="${RUNS:-3}"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh-cn | grep -q . || need+=(fonts-noto-cjk fontconfig)
if [ ${#need[@]} -gt 0 ]; then
    echo "Installing from apt: ${need[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
bash scripts/audit-tools.sh

echo "Building (Release)…"
dotnet build src/CommunityService.Web -c Release -v q -nologo >/dev/null

work="$(mktemp -d)"
app_pid=""
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
port="${PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')}"
base="https://127.0.0.1:${port}"

echo "Starting the portal (Staging, demo data, fresh SQLite in $work) at $base"
(
    cd src/CommunityService.Web
    export ASPNETCORE_ENVIRONMENT=Staging Demo__Seed=true Database__Provider=Sqlite \
        ConnectionStrings__CommunityService="Data Source=$work/portal.db" \
        Kestrel__Certificates__Default__Path="$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$work/key.pem" \
        Logging__LogLevel__Default=Warning
    exec dotnet bin/Release/net10.0/CommunityService.Web.dll --urls "$base"
) >"$work/portal.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
    curl -ksf "$base/health/ready" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/portal.log" >&2; echo "The portal did not start." >&2; exit 1; }
    sleep 1
done
curl -ksf "$base/health/ready" >/dev/null || { cat "$work/portal.log" >&2; echo "The portal did not become ready." >&2; exit 1; }

# The notice of 青少年暑期托管 and its first open session, found the way a visitor finds them.
board="$(curl -ksf "$base/notices?q=$(node -e 'console.log(encodeURIComponent("青少年暑期托管"))')")"
notice="$(grep -oP 'href="/notices/\K[0-9]+(?=">青少年暑期托管)' <<<"$board" | head -n 1)"
[ -n "$notice" ] || { echo "The notice of 青少年暑期托管 is not on the board." >&2; exit 1; }
session="$(curl -ksf "$base/notices/$notice" | grep -oP "href=\"/notices/$notice/signup\\?session=\\K[0-9]+" | head -n 1)"
[ -n "$session" ] || { echo "Notice $notice offers no open session." >&2; exit 1; }

# Sign in as the demo resident by posting the login form with its antiforgery token; Lighthouse sends the cookie.
jar="$work/cookies.txt"
token="$(curl -ksf -c "$jar" "$base/account/login" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -n 1)"
curl -ksf -b "$jar" -c "$jar" -o /dev/null "$base/account/login" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "UserName=resident" \
    --data-urlencode "Password=Demo@12345" --data-urlencode "ReturnUrl=/"
auth="$(awk -F'\t' '$6 ~ /cs\.auth$/ { print $6 "=" $7 }' "$jar")"
[ -n "$auth" ] || { echo "Signing in as resident failed." >&2; exit 1; }
signup="/notices/$notice/signup?session=$session"
code="$(curl -ks -o /dev/null -w '%{http_code}' -H "Cookie: $auth" "$base$signup")"
[ "$code" = 200 ] || { echo "The sign-up form answered $code for the resident." >&2; exit 1; }

out="$root/artifacts/audit"
rm -rf "$out"; mkdir -p "$out"
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --ignore-certificate-errors"
# name | path | Cookie header ("" = anonymous)
pages=(
    "home|/|"
    "notices|/notices|"
    "notice|/notices/$notice|"
    "signup|$signup|$auth"
    "notice-large|/notices/$notice|cs.display=large"
    "signup-large|$signup|$auth; cs.display=large"
)
lighthouse="$root/tools/audit/node_modules/.bin/lighthouse"
for entry in "${pages[@]}"; do
    IFS='|' read -r name path cookie <<<"$entry"
    for run in $(seq 1 "$runs"); do
        echo "Lighthouse $name ($path), run $run of $runs"
        args=("$base$path" --quiet --form-factor=mobile --throttling-method=simulate
              --only-categories=performance,accessibility,best-practices,seo
              --output=json --output=html --output-path="$out/$name-$run" "--chrome-flags=$flags")
        [ -z "$cookie" ] || args+=("--extra-headers={\"Cookie\":\"$cookie\"}")
        "$lighthouse" "${args[@]}" >"$out/$name-$run.log" 2>&1 || { cat "$out/$name-$run.log" >&2; exit 1; }
    done
done

chromium_version="$("$CHROME_PATH" --version 2>/dev/null | head -n 1)"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src 2>/dev/null || echo "+changes")"
NO_DOCS="${NO_DOCS:-}" node tools/audit/summarize.mjs "$out" "$runs" "$chromium_version" "$commit" "$base"
