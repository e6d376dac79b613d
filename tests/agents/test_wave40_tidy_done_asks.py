"""A titled person in a request is whom the thing goes to or through, not the thing asked for (wave 40, tidy40).

Set 35's de-b9 ("könnten Sie Herrn Weber bitten, noch vor unserem Termin am 2. Dezember zu unterschreiben") has been
read as one sentence since wave 39's splitter, and then as asking for something the record shows done: the German
request's object stands between "Könnten Sie" and its verb, and "Herrn Weber" shared two stems with the record's
"Hallo Herr Weber, anbei die Amortisationsrechnung". A good draft that asks the buyer to pass something on to a
titled colleague was refused the same way."""

from __future__ import annotations

import pytest

from agents.context import build_context
from agents.done_asks import asks_for_done_things
from tests.agents.conftest import NOW, load_record

SENT = "die Amortisationsrechnung für die 120 Fahrzeuge"
"""What the record shows sent: our payback calculation went to Herr Weber on October 28 ("anbei die
Amortisationsrechnung für 120 Fahrzeuge")."""


@pytest.mark.parametrize(("passed_on", "asked_again"), [
    ("Könnten Sie Herrn Weber bitte die Unterlagen zum Rollout weiterleiten?",
     f"Könnten Sie Herrn Weber bitte {SENT} weiterleiten?"),
    ("Könnten Sie bitte Herrn Weber die Liste der Standorte schicken, damit er sie vor dem Termin sieht?",
     f"Könnten Sie bitte Frau Schmidt {SENT} schicken, damit sie sie vor dem Termin sieht?"),
    ("Könnten Sie Herrn Weber bitten, den Rahmenvertrag zu unterschreiben, wenn er ihn gelesen hat?",
     f"Könnten Sie Herrn Weber bitten, uns {SENT} zu schicken?"),
])
def test_asking_the_buyer_to_pass_a_thing_to_a_titled_colleague_is_no_ask_for_what_is_done(
        passed_on: str, asked_again: str) -> None:
    record, scores = load_record("de_deal")
    ctx = build_context(record, scores, now=NOW)
    assert asks_for_done_things(passed_on, ctx) == []
    assert asks_for_done_things(asked_again, ctx)  # the thing sent, asked for again, is still flagged
