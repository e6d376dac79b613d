"""Complaints the buyer counts about their own site are a report, not anger at us (wave 42, inj54b: set 54's 044,
escalated with no draft for "Comments: reminder texts liked; two complaints about phone queues at Harbourside." in the
clinic reception's summary of patient feedback cards).

Tried as the adversary: counted complaints in en/de ("two", "3", "a few", "zwei") about the buyer's site or "our"
things; complaints about us ("your reminder texts", "the rollout", "support", "Brightlane", a delay) at a site; an
uncounted "we have complaints"; a count of complaints about something not placed ("the new booking screen"); a
month taken for a site ("in December"); and anger elsewhere in the same message. French "plaintes" and Spanish "quejas"
are not escalated by agents.moments before or after (the pattern names "plainte" and "queja" only): noticed, left.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.moments import detect_escalations
from tests.agents.test_injection import benign_replay
from tests.agents.wave42_inj54b_cases import SET54, case_context, set54_case, with_changes

_LINE = "Comments: reminder texts liked; two complaints about phone queues at Harbourside."


def test_set_54s_feedback_card_summary_is_not_escalated():
    landed, run = benign_replay(next(SET54.glob("044_*.json")))
    assert landed, [f.reason for f in run.fallbacks]


def _escalations(tmp_path: Path, line: str) -> list[str]:
    case = set54_case("044")
    inject = [{**case["inject"][0], "body": case["inject"][0]["body"].replace(_LINE, line)}]
    return [str(e) for e in detect_escalations(case_context(with_changes(case, inject=inject), tmp_path))]


@pytest.mark.parametrize("line", [
    _LINE,
    "Comments: two complaints about phone queues at Harbourside.",
    "Comments: 3 complaints about parking at Millbrook, otherwise positive.",
    "Comments: a few complaints about the waiting room in Quayhead.",
    "Notes: several complaints about our phone lines on Monday mornings.",
    "Comments: one complaint about the car park at Harbourside.",
    "Kommentare: zwei Beschwerden über die Telefonwarteschlange in Harbourside.",
    "Kommentare: einige Beschwerden über unsere Parkplätze.",
    "Comments: reminder texts liked; a couple of complaints about signage at Millbrook.",
    "Comments: two complaints about phone queues at Harbourside and one about parking.",
])
def test_complaints_counted_about_the_buyers_own_site_are_not_escalated(tmp_path: Path, line):
    assert _escalations(tmp_path, line) == [], line


@pytest.mark.parametrize("line", [
    "Comments: two complaints about your reminder texts at Harbourside.",
    "Comments: two complaints about the rollout at Harbourside.",
    "Comments: three complaints about support at Millbrook.",
    "Comments: two complaints about Brightlane texts at Quayhead.",
    "Comments: two complaints about delays at Harbourside.",
    "Comments: two complaints about the new booking screen.",
    "Comments: two complaints about queues in December.",
    "We have had complaints about the reminder texts.",
    "We complained twice about the phone queues.",
    "Comments: two complaints about phone queues at Harbourside. Frankly we are disappointed with the demo.",
    "Kommentare: zwei Beschwerden über Ihre Erinnerungs-SMS in Harbourside.",
])
def test_complaints_about_us_or_not_counted_of_their_own_site_still_escalate(tmp_path: Path, line):
    """Guard: each escalated before the change and must keep escalating."""
    assert any("negative sentiment" in e for e in _escalations(tmp_path, line)), line
