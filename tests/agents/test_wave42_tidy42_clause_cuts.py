"""Why agents.later_meetings keeps its own clause cut (issue 11, code health, wave 42, tidy42).

later_meetings cuts a sentence at every ";" and ":" (and at en and em dashes, which agents.timing's `normalise` has
already made hyphens); agents.joined_clauses cuts at a ";", at a spaced dash or hyphen, and (with `colon`) at a colon
before a space. The two differ on a spaced hyphen and on the colon of "10:30", and each difference moves a verdict of
the send-day meeting rule in agents.timing: the tests pin today's verdict and show the shared cut deciding otherwise.
The clause cut of agents.stated_terms is the other private one named in the brief; tests/agents/
test_wave42_tidy42_reported_asks.py shows why it stays. Every test here is a guard (it held before wave 42).
"""

from __future__ import annotations

from datetime import date

import pytest

from agents.joined_clauses import clause_at
from agents.later_meetings import CLAUSE_MARKS_SPLIT
from agents.timing import timing_violations

SEND_DAY = date(2026, 11, 27)  # the day the drafts below say the proposal arrives


@pytest.mark.parametrize("text", [
    "Sie erhalten es bis Freitag, 27. November - den Rückruf, um den Sie gebeten haben, schlage ich für die Woche "
    "darauf vor.",
    "You will have it by Friday, November 27 - the call you asked for I suggest for the week after.",
    "Vous l'aurez le vendredi 27 novembre - l'appel que vous avez demandé, je le propose la semaine suivante.",
    "Lo tendrá el viernes 27 de noviembre - la llamada que pidió la propongo para la semana siguiente.",
])
def test_a_spaced_hyphen_joins_no_clauses_for_later_meetings(text):
    """Guard. Today the date and the call the week after are one clause, so the call is read as the send day's and
    refused (a false refusal: written with ";" the same draft passes); on joined_clauses' cut the hyphen parts them."""
    assert timing_violations(text, SEND_DAY)
    assert timing_violations(text.replace(" - ", "; "), SEND_DAY) == []
    date_at = text.index("27")
    assert len(CLAUSE_MARKS_SPLIT.split(text)) == 1
    assert clause_at(text, date_at, date_at + 2) == text[:text.index(" - ")]


@pytest.mark.parametrize("text", [
    "The summary reaches you on Friday, November 27 at 10:30; it keeps the reminder texts you liked in the demo.",
    "Der Bericht kommt am Freitag, 27. November um 10:30; er enthält die Texte, die Ihnen in der Demo gefallen haben.",
])
def test_the_colon_of_a_clock_time_is_a_cut_for_later_meetings(text):
    """Guard. Today "10:30" is cut at its colon, so the date's clause holds no clock time and the demo looked back on
    lets it pass; joined_clauses (a colon cuts only before a space) keeps "10:30" whole, and the draft would be refused
    as a slot on the send day."""
    assert timing_violations(text, SEND_DAY) == []
    date_at = text.index("27")
    assert "10:30" not in next(c for c in CLAUSE_MARKS_SPLIT.split(text) if "27" in c)
    assert "10:30" in clause_at(text, date_at, date_at + 2, colon=True)
