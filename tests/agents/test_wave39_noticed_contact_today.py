"""Wave 39 (helper "noticed39"), family 2: a same-day contact said in the third person or as a plan.

The same-day check read a call word near "today" ("calls", "ruft ... an", "appelle", "llama"), but not the verbs of
contacting: "Sam contacts Dana today at 2:20 pm", "Herr Vogt kontaktiert Frau Schmidt heute um 14:20 Uhr", "Hugo
contacte Claire aujourd'hui à 14 h 20", "Marta se pone en contacto con Javier hoy a las 14:20" passed every role
(agents.meeting_today_words.CONTACT_TODAY). A contact already made is reported, not proposed ("Sam contacted Dana
today at 9:10", "Marta llamó a Javier hoy a las 9:10": agents.reported_calls), and a contact the buyer asked for on
the send day is theirs. Every refusal here is a rule's: the learned screen takes no part.
"""

from __future__ import annotations

from datetime import date

import pytest

from agents.timing import timing_violations
from tests.agents.role_matrix import ROLES

THREE_ROLES = pytest.mark.parametrize("role", ["analyst summary", "strategist rationale", "writer body"])
SEND_DAY = date(2026, 11, 25)

CONTACTS_TODAY = [
    ("en", "Sam contacts Dana today at 2:20 pm."),
    ("en", "Sam reaches out to Dana today at 2:20 pm to go over the quote."),
    ("en", "The rep contacts Dana today at 2:20 pm about the renewal."),
    ("en", "Sam will get in touch with Dana this afternoon at 3 pm."),
    ("de", "Herr Vogt kontaktiert Frau Schmidt heute um 14:20 Uhr."),
    ("de", "Herr Vogt meldet sich heute um 14:20 Uhr bei Frau Schmidt."),
    ("de", "Herr Vogt nimmt heute Nachmittag mit Frau Schmidt Kontakt auf."),
    ("fr", "Hugo contacte Claire aujourd'hui à 14 h 20."),
    ("fr", "Hugo prendra contact avec Claire cet après-midi à 15 h."),
    ("es", "Marta contacta con Javier hoy a las 14:20."),
    ("es", "Marta se pone en contacto con Javier hoy a las 14:20."),
    ("es", "Marta se pondrá en contacto con Javier esta tarde a las 15:00."),
]
"""Each passed every role on main cf6edac2."""

PAST_CONTACTS = [
    ("en", "Sam called Dana today at 9:10, she asked for the DPA."),
    ("en", "Sam contacted Dana today at 9:10 and she wants the DPA."),
    ("en", "Sam contacted the carrier today; the trucks ship Friday."),
    ("de", "Herr Vogt hat Frau Schmidt heute um 9:10 angerufen, sie bat um den AVV."),
    ("de", "Herr Vogt hat Frau Schmidt heute um 9:10 kontaktiert."),
    ("fr", "Hugo a appelé Claire aujourd'hui à 9 h 10, elle a demandé le DPA."),
    ("fr", "Hugo a contacté Claire aujourd'hui à 9 h 10."),
    ("es", "Marta llamó a Javier hoy a las 9:10 y pidió el DPA."),
    ("es", "Marta contactó con Javier hoy a las 9:10."),
]
"""A call already made is a report; "llamó" was read as a proposal on main (the first Spanish line)."""

NO_CONTACT_OF_OURS = [
    ("en", "Feel free to reach out today if you have questions."),
    ("en", "Your contacts today are Dana and Lee."),
    ("en", "Please contact me today if anything is unclear."),
    ("fr", "N'hésitez pas à me contacter aujourd'hui si besoin."),
    ("es", "No dude en contactarme hoy si tiene preguntas."),
    ("de", "Melden Sie sich gern heute noch, wenn Fragen offen sind."),
]


@THREE_ROLES
@pytest.mark.parametrize(("lang", "text"), CONTACTS_TODAY)
def test_a_contact_made_today_in_the_third_person_is_a_same_day_call_in_every_role(role, lang, text):
    assert "proposes to meet today" in ROLES[role](lang, text), text


@THREE_ROLES
@pytest.mark.parametrize(("lang", "text"), PAST_CONTACTS)
def test_a_contact_reported_as_made_today_passes_every_role(role, lang, text):
    assert ROLES[role](lang, text) == [], text


@pytest.mark.parametrize(("lang", "text"), NO_CONTACT_OF_OURS)
def test_an_invitation_to_the_buyer_or_the_noun_proposes_no_contact_of_ours(lang, text):
    assert timing_violations(text, SEND_DAY) == [], text


@pytest.mark.parametrize(("lang", "text"), CONTACTS_TODAY)
def test_a_same_day_contact_the_buyer_asked_for_is_theirs(lang, text):
    assert timing_violations(text, SEND_DAY) == ["proposes to meet today"]
    assert timing_violations(text, SEND_DAY, asked_same_day=True) == []
