#!/usr/bin/env bash
# Runs every test of CollectifLive on a fresh machine: installs what is missing (Debian's Chromium, Azurite from
# npm), builds the solution, runs each test project, and ends with one line "N passed, N failed, N skipped" read
# from the TRX results. Exits non-zero when anything failed or did not run.
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (apt)…"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null || {
    echo "Could not install Chromium." >&2
    exit 1
  }
fi

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

results="TestResults"
rm -rf "$results"
status=0

if ! dotnet build CollectifLive.sln -c Release --nologo -v quiet; then
  echo "The build failed." >&2
  status=1
else
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    echo "== $name"
    dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results" || status=1
  done
fi

sum() { cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed)
failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) ))
skipped=$(sum notExecuted)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "A test run did not complete (see above)." >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
