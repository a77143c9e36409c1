#!/usr/bin/env bash
# Installs the pinned audit tools (Lighthouse, axe-core) from tools/audit/package-lock.json into tools/audit/node_modules,
# unless that install is already current. Used by scripts/audit.sh and scripts/test.sh (the browser tests load axe-core).
# No browser is downloaded: both tools run against Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/../tools/audit"
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# npm writes node_modules/.package-lock.json on install; when it is newer than the lock file the install is current.
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
    && [ -f node_modules/axe-core/axe.min.js ] && [ -x node_modules/.bin/lighthouse ]; then
    exit 0
fi
echo "Installing the audit tools (npm ci in tools/audit)…"
npm ci --no-audit --no-fund --loglevel=error
