"""Capture what the real local model wrote and why the safety layer refused it (wave 20, issue 11).

Runs every role on the real-model test's eight varied records (and more demo-market records when
asked) against a running local server, with the same settings as tests/llm/test_real_model.py,
and records every vendor answer the gateway received: the role, the answer as the model gave it
(restored from placeholders), and the violations the safety check found (empty: accepted). Also
the final outcome per role and the fallback reasons. The output is a fixture of real captured model
outputs, stamped with the model, the commit and the UTC time; tests/agents/test_real_model_replays.py
replays them through the checks offline.

    AGENTIC_SALES_LOCAL_LLM_URL=http://127.0.0.1:PORT/v1 python -m tests.llm.capture \
        --records 8 --out tests/fixtures/llm_real/capture.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agents import AgentSettings, run_agents
from agents.providers import gateway as gateway_module
from agents.providers.local_server import LOCAL_URL_ENV, fitted_timeouts, local_preset, served_model
from agents.providers.throughput import measure
from agents.settings import LOCAL_LLM_TIMEOUT_SECONDS
from tests.agents.conftest import NOW

ROLES = ("analyst", "strategist", "writer")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=8)
    parser.add_argument("--skip", type=int, default=0, help="skip the first N records")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--roles", default="analyst,strategist,writer", help="roles on the model (others offline)")
    parser.add_argument("--injection", type=int, default=0,
                        help="instead: the first N injection cases as the real-model test runs them")
    args = parser.parse_args(argv)
    url = os.environ[LOCAL_URL_ENV]
    model = served_model(url)
    assert model, f"no model at {url}"
    speed = measure(url, model)
    timeouts = fitted_timeouts(dict(LOCAL_LLM_TIMEOUT_SECONDS), speed)
    from benchmarks.llm_local import records

    calls: list[dict[str, Any]] = []
    original = gateway_module.Gateway.call

    def recording(self: Any, messages: Any, schema: Any, *, role: str, prompt_version: str,
                  skip_vendors: str | None = None, check: Any = None) -> Any:
        result = original(self, messages, schema, role=role, prompt_version=prompt_version,
                          skip_vendors=skip_vendors, check=check)
        if result.provider != "offline":
            calls.append({"role": role, "prompt_version": prompt_version, "attempt": "repair" if any(
                m.role == "assistant" for m in messages) else "first",
                "answer": result.instance.model_dump(mode="json"), "violations": list(result.violations),
                "repaired_invalid": list(result.repaired),
                "completion_tokens": sum(u.output_tokens for u in result.usages)})
        elif result.fallback_reason:
            calls.append({"role": role, "prompt_version": prompt_version, "attempt": "fallback",
                          "reason": result.fallback_reason})
        return result

    gateway_module.Gateway.call = recording  # type: ignore[method-assign]
    on_model = set(args.roles.split(","))
    out: list[dict[str, Any]] = []
    if args.injection:
        return _injection(args, model, speed, calls, out)
    for name, record, scores in records(args.skip + args.records)[args.skip:]:
        calls.clear()
        settings = AgentSettings(tenant_id=record.tenant_id or "t").with_overrides(**local_preset(url, model))
        settings = settings.with_overrides(**timeouts)
        settings = settings.with_overrides(roles={r: (settings.roles[r] if r in on_model else "offline:template-v1")
                                                  for r in ROLES})
        started = time.monotonic()
        run = run_agents(record, scores, settings, now=NOW, env={})
        produced = {"analyst": run.analysis.generated_by, "strategist": run.strategy.generated_by,
                    "writer": run.draft.generated_by}
        entry = {"record": name, "seconds": round(time.monotonic() - started, 1), "language": run.draft.language,
                 "by_role": {r: ("model" if produced[r] != "offline-template" and not any(
                     f.role == r and not f.reason.startswith("repaired after") for f in run.fallbacks) else "offline")
                     for r in ROLES},
                 "fallbacks": [{"role": f.role, "reason": f.reason} for f in run.fallbacks],
                 "final_draft": {"subject": run.draft.subject, "body": run.draft.body, "by": run.draft.generated_by},
                 "checks_failed": [c.name for c in run.checks if not c.passed], "calls": list(calls)}
        out.append(entry)
        print(f"{name}: {entry['seconds']} s {entry['by_role']} {[f['reason'][:160] for f in entry['fallbacks']]}",
              file=sys.stderr, flush=True)
        _write(args.out, model, speed, out)
    return 0


def _injection(args: Any, model: str, speed: Any, calls: list[dict[str, Any]], out: list[dict[str, Any]]) -> int:
    """The first `args.injection` cases of the real-model test's stratified order, with its settings."""
    from tests.agents.replies import fixed_policy
    from tests.llm import test_real_model as t

    for path in t.selected_cases(t.CASES, str(args.injection)):
        calls.clear()
        case, record, scores, settings = t._case(path)
        roles = tuple(dict.fromkeys(("writer", *(case.get("compromised") or ()))))
        local = t._injection_settings(t._local(settings, model, speed, None), speed, True)
        local = local.with_overrides(roles={r: (local.roles[r] if r in roles else "offline:template-v1") for r in ROLES})
        started = time.monotonic()
        run = run_agents(record, scores, local, now=NOW, policy=fixed_policy(case.get("arm", "value_reinforcement")),
                         env={})
        entry = {"record": case["id"], "kind": case.get("kind") or case.get("category"), "roles_on_model": roles,
                 "seconds": round(time.monotonic() - started, 1), "language": run.draft.language,
                 "unsafe": t._unsafe(run, case, record, settings),
                 "by_role": {r: t._role_outcome(run, r, f"openai_compatible:{model}")[0] for r in roles},
                 "fallbacks": [{"role": f.role, "reason": f.reason} for f in run.fallbacks],
                 "final_draft": {"subject": run.draft.subject, "body": run.draft.body, "by": run.draft.generated_by},
                 "checks_failed": [c.name for c in run.checks if not c.passed], "calls": list(calls)}
        out.append(entry)
        print(f"{case['id']}: {entry['seconds']} s {entry['by_role']} unsafe={entry['unsafe']}", file=sys.stderr,
              flush=True)
        _write(args.out, model, speed, out)
    return 0


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False).stdout


# Read once at start: the code this process imported, not a commit made while it runs.
COMMIT = _git("rev-parse", "HEAD").strip()
DIRTY = sorted(line[3:] for line in _git("status", "--porcelain", "agents").splitlines())


def _write(path: Path, model: str, speed: Any, out: list[dict[str, Any]]) -> None:
    commit = COMMIT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"model": model, "commit": commit, "uncommitted_agents_files": DIRTY, "captured_at": datetime.now(UTC).isoformat(
        timespec="seconds"), "clock": NOW.isoformat(), "throughput": speed.as_dict(),
        "load_average": os.getloadavg(), "records": out}, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
