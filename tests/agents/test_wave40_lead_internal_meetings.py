"""A meeting the buyer held among themselves is not one the record should show (wave 40, lead; set 52's de-g1).

"vielen Dank für Ihre Nachricht vom 20. November – schön, dass Sie nach Ihrem internen Gespräch weitermachen möchten"
was refused as thanks for a "Gespräch" on a day without a meeting or call: the talk was the buyer's own. A meeting
with us on a day the record has none is still refused."""

from __future__ import annotations

from datetime import date

import pytest

from agents.thanked_events import unrecorded_occasions
from tests.agents.quality_probe import record_context

SEND_DAY = date(2026, 11, 25)

INTERNAL = [
    ("de_deal", "vielen Dank für Ihre Nachricht vom 20. November – schön, dass Sie nach Ihrem internen Gespräch weitermachen möchten."),
    ("de_deal", "Danke für Ihre Mail vom 20. November nach Ihrer internen Besprechung."),
    ("hubspot_deal", "Thanks for your note of November 18 after your internal meeting."),
    ("fr_deal", "Merci pour votre message du 19 novembre, après votre réunion interne."),
    ("es_opportunity", "Gracias por su correo del 18 de noviembre tras su reunión interna."),
]

WITH_US = [
    ("de_deal", "vielen Dank für das Gespräch am 20. November."),
    ("hubspot_deal", "Thanks for the meeting on November 18."),
    ("fr_deal", "Merci pour la réunion du 19 novembre."),
    ("es_opportunity", "Gracias por la reunión del 18 de noviembre."),
]


@pytest.mark.parametrize(("record", "line"), INTERNAL)
def test_thanks_beside_the_buyers_own_internal_meeting_pass(record, line):
    assert unrecorded_occasions(line, record_context(record), SEND_DAY) == []


@pytest.mark.parametrize(("record", "line"), WITH_US)
def test_thanks_for_a_meeting_with_us_the_record_lacks_are_still_refused(record, line):
    assert unrecorded_occasions(line, record_context(record), SEND_DAY)
