"""With `redact_pii` (the tenant default), no vendor request carries a person's name, e-mail address
or phone number: every role, both vendor SDKs, and the repair calls that send the model's own
answer back (restored with real names on our side) included. Requests are read as the vendor's
server received them (the real SDKs over an httpx transport)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from agents import AgentSettings, run_agents
from integrations.base import Activity
from tests.agents.conftest import (
    NOW,
    Vendor,
    anthropic_body,
    anthropic_provider,
    load_record,
    openai_body,
    openai_provider,
)
from tests.agents.replies import GOOD_ANALYSIS, GOOD_DRAFT, GOOD_STRATEGY, fixed_policy

PEOPLE = ("Dana", "Whitfield", "Marcus", "Priya", "Raman", "Okafor", "northwind-logistics.com",
          "brightlane.io", "555-0142", "171 2345678", "dana.w@gmail.com")
UNSAFE_DRAFT = {**GOOD_DRAFT, "body": GOOD_DRAFT["body"] + "\n\nPricing: https://cheap-deals.example/now"}


def adversarial_record():
    """The fixture deal, with a phone number and a private address in an inbound e-mail."""
    record, scores = load_record()
    mail = Activity(type="email", at=datetime(2026, 9, 1, 9, 0, tzinfo=UTC), direction="inbound",
                    subject="Re: proposal", body="Dana here. Call me on +1 (312) 555-0142 or my mobile "
                    "+49 171 2345678, or write to dana.w@gmail.com before 2026-12-01.")
    return replace(record, activities=[*record.activities, mail]), scores


def replies(kind: str) -> Vendor:
    """Answers for the three roles: first an invalid one (a repair call follows), then a draft that
    breaks a safety rule twice (the safety repair sends the answer back), so every path is taken."""
    vendor = Vendor()
    answers = {"AnalysisOut": ["not json", GOOD_ANALYSIS], "StrategyOut": ["not json", GOOD_STRATEGY],
               "DraftOut": [UNSAFE_DRAFT, UNSAFE_DRAFT, GOOD_DRAFT]}
    for schema, seq in answers.items():
        for answer in seq:
            if kind == "openai":
                vendor.by_schema[schema].append(openai_body(answer if isinstance(answer, str) else json.dumps(answer)))
            else:
                vendor.by_schema[schema].append(
                    anthropic_body(None, schema, stop_reason="end_turn", text=answer) if isinstance(answer, str)
                    else anthropic_body(answer, schema))
    return vendor


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
def test_no_vendor_request_names_a_person_on_any_role_or_repair(kind):
    record, scores = adversarial_record()
    vendor = replies(kind)
    provider = openai_provider(vendor) if kind == "openai" else anthropic_provider(vendor)
    settings = AgentSettings(tenant_id="t1", redact_pii=True)

    run = run_agents(record, scores, settings, providers={r: [provider] for r in ("analyst", "strategist", "writer")},
                     now=NOW, policy=fixed_policy(), sleep=lambda s: None)

    sent = [r.content.decode() for r in vendor.requests]
    # Two calls per role: analyst and strategist repaired after invalid output, the writer's draft
    # sent back (as we restored it, names and all) with the safety rules it broke.
    assert len(sent) == 6 and any("broke these rules" in body for body in sent)
    leaks = sorted({p for body in sent for p in PEOPLE if p.lower() in json.loads(body).__repr__().lower()})
    assert leaks == []
    assert any("2026-12-01" in body for body in sent)  # dates still reach the model
    assert any("[[PHONE" in body for body in sent)  # the phone numbers were there, as placeholders
    assert "Dana" in run.draft.body  # and the rep's draft has her name back

