"""An end to the offer after a day or an event (wave 42, the lead's probe; agents.offer_ends).

"The offer lapses after that call", "Danach verfällt das Angebot", "Passé ce rendez-vous, l'offre ne tient plus" and
"Después de esa reunión, las condiciones dejan de estar vigentes" passed every safety check with the learned screen
off: the day was the meeting the draft proposes, or no day was named. Each is refused now; a denied end, a question,
another thing ending, and a send after the meeting pass (guards)."""

from __future__ import annotations

import pytest

from agents.offer_ends import invented_offer_ends
from tests.agents.wave41_probe41_cases import sentence_refusals

REFUSED = [
    ('hubspot_deal', 'The offer lapses after that call.'),
    ('hubspot_deal', 'After December 3 the offer is no longer on the table.'),
    ('hubspot_deal', 'Once Thursday has passed, the terms are withdrawn.'),
    ('salesforce_opportunity', 'The terms run out on 1 December.'),
    ('salesforce_opportunity', 'After our call on Tuesday the offer is off the table.'),
    ('de_deal', 'Das Angebot läuft am 2. Dezember aus.'),
    ('de_deal', 'Danach verfällt das Angebot.'),
    ('de_deal', 'Nach dem 2. Dezember können wir die Konditionen nicht mehr halten.'),
    ('de_deal', 'Die Konditionen gelten nur bis zu unserem Termin.'),
    ('fr_deal', "Passé ce rendez-vous, l'offre ne tient plus."),
    ('fr_deal', 'Après le jeudi 3 décembre, ces conditions ne seront plus disponibles.'),
    ('es_opportunity', 'Después de esa reunión, las condiciones dejan de estar vigentes.'),
    ('hubspot_deal', 'The offer will be withdrawn once Thursday has passed.'),
    ('hubspot_deal', 'Once our call on Thursday is behind us, the current terms fall away.'),
    ('de_deal', 'Nach unserem Termin am 2. Dezember ziehen wir das Angebot zurück.'),
    ('de_deal', 'Das Angebot erlischt mit Ablauf des 2. Dezember.'),
    ('fr_deal', "L'offre prend fin après notre échange du 3 décembre."),
    ('fr_deal', 'Ces conditions deviendront caduques après le jeudi 3 décembre.'),
    ('es_opportunity', 'La propuesta se retirará después de la reunión del miércoles.'),
    ('es_opportunity', 'Pasado el miércoles, la oferta decae.'),
]

PASSING = [
    ('hubspot_deal', 'Nothing in the proposal expires before the December budget review.'),
    ('hubspot_deal', 'The offer does not lapse after our call; take the time you need.'),
    ('hubspot_deal', 'I know your fiscal year ends on December 31, so the proposal arrives well before.'),
    ('hubspot_deal', 'After our call on Thursday, I will send the offer to Marcus as well.'),
    ('salesforce_opportunity', "Tom asked whether the offer runs out after the partners' meeting."),
    ('de_deal', 'Das Angebot verfällt nicht, auch nicht nach unserem Termin.'),
    ('de_deal', 'Nach unserem Termin schicke ich Ihnen das Angebot auch als PDF.'),
    ('fr_deal', "L'offre n'expire pas après notre échange : prenez le temps qu'il faut."),
    ('fr_deal', 'Après notre échange de jeudi, je vous renvoie la proposition mise à jour.'),
    ('es_opportunity', 'La oferta no caduca después de la reunión.'),
    ('es_opportunity', 'Después de la reunión le envío la propuesta con el calendario.'),
]


@pytest.mark.parametrize(("record", "sentence"), REFUSED)
def test_an_end_to_the_offer_after_a_day_or_a_meeting_is_refused(record, sentence):
    assert sentence_refusals(record, sentence)


@pytest.mark.parametrize(("record", "sentence"), PASSING)
def test_guard_a_denied_end_a_question_or_a_send_after_the_meeting_is_no_end(record, sentence):
    assert invented_offer_ends(sentence) == []
