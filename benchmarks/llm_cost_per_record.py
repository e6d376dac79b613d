"""What one enriched record sends to and gets back from an LLM vendor, measured on the demo.

    python -m benchmarks.llm_cost_per_record               # 60 open deals of the demo market
    python -m benchmarks.llm_cost_per_record --deals 200
    python -m benchmarks.llm_cost_per_record --crm salesforce --object-type lead   # 60 open Salesforce Leads
    python -m benchmarks.llm_cost_per_record --language de   # a market whose buyers write German

The demo runs as `agentic-sales demo` does (sandbox account, OAuth install, models trained on
the account's history, `--crm` choosing the sandbox CRM as `agentic-sales demo --crm` does); the
open records of `--object-type` (deal, or a Salesforce lead) are then read through the tenant's real
CRM client and scored by its champions, and each goes through `run_agents`, with the other-customer
names the pipeline gives it (the tenant's companies but the record's own), with every role on the real OpenAI
SDK (`openai:gpt-4o-mini`). The vendor is a replay on the SDK's HTTP transport: it answers each
request with what the offline templates answer for the same record and role, as a chat.completion
without a usage block, so the prompt, the strict JSON schema and the answer are exactly what the
app would send and receive. No tokenizer ships offline, so the figures are characters, turned
into tokens at 4 characters per token (English prose) and 3 (JSON-heavy prompts; the gateway's
estimate), the honest range; the cost columns price both at the list prices in
agents/settings.py. With `--language de|fr|es` the demo's market is one whose buyers write that language (the
demo's `--language`: native people, companies and activity text in their countries); every draft is then checked to
be in it (its language, and agents.sentence_language on each sentence), `drafts` and `off_language` in the output.
Progress on stderr; one JSON document on stdout; the JSON is also written to
benchmarks/results/llm_cost_per_record.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

RESULTS = Path(__file__).resolve().parent / "results" / "llm_cost_per_record.json"
MODELS = ("openai:gpt-4o-mini", "openai:gpt-4.1-mini", "anthropic:claude-haiku-4-5", "anthropic:claude-sonnet-4-5")
"""Models the per-record cost is priced at (list prices of agents.settings.PRICES_PER_MTOK)."""


class ReplayVendor:
    """An OpenAI-shaped vendor on the SDK's transport answering with the offline templates' answer."""

    def __init__(self) -> None:
        from agents.providers.offline import OfflineProvider
        from agents.providers.openai import OpenAIProvider, make_openai_client

        self.offline = OfflineProvider()
        self.pending = ""
        self.sent: list[dict[str, Any]] = []
        client = make_openai_client(api_key="sk-replay", http_client=httpx.Client(transport=httpx.MockTransport(self)),
                                    timeout=30.0)
        self.provider = OpenAIProvider(client, "gpt-4o-mini")
        self.name, self.model = self.provider.name, self.provider.model

    def structured(self, messages: Any, schema: Any, *, role: str, timeout: float) -> Any:
        instance, _usage = self.offline.structured(messages, schema, role=role, timeout=timeout)
        self.pending = instance.model_dump_json()
        return self.provider.structured(messages, schema, role=role, timeout=timeout)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        prompt = sum(len(m.get("content") or "") for m in body["messages"])
        schema = len(json.dumps((body.get("response_format") or {}).get("json_schema", {}).get("schema", {})))
        self.sent.append({"prompt_chars": prompt, "schema_chars": schema, "answer_chars": len(self.pending),
                          "schema_name": body.get("response_format", {}).get("json_schema", {}).get("name")})
        return httpx.Response(200, json={
            "id": "chatcmpl-replay", "object": "chat.completion", "created": int(time.time()), "model": "gpt-4o-mini",
            "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                         "message": {"role": "assistant", "content": self.pending, "refusal": None}}]})


def measure(deals: int, seed: int, crm: str | None = None, object_type: str = "deal",
            language: str | None = None) -> dict[str, Any]:
    """The replay on the first `deals` open records of `object_type` in the demo market of `seed` on `crm` (the demo's
    default CRM when None), its buyers writing `language` when given (the demo's default market when None). Besides the
    cost figures, `refusals` lists every call the safety layer sent to the fallback (record id, role, reason): a refusal
    of the offline templates' own answer is a false positive or a template defect; `drafts` counts the drafts written
    in the market's language and `off_language` lists the others (see :func:`language_findings`).
    """
    with trained_demo(deals, seed, crm, language) as demo:
        return replay(demo, deals, object_type)


@contextmanager
def trained_demo(deals: int, seed: int, crm: str | None = None, language: str | None = None) -> Iterator[Any]:
    """The demo of :func:`measure` (`deals` open deals of the market of `seed`, on `crm`, its buyers writing
    `language`) started, installed through OAuth and trained, in a temporary data directory; stopped and removed on
    exit. One trained demo serves any number of :func:`replay` calls (one per object type): the training is the cost."""
    from app.demo import Demo, DemoOptions

    with tempfile.TemporaryDirectory() as tmp:
        options = DemoOptions(changes=0, seed=seed, open_deals=deals, data_dir=Path(tmp), language=language)
        demo = Demo(dataclasses.replace(options, crm=crm) if crm else options,
                    progress=lambda m: print(m, file=sys.stderr))
        demo.start()
        try:
            demo.install()
            demo.train()
            yield demo
        finally:
            demo.stop()


def replay(demo: Any, deals: int, object_type: str = "deal") -> dict[str, Any]:
    """:func:`measure`'s figures for the first `deals` open records of `object_type` on a :func:`trained_demo` (its
    drafts checked against the language its buyers write, if any). Reads the CRM and runs the agents: the demo is left
    as it was, so several replays may share one."""
    from agents import run_agents
    from agents.providers.offline import OfflineProvider
    from agents.settings import ROLES
    from app.pipeline import tenant as tenant_inputs
    from app.pipeline.batch import score_all
    from app.pipeline.companies import other_customers, tenant_companies
    from app.pipeline.crm import crm_client

    app, tid, language = demo.app, demo.tenant_id, demo.opt.language
    with app.app_context():
        client = crm_client(app, tid, demo.opt.crm)
        ids = list(client.iter_open_ids(object_type))[:deals]
        records = list(client.get_records(object_type, ids).values())
        scores, _failed = score_all(records, tenant_inputs.champions(app, tid),
                                    tenant_inputs.scoring_mapping(app, tid, demo.opt.crm))
        settings = tenant_inputs.agent_settings(app, tenant_inputs.tenant_settings(app, tid))
        companies = tenant_companies(app, tid, records)
    vendor = ReplayVendor()
    chains: dict[str, list[Any]] = {role: [vendor, OfflineProvider()] for role in ROLES}
    per_record: list[dict[str, Any]] = []
    fallbacks: dict[str, int] = defaultdict(int)
    refusals: list[dict[str, str]] = []
    drafts: dict[str, int] = defaultdict(int)
    off_language: list[dict[str, Any]] = []
    for record in records:
        start = len(vendor.sent)
        run = run_agents(record, scores.get(record.id),
                         settings.with_overrides(other_customer_names=other_customers(companies, record)),
                         providers=chains)
        for fallback in run.fallbacks:
            fallbacks[fallback.role] += 1
            refusals.append({"record": record.id, "role": fallback.role, "reason": fallback.reason})
        if language is not None:
            off_language.extend(language_findings(record, run, language, drafts))
        calls = vendor.sent[start:]
        per_record.append({"calls": len(calls), "prompt_chars": sum(c["prompt_chars"] for c in calls),
                           "schema_chars": sum(c["schema_chars"] for c in calls),
                           "answer_chars": sum(c["answer_chars"] for c in calls)})
    by_role: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in vendor.sent:
        by_role[{"AnalysisOut": "analyst", "StrategyOut": "strategist"}.get(c["schema_name"], "writer")].append(c)
    return {"crm": demo.opt.crm, "object_type": object_type, "seed": demo.opt.seed, "language": language,
            **summarise(per_record, by_role, fallbacks, len(records)), "refusals": refusals,
            **({"drafts": dict(sorted(drafts.items())), "off_language": off_language} if language else {})}


def language_findings(record: Any, run: Any, language: str, counts: dict[str, int]) -> list[dict[str, Any]]:
    """Whether a record's draft is in the market's `language`, counted into `counts`; the findings when it is not.

    The expected language is the market's, not what agents.phrases.buyer_language picks (that would grade the choice
    by itself): every company of a language market is in one of that language's countries. An owner's brief (an
    escalated record) is for the rep, not the buyer, and is counted apart. A draft is in the language when it says so
    and no sentence of it reads as another (agents.sentence_language, names on the record vouched) and the product's
    own `in_buyer_language` check passed.
    """
    from agents.sentence_language import language_violations

    draft = run.draft
    if draft.kind == "owner_brief":
        counts["owner_briefs"] += 1
        return []
    counts["written"] += 1
    names = [record.name, record.company.name if record.company else None, record.owner.name if record.owner else None,
             *(c.name for c in record.contacts)]
    vouched = frozenset(w.lower() for n in names if n for w in n.replace("–", " ").split())
    sentences = language_violations(f"{draft.subject}\n\n{draft.body}", language, vouched)
    check = next((c for c in run.checks if c.name == "in_buyer_language"), None)
    if draft.language == language and not sentences and (check is None or check.passed):
        counts["in_language"] += 1
        return []
    return [{"record": record.id, "draft_language": draft.language, "sentences": sentences,
             "check": check.detail if check is not None and not check.passed else None,
             "country": record.company.country if record.company else None}]


def summarise(per_record: list[dict[str, Any]], by_role: dict[str, list[dict[str, Any]]], fallbacks: dict[str, int],
              records: int) -> dict[str, Any]:
    from agents.providers.base import PriceTable
    from agents.settings import PRICES_PER_MTOK

    def stats(values: list[int]) -> dict[str, float]:
        ordered = sorted(values)
        return {"mean": round(statistics.fmean(values), 1), "p50": ordered[len(ordered) // 2],
                "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], "max": ordered[-1]}

    input_chars = [r["prompt_chars"] + r["schema_chars"] for r in per_record]
    output_chars = [r["answer_chars"] for r in per_record]
    tokens = {f"{ratio:g}_chars_per_token": {"input": round(statistics.fmean(input_chars) / ratio),
                                             "output": round(statistics.fmean(output_chars) / ratio)}
              for ratio in (4.0, 3.0)}
    table = PriceTable(PRICES_PER_MTOK)
    cost = {spec: {ratio: round(table.cost(spec.split(":")[0], spec.split(":")[1], t["input"], t["output"]), 6)
                   for ratio, t in tokens.items()} for spec in MODELS}
    return {
        "records": records, "vendor_calls": sum(r["calls"] for r in per_record),
        "calls_by_role": {role: len(calls) for role, calls in sorted(by_role.items())},
        "fallbacks_by_role": dict(sorted(fallbacks.items())),
        "calls_per_record": round(statistics.fmean(r["calls"] for r in per_record), 2),
        "input_chars_per_record": stats(input_chars), "output_chars_per_record": stats(output_chars),
        "schema_chars_per_record": stats([r["schema_chars"] for r in per_record]),
        "input_chars_per_call_by_role": {role: stats([c["prompt_chars"] + c["schema_chars"] for c in calls])
                                         for role, calls in sorted(by_role.items())},
        "output_chars_per_call_by_role": {role: stats([c["answer_chars"] for c in calls])
                                          for role, calls in sorted(by_role.items())},
        "tokens_per_record": tokens, "usd_per_record": cost,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=60, help="Open deals of the demo market to measure.")
    parser.add_argument("--seed", type=int, default=7, help="Demo market seed.")
    parser.add_argument("--crm", default=None, help="Sandbox CRM of the demo (its default when omitted).")
    parser.add_argument("--object-type", default="deal", choices=("deal", "lead"),
                        help="Open records to measure: deals, or Salesforce Leads.")
    parser.add_argument("--language", default=None, choices=("de", "fr", "es"),
                        help="Seed a market whose buyers write this language (the demo's --language).")
    parser.add_argument("--out", type=Path, default=RESULTS, help="Where the JSON is written.")
    args = parser.parse_args(argv)
    started = time.monotonic()
    result = {**measure(args.deals, args.seed, args.crm, args.object_type, args.language), "seconds": round(time.monotonic() - started, 1)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
