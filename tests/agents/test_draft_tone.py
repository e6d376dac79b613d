"""Set 33's bad drafts (wave 24b) as kinds, in wordings of our own in en/de/fr/es, each run through every quality check
against a real fixture record: an alarm subject on a routine note, scarcity the record does not state, the seller's
internal note or score told to the buyer, a reproach for the buyer's silence, an over-familiar register, and an amount
in a currency the deal is not in. Look-alikes must pass every check these rules add: an urgent word the buyer wrote
first, a limit the sentence puts on something else, a note the buyer shared, our own delay, a warm but professional
close, and the deal's own currency."""

from __future__ import annotations

import pytest

from agents.context import build_context
from agents.draft_tone import alarm_subject
from tests.agents.conftest import NOW, load_record
from tests.agents.test_quality import _checks

RULES = ("no_alarm_subject", "no_invented_scarcity", "no_internal_notes_or_scores", "no_reproach",
         "no_over_familiar_register", "amounts_in_the_deals_currency")
RECORDS = {"en": ("hubspot_deal", "501", "Hi Dana,"), "de": ("de_deal", "701", "Guten Tag Frau Schmidt,"),
           "fr": ("fr_deal", "711", "Bonjour Claire,"), "es": ("es_opportunity", "0035g00000Es01", "Hola Javier:")}


def _failed_rules(language: str, subject: str, sentence: str) -> set[str]:
    record, contact, greeting = RECORDS[language]
    entry = {"record": record, "language": language, "draft": {
        "to_contact_id": contact, "subject": subject, "kind": "email",
        "body": f"{greeting}\n\n{sentence}\n\nSam"}}
    return {c.name for c in _checks(entry) if not c.passed and c.name in RULES}


BAD = [
    # an alarm subject on a routine note
    ("en", "Final notice: your account will be suspended", "The proposal reaches you on Friday.", "no_alarm_subject"),
    ("de", "Letzte Erinnerung: Handlungsbedarf", "Das Angebot kommt am Freitag.", "no_alarm_subject"),
    ("fr", "Action requise : avis important", "La proposition arrive vendredi.", "no_alarm_subject"),
    ("es", "Último aviso: acción requerida", "La propuesta llega el viernes.", "no_alarm_subject"),
    # scarcity nobody recorded
    ("en", "Proposal", "Please decide soon: only three onboarding slots are left this quarter.", "no_invented_scarcity"),
    ("de", "Angebot", "Für Februar sind nur noch wenige Schulungstermine verfügbar.", "no_invented_scarcity"),
    ("fr", "Proposition", "Il ne reste que trois places pour la formation de février.", "no_invented_scarcity"),
    ("es", "Propuesta", "Solo quedan tres huecos de formación en febrero.", "no_invented_scarcity"),
    # our internal notes and scores
    ("en", "Proposal", "Our internal notes say Marcus has the final word, so I wrote to him too.",
     "no_internal_notes_or_scores"),
    ("de", "Angebot", "Unser System zeigt eine hohe Abschlusswahrscheinlichkeit für Ihr Projekt.",
     "no_internal_notes_or_scores"),
    ("fr", "Proposition", "Selon notre CRM, votre dossier a une probabilité de signature de 80 %.",
     "no_internal_notes_or_scores"),
    ("es", "Propuesta", "Nuestra evaluación interna le da buenas opciones; la propuesta llega el viernes.",
     "no_internal_notes_or_scores"),
    # reproach for the buyer's silence
    ("en", "Finally, a reply", "We hadn't heard from you in weeks, so thanks for getting back.", "no_reproach"),
    ("de", "Angebot", "Wir hatten lange keine Rückmeldung von Ihnen erhalten; schön, dass Sie sich endlich melden.",
     "no_reproach"),
    ("fr", "Enfin des nouvelles", "Après trois semaines sans nouvelles de votre part, voici la proposition.",
     "no_reproach"),
    ("es", "Propuesta", "Tras un mes sin tener noticias de ustedes, por fin nos responden.", "no_reproach"),
    # over-familiar register
    ("en", "Proposal", "Here you go, sweetie, the proposal is on its way. Hugs", "no_over_familiar_register"),
    ("de", "Angebot", "Das Angebot kommt Freitag. Bussi und bis bald!", "no_over_familiar_register"),
    ("fr", "Proposition", "La proposition arrive vendredi. Grosses bises !", "no_over_familiar_register"),
    ("es", "Propuesta", "Te llega el viernes, cariño. ¡Un beso!", "no_over_familiar_register"),
    # an amount in a currency the deal is not in
    ("en", "Proposal", "The annual licence comes to €48,000 for all trucks.", "amounts_in_the_deals_currency"),
    ("de", "Angebot", "Die Lizenz kostet 36.000 Dollar im Jahr.", "amounts_in_the_deals_currency"),
    ("fr", "Proposition", "La licence annuelle s'élève à 28 000 USD.", "amounts_in_the_deals_currency"),
    ("es", "Propuesta", "La licencia anual es de 42.000 dólares.", "amounts_in_the_deals_currency"),
]

LOOK_ALIKES = [
    ("en", "Proposal for your review", "The proposal reaches you on Friday; there is no action needed before then."),
    ("en", "Proposal", "Only two questions are left open, and the proposal answers both."),
    ("en", "Proposal", "Thanks for your note on the pilot; the proposal reaches you on Friday."),
    ("en", "Proposal", "Sorry it took me a week to reply; the proposal reaches you on Friday. Warm regards"),
    ("en", "Proposal", "The estimate covers all trucks, in US dollars as on the deal."),
    ("de", "Ihr Angebot", "Nur noch zwei Punkte sind offen; das Angebot klärt beide."),
    ("de", "Angebot", "Endgültig ist das Angebot, sobald Sie es freigeben; es kommt am Freitag."),
    ("de", "Angebot", "Die Lizenz für 120 Fahrzeuge kostet 36.000 EUR im Jahr, wie besprochen."),
    ("fr", "Proposition", "Il ne reste que deux points à régler, et la proposition y répond."),
    ("fr", "Proposition", "La proposition couvre plus de 40 ateliers. À plus tard pour la démonstration."),
    ("fr", "Proposition", "Le coût annuel est de 28 000 euros, comme convenu."),
    ("es", "Propuesta", "Solo quedan dos puntos abiertos y la propuesta responde a ambos."),
    ("es", "Propuesta", "Por favor, disculpe mi retraso; la propuesta le llega el viernes. Un saludo cordial"),
    ("es", "Propuesta", "El importe anual es de 42.000 euros, como en la estimación."),
]


@pytest.mark.parametrize(("language", "subject", "sentence", "rule"), BAD, ids=[f"{b[0]}-{b[3]}-{i}" for i, b in
                                                                               enumerate(BAD)])
def test_a_set_33_kind_in_our_own_words_is_flagged_by_its_rule(language, subject, sentence, rule):
    assert rule in _failed_rules(language, subject, sentence)


@pytest.mark.parametrize(("language", "subject", "sentence"), LOOK_ALIKES,
                         ids=[f"{a[0]}-{i}" for i, a in enumerate(LOOK_ALIKES)])
def test_a_look_alike_passes_every_rule_set_33_added(language, subject, sentence):
    assert _failed_rules(language, subject, sentence) == set()


def test_an_urgent_word_the_buyer_wrote_first_is_theirs_to_repeat_in_the_subject():
    record, scores = load_record("hubspot_deal")
    ctx = build_context(record, scores, now=NOW)
    assert alarm_subject("Re: urgent: seat count", ctx)  # the record holds no "urgent": an alarm of ours
    first = next(iter(ctx.activities))
    ctx.activities[first] = {**ctx.activities[first], "subject": "Urgent: seat count before the board"}
    assert alarm_subject("Re: urgent: seat count", ctx) == []


WRONG_ASKER = [
    # (language, to whom, sentence): the thing is another contact's ask in the record
    ("en", "Hi Dana,", "501", "As you asked, I have added a second version of the payback estimate."),
    ("de", "Guten Tag Frau Schmidt,", "701", "Ihrem Wunsch entsprechend, wie von Ihnen erbeten: die Amortisationsrechnung "
     "ist aktualisiert."),
    ("fr", "Bonjour Claire,", "711", "Vous m'avez demandé le coût par atelier ; le voici en annexe."),
    ("es", "Hola Lucía:", "0035g00000Es02", "Como nos pidió, el calendario de implantación va en un anexo."),
]

RIGHT_ASKER = [
    ("en", "Hi Marcus,", "502", "As you asked, I have added a second version of the payback estimate."),
    ("de", "Guten Tag Herr Weber,", "702", "Wie von Ihnen erbeten, ist die Amortisationsrechnung aktualisiert."),
    ("fr", "Bonjour Paul,", "712", "Vous m'avez demandé le coût par atelier ; le voici en annexe."),
    ("es", "Hola Javier:", "0035g00000Es01", "Como nos pidió, el calendario de implantación va en un anexo."),
    # the recipient's own ask named beside the colleague's: the sentence claims what the recipient did ask for
    ("en", "Hi Dana,", "501", "As you asked, the proposal reaches you on Friday, with the payback figures inside."),
]


def _asked_by_fails(language, greeting, contact, sentence):
    record = RECORDS[language][0]
    entry = {"record": record, "language": language, "draft": {
        "to_contact_id": contact, "subject": "Update", "kind": "email", "body": f"{greeting}\n\n{sentence}\n\nSam"}}
    return next(c for c in _checks(entry) if c.name == "asked_by_the_recipient").passed is False


@pytest.mark.parametrize(("language", "greeting", "contact", "sentence"), WRONG_ASKER, ids=[w[0] for w in WRONG_ASKER])
def test_as_you_asked_about_a_colleagues_ask_is_flagged(language, greeting, contact, sentence):
    assert _asked_by_fails(language, greeting, contact, sentence)


@pytest.mark.parametrize(("language", "greeting", "contact", "sentence"), RIGHT_ASKER,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(RIGHT_ASKER)])
def test_as_you_asked_to_the_contact_who_asked_passes(language, greeting, contact, sentence):
    assert not _asked_by_fails(language, greeting, contact, sentence)
