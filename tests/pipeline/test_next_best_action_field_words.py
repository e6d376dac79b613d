"""The CRM field `ai_next_best_action` says the next step in words, in the record's language, and whether it waits.

Wave 30's walk read "Email James Moore (limited time incentive) on Mon 07 Dec 10:00 America/New_York, offering 8% off"
in the field: the learning loop's arm name, a time-zone identifier, English on every record, and no word that the 8%
waited for a manager's approval (the card and the task said so).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from agents.decision import Decision
from agents.models import Draft, NextBestAction, Person, Recipient
from app.pipeline.next_step_words import ARM_WORDS
from app.pipeline.writeback import output_fields, task_spec
from app.storage import get_db
from app.storage.models import Enrichment
from tests.conftest import install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import run_change, sample_record

NOW = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
ARM_NAMES = ("limited_time_incentive", "limited time incentive", "value_reinforcement", "America/")


def run_of(language: str, channel: str = "email", arm: str = "limited_time_incentive", discount: float | None = 0.08):
    nba = NextBestAction(channel=channel, timing="next_business_day", due_at="2026-12-07T10:00:00-05:00",  # type: ignore[arg-type]
                         timezone="America/New_York", owner=Person(name="Sam Lee"),
                         recipient=Person(id="c1", name="James Moore"), discount=discount,
                         summary=f"Email James Moore ({arm.replace('_', ' ')}) on Mon 07 Dec 10:00 America/New_York")
    draft = Draft(to=Recipient(contact_id="c1", name="James Moore", email="james@example.com"), channel=channel,  # type: ignore[arg-type]
                  kind="email", subject="s", body="b", language=language, tone="neutral")
    strategy = SimpleNamespace(arm=arm, rationale="r")
    analysis = SimpleNamespace(summary="a")
    return SimpleNamespace(next_best_action=nba, strategy=strategy, draft=draft, analysis=analysis)


DUE = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)


def field(run, decision) -> str:
    return output_fields({}, run, decision, now=NOW)["ai_next_best_action"]


@pytest.mark.parametrize("language, expected", [
    ("en", "Needs a manager's approval: Email James Moore on Monday, December 7 at 10:00 (New York time), offering 8% "
           "off. How: a time-limited offer."),
    ("de", "Braucht die Freigabe einer Führungskraft: E-Mail an James Moore am Montag, 7. Dezember um 10:00 (Zeitzone "
           "New York), mit 8 % Rabatt. Ansatz: ein befristetes Angebot."),
    ("fr", "Nécessite l'accord d'un responsable : Écrire à James Moore le lundi 7 décembre à 10h00 (fuseau New York), "
           "avec 8 % de remise. Approche : une offre limitée dans le temps."),
    ("es", "Necesita la aprobación de un responsable: Escribir a James Moore el lunes 7 de diciembre a las 10:00 (zona "
           "horaria New York), con un 8 % de descuento. Enfoque: una oferta por tiempo limitado."),
])
def test_a_discount_waiting_for_approval_is_said_in_the_records_language(language, expected):
    decision = Decision("suggest", "email", DUE, 0.08, True, False, ("discount 8% above 2% needs approval",))
    text = field(run_of(language), decision)
    assert text == expected
    assert not any(name in text for name in ARM_NAMES)
    assert len(text) <= 255  # Salesforce's AI_Next_Best_Action__c


def test_an_action_nobody_must_approve_says_no_approval_and_an_escalation_says_who_decides():
    free = field(run_of("en", arm="value_reinforcement", discount=None),
                 Decision("suggest", "email", DUE, None, False, False, ()))
    assert free == ("Email James Moore on Monday, December 7 at 10:00 (New York time). How: restate the value they "
                    "asked for.")
    escalated = field(run_of("de"), Decision("escalate", "email", DUE, 0.08, True, True, ("amount: human review",)))
    assert escalated.startswith("An eine Führungskraft eskaliert: E-Mail an James Moore am Montag")


def test_the_decided_channel_and_time_win_over_the_strategists():
    """A meeting the rules turn into an email, moved out of quiet hours: the field says what the task says."""
    moved = datetime(2026, 12, 8, 14, 0, tzinfo=UTC)
    text = field(run_of("fr", channel="meeting"), Decision("suggest", "email", moved, None, False, False, ()))
    assert text.startswith("Écrire à James Moore le mardi 8 décembre à 09h00 (fuseau New York)"), text


def test_a_held_back_action_is_not_written_as_one_to_do():
    wait = field(run_of("es"), Decision("wait", None, DUE, None, False, False, ("contacted 2 days ago",)))
    assert wait == "Esperar antes de volver a contactar a James Moore: contactado hace poco."
    suppressed = field(run_of("en"), Decision("suppress", None, None, None, False, False, ("opted out",)))
    assert suppressed == "No message to James Moore for now: held back by the account's rules."


def test_a_tenants_own_strategy_is_in_words_not_its_identifier():
    text = field(run_of("en", arm="value_selling", discount=None), Decision("suggest", "email", DUE, None, False,
                                                                            False, ()))
    assert "How: value selling." in text and "value_selling" not in text


def test_the_task_subject_names_the_strategy_in_words_too():
    task = task_spec(sample_record("t1"), run_of("en"), Decision("suggest", "email", DUE, 0.08, True, False, ()))
    assert task.subject == "Email James Moore: a time-limited offer", task.subject


@pytest.fixture
def german_deal(app_factory):
    """The pipeline's sample deal whose buyers write German (a contact's own language decides the draft's)."""
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    tid = install_tenant(app, "62515")
    record = sample_record(tid)
    record = dataclasses.replace(record, contacts=tuple(dataclasses.replace(c, language="de") for c in record.contacts))
    crm = FakeCrm([record])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    return app, tid, crm


def test_a_german_record_gets_the_field_in_german_through_the_pipeline(german_deal):
    app, tid, crm = german_deal
    run_change(app, 1)
    with get_db(app).session() as s:
        card = s.execute(select(Enrichment)).scalars().one().card
    assert card["draft"]["language"] == "de"
    text = crm.fields["8807"]["ai_next_best_action"]
    assert "Ansatz: " in text and " am " in text, text
    assert card["strategy"]["arm"].replace("_", " ") not in text and "(" + card["strategy"]["arm"] not in text
    arm = card["strategy"]["arm"]
    assert f"Ansatz: {ARM_WORDS['de'][arm]}." in text  # the same strategy the card names in its (English) words
    assert card["strategy"]["label"].lower() == ARM_WORDS["en"][arm].lower()


def test_an_escalated_records_field_is_in_its_buyers_language_though_the_brief_is_english():
    """The owner's brief of an escalation is written in English for the owner; the field is the record's."""
    from app.pipeline.writeback import record_language

    record = sample_record("t1")
    french = dataclasses.replace(record, contacts=tuple(dataclasses.replace(c, language="fr")
                                                        for c in record.contacts))
    run = run_of("en", discount=None)
    decision = Decision("escalate", "email", DUE, None, True, True, ("legal in a1: human review",))
    text = output_fields({}, run, decision, now=NOW, language=record_language(french, "en", "c1"))[
        "ai_next_best_action"]
    assert text.startswith("Escaladé à un responsable : Écrire à James Moore le lundi"), text
    assert record_language(record, "de") == "en"  # the sample's US company: its country's language
    assert record_language(dataclasses.replace(record, company=None), "de") == "de"  # else the tenant's default


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_the_approval_state_survives_salesforces_255_character_cut(language):
    """A long name, a meeting, a fractional discount: Salesforce keeps 255 characters; the state comes first."""
    from integrations.salesforce.mapping import OUTPUT_LENGTHS

    run = run_of(language, channel="meeting", discount=0.125)
    run.next_best_action.recipient.name = "Maria-Fernanda de la Concepción Rodríguez"
    text = field(run, Decision("escalate", "meeting", DUE, 0.125, True, True, ("amount: human review",)))
    kept = text[:OUTPUT_LENGTHS["ai_next_best_action"]]
    assert kept.split(":")[0] in {"Escalated to a manager", "An eine Führungskraft eskaliert", "Escaladé à un responsable ",
                                  "Escalado a un responsable"}, kept
    assert ("12.5%" if language == "en" else "12,5 %") in kept, kept
