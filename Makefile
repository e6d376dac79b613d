# Two entry points: `make demo` (the main job on embedded defaults) and `make test`.
# Both create or update the local virtualenv themselves.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: demo test test-clock coverage migration test-agents-heldout test-vendor-replay screen-model language-profiles measure-screen test-embedded lint typecheck venv bench-front-door bench-crm bench-learning test-learning-product bench faults faults-quick clean screenshot test-demo-once

# Two installs: `make demo` needs only the runtime dependencies (RUNTIME_STAMP); every other target
# (tests, lint, types, screenshots, benchmarks) also needs the dev extras (STAMP: pytest, mypy, ruff,
# playwright, ...). A dev install includes the runtime one, so it satisfies the demo's stamp too.
RUNTIME_STAMP := $(VENV)/.installed-runtime

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP) $(RUNTIME_STAMP)

$(RUNTIME_STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@if [ -f $(STAMP) ] && [ $(STAMP) -nt pyproject.toml ] && [ $(STAMP) -nt constraints.txt ]; then \
		echo "$(VENV) already has the dev install (it includes the runtime)"; else \
		$(PY) -m pip install -q --upgrade pip && $(PY) -m pip install -q -c constraints.txt -e . ; fi
	touch $(RUNTIME_STAMP)

venv: $(STAMP)

# make demo ARGS="--crm salesforce --port 5050": any option of `agentic-sales demo --help`
demo: $(RUNTIME_STAMP)
	$(VENV)/bin/agentic-sales demo $(ARGS)

# The README's card screenshot (docs/card.png) and terminal transcript, from a real demo run in
# Debian's chromium (apt-get install chromium).
screenshot: $(STAMP)
	$(PY) tools/readme_screenshot.py

# The real `agentic-sales demo --once` in a subprocess, held to the first-run budget (stderr < 2 KB
# when redirected, a browsable snapshot left behind); slow, so outside `make test`.
test-demo-once: $(STAMP)
	$(PY) -m pytest -m slow tests/site/test_demo_cli.py $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

# The suite CI runs: on PostgreSQL + Redis when DATABASE_URL/REDIS_URL are set (see .ci/run),
# else on SQLite and the in-process worker. Slow benchmarks live behind their own targets.
# Types (DESIGN.md: checked in `make test`); relaxations per module live in pyproject.toml.
typecheck: $(STAMP)
	$(PY) -m mypy

# Coverage is its own target: branch tracing made the suite ~1.6x slower (207 s against 126 s on the
# agents' and scoring's CPU-bound tests, 2026-12-03), past the ten minutes CI has for it.
# Its CPU budgets (tests/time_budget.py) are make test's x1.6, tracing's cost above.
COVERAGE = --cov=app --cov=webhooks --cov=integrations --cov=agents --cov=scoring --cov=learning \
	--cov-branch --cov-report=term:skip-covered --cov-report=xml:test-artifacts/coverage.xml \
	--test-cpu-budget=192 --suite-cpu-budget=2560

# Test processes (pytest-xdist): CI runs two (.ci/run), one per core; each worker takes a PostgreSQL
# database and a Redis database number of its own (tests/conftest.py worker_urls: DATABASE_URL's name
# + _gwK, REDIS_URL's number + K), so on a shared machine give it two numbers nobody else uses.
# `make test TEST_WORKERS=1` runs in one process. docs/contributing.md, "Test suite time, wave 21".
TEST_WORKERS ?= 1
XDIST = $(if $(filter-out 0 1,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist loadscope)
# One OpenMP thread per test process when there are several: each would otherwise start one thread per core, and
# their spin-waits fight the other worker (wave 37: tests/scoring + tests/learning on two workers at load ~6, 406 ->
# 194 CPU s and 16:36 -> 7:44 wall, the same 672 passed). An OMP_NUM_THREADS you set yourself wins.
ONE_OMP_THREAD = OMP_NUM_THREADS=$${OMP_NUM_THREADS:-1}
XDIST_OMP = $(if $(filter-out 0 1,$(TEST_WORKERS)),$(ONE_OMP_THREAD))

# The HubSpot card's tsc and vitest run inside pytest (tests/cards/test_card_node.py, the same two commands in the same
# folder), beside the other tests; ui_extensions/hubspot/run-checks.sh runs them on their own. Salesforce's checks
# (eslint, the template grep, sfdx-lwc-jest) have no pytest twin and run here.
test: $(STAMP) lint typecheck
	$(XDIST_OMP) $(PY) -m pytest -m "not slow" $(XDIST) $(PYTEST_ARGS)
	@if [ -x ui_extensions/salesforce/run-checks.sh ] && command -v node >/dev/null 2>&1; then \
		bash ui_extensions/salesforce/run-checks.sh; fi

# The clock-sensitive tests under several fake wall clocks (weekend, day, month and year ends, EU and
# US DST changes) with libfaketime: a test that holds only at some hours fails here, not in CI at an
# unknown time. Not in `make test` (one run per clock); CLOCKS / CLOCK_TESTS narrow it (tools/clock/run.sh).
test-clock: $(STAMP)
	bash tools/clock/run.sh $(PYTEST_ARGS)

coverage: $(STAMP)
	$(PY) -m pytest -m "not slow" $(COVERAGE) $(PYTEST_ARGS)

# Every held-out injection set, including the newest ones kept out of `make test` for time (agents/README.md).
test-agents-heldout: $(STAMP)
	OMP_NUM_THREADS=1 $(PY) -m pytest -q tests/agents/test_injection.py tests/agents/test_quality.py \
		tests/agents/test_learned_screen.py -k "held_out or heldout or rebuilding" $(PYTEST_ARGS)

# The offline templates' answers replayed as a vendor's through the real SDKs on the demo's markets (HubSpot and
# Salesforce, English, German, French, Spanish): no benign call may be refused. Slow (20 cases, ~13 min on two
# processes at load 3-8); wave 22's unreadable-field rule broke it unseen because nothing ran it (wave 23).
# A Salesforce market's Lead and Opportunity cases share one training (tests/pipeline/trained_markets.py): under
# -n, --dist loadgroup sends them to one process (without -n it does nothing; on pytest 9.2 only through
# tests/xdist_groups.py, which writes the node-id suffix xdist 3.8 no longer can: wave 36).
test-vendor-replay: $(STAMP)
	OMP_NUM_THREADS=1 $(PY) -m pytest -q -m slow tests/pipeline/test_vendor_replay_is_not_refused.py --dist loadgroup \
		$(PYTEST_ARGS)

# The learned screen (agents/learned_screen.py): rebuilt from the labelled fixtures into
# agents/models_data/commitment_screen.json.gz (about a minute; unchanged fixtures leave the file unchanged).
screen-model: $(STAMP)
	OMP_NUM_THREADS=1 $(PY) -m tests.agents.screen_training

# Per-sentence language profiles (agents/sentence_language.py) from the corpora and the system's gettext catalogues.
language-profiles: $(STAMP)
	OMP_NUM_THREADS=1 $(PY) -m tests.agents.language_training

# Leave-one-set-out figures of the learned screen through the real harness (SETS, default the newest four).
SETS ?= 22 23 24 25
measure-screen: $(STAMP)
	OMP_NUM_THREADS=1 $(PY) -m tests.agents.measure_learned_screen $(SETS)

# The next Alembic migration from the models: make migration NAME=what_it_changes
# (docs/contributing.md, "Add a database migration").
migration: $(STAMP)
	$(PY) tools/new_migration.py $(NAME)

# Only the tests that exist for the embedded defaults (SQLite, in-process worker). Under -n (CI: -n 2), --dist
# loadgroup gives one worker each module (tests/xdist_groups.py: its module fixture's demo trained once) and the e2e
# modules reading the session's demo run together (one demo run); without -n it does nothing.
test-embedded: $(STAMP)
	$(ONE_OMP_THREAD) env -u DATABASE_URL -u REDIS_URL $(PY) -m pytest -m "embedded and not slow" --dist loadgroup $(PYTEST_ARGS)

.PHONY: llm test-llm test-llm-ci bench-llm
# The local OpenAI-compatible model server (tools/local-llm): fetches and verifies the pinned model
# on first use, prints {"url", ...} on stdout, runs until Ctrl-C.
llm: $(STAMP)
	$(VENV)/bin/agentic-sales llm serve

# The real-model tests against a running server (AGENTIC_SALES_LOCAL_LLM_URL) with no time budget:
# every record and the whole injection corpus (CI runs one case of every kind and more as its budget allows).
test-llm: $(STAMP)
	AGENTIC_SALES_LLM_TEST_BUDGET_SECONDS=0 AGENTIC_SALES_LLM_INJECTION_CASES=0 $(PY) -m pytest -q tests/llm $(PYTEST_ARGS)

# CI's real-model step (.ci/run): starts the server itself (fetching the model on first use), runs
# the real-model group within its budget, stops the server whatever happens.
test-llm-ci: $(STAMP)
	bash tools/local-llm/ci-real-model.sh

# Agents on the offline templates vs the local model, same records (starts a server if none runs).
bench-llm: $(STAMP)
	$(PY) -m benchmarks.llm_local

bench-front-door: $(STAMP)
	$(PY) -m benchmarks.front_door

# CRM requests per deal, backfill and steady load through the real pipeline, in-process and
# under 1 and 4 RQ workers (PostgreSQL + Redis from BENCH_DATABASE_URL / BENCH_REDIS_URL).
bench-crm: $(STAMP)
	@[ -n "$$BENCH_DATABASE_URL" ] || bash .ci/services.sh >/dev/null
	$(PY) -m benchmarks.crm_throughput --rq 1,4

# The learning loop against the market's truth, 5 seeds with and without strategy effects (~10 min).
bench-learning: $(STAMP)
	$(PY) -m benchmarks.learning_simulate

# The learning loop through the real app and HubSpot sandbox for one simulated week (slow: install and training).
test-learning-product: $(STAMP)
	$(PY) -m pytest -m slow tests/learning/test_simulate_product_path.py $(PYTEST_ARGS)

# Fault, fuzz and soak runs on a PostgreSQL + Redis of their own (installed by .ci/services.sh if
# missing) with 2 RQ workers: lost events, duplicate writes, server errors -> benchmarks/README.md.
faults: $(STAMP)
	@command -v redis-server >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || bash .ci/services.sh >/dev/null
	$(PY) -m benchmarks.faults

faults-quick: $(STAMP)
	@command -v redis-server >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || bash .ci/services.sh >/dev/null
	$(PY) -m benchmarks.faults --quick

# Every benchmark, each writing benchmarks/results/*.json and its table in benchmarks/README.md.
bench: $(STAMP)
	$(PY) -m pip install -q -c constraints.txt -e '.[dev,bench]'
	@[ -n "$$BENCH_DATABASE_URL" ] || bash .ci/services.sh >/dev/null
	$(PY) -m benchmarks.front_door
	$(PY) -m benchmarks.crm_throughput --rq 1,4
	$(PY) -m benchmarks.scoring_cdnow
	$(PY) -m benchmarks.scoring_public
	$(PY) -m benchmarks.scoring_market
	$(PY) -m benchmarks.scoring_market_product
	$(PY) -m benchmarks.scoring_latency
	$(PY) -m benchmarks.scoring_tables
	$(PY) -m benchmarks.learning_simulate

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
