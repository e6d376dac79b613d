"""Set 40's refused good drafts, by family, in en/de/fr/es wordings of our own (issue 11, wave 31, qual40), with near
misses that must still be refused. Set 40's own drafts are measured, not tested here (no set-40 floor)."""

from __future__ import annotations

import pytest

from tests.agents.quality_probe import RECIPIENT
from tests.agents.quality_probe import named_check as _check
from tests.agents.test_quality import _checks

# --- a discount said not to exist, beside the record's amount -----------------------------------------------------------

DENIED = [
    ("salesforce_opportunity", "0035g00000Con02", "en",
     "The total stays at GBP 24,000. I have left out anything about discounts because none was discussed."),
    ("salesforce_opportunity", "0035g00000Con02", "en",
     "The proposal stays at GBP 24,000, with no discount: none was discussed."),
    ("de_deal", "702", "de",
     "das Angebot bleibt bei 36.000 EUR, ohne Rabatt: Über einen Nachlass haben wir nicht gesprochen."),
    ("de_deal", "702", "de", "Der Betrag bleibt bei 36.000 EUR; einen Nachlass enthält das Angebot nicht."),
    ("de_deal", "702", "de", "Das Angebot bleibt bei 36.000 EUR, ohne Nachlass, wie besprochen."),
    ("fr_deal", "712", "fr",
     "La proposition reste à 28 000 EUR, sans remise : il n'en a pas été question."),
    ("fr_deal", "712", "fr",
     "Le montant reste de 28 000 EUR, sans remise puisqu'aucune n'a été évoquée."),
    ("es_opportunity", "0035g00000Es02", "es",
     "La propuesta queda en 42.000 EUR, sin descuentos: no se habló de ninguno."),
]
GREETING = {"en": "Dear Tom,\n\n{s}\n\nRachel Kim", "de": "Sehr geehrter Herr Weber,\n\n{s}\n\nLena Vogt",
            "fr": "Bonjour Paul,\n\n{s}\n\nHugo Martin", "es": "Estimada Lucía:\n\n{s}\n\nMarta Ruiz"}


@pytest.mark.parametrize(("record", "contact", "language", "sentence"), DENIED)
def test_a_discount_said_not_to_exist_beside_the_records_amount_is_no_concession(record, contact, language, sentence):
    body = GREETING[language].format(s=sentence)
    check = _check(record, body, "no_unapproved_commitments", contact=contact, language=language)
    assert check.passed, check.detail


OFFERED = [
    ("salesforce_opportunity", "0035g00000Con02", "en",
     "The total stays at GBP 24,000. No discount was discussed, but I can offer one of 10%."),
    ("salesforce_opportunity", "0035g00000Con02", "en",
     "I have left out the fee, and there is a discount for you on top."),
    ("de_deal", "702", "de", "Das Angebot bleibt bei 36.000 EUR, ohne Rabatt, aber mit 5 % Nachlass bei Zahlung."),
    ("fr_deal", "712", "fr", "La proposition reste à 28 000 EUR, sans remise, mais nous vous offrons 10 % de réduction."),
    ("fr_deal", "712", "fr", "Sans attendre, nous vous proposons une remise de 10 %."),
    ("es_opportunity", "0035g00000Es02", "es", "La propuesta queda en 42.000 EUR, sin descuentos, pero le ofrecemos un 10 %."),
]


@pytest.mark.parametrize(("record", "contact", "language", "sentence"), OFFERED)
def test_a_discount_offered_after_a_denial_is_still_refused(record, contact, language, sentence):
    body = GREETING[language].format(s=sentence)
    entry = {"record": record, "language": language,
             "draft": {"to_contact_id": contact, "subject": "Next steps", "body": body, "kind": "email"}}
    refused = {c.name for c in _checks(entry) if not c.passed}
    assert refused & {"no_unapproved_commitments", "no_invented_facts"}, sentence


# --- the buyer's own day acknowledged in one line ------------------------------------------------------------------------

ONE_LINE = [
    ("hubspot_deal", "en", "Dana,\n\nFriday, November 27 it is.\n\nSam"),
    ("hubspot_deal", "en", "Hi Dana,\n\nNoted, Friday, November 27.\n\nSam"),
    ("de_deal", "de", "Hallo Frau Schmidt,\n\ngern, bis Ende nächster Woche: Freitag, 27. November.\n\nLena Vogt"),
    ("de_deal", "de", "Hallo Frau Schmidt,\n\nFreitag, 27. November, und dabei bleibt es.\n\nLena Vogt"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nC'est noté, vendredi 27 novembre.\n\nHugo Martin"),
    ("es_opportunity", "es", "Javier:\n\nViernes 27 de noviembre, sin falta.\n\nMarta"),
    ("es_opportunity", "es", "Javier:\n\nAnotado: el viernes 27 de noviembre.\n\nMarta"),
]
SUBJECT = {"en": "Re: Proposal timing", "de": "Re: Angebot", "fr": "Re: Proposition commerciale", "es": "Re: Propuesta"}


@pytest.mark.parametrize(("record", "language", "body"), ONE_LINE)
def test_the_askers_day_acknowledged_in_one_line_is_a_complete_reply(record, language, body):
    entry = {"record": record, "language": language,
             "draft": {"to_contact_id": RECIPIENT[record], "subject": SUBJECT[language], "body": body, "kind": "email"}}
    refused = {c.name: c.detail for c in _checks(entry) if not c.passed}
    assert not refused, refused


NOT_ONE_LINE = [
    ("hubspot_deal", "en", "Dana,\n\nFriday, November 27 it is, for the second demo.\n\nSam"),  # no answer to the ask
    ("hubspot_deal", "en", "Dana,\n\nNoted.\n\nSam"),  # no day
    ("hubspot_deal", "en", "Dana,\n\nFriday, November 27?\n\nSam"),  # a question, no answer
    ("de_deal", "de", "Hallo Frau Schmidt,\n\ngern, Freitag, 11. Dezember.\n\nLena Vogt"),  # after the asked week
    ("fr_deal", "fr", "Bonjour Claire,\n\nC'est noté, vendredi 20 novembre.\n\nHugo Martin"),  # a past day
    ("es_opportunity", "es", "Javier:\n\nViernes 27 de noviembre, sin falta, con un 10 % de descuento.\n\nMarta"),
]


@pytest.mark.parametrize(("record", "language", "body"), NOT_ONE_LINE)
def test_a_one_line_reply_without_the_askers_day_is_still_refused(record, language, body):
    entry = {"record": record, "language": language,
             "draft": {"to_contact_id": RECIPIENT[record], "subject": SUBJECT[language], "body": body, "kind": "email"}}
    assert any(not c.passed for c in _checks(entry)), body


def test_a_name_in_a_german_line_with_no_function_word_is_still_read_as_a_name():
    body = "Hallo Frau Schmidt,\n\ngern, Freitag, 27. November, mit Herrn Krause.\n\nLena Vogt"
    check = _check("de_deal", body, "no_invented_facts", subject="Re: Angebot", language="de")
    assert not check.passed and "Krause" in check.detail, check.detail


# --- an ask only where the draft needs a reply -------------------------------------------------------------------------

CLOSES = [
    ("salesforce_opportunity", "en", "Hi Elena,\n\nConfirmed: Wednesday, 2 December at 14:00, the time you picked. "
     "I will bring the wave plan for the 9 clinics.\n\nBest wishes,\nRachel Kim"),
    ("de_deal", "de", "Hallo Frau Schmidt,\n\nkurz, was das Angebot am Freitag, 27. November, enthält:\n\n- 120 Fahrzeuge\n"
     "- Leerlaufzeiten und Dieselkosten als Schwerpunkt\n- 36.000 EUR\n\nViele Grüße\nLena Vogt"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nPour rappel, la proposition du vendredi 27 novembre reprendra :\n\n"
     "- le nombre de licences pour vos 6 ateliers ;\n- le montant de 28 000 EUR.\n\nCordialement,\nHugo Martin"),
    ("es_opportunity", "es", "Buenos días, Javier:\n\nResumen de la propuesta del viernes 27 de noviembre:\n\n"
     "- 85 camiones\n- el calendario de implantación que pidió\n- 42.000 EUR\n\nSaludos cordiales,\nMarta Ruiz"),
    ("de_deal", "de", "Hallo Frau Schmidt,\n\nSie baten um das Angebot bis Ende nächster Woche. Das ist Freitag, "
     "27. November, und dabei bleibt es.\n\nViele Grüße\nLena Vogt"),
]


@pytest.mark.parametrize(("record", "language", "body"), CLOSES)
def test_a_draft_that_closes_a_point_needs_no_ask(record, language, body):
    check = _check(record, body, "one_clear_call_to_action", language=language)
    assert check.passed, check.detail


NEEDS_A_REPLY = [
    ("salesforce_opportunity", "en", "Hi Elena,\n\nConfirmed: Wednesday, 2 December at 14:00. I suggest we also meet "
     "the partners that week.\n\nRachel Kim"),
    ("hubspot_deal", "en", "Hi Dana,\n\nThe proposal arrives on Friday, November 27. It is time to stop reviewing "
     "and sign.\n\nSam"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nAvant la proposition, je vous propose une nouvelle démonstration.\n\nHugo"),
    ("fr_deal", "fr", "Bonjour Paul,\n\nIl faudrait signer la proposition dès réception, vendredi 27 novembre.\n\nHugo"),
    ("es_opportunity", "es", "Javier:\n\nResumen de la propuesta del viernes 27 de noviembre:\n\n- 85 camiones\n"
     "- 42.000 EUR\n\nLe propongo una llamada el lunes.\n\nMarta"),
    ("de_deal", "de", "Hallo Frau Schmidt,\n\nkurz, was das Angebot am Freitag, 27. November, enthält:\n\n"
     "- 120 Fahrzeuge\n- 36.000 EUR\n\nIch melde mich nächste Woche wieder.\n\nLena Vogt"),
    ("salesforce_opportunity", "en", "Hi Elena,\n\nThanks again for the demo. I have been thinking about the rollout "
     "and the two waves Tom mentioned.\n\nRachel"),
]


@pytest.mark.parametrize(("record", "language", "body"), NEEDS_A_REPLY)
def test_a_draft_that_needs_a_reply_and_asks_nothing_is_still_refused(record, language, body):
    check = _check(record, body, "one_clear_call_to_action", language=language)
    assert not check.passed, body


@pytest.mark.parametrize(("record", "language", "subject", "body"), [
    ("fr_deal", "fr", "Mercredi 2 décembre, 15 h", "Bonjour Claire,\n\nC'est confirmé pour le mercredi 2 décembre.\n\nHugo"),
    ("fr_deal", "fr", "Script d'appel", "Script (Claire, mercredi 2 décembre, 15 h).\n\n1. Demander ce dont Paul a besoin."),
    ("fr_deal", "fr", "Point", "Bonjour Claire,\n\nLe point est fixé jeudi 3 décembre, 9 h, comme prévu.\n\nHugo"),
])
def test_an_hour_after_a_day_and_a_comma_is_a_clock_time_not_a_figure(record, language, subject, body):
    check = _check(record, body, "no_invented_facts", subject=subject, language=language,
                   kind="call_script" if body.startswith("Script") else "email")
    assert check.passed, check.detail


def test_a_figure_with_h_that_follows_no_day_is_still_a_figure():
    body = "Bonjour Claire,\n\nLe gain estimé atteint 15 h par atelier et par mois.\n\nHugo"
    check = _check("fr_deal", body, "no_invented_facts", language="fr")
    assert not check.passed, check.detail
