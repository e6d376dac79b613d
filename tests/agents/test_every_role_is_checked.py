"""Every check a draft passes, on every text a model writes (issue 11, wave 22): the analyst's summary, signals and
evidence notes, the strategist's rationale, the writer's subject and body. Set 30's misses were five of six in an
analysis or a rationale; the role matrix (tests/agents/role_matrix.py) showed past deadlines, same-day calls and
redaction placeholders refused in drafts only. Look-alikes: an analyst reports what the buyer asked for and what
already happened, and that is not our offer or our plan."""

from __future__ import annotations

import json

import pytest

from agents.catalogue import catalogue_by_name
from agents.context import build_context
from agents.models import StrategyOut
from agents.role_texts import role_text_violations
from agents.safety import check_strategy
from agents.settings import AgentSettings
from agents.strategist import next_best_action
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import PROBES, ROLES, as_rationale, as_signal, as_summary, world


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("kind", "lang", "text"), PROBES, ids=[f"{k}-{lang}-{i}" for i, (k, lang, _) in
                                                                 enumerate(PROBES)])
def test_a_probe_refused_in_a_draft_is_refused_in_every_role(role, kind, lang, text):
    assert ROLES[role](lang, text), f"{kind} passed in the {role}: {text}"


# An analyst reports the buyer's words and what already happened; a strategist plans days still to come.
REPORTS = [
    ("en", "Dana asked whether a discount is possible for the second depot."),
    ("en", "Dana asked on November 18 for the proposal by the end of next week."),
    ("en", "Dana wanted the proposal by November 18; that date has passed, so the proposal is late."),
    ("en", "Dana would like a call this afternoon to go through the seat count."),
    ("en", "The discovery call took place on November 12 and covered idle time."),
    ("en", "Last contact was a call on November 19."),
    ("de", "Frau Schmidt bittet um das Angebot für 120 Fahrzeuge bis Ende nächster Woche."),
    ("de", "Herr Weber fragte, ob heute noch ein kurzes Telefonat möglich ist."),
    ("de", "Die Demo fand am 14. Oktober statt."),
    ("fr", "Claire demande un appel aujourd'hui pour parler du nombre de licences."),
    ("fr", "Claire a écrit le 19 novembre pour demander la proposition."),
    ("es", "Javier pidió la propuesta el 18 de noviembre con el calendario de implantación."),
    ("es", "Lucía quiere hablar hoy por la tarde sobre el retorno."),
]

PLANS = [
    ("en", "Email Dana on Monday, November 30 with the proposal before the December budget review."),
    ("en", "Follow up in two business days and offer a 20-minute call next week."),
    ("de", "Frau Schmidt am Montag, 30. November, anrufen und das Angebot besprechen."),
    ("fr", "Proposer à Claire un appel le lundi 30 novembre à 10 h."),
    ("es", "Proponer a Javier una llamada el lunes 30 de noviembre a las 10:00."),
]


@pytest.mark.parametrize(("lang", "text"), REPORTS + PLANS)
def test_an_analysis_reporting_the_buyer_or_planning_ahead_passes(lang, text):
    assert as_summary(lang, text) == []
    assert as_signal(lang, text) == []


@pytest.mark.parametrize(("lang", "text"), REPORTS + PLANS)
def test_a_rationale_reporting_the_buyer_or_planning_ahead_passes(lang, text):
    assert as_rationale(lang, text) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Dana asked for the proposal; so call her today at 4 pm to close it."),
    ("en", "Dana wants the proposal - ring her this afternoon and push for a signature."),
    ("de", "Frau Schmidt möchte das Angebot, dann heute um 16 Uhr anrufen."),
    ("fr", "Claire attend la proposition ; l'appeler cet après-midi."),
    ("es", "Javier espera la propuesta; llamarle hoy a las 17:00."),
])
def test_a_plan_for_today_joined_to_a_report_of_the_buyer_is_refused(lang, text):
    assert any("meet" in r or "today" in r or "send day" in r for r in as_rationale(lang, text)), text


def _with_latest_inbound(body: str) -> Record:
    raw = json.loads((FIXTURES / "records" / "hubspot_deal.json").read_text())
    raw["activities"].append({"type": "email", "at": "2026-11-25T13:10:00Z", "direction": "inbound",
                              "subject": "Quick question", "body": body})
    return Record.from_dict(raw)


def test_a_same_day_call_in_a_rationale_passes_when_the_buyer_asked_to_talk_today():
    ctx = build_context(_with_latest_inbound("Hi Sam, could you call me this afternoon about the seat count? Dana"),
                        None, now=NOW)
    assert role_text_violations("Call Dana this afternoon about the seat count.", ctx, contact_id="501") == []


def test_a_same_day_call_in_a_rationale_is_refused_when_the_buyer_asked_nothing_for_today():
    ctx = build_context(_with_latest_inbound("Hi Sam, could you send the seat count next week? Dana"), None, now=NOW)
    assert role_text_violations("Call Dana this afternoon about the seat count.", ctx, contact_id="501") != []


def test_a_redaction_placeholder_in_a_signal_is_refused():
    assert any("placeholder" in r for r in as_signal("en", "Prefers [[EMAIL_1]] for the contract"))


@pytest.mark.parametrize(("kind", "lang", "text"), PROBES[:12] + PROBES[28:33])
def test_the_next_best_action_carries_no_word_of_the_rationale(kind, lang, text):
    """The action's summary goes to the CRM's `ai_next_best_action` and the task: it is built from validated fields
    (channel, timing, the capped discount, the recipient's screened name), so a probe in the rationale is not in it."""
    ctx, vocab = world(lang)
    arm = catalogue_by_name()["value_reinforcement"]
    out = StrategyOut(strategy=arm.name, rationale=text, channel="email", timing="in_2_business_days",
                      discount=None, recipient_contact_id=ctx.record.contacts[0].id)
    assert check_strategy(out, ctx, vocab, arm=arm, max_discount=0.1)
    neutral = out.model_copy(update={"rationale": "Value reinforcement fits."})
    settings = AgentSettings(tenant_id=ctx.record.tenant_id)
    assert next_best_action(ctx, arm, out, settings) == next_best_action(ctx, arm, neutral, settings)


# The matrix's one gap in every role: a delivery or an installation stated as done, and the French third person's
# "a ouvert" (noticed in wave 21), whose auxiliary "a" is also the English article.
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The units were installed at the Tacoma depot last week."),
    ("de", "Die Geräte sind bereits in allen Fahrzeugen montiert."),
    ("fr", "Paul a ouvert votre compte client."),
    ("fr", "Le matériel a été livré sur les six sites."),
    ("es", "Los dispositivos ya fueron instalados en los camiones."),
])
def test_a_delivery_or_an_account_opened_by_someone_is_refused_in_every_role(lang, text):
    assert all(check(lang, text) for check in ROLES.values()), text


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "We can deliver the hardware within two weeks of signature."),
    ("de", "Die Geräte werden nach der Unterschrift geliefert."),
    ("fr", "Paul a ouvert la réunion par une question sur les absences."),
    ("fr", "Claire a demandé si le matériel peut être livré en janvier."),
    ("es", "Javier preguntó cuándo se instalarán los dispositivos."),
])
def test_a_delivery_planned_or_asked_about_passes(lang, text):
    assert as_summary(lang, text) == [] and as_rationale(lang, text) == [], text
