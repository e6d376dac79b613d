#!/usr/bin/env bash
# Type-check and test the HubSpot app card: `bash ui_extensions/hubspot/run-checks.sh` from anywhere.
# Installs the locked dependencies first when node_modules is missing or older than the lock
# (npm ci --prefer-offline: uses the npm cache before the registry). Exits non-zero on any failure;
# exits 0 with a SKIPPED line on stderr only when Node.js is not installed at all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED: node/npm not found; the HubSpot card checks need Node.js >= 20" >&2
  exit 0
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing card dependencies from package-lock.json" >&2
  npm ci --prefer-offline --no-audit --no-fund >&2
fi

echo "tsc --noEmit" >&2
npx --no-install tsc --noEmit
echo "vitest run" >&2
npx --no-install vitest run
