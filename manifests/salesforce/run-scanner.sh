#!/usr/bin/env bash
# Salesforce Code Analyzer's engines over the package, offline after the first install: PMD 7 with
# Salesforce's AppExchange rules and the Graph Engine (data-flow CRUD/FLS), the two Apex engines
# the AppExchange security review's scanner runs. `bash manifests/salesforce/run-scanner.sh`.
#
# Installs @salesforce/sfdx-scanner (pinned; it bundles the PMD and Graph Engine jars) with npm
# into SCANNER_HOME once; needs Java 11+. Exits non-zero on any security finding; best-practice
# findings are printed and documented in docs/appexchange-review.md. Not part of `make test`
# (about a minute, mostly the Graph Engine).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
VERSION=4.12.0
SCANNER_HOME="${SCANNER_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/agentic-sales/sfdx-scanner-$VERSION}"
PKG="$SCANNER_HOME/node_modules/@salesforce/sfdx-scanner"

command -v java >/dev/null || { echo "java (11+) is required: apt-get install openjdk-17-jre-headless" >&2; exit 2; }
if [ ! -d "$PKG/dist/pmd7/lib" ]; then
  echo "installing @salesforce/sfdx-scanner@$VERSION into $SCANNER_HOME" >&2
  mkdir -p "$SCANNER_HOME"
  npm install --prefix "$SCANNER_HOME" --no-audit --no-fund --no-save "@salesforce/sfdx-scanner@$VERSION" >&2
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

SECURITY="category/apex/security.xml,rulesets/apex/sfcaruleset.xml,category/xml/sfca_xml_security.xml,category/sfmetadata/sfca_sfmetadata_security.xml"
QUALITY="category/apex/bestpractices.xml,category/apex/errorprone.xml,category/apex/performance.xml"
pmd() {
  java -cp "$PKG/dist/pmd7/lib/*:$PKG/pmd-appexchange/lib/*" net.sourceforge.pmd.cli.PmdCli check --no-cache \
    --no-progress -d force-app -d unpackaged -f text "$@" 2>"$OUT/pmd.err"
}
echo "PMD $(basename "$PKG"/dist/pmd7/lib/pmd-core-*.jar .jar) + AppExchange rules: security" >&2
status=0
pmd -R "$SECURITY" >"$OUT/security.txt" || status=$?
cat "$OUT/security.txt"
if [ "$status" -ne 0 ] && [ "$status" -ne 4 ]; then cat "$OUT/pmd.err" >&2; exit "$status"; fi
echo "PMD: best practices (information)" >&2
pmd -R "$QUALITY" | sed 's/^/info: /' || true

echo "Graph Engine: ApexFlsViolationRule, ApexNullPointerExceptionRule, AvoidDatabaseOperationInLoop" >&2
python3 - "$OUT/sfge.json" <<'PY'
import glob, json, os, sys
src = os.path.abspath("force-app/main/default")
files = sorted(glob.glob(f"{src}/classes/*.cls") + glob.glob(f"{src}/triggers/*.trigger"))
json.dump({"targets": [{"targetFile": f, "targetMethods": []} for f in files], "projectDirs": [src],
           "rulesToRun": ["ApexFlsViolationRule", "ApexNullPointerExceptionRule", "AvoidDatabaseOperationInLoop",
                          "AvoidMultipleMassSchemaLookups", "PerformNullCheckOnSoqlVariables"]},
          open(sys.argv[1], "w"))
PY
java -Xmx1g -Dsfge_log_name="$OUT/sfge.log" -DSFGE_RULE_THREAD_COUNT=1 -cp "$PKG/dist/sfge/lib/*" \
  com.salesforce.Main execute "$OUT/sfge.json" >"$OUT/sfge.out" 2>&1 || true
python3 - "$OUT/sfge.out" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
if "VIOLATIONS_START" not in text:
    sys.exit("Graph Engine did not finish:\n" + text[-2000:])
found = json.loads(text.split("VIOLATIONS_START", 1)[1].split("VIOLATIONS_END", 1)[0])
for v in found:
    where = (v.get("sinkFileName") or v.get("sourceFileName") or "").split("/")[-1]
    print(f"{where}:{v.get('sinkLineNumber') or v.get('sourceLineNumber')}\t{v.get('ruleName')}:\t{v['message'][:300]}")
print(f"Graph Engine: {len(found)} finding(s)", file=sys.stderr)
PY
if [ -s "$OUT/security.txt" ] || grep -q '"ruleName"' "$OUT/sfge.out"; then
  echo "FAILED: security findings above" >&2
  exit 1
fi
echo "no security findings" >&2
