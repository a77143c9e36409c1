#!/usr/bin/env bash
# Seeds 100,000 service records (with ratings, sessions and waiting lists in proportion) into a fresh copy of the demo
# database through EF, then times /dashboard, its filters and the export, and checks the SQL command count did not grow.
set -euo pipefail
cd "$(dirname "$0")/.."
DASHBOARD_BENCH=1 dotnet test tests/CommunityService.IntegrationTests --nologo \
    --filter "FullyQualifiedName~DashboardBenchmark" --logger "console;verbosity=detailed"
