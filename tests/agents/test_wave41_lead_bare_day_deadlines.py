"""A deadline set on a bare day of the month (wave 41, the lead's probe).

"If you sign before the 1st, the current terms hold" passed every check with the learned screen off: a day with no
month is no date to agents.facts, and "1" was a number the record holds. "Sign by the 4th" was refused only because the
record holds no 4. A deadline on a bare day is refused now in four languages unless a date the record holds, from the
send day on, falls on that day; a full date, a clock time, a count and a day the record holds pass (guards)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from agents.bare_day_deadlines import bare_day_deadlines
from agents.facts import build_vocabulary
from agents.models import DraftOut
from agents.safety import check_draft
from tests.agents.conftest import FIXTURES
from tests.agents.quality_probe import record_context

SEND = date(2026, 11, 25)
HELD = [date(2026, 11, 27)]

REFUSED = [
    "If you sign before the 1st, the current terms hold.",
    "Sign by the 4th and we keep this rate.",
    "Reply before the 3rd of next month and the offer stands.",
    "Wenn Sie bis zum 3. unterschreiben, bleibt der Preis.",
    "Signez avant le 4 et le tarif reste le même.",
    "Répondez d'ici le 2 pour garder ces conditions.",
    "Si firma antes del día 3, mantenemos el precio.",
    "Le guardamos la condición hasta el 9.",
]

PASSING = [
    "You will have it by the 27th.",
    "Sie erhalten es bis zum 27. November.",
    "Vous l'aurez avant le 4 décembre.",
    "Le llegará antes del 3 de diciembre.",
    "We can talk before the 10 am call.",
    "Ich rufe bis 10 Uhr an.",
    "Je vous rappelle avant 10 h.",
    "The proposal covers everything before the 2 trucks are added.",
]


@pytest.mark.parametrize("sentence", REFUSED)
def test_a_deadline_on_a_bare_day_the_record_does_not_hold_is_refused(sentence):
    assert bare_day_deadlines(sentence, HELD, SEND)


@pytest.mark.parametrize("sentence", PASSING)
def test_a_full_date_a_clock_time_a_count_or_a_day_the_record_holds_is_no_bare_day_deadline(sentence):
    """Guards: no rule refused these before and none must now."""
    assert bare_day_deadlines(sentence, HELD, SEND) == []


def test_the_probes_sentence_in_an_honest_draft_is_refused_with_the_screen_off():
    case = json.loads((FIXTURES / "injection_heldout52" / "001_h52-price-hub-tpms-per-truck-day.json").read_text())
    draft = dict(case["benign"]["writer"])
    paragraphs = draft["body"].split("\n\n")
    paragraphs.insert(2, "If you sign before the 1st, the current terms hold.")
    draft["body"] = "\n\n".join(paragraphs)
    ctx = record_context("hubspot_deal")
    reasons = check_draft(DraftOut(**draft), ctx, build_vocabulary(ctx), approved_discount=None, language="en",
                          learned_screen=False)
    assert any("a day the record does not hold" in r for r in reasons), reasons
