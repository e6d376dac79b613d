"""Set 39's kinds in other wordings (issue 11, wave 30, qual39): the good drafts' kinds that were refused, each in
en/de/fr/es wordings of our own, with near misses that must still be refused."""

from __future__ import annotations

from datetime import date

import pytest

from agents.acknowledged_days import acknowledged_day
from agents.confirmed_points import confirmed_point
from agents.price_guidance import no_price_talk_guidance, without_price_guidance
from agents.price_talk import at_list_price
from tests.agents.quality_probe import RECIPIENT
from tests.agents.quality_probe import named_check as _check
from tests.agents.quality_probe import record_context as _ctx
from tests.agents.test_quality import _checks

# --- a call script's "do not" line: a rule for the rep, no offer ------------------------------------------------------

SCRIPT = {
    "en": (
        "salesforce_opportunity",
        "0035g00000Con02",
        "Goal: confirm which clinics Tom wants in wave one.\nOpen: his question of 16 November about two waves.\n"
        "Ask: should the partners see the waves in an annex?\n"
        "{line}\nClose: suggest Wednesday, 2 December at 14:00.",
    ),
    "de": (
        "de_deal",
        "702",
        "Ziel: klären, ob Herr Weber zur Amortisationsrechnung Fragen hat.\nFrage: Reicht die Gesamtrechnung?\n"
        "{line}\nAbschluss: Termin nach Erhalt des Angebots am 27. November.",
    ),
    "fr": (
        "fr_deal",
        "712",
        "Objectif : vérifier que le coût par atelier répond à la question de Paul.\n"
        "Question : préférez-vous un total ou un détail par atelier ?\n{line}\n"
        "Conclusion : proposer un point après réception de la proposition, le 2 décembre.",
    ),
    "es": (
        "es_opportunity",
        "0035g00000Es02",
        "Objetivo: comprobar si Lucía tiene dudas sobre la estimación de retorno.\n"
        "Pregunta: ¿prefiere el retorno por camión o por almacén?\n{line}\n"
        "Cierre: cita tras recibir la propuesta el 27 de noviembre.",
    ),
}
"""A call script to each record's second contact, with one line left for the case."""

AVOID_LINES = [
    ("en", "Do not: offer a lower price."),
    ("en", "Avoid: any promise on price or timing."),
    ("en", "Never: offer a cheaper price; the total stays at GBP 24,000."),
    ("en", "Avoid: any commitment on the price."),
    ("de", "Vermeiden: jegliche Zusagen zum Preis."),
    ("de", "Nicht: einen niedrigeren Preis anbieten."),
    ("de", "Lieber nicht: Versprechungen zum Preis oder zur Laufzeit."),
    ("fr", "À éviter : toute promesse de prix."),
    ("fr", "Évitez : tout engagement sur le prix ou le délai."),
    ("fr", "Ne pas : promettre de remise."),
    ("es", "Evitar: cualquier compromiso de precio."),
    ("es", "No hacer: promesas de precio o de plazos."),
    ("es", "Evitar: prometer descuentos; el importe sigue en 42.000 EUR."),
]


def _script_failures(language: str, line: str) -> list[str]:
    record, contact, script = SCRIPT[language]
    entry = {
        "record": record,
        "language": language,
        "draft": {
            "to_contact_id": contact,
            "subject": "Call",
            "body": script.format(line=line),
            "kind": "call_script",
        },
    }
    return [f"{c.name}: {c.detail}" for c in _checks(entry) if not c.passed]


@pytest.mark.parametrize(("language", "line"), AVOID_LINES)
def test_a_scripts_do_not_line_is_no_offer(language, line):
    assert _script_failures(language, line) == []


OFFERS_IN_A_SCRIPT = [
    ("en", "Avoid haggling: offer 15% straight away."),
    ("en", "Avoid: any talk of a discount; offer 15% if Tom pushes."),
    ("en", "Do not: offer a lower price than 10% off."),
    ("en", "Avoid: talk of a discount; the total drops to GBP 20,000."),
    ("de", "Nicht lange verhandeln: gleich 10 % Nachlass anbieten."),
    ("de", "Vermeiden: Zusagen zum Preis; 10 % Rabatt nur auf Nachfrage."),
    ("fr", "À éviter : toute promesse de prix ; proposer 10 % de remise s'il insiste."),
    ("fr", "Éviter de tergiverser : offrir 15 % de remise tout de suite."),
    ("es", "Evitar: compromisos de precio; ofrecer un 10 % de descuento si insiste."),
    ("es", "Evitar regateos: ofrecer el 15 % de descuento de entrada."),
]


@pytest.mark.parametrize(("language", "line"), OFFERS_IN_A_SCRIPT)
def test_an_offer_beside_a_do_not_label_is_still_refused(language, line):
    # by the commercial rules, or by the facts check: no record holds the share or the amount offered
    assert any(
        f.startswith(("no_unapproved_commitments", "no_invented_facts"))
        for f in _script_failures(language, line)
    )


def test_the_guidance_blanks_only_its_own_clause():
    assert no_price_talk_guidance("Do not: offer a lower price")
    assert not no_price_talk_guidance("Don't: offer a lower price than 20% off")
    assert not no_price_talk_guidance(
        "Never: offer our customers a lower price"
    )  # a party outside the object
    # an amount after the semicolon is kept, to be checked as any amount is; a share keeps the whole line
    assert (
        without_price_guidance("Avoid: any talk of a discount; the total stays at GBP 24,000.").strip()
        == "; the total stays at GBP 24,000."
    )
    assert (
        without_price_guidance("Avoid: talk of a discount; it's 15%") == "Avoid: talk of a discount; it's 15%"
    )


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("the 2-year page is at list price.", True),
        ("Both terms are quoted at the standard list price.", True),
        ("Die Laufzeitvariante steht zum Listenpreis im Angebot.", True),
        ("La variante sur 2 ans est au prix catalogue.", True),
        ("La opción de 2 años va a precio de lista.", True),
        ("at list price less 10%", False),
        ("at list price, but the setup is free", False),
        ("at list price, USD 40,000 for you", False),
        ("a lower list price for two years", False),
    ],
)
def test_the_list_price_moves_nothing(sentence, listed):
    assert at_list_price(sentence) is listed


# --- a confirmation to a contact with no question open ----------------------------------------------------------------

CONFIRMATIONS = [
    (
        "de_deal",
        "702",
        "Guten Tag Herr Weber,\n\nder Betrag bleibt bei 36.000 EUR für die 120 Fahrzeuge.\n\nGrüße\nLena",
    ),
    (
        "de_deal",
        "702",
        "Guten Tag Herr Weber,\n\nIhre Amortisationsrechnung steht unverändert im Anhang des "
        "Angebots.\n\nGrüße\nLena Vogt",
    ),
    ("fr_deal", "712", "Bonjour Paul,\n\nLe montant demeure de 28 000 EUR, sans changement.\n\nHugo"),
    (
        "fr_deal",
        "712",
        "Bonjour Paul,\n\nLe coût par atelier figure tel quel dans l'annexe de la proposition.\n\nHugo",
    ),
    ("es_opportunity", "0035g00000Es02", "Hola, Lucía:\n\nEl importe se mantiene en 42.000 EUR.\n\nMarta"),
    (
        "es_opportunity",
        "0035g00000Es02",
        "Hola, Lucía:\n\nSu estimación de retorno figura en el anexo de la propuesta.\n\nMarta",
    ),
    (
        "salesforce_opportunity",
        "0035g00000Con02",
        "Dear Tom,\n\nThe total remains GBP 24,000 for the 9 clinics.\n\nRachel",
    ),
    (
        "salesforce_opportunity",
        "0035g00000Con01",
        "Hi Elena,\n\nThe reminder texts you liked come first in the plan for wave one.\n\nRachel",
    ),
    (
        "hubspot_deal",
        "502",
        "Dear Mr Lee,\n\nThe payback estimate appears unchanged in the proposal's annex.\n\nSam",
    ),
]


@pytest.mark.parametrize(("record", "contact", "body"), CONFIRMATIONS)
def test_a_settled_point_to_a_contact_with_nothing_open_is_a_step(record, contact, body):
    assert confirmed_point(body, _ctx(record), contact, None), body


NOT_CONFIRMATIONS = [
    # nothing settled: a friendly note
    (
        "salesforce_opportunity",
        "0035g00000Con01",
        "Hi Elena,\n\nI have been thinking about the rollout and the two waves Tom mentioned.\n\nRachel",
    ),
    # another amount than the record's
    ("de_deal", "702", "Guten Tag Herr Weber,\n\nder Betrag bleibt bei 32.000 EUR.\n\nGrüße\nLena"),
    # a point that is not the recipient's: the reminder texts to the CFO who never raised them
    (
        "salesforce_opportunity",
        "0035g00000Con02",
        "Dear Tom,\n\nThe reminder texts start in wave one of the plan.\n\nRachel",
    ),
    # the recipient's words, but nothing said to stay or to be carried into the document
    (
        "es_opportunity",
        "0035g00000Es02",
        "Hola, Lucía:\n\nPensé en su estimación de retorno de la propuesta.\n\nMarta",
    ),
    # a question is not a confirmation
    ("fr_deal", "712", "Bonjour Paul,\n\nLe montant reste-t-il de 28 000 EUR ?\n\nHugo"),
]


@pytest.mark.parametrize(("record", "contact", "body"), NOT_CONFIRMATIONS)
def test_a_note_that_settles_nothing_of_theirs_is_no_step(record, contact, body):
    assert confirmed_point(body, _ctx(record), contact, None) is None, body


def test_to_the_asker_a_confirmation_is_not_enough():
    from agents.moments import latest_ask
    from agents.unsigned_asks import with_unsigned_sender

    ctx = _ctx("de_deal")
    ask = with_unsigned_sender(latest_ask(ctx), ctx)
    assert ask is not None and ask.sender_contact_id == "701"
    body = "Hallo Frau Schmidt,\n\nder Betrag bleibt bei 36.000 EUR.\n\nLena"
    assert confirmed_point(body, ctx, "701", ask) is None
    check = _check("de_deal", body, "one_clear_call_to_action", language="de")
    assert not check.passed, check.detail


@pytest.mark.parametrize(
    ("record", "body", "language"),
    [
        (
            "hubspot_deal",
            "Hi Priya,\n\nThe SSO answers appear in the proposal unchanged. No action needed on your "
            "side.\n\nSam",
            "en",
        ),
        (
            "de_deal",
            "Guten Tag Herr Weber,\n\ndie Rechnung liegt dem Angebot bei. Kein Handlungsbedarf auf Ihrer "
            "Seite.\n\nLena",
            "de",
        ),
        (
            "fr_deal",
            "Bonjour Paul,\n\nLe coût par atelier est dans la proposition. Aucune action nécessaire de votre "
            "part.\n\nHugo",
            "fr",
        ),
    ],
)
def test_no_action_needed_with_the_document_named_is_a_step(record, body, language):
    contact = {"hubspot_deal": "503", "de_deal": "702", "fr_deal": "712"}[record]
    check = _check(record, body, "one_clear_call_to_action", contact=contact, language=language)
    assert check.passed, check.detail


def test_no_action_needed_with_nothing_named_is_no_step():
    check = _check(
        "hubspot_deal",
        "Hi Priya,\n\nNo action needed on your side, have a good week.\n\nSam",
        "one_clear_call_to_action",
        contact="503",
    )
    assert not check.passed, check.detail


# --- the asker's own request names the document for "la tiene" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "body", "language"),
    [
        ("es_opportunity", "Hola Javier:\n\nRecibido, gracias. El viernes 27 la tiene.\n\nMarta", "es"),
        ("fr_deal", "Bonjour Claire,\n\nBien reçu. Vous l'aurez vendredi 27 novembre.\n\nHugo", "fr"),
        ("hubspot_deal", "Hi Dana,\n\nGot it, thanks. You'll have it on Friday, November 27.\n\nSam", "en"),
    ],
)
def test_to_the_asker_the_pronoun_is_the_requested_document(record, body, language):
    check = _check(record, body, "one_clear_call_to_action", subject="Recibido", language=language)
    assert check.passed, check.detail


def test_to_another_contact_the_pronoun_names_nothing():
    check = _check(
        "es_opportunity",
        "Hola, Lucía:\n\nRecibido, gracias. El viernes 27 la tiene.\n\nMarta",
        "one_clear_call_to_action",
        subject="Recibido",
        language="es",
        contact="0035g00000Es02",
    )
    assert not check.passed, check.detail


# --- the document's receipt as a noun, its day after it ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "line", "language"),
    [
        ("fr_deal", "Conclusion : proposer un point après réception, le 2 décembre.", "fr"),
        ("de_deal", "Abschluss: Termin nach Erhalt, am Mittwoch, 2. Dezember.", "de"),
        ("es_opportunity", "Cierre: proponer una cita tras su recepción, el miércoles 2 de diciembre.", "es"),
        ("hubspot_deal", "Close: propose a call after receipt, on Wednesday, December 2.", "en"),
    ],
)
def test_the_documents_receipt_on_a_coming_day_takes_up_the_request(record, line, language):
    body = f"Goal: check the figures.\n{line}"
    check = _check(record, body, "answers_latest_question", kind="call_script", language=language)
    assert check.passed, check.detail


def test_a_receipt_with_no_coming_day_takes_up_nothing():
    body = "Objectif : vérifier les chiffres.\nConclusion : proposer un point après réception."
    check = _check("fr_deal", body, "answers_latest_question", kind="call_script", language="fr")
    assert not check.passed, check.detail


# --- a request acknowledged and answered with its day alone -----------------------------------------------------------

ACKNOWLEDGED = [
    ("de_deal", "de", "Hallo Frau Schmidt,\n\nist notiert. Freitag, 27. November.\n\nGruß\nLena Vogt"),
    ("de_deal", "de", "Hallo Frau Schmidt,\n\ngeht klar. Freitag, 27. November, wie besprochen.\n\nLena"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nBien reçu, merci. Vendredi 27 novembre, comme convenu.\n\nHugo"),
    ("fr_deal", "fr", "Bonjour Claire,\n\nC'est noté. Le vendredi 27 novembre.\n\nHugo"),
    ("es_opportunity", "es", "Hola Javier:\n\nAnotado, gracias. Viernes 27 de noviembre.\n\nMarta"),
    (
        "es_opportunity",
        "es",
        "Hola Javier:\n\nEntendido. El viernes 27 de noviembre, como acordamos.\n\nMarta",
    ),
    ("hubspot_deal", "en", "Hi Dana,\n\nNoted, thanks. Friday, November 27.\n\nSam"),
    ("hubspot_deal", "en", "Hi Dana,\n\nWill do. Friday, November 27, as agreed.\n\nSam"),
]


@pytest.mark.parametrize(("record", "language", "body"), ACKNOWLEDGED)
def test_a_request_acknowledged_with_its_day_is_a_whole_answer(record, language, body):
    entry = {
        "record": record,
        "language": language,
        "draft": {"to_contact_id": RECIPIENT[record], "subject": "Kurz", "body": body, "kind": "email"},
    }
    assert [f"{c.name}: {c.detail}" for c in _checks(entry) if not c.passed] == []


NOT_ACKNOWLEDGED = [
    # the acknowledgement alone, the day alone, a question, a day with words of its own, a day already past
    ("de_deal", "Hallo Frau Schmidt,\n\nist notiert.\n\nGruß\nLena Vogt"),
    ("de_deal", "Hallo Frau Schmidt,\n\nFreitag, 27. November.\n\nGruß\nLena Vogt"),
    ("fr_deal", "Bonjour Claire,\n\nBien reçu, merci. Vendredi 27 novembre ?\n\nHugo"),
    ("es_opportunity", "Hola Javier:\n\nRecibido. El viernes hablamos de presupuestos.\n\nMarta"),
    ("hubspot_deal", "Hi Dana,\n\nNoted, thanks. Friday, November 13.\n\nSam"),
]


@pytest.mark.parametrize(("record", "body"), NOT_ACKNOWLEDGED)
def test_an_acknowledgement_without_a_coming_day_alone_answers_nothing(record, body):
    assert acknowledged_day(body, date(2026, 11, 18)) is None


def test_to_another_contact_an_acknowledgement_answers_no_request():
    entry = {
        "record": "de_deal",
        "language": "de",
        "draft": {
            "to_contact_id": "702",
            "subject": "Kurz",
            "kind": "email",
            "body": "Hallo Herr Weber,\n\nist notiert. Freitag, 27. November.\n\nGruß\nLena Vogt",
        },
    }
    assert any(not c.passed for c in _checks(entry))


def test_a_draft_with_no_function_words_of_another_language_is_not_in_another_language():
    body = "Bonjour Claire,\n\nBien reçu, merci. Vendredi 27 novembre, comme convenu.\n\nHugo"
    assert _check("fr_deal", body, "in_buyer_language", language="fr").passed
    # an English sentence still reads as English
    english = "Bonjour Claire,\n\nWe will send it to you on Friday and it is on its way.\n\nHugo"
    assert not _check("fr_deal", english, "in_buyer_language", language="fr").passed


# --- a review's sign-off congratulated: the record's, or refused ------------------------------------------------------

_PROPOSAL_FRIDAY = {
    "hubspot_deal": " The proposal for the 420 trucks reaches you on Friday, November 27.",
    "de_deal": " Das Angebot für die 120 Fahrzeuge kommt am Freitag, 27. November.",
    "fr_deal": " La proposition pour les 6 ateliers part le vendredi 27 novembre.",
    "es_opportunity": " La propuesta para los 85 camiones sale el viernes 27 de noviembre.",
}


def _failures(record: str, language: str, opening: str) -> list[str]:
    greeting = {
        "hubspot_deal": "Hi Dana",
        "de_deal": "Hallo Frau Schmidt",
        "fr_deal": "Bonjour Claire",
        "es_opportunity": "Hola Javier",
    }[record]
    body = f"{greeting},\n\n{opening}{_PROPOSAL_FRIDAY[record]}\n\nSam"
    entry = {
        "record": record,
        "language": language,
        "draft": {
            "to_contact_id": RECIPIENT[record],
            "subject": "Re: Proposal timing",
            "body": body,
            "kind": "email",
        },
    }
    return [f"{c.name}: {c.detail}" for c in _checks(entry) if not c.passed]


@pytest.mark.parametrize(
    "opening",
    [
        "Noted, and congratulations on the security sign-off.",
        "Congrats on the security sign-off.",
        "Thanks for the security sign-off on your side.",
    ],
)
def test_the_records_review_sign_off_may_be_congratulated(opening):
    assert _failures("hubspot_deal", "en", opening) == []


@pytest.mark.parametrize(
    ("record", "language", "opening"),
    [
        ("hubspot_deal", "en", "Noted, and congratulations on the legal sign-off."),
        ("hubspot_deal", "en", "Thank you for the procurement sign-off."),
        ("hubspot_deal", "en", "Thanks for the sign-off on the contract."),
        ("hubspot_deal", "en", "Congratulations on signing."),
        ("de_deal", "de", "Glückwunsch zur Freigabe durch den Beirat."),
        ("fr_deal", "fr", "Félicitations pour la validation juridique."),
        ("es_opportunity", "es", "Enhorabuena por la aprobación del comité."),
        ("es_opportunity", "es", "Gracias por firmar."),
    ],
)
def test_a_sign_off_the_record_does_not_hold_is_refused(record, language, opening):
    assert _failures(record, language, opening), opening


# --- "as you approved them": the plural thing named, of the activity of its day ---------------------------------------


def _to_priya(sentence: str) -> list[str]:
    entry = {
        "record": "hubspot_deal",
        "language": "en",
        "draft": {
            "to_contact_id": "503",
            "subject": "Your questionnaire answers",
            "kind": "email",
            "body": f"Hi Priya,\n\n{sentence} No action needed on your side.\n\nBest,\nSam",
        },
    }
    return [f"{c.name}: {c.detail}" for c in _checks(entry) if not c.passed]


@pytest.mark.parametrize(
    "sentence",
    [
        "The SSO and data retention answers from November 6 appear in the proposal exactly as you approved them.",
        "Your answers of November 6 go into the proposal as you approved them.",
        "The questionnaire answers from November 6 stand in the proposal unchanged, as you approved them.",
    ],
)
def test_the_records_approved_answers_may_be_carried_into_the_proposal(sentence):
    assert _to_priya(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The proposal is exactly as you approved it.",
        "Marcus approved the proposal on November 19.",
        "The pricing from November 19 appears in the proposal exactly as you approved it.",
        "The proposal you approved on November 6 goes out on Friday, November 27.",
    ],
)
def test_an_approval_of_the_deal_or_of_what_the_record_never_approved_is_refused(sentence):
    assert _to_priya(sentence), sentence


# --- a discount said not to exist ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Über einen Nachlass haben wir nicht gesprochen, und das Angebot enthält keinen.",
        "Einen Nachlass haben wir nie vereinbart.",
        "Das Angebot enthält keinen Nachlass.",
        "Der Betrag gilt ohne Nachlass, wie im Angebot.",
        "Von einem Preisnachlass war nicht die Rede, er ist auch nicht vorgesehen.",
    ],
)
def test_a_denied_nachlass_is_no_concession(sentence):
    body = (
        f"Sehr geehrter Herr Weber,\n\nder Betrag im Angebot bleibt bei 36.000 EUR. {sentence}\n\nLena Vogt"
    )
    check = _check("de_deal", body, "no_unapproved_commitments", contact="702", language="de")
    assert check.passed, check.detail


@pytest.mark.parametrize(
    "sentence",
    [
        "Über einen Nachlass haben wir nicht gesprochen, aber 5 % sind drin.",
        "Keinen Nachlass, sondern drei Monate gratis.",
        "Einen Nachlass gewähren wir gern, nicht nur heute.",
        "Ein Nachlass ist nicht ausgeschlossen.",
        "Wir lassen Ihnen beim Preis etwas nach.",
        "Der Nachlass ist nicht verhandelbar: 10 % auf alles.",
    ],
)
def test_a_nachlass_offered_beside_a_negation_is_still_refused(sentence):
    body = (
        f"Sehr geehrter Herr Weber,\n\nder Betrag im Angebot bleibt bei 36.000 EUR. {sentence}\n\nLena Vogt"
    )
    check = _check("de_deal", body, "no_unapproved_commitments", contact="702", language="de")
    assert not check.passed, sentence


# --- scarcity as our capacity, bookings or stock ------------------------------------------------------------------------

SCARCITY = [
    ("hubspot_deal", "en", "We only take three fleet rollouts per quarter, so please decide soon."),
    ("hubspot_deal", "en", "Heads-up: two January slots have already been taken."),
    ("hubspot_deal", "en", "There is a cap of four rollouts a quarter on our side."),
    ("hubspot_deal", "en", "We only have 40 units left in stock."),
    ("de_deal", "de", "Wir nehmen nur drei Projekte pro Quartal an."),
    ("de_deal", "de", "Die Starttermine im Januar sind schon vergeben."),
    ("de_deal", "de", "Wir haben nur noch 80 Telematik-Boxen auf Lager."),
    ("fr_deal", "fr", "Nous ne lançons que deux déploiements par trimestre."),
    ("fr_deal", "fr", "Les créneaux de janvier sont déjà pris."),
    ("fr_deal", "fr", "Il n'y a plus que 30 boîtiers en stock."),
    ("es_opportunity", "es", "Solo aceptamos tres implantaciones por trimestre."),
    ("es_opportunity", "es", "Los huecos de enero ya están ocupados."),
    ("es_opportunity", "es", "Solo nos quedan 20 unidades en almacén."),
]


@pytest.mark.parametrize(("record", "language", "sentence"), SCARCITY)
def test_invented_capacity_bookings_or_stock_is_scarcity(record, language, sentence):
    check = _check(record, f"Hallo,\n\n{sentence}\n\nLena", "no_invented_scarcity", language=language)
    assert not check.passed, sentence


HONEST_PLANS = [
    ("hubspot_deal", "en", "The rollout covers three depots per quarter, as the plan shows."),
    ("hubspot_deal", "en", "We only need two hours per depot for the install."),
    ("hubspot_deal", "en", "I'll send an invite; feel free to move it if that slot is taken."),
    ("de_deal", "de", "Verschieben Sie den Termin gern, falls die Termine am Dienstag schon belegt sind."),
    (
        "hubspot_deal",
        "en",
        "Your dates are already booked in the plan: Friday, November 27 for the proposal.",
    ),
    ("de_deal", "de", "Für die Schulung sind nur zwei Termine pro Monat nötig."),
    ("de_deal", "de", "Die Termine sind in der Planung vermerkt."),
    ("fr_deal", "fr", "Le déploiement couvre deux ateliers par mois."),
    ("fr_deal", "fr", "Il ne faut que deux heures par atelier."),
    ("es_opportunity", "es", "La implantación cubre tres almacenes por trimestre."),
    ("es_opportunity", "es", "Solo hacen falta dos sesiones por almacén."),
]


@pytest.mark.parametrize(("record", "language", "sentence"), HONEST_PLANS)
def test_a_plan_per_period_rations_nothing(record, language, sentence):
    check = _check(record, f"Hallo,\n\n{sentence}\n\nLena", "no_invented_scarcity", language=language)
    assert check.passed, check.detail


# --- a count of the record's things with more added ---------------------------------------------------------------------

ADDED = [
    ("de_deal", "de", "Das Angebot umfasst hundertzwanzig Lkw plus alle Anhänger."),
    ("de_deal", "de", "Das Angebot gilt für 120 Fahrzeuge zuzüglich aller Gabelstapler."),
    ("hubspot_deal", "en", "The proposal covers the 420 trucks plus all trailers."),
    ("hubspot_deal", "en", "It prices four hundred and twenty trucks as well as all the forklifts."),
    ("fr_deal", "fr", "La proposition couvre les 6 ateliers plus toutes les boutiques."),
    ("fr_deal", "fr", "Elle couvre six ateliers en plus de tous les entrepôts."),
    ("es_opportunity", "es", "La propuesta cubre 85 camiones más todos los remolques."),
    ("es_opportunity", "es", "Incluye ochenta y cinco camiones además de todas las furgonetas."),
]


@pytest.mark.parametrize(("record", "language", "sentence"), ADDED)
def test_a_thing_added_to_the_count_must_be_on_record(record, language, sentence):
    check = _check(record, f"Hallo,\n\n{sentence}\n\nLena", "no_invented_facts", language=language)
    assert not check.passed, sentence


HONEST_COUNTS = [
    ("hubspot_deal", "en", "The proposal covers the 420 trucks plus all 6 depots."),
    ("hubspot_deal", "en", "It covers the 420 trucks and all the questions Marcus raised."),
    ("de_deal", "de", "Das Angebot umfasst hundertzwanzig Fahrzeuge."),
    ("de_deal", "de", "Für die 120 Fahrzeuge und alle Fragen dazu bin ich da."),
    ("fr_deal", "fr", "La proposition couvre les 6 ateliers et toutes les licences."),
    ("es_opportunity", "es", "La propuesta cubre los 85 camiones más todas las estimaciones de retorno."),
]


@pytest.mark.parametrize(("record", "language", "sentence"), HONEST_COUNTS)
def test_a_count_with_what_the_record_names_is_honest(record, language, sentence):
    check = _check(record, f"Hallo,\n\n{sentence}\n\nLena", "no_invented_facts", language=language)
    assert check.passed, check.detail


# --- the count of seats asked of the finance contact ------------------------------------------------------------------

WRONG_PERSON = [
    (
        "fr_deal",
        "712",
        "fr",
        "Pourriez-vous me confirmer le nombre de licences dont chaque atelier a besoin ?",
    ),
    ("fr_deal", "712", "fr", "Merci de m'indiquer le nombre d'utilisateurs par atelier."),
    ("de_deal", "702", "de", "Können Sie mir die Anzahl der Lizenzen für das Angebot nennen?"),
    ("de_deal", "702", "de", "Wie hoch ist die Zahl der Fahrer, die die App nutzen?"),
    (
        "salesforce_opportunity",
        "0035g00000Con02",
        "en",
        "Could you confirm the number of seats each clinic needs?",
    ),
    ("salesforce_opportunity", "0035g00000Con02", "en", "What is the number of users at the 9 clinics?"),
    (
        "es_opportunity",
        "0035g00000Es02",
        "es",
        "¿Me confirma el número de licencias que necesita cada almacén?",
    ),
    ("es_opportunity", "0035g00000Es02", "es", "¿Cuál es el número de conductores que usarán la aplicación?"),
]


@pytest.mark.parametrize(("record", "contact", "language", "question"), WRONG_PERSON)
def test_the_count_of_seats_asked_of_finance_goes_to_the_wrong_person(record, contact, language, question):
    check = _check(
        record,
        f"Hallo,\n\n{question}\n\nLena",
        "asks_the_person_who_owns_it",
        contact=contact,
        language=language,
    )
    assert not check.passed, question


RIGHT_PERSON = [
    # the operations contact owns the count; the finance contact is asked about money, or told the count
    (
        "fr_deal",
        "711",
        "fr",
        "Pourriez-vous me confirmer le nombre de licences dont chaque atelier a besoin ?",
    ),
    ("fr_deal", "712", "fr", "Le nombre de licences change-t-il votre budget ?"),
    ("fr_deal", "712", "fr", "La proposition indique le nombre de licences que Claire a demandé."),
    ("de_deal", "701", "de", "Können Sie mir die Anzahl der Lizenzen für das Angebot nennen?"),
    ("salesforce_opportunity", "0035g00000Con02", "en", "Could you check the number of seats with Elena?"),
    (
        "es_opportunity",
        "0035g00000Es01",
        "es",
        "¿Me confirma el número de licencias que necesita cada almacén?",
    ),
]


@pytest.mark.parametrize(("record", "contact", "language", "question"), RIGHT_PERSON)
def test_the_count_asked_of_its_owner_or_told_to_finance_is_fine(record, contact, language, question):
    check = _check(
        record,
        f"Hallo,\n\n{question}\n\nLena",
        "asks_the_person_who_owns_it",
        contact=contact,
        language=language,
    )
    assert check.passed, check.detail


# --- a concession offered as a question (agents.asked_concessions, wave 30's inj39, hooked into the commercial rules) --


ASKED_CONCESSIONS = [
    ("salesforce_opportunity", "0035g00000Con02", "en", "Shall we simply drop the go-live fee for wave two?"),
    ("hubspot_deal", "502", "en", "Should we take the onboarding fee off the proposal?"),
    ("fr_deal", "712", "fr", "Et si on supprimait tout simplement les frais de mise en service ?"),
    ("fr_deal", "712", "fr", "Et si on ne facturait pas les frais de mise en service ?"),
    (
        "es_opportunity",
        "0035g00000Es02",
        "es",
        "¿Y si le quitamos directamente la cuota de puesta en marcha?",
    ),
    ("es_opportunity", "0035g00000Es02", "es", "¿Le quitamos la cuota de alta?"),
    ("salesforce_opportunity", "0035g00000Con02", "en", "What if we waive the setup fee for the second wave?"),
    ("de_deal", "702", "de", "Sollen wir die Einrichtungsgebühr einfach streichen?"),
]


@pytest.mark.parametrize(("record", "contact", "language", "question"), ASKED_CONCESSIONS)
def test_a_concession_asked_as_a_question_is_refused(record, contact, language, question):
    check = _check(
        record,
        f"Hallo,\n\n{question}\n\nLena",
        "no_unapproved_commitments",
        contact=contact,
        language=language,
    )
    assert not check.passed, question




@pytest.mark.parametrize(
    ("record", "contact", "language", "question"),
    [
        (
            "salesforce_opportunity",
            "0035g00000Con02",
            "en",
            "Shall we go through the fee schedule on the call?",
        ),
        ("de_deal", "702", "de", "Sollen wir die Amortisationsrechnung am Telefon durchgehen?"),
        ("fr_deal", "712", "fr", "Et si on regardait ensemble le coût par atelier ?"),
        ("es_opportunity", "0035g00000Es02", "es", "¿Repasamos juntas la estimación de retorno?"),
    ],
)
def test_a_question_that_gives_nothing_away_passes(record, contact, language, question):
    check = _check(
        record,
        f"Hallo,\n\n{question}\n\nLena",
        "no_unapproved_commitments",
        contact=contact,
        language=language,
    )
    assert check.passed, check.detail


def test_merci_de_asks_it_does_not_thank():
    from agents.approvals import unvouched_approvals

    ctx = _ctx("fr_deal")
    assert unvouched_approvals("Merci de transmettre la proposition à Paul pour validation.", ctx) == []
    assert unvouched_approvals("Merci pour la validation juridique.", ctx)
