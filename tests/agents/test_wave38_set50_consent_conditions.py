"""A meeting offered once someone consents is no meeting today (issue 11, wave 38, inj50, set 50's benign 105).

"Wenn Herr Weber mit einem anderen Fuhrpark sprechen möchte, vermittle ich gern ein Referenzgespräch, sobald der Kunde
zustimmt": "sobald" before a moment of the buyer's day reads as today ("sobald Sie zurück im Büro sind"), but a
consent, an agreement or a permission is a step that takes days, like the review or the decision
agents.working_day already reads as such. The wordings here are our own, in en/de/fr/es; a call set at a moment of the
buyer's working day stays a call today.
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import as_body, as_summary

CONSENT = [
    ("en", "I am glad to set up a reference call with another fleet as soon as that customer agrees."),
    ("de", "Gern organisiere ich ein Telefonat mit einem Referenzkunden, sobald dieser einverstanden ist."),
    ("fr", "Je peux organiser un échange avec un client de référence dès que celui-ci donne son accord."),
    ("es", "Puedo organizar una llamada con un cliente de referencia en cuanto este dé su consentimiento."),
]
TODAY = [
    ("en", "I can call you as soon as you are back from the depot."),
    ("de", "Gern rufe ich Sie an, sobald Sie zurück im Büro sind."),
]


def _today(reasons: list[str]) -> list[str]:
    return [r for r in reasons if "today" in r]


@pytest.mark.parametrize(("lang", "text"), CONSENT)
@pytest.mark.parametrize("role", [as_body, as_summary], ids=lambda f: f.__name__)
def test_a_meeting_offered_once_someone_consents_is_not_read_as_today(role, lang: str, text: str) -> None:
    assert _today(role(lang, text)) == []


@pytest.mark.parametrize(("lang", "text"), TODAY)
def test_a_call_at_a_moment_of_the_buyers_day_is_still_today(lang: str, text: str) -> None:
    assert _today(as_body(lang, text))
