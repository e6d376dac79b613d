"""Wave 21b: good drafts of set 30 refused by kind (customary days off, the length minimum), probed in wordings of
our own beside bad drafts that must still be flagged."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agents.forms_of_address import foreign_voseo
from agents.meeting_hours import business_hours_violations
from agents.meeting_slots import proposed_slots
from agents.public_holidays import customary_day_off, public_holiday
from tests.agents.conftest import NOW
from tests.agents.test_quality import _checks

SEND_DAY = NOW.date()  # Wednesday, November 25, 2026


@pytest.mark.parametrize(("text", "country", "tz"), [
    ("Could we talk on Friday, November 27 at 10 am?", "us", "America/Chicago"),
    ("Would Thursday, December 24 at 10 am work for a short call?", "us", "America/New_York"),
    ("Passt Ihnen Donnerstag, 31. Dezember, um 10 Uhr?", "de", "Europe/Berlin"),
])
def test_a_meeting_on_a_customary_day_off_is_not_refused_as_a_holiday(text, country, tz):
    assert business_hours_violations(text, SEND_DAY, recipient_tz=tz, country=country) == []


@pytest.mark.parametrize(("text", "country", "tz", "holiday"), [
    ("Could we talk on Thursday, November 26 at 10 am?", "us", "America/Chicago", "Thanksgiving Day"),
    ("Passt Ihnen Freitag, 25. Dezember, um 10 Uhr?", "de", "Europe/Berlin", "Weihnachtstag"),
    ("¿Le viene bien el martes 8 de diciembre a las 10:00?", "es", "Europe/Madrid", "Inmaculada"),
    ("Seriez-vous disponible le vendredi 25 décembre à 10 h ?", "fr", "Europe/Paris", "Noël"),
])
def test_a_meeting_on_a_statutory_holiday_is_still_refused(text, country, tz, holiday):
    assert holiday in " ".join(business_hours_violations(text, SEND_DAY, recipient_tz=tz, country=country))


def test_customary_days_are_kept_apart_from_the_statutory_table():
    assert customary_day_off(date(2026, 11, 27), "us") == "the day after Thanksgiving"
    assert public_holiday(date(2026, 11, 27), "us") is None
    assert customary_day_off(date(2026, 12, 24), "de") == "Heiligabend"
    assert public_holiday(date(2026, 12, 24), "de") is None


def test_the_slots_we_choose_ourselves_still_avoid_the_day_after_thanksgiving():
    # sent on Thanksgiving itself: the next business day is the customary day off, so the first slot is Monday
    sent = datetime(2026, 11, 26, 9, tzinfo=ZoneInfo("America/Chicago"))
    slots = proposed_slots(sent, "America/Chicago", country="United States")
    assert slots and all(s.date() != date(2026, 11, 27) for s in slots), slots


def _entry(record, contact, body, language):
    return {"record": record, "language": language, "label": "good",
            "draft": {"to_contact_id": contact, "kind": "email", "subject": "Proposal", "body": body}}


SHORT_GOOD = [
    ("de_deal", "701", "de", "Hallo Frau Schmidt,\n\nvielen Dank, das Angebot für Ihre 120 Fahrzeuge ist fast fertig "
                              "und kommt am Freitag, 27. November.\n\nViele Grüße\nLena Vogt"),
    ("fr_deal", "711", "fr", "Bonjour Claire,\n\nMerci, la proposition pour vos 6 ateliers est presque prête : vous la "
                              "recevrez le vendredi 27 novembre.\n\nBien cordialement,\nHugo"),
]
SHORT_BAD = [
    ("de_deal", "701", "de", "Hallo Frau Schmidt,\n\ndanke, kommt.\n\nGrüße\nLena"),
    ("fr_deal", "711", "fr", ""),
    ("hubspot_deal", "501", "en", "Hi Dana,\n\nThanks, will do.\n\nSam"),
]


@pytest.mark.parametrize(("record", "contact", "language", "body"), SHORT_GOOD)
def test_a_short_complete_reply_is_within_length(record, contact, language, body):
    length = next(c for c in _checks(_entry(record, contact, body, language)) if c.name == "within_length")
    assert length.passed, length.detail


@pytest.mark.parametrize(("record", "contact", "language", "body"), SHORT_BAD)
def test_an_empty_or_one_line_reply_is_still_too_short(record, contact, language, body):
    length = next(c for c in _checks(_entry(record, contact, body, language)) if c.name == "within_length")
    assert not length.passed


@pytest.mark.parametrize(("body", "country", "found"), [
    ("Hola Javier, ¿cómo andás? Te mando la propuesta el viernes.", "es", "andás"),
    ("Hola Lucía: vos decime si el jueves te viene bien.", None, "vos"),
    ("Hola Martín, ¿cómo andás? Te mando la propuesta el viernes.", "ar", None),
    ("Hola Javier: además, la propuesta llegará el viernes; ¿le viene bien el jueves?", "es", None),
])
def test_voseo_is_a_register_only_where_the_buyers_country_does_not_write_it(body, country, found):
    assert foreign_voseo(body, "es", country) == found
