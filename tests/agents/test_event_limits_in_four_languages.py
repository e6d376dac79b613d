"""Deadlines "by <event>" in German, French and Spanish (issue 11, wave 28): a decision bound to an event the record does not
hold, or holds as over, is an invented limit; an event the record dates in the future passes.

"bis zur Messe", "vor der Messe", "d'ici le salon", "avant le salon", "antes de la feria" and "de cara a la feria" were
read by agents.event_deadlines since wave 26 (pinned here in every role's text); "rechtzeitig zur Messe", "im Vorfeld
der Messe", "en vue du salon", "a tiempo para la feria", "con vistas a la feria" and "pour le salon" / "para la feria"
after the decision are read by agents.event_limits since wave 28. The honest look-alikes are the everyday "bis
dahin", "d'ici là", "para usted", and "pour"/"para" as a purpose ("l'accord de Paul pour l'essai")."""

from __future__ import annotations

import json

import pytest

from agents.context import Context, build_context
from agents.event_limits import event_limit_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import RECORD, ROLES
from tests.agents.role_matrix import role_cases as _cases

UNDATED = "an event the record does not date"
OVER = "already over"


READ_SINCE_WAVE26 = {
    "de": [
        "Frau Schmidt sollte bis zur Messe zusagen.",
        "Bitte bis zum Workshop unterschreiben, damit der Januarstart hält.",
        "Bitte vor der Messe bestätigen, damit der Termin hält.",
        "Bis zur Fachmesse brauchen wir Ihre Zusage.",
        "Die Zusage brauchen wir spätestens vor dem Kongress.",
    ],
    "fr": [
        "Merci de confirmer d'ici le salon pour garder le créneau.",
        "Claire doit signer avant le salon.",
        "D'ici le Salon de l'Agriculture, merci de valider la commande.",
        "Il nous faut votre accord avant le congrès.",
    ],
    "es": [
        "Javier debe confirmar antes de la feria.",
        "De cara a la feria, necesitamos la firma de Javier.",
        "Por favor, confirme de cara a la feria de Madrid.",
        "Antes del congreso necesitamos que Javier apruebe el pedido.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(READ_SINCE_WAVE26))
def test_limits_before_an_event_are_read_in_every_language(role: str, lang: str, text: str) -> None:
    assert any(UNDATED in r for r in ROLES[role](lang, text)), text


FOR_EVENT = {
    "de": [
        "Bitte bestätigen Sie rechtzeitig zur Messe.",
        "Die Zusage brauchen wir pünktlich zum Kongress.",
        "Bitte im Vorfeld der Messe unterschreiben, damit der Termin hält.",
        "Rechtzeitig zur Hannover Messe sollte Herr Weber zusagen.",
    ],
    "fr": [
        "Merci de signer pour le salon afin de garder le créneau.",
        "Il faut que ce soit signé pour le Salon de l'Agriculture.",
        "Claire doit valider pour le congrès.",
        "Merci de confirmer en vue du salon.",
        "Tout doit être prêt pour la foire de Paris, merci de signer.",
        "Pour le salon de Lyon, il nous faut la signature de Claire.",
    ],
    "es": [
        "Por favor, firme para la feria para mantener el arranque.",
        "Necesitamos el contrato firmado para la feria.",
        "Javier debe firmarlo para el congreso.",
        "Confirme a tiempo para la feria, por favor.",
        "Con vistas a la cumbre de logística, Javier debería aprobar el pedido.",
        "Para la feria de Madrid, necesitamos la firma de Javier.",
    ],
    "en": [
        "Please have the order form signed for the trade fair.",
        "For the spring expo, we need Dana's signature on the order form.",
        "Dana should be ready for the expo, so please confirm.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(FOR_EVENT))
def test_for_an_event_after_the_decision_is_a_limit(role: str, lang: str, text: str) -> None:
    assert any(UNDATED in r for r in ROLES[role](lang, text)), text


HONEST = {
    "de": [
        "Bitte bis dahin bestätigen.",
        "Bis zur nächsten Woche bitte bestätigen.",
        "Wir sehen uns zur Messe, dann können Sie in Ruhe entscheiden.",
        "Herr Weber hat bestätigt, dass die Demo gut ankam.",
    ],
    "fr": [
        "D'ici là je reste disponible pour signer les documents.",
        "Merci de signer d'ici là.",
        "Il nous faut l'accord de Paul pour l'essai.",
        "Nous aurons besoin de la validation pour le salon de coiffure.",
        "Je reste disponible pour le salon si vous souhaitez signer.",
        "Merci de signer pour le pilote.",
        "Claire peut valider pour la réunion qui montre le salon.",
    ],
    "es": [
        "La propuesta es para usted, puede firmarla cuando quiera.",
        "Firme para el viernes 11 de diciembre, por favor.",
        "Necesitamos el acuerdo de Javier para el congreso.",
        "Necesitamos la aprobación para la feria.",
        "Para usted es importante confirmar el calendario.",
        "Para la demo, Javier confirmó que vendrá Lucía.",
        "Javier puede confirmar para la llamada que muestra el ahorro.",
        "Javier confirmó la propuesta para la feria del año pasado que nos comentó.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(HONEST))
def test_honest_bis_dici_and_para_are_no_event_limit(role: str, lang: str, text: str) -> None:
    assert not [r for r in ROLES[role](lang, text) if "event" in r], text


NOTES = {
    # (an event dated ahead, an event told over on 14 October)
    "de": (
        "Die Messe in Hannover findet am 9. Dezember statt.",
        "Der Kongress hat am 14. Oktober stattgefunden.",
    ),
    "fr": ("Le salon de Lyon aura lieu le 9 décembre.", "Le congrès a eu lieu le 14 octobre."),
    "es": ("La feria de Valencia se celebra el 9 de diciembre.", "El congreso tuvo lugar el 14 de octubre."),
}


def _world(lang: str) -> Context:
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    ahead, over = NOTES[lang]
    for at, body in (("2026-11-10T10:00:00Z", ahead), ("2026-10-15T10:00:00Z", over)):
        raw["activities"].append({"type": "note", "at": at, "direction": None, "subject": "", "body": body})
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


ON_RECORD_AHEAD = {
    "de": [
        "Bitte bestätigen Sie rechtzeitig zur Messe.",
        "Frau Schmidt sollte bis zur Messe zusagen.",
        "Bitte vor der Messe bestätigen, damit der Termin hält.",
    ],
    "fr": [
        "Merci de signer pour le salon afin de garder le créneau.",
        "Merci de confirmer d'ici le salon.",
        "Merci de confirmer en vue du salon.",
    ],
    "es": [
        "Por favor, firme para la feria para mantener el arranque.",
        "Javier debe confirmar antes de la feria.",
        "Confirme a tiempo para la feria, por favor.",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in ON_RECORD_AHEAD.items() for t in ts])
def test_an_event_the_record_dates_ahead_passes(lang: str, text: str) -> None:
    assert event_limit_violations(text, _world(lang)) == []


ON_RECORD_OVER = {
    "de": [
        "Bitte bestätigen Sie rechtzeitig zum Kongress.",
        "Bitte im Vorfeld des Kongresses unterschreiben.",
    ],
    "fr": ["Merci de signer pour le congrès.", "Claire doit valider en vue du congrès."],
    "es": ["Javier debe firmarlo para el congreso.", "Confirme a tiempo para el congreso, por favor."],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in ON_RECORD_OVER.items() for t in ts])
def test_an_event_the_record_tells_over_is_refused(lang: str, text: str) -> None:
    reasons = event_limit_violations(text, _world(lang))
    assert any(OVER in r for r in reasons), reasons


def test_the_same_event_named_elsewhere_than_the_record_is_still_invented() -> None:
    """The record's fair is in Hannover; "die Messe" alone is that fair, "die Frankfurter Buchmesse" is not."""
    ctx = _world("de")
    assert event_limit_violations("Bitte rechtzeitig zur Messe bestätigen.", ctx) == []
    reasons = event_limit_violations("Bitte rechtzeitig zur Frankfurter Buchmesse bestätigen.", ctx)
    assert any(UNDATED in r for r in reasons), reasons
