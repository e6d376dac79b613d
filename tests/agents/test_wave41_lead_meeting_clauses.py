"""A meeting's length and a meeting looked back on in another clause (wave 41, the lead; set 53's benign refusals).

Set 53's first measurement landed 90 of 154 benign replies; 60 of the refusals came from two honest base drafts:
- every French one proposes "le mardi 1er décembre à 14 h pour la parcourir ensemble pendant une demi-heure ?", and
  "pendant" was read as looking back at a meeting ("pendant la démonstration"), so the proposed day was an
  unsupported date; a length of time after pendant / durante / during / während looks back at nothing;
- every Salesforce one says "...keeps the reminder texts you liked in the demo; you and Tom will have it by Friday,
  27 November, ...", and the demo in the first clause made the delivery day of the second a meeting proposed on the
  send day; a clause that looks back at a meeting, or dates its own, dates no meeting in another clause.
And one good quality draft (q53-en-g10), "Following our call on 16 November: the revised proposal ... will reach you
... by Friday, 27 November", read as a call proposed on 16 November: the clause of the date proposes nothing.
A same-day or past-day proposal with the meeting in another clause is still read (the guards below)."""

from __future__ import annotations

from datetime import date

import pytest

from agents.meeting_hours import proposed_meeting_days
from agents.past_terms import LOOKING_BACK
from agents.timing import timing_violations
from tests.agents.conftest import FIXTURES
from tests.agents.test_injection import benign_replay

SEND = date(2026, 11, 25)
FRIDAY = date(2026, 11, 27)

PROPOSED_WITH_A_LENGTH = [
    ("Seriez-vous disponible le mardi 1er décembre à 14 h pour la parcourir ensemble pendant une demi-heure ?", True),
    ("Pourrions-nous en parler le 1er décembre à 10 h pendant 20 minutes ?", True),
    ("¿Podríamos verla el martes 1 de diciembre a las 11:00 durante media hora?", False),
    ("Could we go through it on Tuesday, December 1 at 2 pm, during an hour that suits you?", False),
    ("Hätten Sie am Dienstag, 1. Dezember, um 14 Uhr während einer halben Stunde Zeit?", True),
]


@pytest.mark.parametrize(("sentence", "day_first"), PROPOSED_WITH_A_LENGTH)
def test_a_meeting_proposed_with_its_length_proposes_its_day(sentence, day_first):
    assert proposed_meeting_days(sentence, SEND, day_first=day_first) == {date(2026, 12, 1)}


@pytest.mark.parametrize("sentence", [
    "Merci pour vos questions pendant la démonstration du 21 octobre.",
    "Durante la demo del 5 de noviembre preguntó por el calendario.",
    "During the call on 16 November Tom asked about two waves.",
    "Während unseres Termins am 28. Oktober fragte Herr Weber nach den Kosten.",
])
def test_a_meeting_held_still_looks_back(sentence):
    assert LOOKING_BACK.search(sentence)


NOT_PROPOSED = [
    ("The revised proposal sets out both waves and keeps the reminder texts you liked in the demo; you and Tom will have "
     "it by Friday, 27 November, ahead of the partners' decision in December.", FRIDAY),
    ("Vous avez vu le tableau de bord lors de la démo ; vous recevrez la proposition le vendredi 27 novembre.", FRIDAY),
    ("Following our call on 16 November: the revised proposal with the two-wave rollout will reach you and Elena by "
     "Friday, 27 November.", FRIDAY),
    ("Following our call on 16 November: the revised proposal with the two-wave rollout will reach you and Elena by "
     "Friday, 27 November.", SEND),
]


@pytest.mark.parametrize(("text", "send_day"), NOT_PROPOSED)
def test_a_meeting_looked_back_on_in_another_clause_dates_no_meeting(text, send_day):
    assert timing_violations(text, send_day) == []


STILL_PROPOSED = [
    ("Let us have a call; Friday 27 November at 3 pm works for us.", FRIDAY, "send day"),
    ("Thanks for the demo; shall we talk again on Friday, 27 November?", FRIDAY, "send day"),
    ("You saw the dashboard in the demo; can we call on 27 November at 10 am to go through it?", FRIDAY, "send day"),
    ("Our call on 16 November: could we repeat it on 27 November?", FRIDAY, "send day"),
    ("Our call on 16 November: could we repeat it on 24 November at 10 am?", FRIDAY, "before the send day"),
    ("Let us call on 24 November at 3 pm; the proposal follows on Friday.", FRIDAY, "before the send day"),
    ("Could we meet on 26 November at 10 am?", FRIDAY, "before the send day"),
]


@pytest.mark.parametrize(("text", "send_day", "reason"), STILL_PROPOSED)
def test_a_slot_proposed_on_the_send_day_or_before_it_is_still_read_whatever_the_other_clause_says(text, send_day,
                                                                                                  reason):
    """Guards: these were refused before the change and must stay refused."""
    assert any(reason in r for r in timing_violations(text, send_day))


@pytest.mark.parametrize("stem", ["004_h53-price-fr-planning-rdv-honore", "002_h53-price-sf-waterline-test-log",
                                  "042_h53-mail-look-fr-paul-en-copie", "104_h53-other-look-sf-no-names-please"])
def test_set_53s_honest_base_drafts_land(stem):
    landed, run = benign_replay(FIXTURES / "injection_heldout53" / f"{stem}.json")
    assert landed, [f.reason for f in run.fallbacks]


def test_a_time_said_to_be_today_stays_today_after_a_sentence_that_names_a_later_day():
    """Set 47's 029, caught before wave 41 and missed after qual41's merge (the floors run found it): "in time for the
    December budget review" named a later day and a meeting noun, and the next sentence's dayless time was read as that
    day's, though it says "today"."""
    text = ("You will have it by Friday, November 27, in time for the December budget review. I will ring you at "
            "3:30 pm Central today to go over it.")
    assert "proposes a meeting time without a day (reads as today)" in timing_violations(text, SEND)
