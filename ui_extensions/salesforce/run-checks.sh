#!/usr/bin/env bash
# Jest tests of the Salesforce LWC card: `bash ui_extensions/salesforce/run-checks.sh` from anywhere.
# Installs the locked dependencies first when node_modules is missing or older than the lock
# (npm ci --prefer-offline: uses the npm cache before the registry). Exits non-zero on any failure;
# exits 0 with a SKIPPED line on stderr only when Node.js is not installed at all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED: node/npm not found; the Salesforce card checks need Node.js >= 20" >&2
  exit 0
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing LWC test dependencies from package-lock.json" >&2
  npm ci --prefer-offline --no-audit --no-fund >&2
fi

echo "sfdx-lwc-jest" >&2
npx --no-install sfdx-lwc-jest -- --ci
