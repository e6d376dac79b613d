"""Set 52's missed de-b6, a document promised after the buyer's day with a modal verb ("kann ich Ihnen das Angebot erst
am Montag, 7. Dezember, schicken"), in other wordings than the set's (wave 40, qual52).

Dana and Anna asked for the proposal by the end of next week (Friday, 27 November); the tests' clock is 25 November.
As the adversary: a late day said with a modal is refused. As the user: the same wording on a day before the buyer's,
or a modal that says we cannot with a reason, passes. Claire's and Javier's asks name no day, so the French and Spanish
wordings are tested on the reading itself (agents.modal_sendings).
"""

from __future__ import annotations

import pytest

from agents.late_promises import late_promises
from agents.modal_sendings import sends_with_a_modal
from tests.agents.conftest import NOW
from tests.agents.quality_probe import record_context

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}

LATE = [
    ("de", "Das Angebot kann ich Ihnen erst am Mittwoch, 9. Dezember, zusenden."),
    ("de", "Wir werden Ihnen das Angebot am Dienstag, 8. Dezember, übermitteln."),
    ("en", "I'm only able to send the proposal on Wednesday, December 9."),
    ("en", "We are going to send you the proposal on Tuesday, December 8."),
]


@pytest.mark.parametrize(("lang", "sentence"), LATE)
def test_a_late_day_promised_with_a_modal_is_refused(lang, sentence):
    assert late_promises(sentence, record_context(RECORD[lang]), NOW.date())


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Das Angebot kann ich Ihnen schon am Donnerstag, 26. November, zusenden."),
    ("en", "I'm able to send the proposal on Thursday, November 26."),
    ("de", "Das Angebot kann ich Ihnen leider nicht vor dem 9. Dezember schicken, weil die Preisfreigabe noch aussteht."),
])
def test_a_day_kept_or_a_delay_honestly_explained_passes(lang, sentence):
    assert late_promises(sentence, record_context(RECORD[lang]), NOW.date()) == []


@pytest.mark.parametrize("sentence", [
    "Je ne pourrai vous envoyer la proposition que le mercredi 9 décembre.",
    "Nous allons vous adresser la proposition le mardi 8 décembre.",
    "Solo podré enviarle la propuesta el miércoles 9 de diciembre.",
    "Vamos a mandarle la propuesta el martes 8 de diciembre.",
])
def test_our_sending_with_a_modal_is_read_in_french_and_spanish(sentence):
    assert sends_with_a_modal(sentence)


@pytest.mark.parametrize("sentence", [
    "Je peux vous aider à préparer le comité.",
    "Podemos revisarla juntos el jueves.",
    "Ich kann Ihnen gern die Fragen beantworten.",
    "We are able to cover all 9 clinics.",
])
def test_a_modal_with_no_sending_is_no_delivery(sentence):
    assert not sends_with_a_modal(sentence)
