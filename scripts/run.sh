#!/usr/bin/env bash
# Runs the portal on SQLite with demo data (Development), at http://localhost:5080 unless PORT says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }
port="${PORT:-5080}"
dotnet build src/CommunityService.Web -c Release -v q -nologo
echo
echo "  CommunityService portal: http://localhost:${port}"
echo "  Demo accounts (password Demo@12345): admin, manager, staff, resident, volunteer"
echo
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/CommunityService.Web -c Release --no-build --no-launch-profile -- --urls "http://0.0.0.0:${port}" --seed-demo
