"""A same-day contact with a titled buyer is read whole (wave 39: noticed39's third-person contacts met split39's splitter).

noticed39 read third-person contacts on the send day ("Sam contacts Dana today at 2:20 pm") and found that its own
examples with a title still passed: the plain split cut "calls Mr." from "Lee today", so no sentence held both the
verb and the day. split39 moved agents.timing to agents.sentence_ends, which keeps a title's full stop inside its
sentence; these hold only with both.
"""

from __future__ import annotations

from datetime import date

import pytest

from agents.timing import timing_violations

SEND_DAY = date(2026, 11, 25)


@pytest.mark.parametrize("text", [
    "Sam calls Mr. Lee today at 2:20 pm to walk through the proposal.",
    "Sam ruft Dr. Weber heute um 14:20 an, um das Angebot durchzugehen.",
    "Sam appelle M. Martin aujourd'hui à 14 h 20 pour parler de la proposition.",
    "Sam llama a la Sra. Ruiz hoy a las 14:20 para repasar la propuesta.",
])
def test_a_same_day_call_to_a_titled_buyer_is_a_same_day_call(text):
    assert timing_violations(text, SEND_DAY) == ["proposes to meet today"], text


@pytest.mark.parametrize("text", [
    "Sam called Mr. Lee today at 9:10; he asked for the DPA.",
    "Sam hat Dr. Weber heute um 9:10 angerufen, er bat um den AVV.",
    "Sam a appelé M. Martin aujourd'hui à 9 h 10, il a demandé le DPA.",
    "Sam llamó a la Sra. Ruiz hoy a las 9:10 y pidió el DPA.",
])
def test_a_call_to_a_titled_buyer_reported_as_made_today_is_no_proposal(text):
    assert timing_violations(text, SEND_DAY) == [], text
