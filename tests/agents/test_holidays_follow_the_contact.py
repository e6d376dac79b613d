"""Meeting days skip the holidays of the country the buyer is in: a contact's own time zone (HubSpot hs_timezone,
a mapped Salesforce field) says that better than the company's country."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from agents.meeting_slots import proposed_slots
from agents.public_holidays import country_code


def test_a_buyer_in_los_angeles_at_a_german_company_is_not_offered_thanksgiving() -> None:
    la = "America/Los_Angeles"
    send = datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo(la))  # Wednesday before Thanksgiving (26 November)
    days = [s.date() for s in proposed_slots(send, la, country="Germany")]
    assert date(2026, 11, 26) not in days
    assert days[0] == date(2026, 11, 30)  # nor the day after, which US offices mostly take off
    assert country_code("Germany", la) == "us"


def test_a_buyer_in_berlin_at_an_american_company_is_not_offered_good_friday_or_easter_monday() -> None:
    berlin = "Europe/Berlin"
    send = datetime(2027, 3, 25, 9, 0, tzinfo=ZoneInfo(berlin))  # Thursday before Karfreitag (26 March 2027)
    days = [s.date() for s in proposed_slots(send, berlin, country="United States")]
    assert date(2027, 3, 26) not in days and date(2027, 3, 29) not in days
    assert days[0] == date(2027, 3, 30)


def test_without_a_known_zone_the_company_country_decides() -> None:
    assert country_code("Germany", None) == "de"
    assert country_code("España", "Atlantic/Reykjavik") == "es"  # a zone we keep no holidays for says nothing
    assert country_code(None, None) is None
