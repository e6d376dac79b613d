"""Next steps that fit the moment, on varied records: the demo market's open deals plus records
shaped like the ones a sales manager flagged (angry, cancelling, legal asks, questions in four
languages, a deal silent for months with its close date behind it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from agents import AgentSettings, Policy, decide, run_agents
from agents.context import build_context
from agents.decision import LlmResult
from agents.moments import latest_ask
from agents.quality import answers_question
from agents.timing import timing_violations
from integrations.base import Activity
from integrations.sandbox.market import Market, MarketConfig
from tests.agents.conftest import NOW, load_record
from tests.agents.replies import fixed_policy
from tests.agents.test_demo_market import _records


def _with_inbound(name: str, body: str, subject: str = "Re: Proposal", **changes):
    record, scores = load_record(name)
    email = Activity(type="email", at="2026-11-24T14:00:00Z", direction="inbound", subject=subject, body=body)
    return replace(record, activities=record.activities + (email,), **changes), scores


ESCALATE = {
    "angry-en": ("hubspot_deal", "Very disappointed with how this has gone. Nobody has come back to us on the "
                                 "security questions. Dana", "negative_sentiment"),
    "cancel-en": ("hubspot_deal", "We have decided to go with another vendor and will not be moving forward. Dana",
                  "cancellation"),
    "legal-dpa-en": ("hubspot_deal", "Before we sign, our legal team needs your data processing agreement. Can you "
                                     "send it? Dana", "legal_compliance"),
    "angry-de": ("de_deal", "Wir sind ehrlich gesagt sehr enttäuscht, dass das Angebot immer noch nicht da ist. "
                            "Anna Schmidt", "negative_sentiment"),
    "cancel-fr": ("fr_deal", "Nous avons décidé de ne pas renouveler et souhaitons résilier notre contrat. Claire",
                  "cancellation"),
    "legal-es": ("es_opportunity", "Nuestro departamento legal necesita revisar la protección de datos antes de "
                                   "firmar. Javier", "legal_compliance"),
    "cancel-de": ("de_deal", "Wir möchten den Vertrag kündigen und das Projekt nicht weiterverfolgen. Anna",
                  "cancellation"),
}


@pytest.mark.parametrize("case", sorted(ESCALATE))
def test_angry_cancelling_and_legal_records_go_to_the_owner_without_a_customer_draft(case):
    name, body, kind = ESCALATE[case]
    record, scores = _with_inbound(name, body)
    run = run_agents(record, scores, AgentSettings(tenant_id="t"), env={}, now=NOW)
    assert run.draft.kind == "owner_brief" and not run.draft.to.contact_id.isdigit()
    assert run.draft.to.contact_id not in {c.id for c in record.contacts}
    assert any(e.startswith(kind.replace("_", " ")) for e in run.escalations), run.escalations
    decision = decide(record, scores, LlmResult.from_run(run), Policy(autonomy="auto"))
    assert decision.action == "escalate" and decision.escalate


ASKS = {
    "seats-en": ("hubspot_deal", "How many seats would we need for the 6 depots, and can you put that in the "
                                 "proposal? Dana", "en"),
    "pricing-fr": ("fr_deal", "Bonjour Hugo, quel serait le prix pour 8 ateliers ? Claire", "fr"),
    "timeline-es": ("es_opportunity", "Hola Marta, ¿cuál sería el calendario si empezamos en enero? Javier", "es"),
    "contract-de": ("de_deal", "Hallo Frau Vogt, können Sie uns den Vertrag vorab zur Prüfung schicken? Anna", "de"),
    "references-en": ("salesforce_opportunity", "Hi Rachel, could you share a couple of references from other "
                                                "dental groups? Elena", "en"),
    "today-en": ("hubspot_deal", "Could we talk today? I have time after 3pm. Dana", "en"),
}


@pytest.mark.parametrize("case", sorted(ASKS))
def test_drafts_answer_the_latest_question_first_in_the_buyers_language(case):
    name, body, language = ASKS[case]
    record, scores = _with_inbound(name, body)
    run = run_agents(record, scores, AgentSettings(tenant_id="t"), env={}, now=NOW)
    ctx = build_context(record, scores, now=NOW)
    ask = latest_ask(ctx)
    assert ask is not None and run.draft.kind == "email" and run.draft.language == language
    answered, why = answers_question(run.draft.body.split("\n\n")[1], ask)  # the first paragraph
    assert answered, (why, run.draft.body)
    send_day = datetime.fromisoformat(run.next_best_action.due_at).date()
    assert timing_violations(run.draft.body, send_day, asked_same_day=ask.same_day) == []


def test_a_draft_credits_a_colleagues_email_to_the_buyers_team_not_to_the_recipient():
    # wave 24: "Thanks for Marcus's email" to Dana thanked Dana for what Marcus did (the demo's card 71000002028)
    record, scores = _with_inbound("hubspot_deal", "Sam, the proposal looks good; can you add the 2-year option?"
                                                   "\n\nMarcus")
    run = run_agents(record, scores, AgentSettings(tenant_id="t"), env={}, now=NOW)
    assert run.draft.to.name == "Dana Whitfield"
    assert "Thanks for the email from your team on November 24." in run.draft.body
    assert "Thanks for Marcus's email" not in run.draft.body and "Thanks for your email" not in run.draft.body
    assert all(c.passed for c in run.checks if c.name == "thanks_the_right_person")


def test_a_deal_silent_for_months_gets_no_deadline_in_the_past():
    record, scores = load_record("hubspot_deal")
    old = tuple(replace(a, at=a.at.replace("2026-11", "2026-09").replace("2026-10", "2026-08"))
                for a in record.activities)
    record = replace(record, activities=old, close_date="2026-10-31")
    run = run_agents(record, scores, AgentSettings(tenant_id="t"), env={}, now=NOW,
                     policy=fixed_policy("limited_time_incentive"))
    send_day = datetime.fromisoformat(run.next_best_action.due_at).date()
    assert "October 31" not in run.draft.body
    assert timing_violations(run.draft.body, send_day) == []


def test_on_the_demo_market_no_draft_sets_a_past_deadline_or_a_same_day_call_and_questions_are_answered():
    market = Market(MarketConfig(seed=11, start=NOW.replace(hour=0), n_companies=40, n_open_deals=60,
                                 n_closed_deals=60, injection_rate=0.25))
    records = _records(market)
    asked = 0
    for record in records:
        run = run_agents(record, None, AgentSettings(tenant_id="sandbox"), env={}, now=NOW)
        ctx = build_context(record, None, now=NOW)
        ask = latest_ask(ctx)
        if run.draft.kind == "owner_brief":
            continue
        send_day = datetime.fromisoformat(run.next_best_action.due_at).date()
        assert timing_violations(f"{run.draft.subject}\n{run.draft.body}", send_day,
                                 asked_same_day=bool(ask and ask.same_day)) == [], (record.id, run.draft.body)
        if ask is not None:
            asked += 1
            assert answers_question(run.draft.body, ask)[0], (record.id, ask, run.draft.body)
    assert len(records) >= 20 and asked >= 5, (len(records), asked)
