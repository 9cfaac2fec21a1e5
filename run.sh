#!/usr/bin/env bash
# Runs CollectifLive on one machine: Azurite (Azure Storage, data under .data/azurite) and the web app with its
# co-hosted Orleans silo. Ctrl-C stops both. Needs the .NET 10 SDK and Node.js; installs the npm packages it needs.
set -euo pipefail
cd "$(dirname "$0")"

AZURITE_PORT="${AZURITE_PORT:-10000}"
QUEUE_PORT=$((AZURITE_PORT + 1))
TABLE_PORT=$((AZURITE_PORT + 2))

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

for port in "$AZURITE_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
  if port_open "$port"; then
    echo "Port $port is already in use: stop what uses it, or set AZURITE_PORT to another base port." >&2
    exit 1
  fi
done

mkdir -p .data/azurite
node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --disableTelemetry \
  --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" \
  --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
  --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" \
  --location .data/azurite &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  port_open "$AZURITE_PORT" && port_open "$TABLE_PORT" && break
  kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite did not start." >&2; exit 1; }
  sleep 0.1
done

export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${AZURITE_PORT}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${QUEUE_PORT}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${TABLE_PORT}/devstoreaccount1;"
echo "Azurite is storing under .data/azurite (ports ${AZURITE_PORT}-${TABLE_PORT}). Starting the web app…"
dotnet run --project src/Web --launch-profile http "$@"
