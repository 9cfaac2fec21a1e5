#!/usr/bin/env bash
# Runs CollectifLive on one machine: the web app with its co-hosted Orleans silo, storing everything in one SQLite
# file (.data/collectiflive.db) that is synced to disk before any change is acknowledged. Runs in Production unless
# ASPNETCORE_ENVIRONMENT says otherwise; listens on http://127.0.0.1:5000 unless --urls says otherwise. Needs the
# .NET 10 SDK only. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5000}"
export Storage__SqlitePath="${Storage__SqlitePath:-$PWD/.data/collectiflive.db}"
mkdir -p -m 700 .data
exec dotnet run --project src/Web -c Release --no-launch-profile -- "$@"
