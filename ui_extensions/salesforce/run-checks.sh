#!/usr/bin/env bash
# Lint (Salesforce's LWC rules) and Jest tests of the Salesforce LWC card: `bash ui_extensions/salesforce/run-checks.sh` from anywhere.
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

echo "eslint (@salesforce/eslint-config-lwc recommended + LWC security rules)" >&2
npx --no-install eslint --max-warnings 0 force-app

# What ESLint cannot see in templates: a manual-DOM region (where innerHTML would be the only way
# to fill it) and loading third-party script, both refused by the AppExchange review unless argued.
echo "template checks (no lwc:dom=\"manual\", no loadScript / platformResourceLoader)" >&2
if grep -rnE 'lwc:dom=|platformResourceLoader|loadScript|<script' force-app --include='*.html' --include='*.js' \
     --exclude-dir=__tests__; then
  echo "FAILED: manual DOM or script loading in the LWC (see lines above)" >&2
  exit 1
fi

echo "sfdx-lwc-jest" >&2
npx --no-install sfdx-lwc-jest -- --ci
