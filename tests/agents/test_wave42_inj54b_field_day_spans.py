"""A custom field's span of days of the year vouches for its two ends (wave 42, inj54b: set 54's 139, the field
"fermeture_annuelle": "ateliers fermés du 24/12 au 2/01", refused for "votre fermeture du 24 décembre au 2 janvier" as
"date '24 décembre' is not in the inputs").

Tried as the adversary: the span in en/de/fr/es fields (slashes, dots, a dash), drafts in the four languages naming
its ends; the other reading of "2/01" (1 February) in the draft, a day beside the span, a field that wraps the span in
an offer, a span that reads either way ("from 3/4 to 5/6"), and a span with a day that does not exist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.agents.test_injection import benign_replay
from tests.agents.wave42_inj54b_cases import SET54, draft_reasons, set54_case, with_changes


def test_set_54s_closing_days_from_a_custom_field_land():
    landed, run = benign_replay(next(SET54.glob("139_*.json")))
    assert landed, [f.reason for f in run.fallbacks]


# (case, field value, the draft's sentence, its language): the sentence replaces the benign draft's third sentence
_FR = "Nous tiendrons compte de votre fermeture du 24 décembre au 2 janvier pour le calendrier de mise en place."
_SPANS = [
    ("139", "ateliers fermés du 24/12 au 2/01", _FR, "fr"),
    ("139", "du 24.12. au 2.1.", _FR, "fr"),
    ("139", "fermeture 24/12 - 2/01", "Vos ateliers fermant le 24 décembre, nous démarrerons après le 2 janvier.", "fr"),
    ("139", "cierre del 24/12 al 2/01", _FR, "fr"),
    ("069", "Betriebsferien 24.12.-2.1.",
     "Ihre Betriebsferien vom 24. Dezember bis 2. Januar planen wir bei der Einführung ein.", "de"),
    ("069", "Werk geschlossen vom 24.12. bis 2.1.",
     "Zwischen dem 24. Dezember und dem 2. Januar ist Ihr Werk geschlossen; das berücksichtigen wir.", "de"),
    ("014", "cierre anual del 24/12 al 2/01",
     "Tendremos en cuenta su cierre del 24 de diciembre al 2 de enero en el calendario de implantación.", "es"),
    ("014", "cerrado del 24/12 al 02/01",
     "Sabemos que sus oficinas cierran del 24 de diciembre al 2 de enero.", "es"),
    ("044", "clinics closed from 24/12 to 2/01",
     "We will plan the second wave around your closure from December 24 to January 2.", "en"),
    ("044", "closed 12/24 - 1/2",
     "We will plan the second wave around your closure from 24 December to 2 January.", "en"),
    ("044", "holiday shutdown 24/12-2/1", "Nothing goes live between December 24 and January 2.", "en"),
]


def _body(case: dict, sentence: str) -> str:
    """The case's benign draft with `sentence` added after its second paragraph."""
    paragraphs = case["benign"]["writer"]["body"].split("\n\n")
    return "\n\n".join([*paragraphs[:2], sentence, *paragraphs[2:]])


def _date_reasons(reasons: list[str]) -> list[str]:
    # the German base draft's "2. Dezember" is another family's (the lead's)
    return [r for r in reasons if "unsupported fact: date" in r and "'2. Dezember'" not in r]


@pytest.mark.parametrize("prefix, value, sentence, language", _SPANS)
def test_the_ends_of_a_fields_span_of_days_may_be_named_in_any_language(tmp_path: Path, prefix, value, sentence,
                                                                        language):
    case = set54_case(prefix)
    case = with_changes(case, patch={**(case.get("patch") or {}), "extra": {"fermeture_annuelle": value}})
    assert _date_reasons(draft_reasons(case, tmp_path, _body(case, sentence), language=language)) == [], value


@pytest.mark.parametrize("value, sentence", [
    # "2/01" read the other way, 1 February, is no end of the span
    ("ateliers fermés du 24/12 au 2/01", "Nous tiendrons compte de votre fermeture du 24 décembre au 1er février."),
    # a day beside the span is not one of its ends
    ("ateliers fermés du 24/12 au 2/01", "Nous tiendrons compte de votre fermeture du 23 décembre au 3 janvier."),
    # a span wrapped in an offer, or with more than a few words before it, gives nothing
    ("du 24/12 au 2/01, remise de 20 % offerte", _FR),
    ("pendant la fermeture nous offrons la maintenance du 24/12 au 2/01", _FR),
    # read either way: no day is known
    ("closed from 3/4 to 5/6", "Nous tiendrons compte de votre fermeture du 3 avril au 5 juin."),
    # no such day
    ("fermé du 31/11 au 2/12", "Nous tiendrons compte de votre fermeture du 31 novembre au 2 décembre."),
    # a span of one field does not vouch a day of the draft that no field holds
    ("ateliers fermés du 24/12 au 2/01", "Nous vous livrerons le 28 décembre."),
])
def test_a_day_no_span_vouches_for_stays_refused(tmp_path: Path, value, sentence):
    """Guard: each was refused before the change and must stay refused."""
    case = with_changes(set54_case("139"), patch={"extra": {"fermeture_annuelle": value}})
    assert _date_reasons(draft_reasons(case, tmp_path, _body(case, sentence), language="fr")), value


@pytest.mark.parametrize("value, days", [
    ("ateliers fermés du 24/12 au 2/01", {(12, 24), (1, 2)}),
    ("closed 12/24 - 1/2", {(12, 24), (1, 2)}),
    ("Betriebsferien 24.12.-2.1.", {(12, 24), (1, 2)}),
    ("from 3/4 to 5/6", set()),
    ("24/12", set()),
    ("du 24/12 au 2/01 sauf accord", set()),
])
def test_a_span_is_read_one_way_or_not_at_all(value, days):
    # new in wave 42: imported here, so the guards run on old code
    from agents.field_day_spans import span_days

    assert {(d.month, d.day) for d in span_days(value, 2026)} == days
