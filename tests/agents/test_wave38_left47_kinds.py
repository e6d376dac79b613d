"""Set 47's two leftovers by family, in wordings of our own (issue 11, wave 38, left47), with the learned screen off
(tests.agents.role_matrix.refused_in_role checks drafts without it): each answer rests on a rule.

- An item given away in words the free lists did not read ("gracieux", "als Zugabe", "unberechnet", "with our
  compliments", "libres de cargo") is refused in every role and in every language, also when the record's inbound
  e-mails carry the words, whole or in halves (set 47's 095): agents.free_items.
- A money figure said per a unit is vouched when it is the record's amount over a count the record holds (a custom
  field, the company's employees, the buyer's own e-mail), to the cent or a whole unit; a figure that does not divide
  out, divides by a count of another thing or one the record does not hold, or has a period added, is refused (007):
  agents.per_unit_figures.
Each case pairs a text the old code answered wrongly with its twin, so every test fails on the code before wave 38.
Set 47's own cases are replayed in tests/agents/test_wave38_set47_leftovers.py."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents import AgentSettings
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.free_items import free_items
from agents.models import Draft, Recipient
from agents.quality import check_draft_quality
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import refused_in_role

RECORD = {"en": "hubspot_deal", "sf": "salesforce_opportunity", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
RECIPIENT = {"en": "501", "sf": "0035g00000Con01", "de": "701", "fr": "711", "es": "0035g00000Es01"}
FREE_ITEM = "a free item"


def _ctx(lang: str, extra: dict[str, Any] | None = None, inbound: tuple[str, ...] = (), notes: tuple[str, ...] = ()):
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    raw["extra"] = {**raw.get("extra", {}), **(extra or {})}
    for i, body in enumerate(inbound):
        raw["activities"].append({"type": "email", "at": f"2026-11-2{i + 2}T09:00:00Z", "direction": "inbound",
                                  "subject": f"Re: Angebot {i}", "body": body})
    for body in notes:
        raw["activities"].append({"type": "note", "at": "2026-11-21T09:00:00Z", "body": body})
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


def _refused(role: str, lang: str, text: str, **world: Any) -> list[str]:
    return refused_in_role(role, _ctx(lang, **world), text, RECIPIENT[lang])


def _free_item(reasons: list[str]) -> bool:
    return any(FREE_ITEM in r for r in reasons)


GIVEAWAYS = [
    # (language, role, the give-away, an honest twin with the same words)
    ("fr", "writer", "Claire, comme convenu, trois tablettes de saisie gracieuses complètent les licences des ateliers.",
     "Claire, les trois tablettes de saisie ne sont pas gracieuses : elles figurent au devis."),
    ("fr", "analyst", "Paul a obtenu que nous fournissions gracieusement deux terminaux de plus.",
     "Paul a salué l'accueil gracieux de l'équipe lors de la visite des ateliers."),
    ("de", "writer", "Frau Schmidt, zwei zusätzliche Fahrerlizenzen erhalten Sie als Zugabe.",
     "Frau Schmidt, zwei zusätzliche Fahrerlizenzen sind nicht als Zugabe gedacht, sie stehen im Angebot."),
    ("de", "strategist", "Herrn Weber zusagen: die Tablets für die Werkstatt bleiben unberechnet.",
     "Herrn Weber erklären, dass die Tablets für die Werkstatt nicht unberechnet bleiben."),
    ("en", "writer", "Dana, the five driver tablets come with our compliments.",
     "Dana, thank you for your compliments on the driver tablets during the demo."),
    ("sf", "strategist", "Tell Elena the two front-desk seats are hers for nothing.",
     "Tell Elena the two front-desk seats are not for nothing: each one is priced in the proposal."),
    ("es", "writer", "Javier, las dos licencias de supervisor van libres de cargo.",
     "Javier, las dos licencias de supervisor no están libres de cargo: figuran en la propuesta."),
    ("es", "analyst", "Lucía pidió y obtuvo tres lectores de códigos sin contraprestación.",
     "Lucía preguntó por la contraprestación de los tres lectores de códigos en la propuesta."),
]


@pytest.mark.parametrize(("lang", "role", "attack", "honest"), GIVEAWAYS)
def test_an_item_given_away_in_other_words_is_refused_and_its_honest_twin_is_not(
    lang: str, role: str, attack: str, honest: str
) -> None:
    assert _free_item(_refused(role, lang, attack)), attack
    assert not _free_item(_refused(role, lang, honest)), honest


@pytest.mark.parametrize(("halves", "draft"), [
    (("Frau Vogt, für die 120 Fahrzeuge: zwei Empfangsplätze", "... als Zugabe, wie mit Herrn Weber besprochen. Anna"),
     "Frau Schmidt, wie besprochen kommen die zwei Empfangsplätze als Zugabe zu den Lizenzen."),
    (("Frau Vogt, für die 120 Fahrzeuge: zwei Empfangsplätze als Zugabe, wie mit Herrn Weber besprochen. Anna",),
     "Frau Schmidt, wie besprochen kommen die zwei Empfangsplätze als Zugabe zu den Lizenzen."),
])
def test_a_free_item_the_inbound_mail_carries_whole_or_in_halves_vouches_for_nothing(
    halves: tuple[str, ...], draft: str
) -> None:
    assert _free_item(_refused("writer", "de", draft, inbound=halves))


def test_a_free_item_the_tenant_grants_passes_and_no_other_does() -> None:
    text = "Dos licencias de supervisor van libres de cargo."
    assert free_items(text, ("licencias de supervisor libres de cargo",)) == []
    assert free_items(text, ("formación libre de cargo para un usuario",)) != []
    assert free_items(text, ("descuento del 5 %",)) != []


def _figure_refused(reasons: list[str], figure: str) -> bool:
    return any(figure in r for r in reasons)


PER_UNIT = [
    # (language, the world, a figure that divides out, its figure, a twin that is refused, its figure)
    ("en", {}, "Dana, at the quoted total that is $114.29 per truck for your fleet.", "114.29",
     "Dana, at the quoted total that is $120 per truck for your fleet.", "120"),
    ("sf", {"extra": {"Number_of_Clinics__c": 9}}, "Elena, across your clinics the proposal comes to £2,666.67 per clinic.",
     "2,666.67", "Elena, across your 10 clinics the proposal comes to £2,400 per clinic.", "2,400"),
    ("de", {}, "Frau Schmidt, umgerechnet auf Ihre Flotte sind das 300,00 EUR pro Fahrzeug.", "300,00",
     "Frau Schmidt, umgerechnet auf Ihre Flotte sind das 300 EUR pro Fahrzeug und Monat.", "300"),
    ("de", {"extra": {"anzahl_standorte": 4}}, "Frau Schmidt, das Angebot entspricht 9.000 EUR je Standort.", "9.000",
     "Frau Schmidt, das Angebot entspricht 9.000 EUR je Fahrzeug.", "9.000"),
    ("fr", {}, "Claire, la proposition revient à 4 667 EUR par atelier.", "4 667",
     "Claire, la proposition revient à 4 000 EUR par atelier.", "4 000"),
    ("es", {}, "Javier, el importe equivale a 200 EUR por empleado.", "200",
     "Javier, el importe equivale a 200 EUR por camión.", "200"),
]


@pytest.mark.parametrize(("lang", "world", "derived", "figure", "twin", "twin_figure"), PER_UNIT)
def test_a_per_unit_figure_passes_when_the_records_amount_divides_out_by_a_count_it_holds(
    lang: str, world: dict[str, Any], derived: str, figure: str, twin: str, twin_figure: str
) -> None:
    assert not _figure_refused(_refused("writer", lang, derived, **world), figure), derived
    assert _figure_refused(_refused("writer", lang, twin, **world), twin_figure), twin


def test_a_count_only_our_own_notes_hold_vouches_for_no_per_unit_figure() -> None:
    text = "Frau Schmidt, das Angebot entspricht 9.000 EUR je Standort."
    assert _figure_refused(_refused("writer", "de", text, notes=("Flotte verteilt auf 4 Standorte",)), "9.000")
    assert not _figure_refused(_refused("writer", "de", text, inbound=("Wir haben 4 Standorte. Anna Schmidt",)), "9.000")


@pytest.mark.parametrize(("lang", "attack", "honest"), [
    ("en", "Dana, I can add two courtesy driver seats to the proposal.",
     "Dana, as a courtesy, I copied your account manager on the proposal."),
    ("sf", "Elena, the two front-desk licences come for nothing.",
     "Elena, with per-clinic licences your users pay for nothing they do not use."),
    ("de", "Frau Schmidt, als Zugabe gibt es zwei Werkstatt-Tablets.",
     "Frau Schmidt, die Zugabe weiterer Fahrzeuge in die Lizenzen ist jederzeit möglich."),
])
def test_a_free_word_binds_to_the_item_it_gives_not_to_any_item_near_it(lang: str, attack: str, honest: str) -> None:
    assert _free_item(_refused("writer", lang, attack)), attack
    assert not _free_item(_refused("writer", lang, honest)), honest


def _invented_in_quality(lang: str, body: str) -> list[str]:
    ctx = _ctx(lang)
    contact = next(c for c in ctx.record.contacts if c.id == RECIPIENT[lang])
    draft = Draft(to=Recipient(contact_id=contact.id, name=contact.name, email=contact.email), channel="email",
                  kind="email", subject="Proposition", body=body, language=lang, tone="friendly")
    checks = check_draft_quality(draft, ctx, build_vocabulary(ctx, score_figures=False), AgentSettings())
    return [c.detail for c in checks if c.name == "no_invented_facts" and not c.passed]


def test_the_quality_check_reads_a_per_unit_figure_as_the_writers_check_does() -> None:
    body = ("Bonjour Claire,\n\nLa proposition pour vos 6 ateliers vous parviendra vendredi. Cela revient à {} EUR par "
            "atelier.\n\nPourrions-nous en parler jeudi à 10 h ?\n\nCordialement,\nHugo Martin")
    assert _invented_in_quality("fr", body.format("4 666,67")) == []
    assert any("4 500" in d for d in _invented_in_quality("fr", body.format("4 500")))
