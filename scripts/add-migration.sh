#!/usr/bin/env bash
# Adds one migration, with the same name, to the three providers' migrations assemblies (SQLite, SQL Server, PostgreSQL).
# The model comes from the web host (the runtime model), with the provider chosen by configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"
dotnet tool restore >/dev/null
dotnet build src/CommunityService.Web -v q -nologo
dotnet ef migrations add "$name" --no-build \
    --project src/CommunityService.Migrations.Sqlite --startup-project src/CommunityService.Web \
    --output-dir Migrations -- --Database:Provider=Sqlite
dotnet ef migrations add "$name" --no-build \
    --project src/CommunityService.Migrations.SqlServer --startup-project src/CommunityService.Web \
    --output-dir Migrations -- --Database:Provider=SqlServer \
    "--ConnectionStrings:CommunityService=Server=localhost;Database=CommunityService;Integrated Security=true;TrustServerCertificate=true"
dotnet ef migrations add "$name" --no-build \
    --project src/CommunityService.Migrations.PostgreSql --startup-project src/CommunityService.Web \
    --output-dir Migrations -- --Database:Provider=PostgreSql \
    "--ConnectionStrings:CommunityService=Host=localhost;Database=communityservice"
