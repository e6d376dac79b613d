"""Set 54's quality misses and false refusals, fixed by family (wave 42, qual54; issue 11).

- Talking down (agents.condescension): set 54's de-b9 "wie ich Ihnen bereits in der Demo erklärt habe" and fr-b9
  "Comme je l'ai pourtant déjà expliqué ... lisez-la attentivement cette fois-ci" passed no_reproach (fr-b9 was caught
  only by a price reading of "n'a rien"); en-b9 and es-b9 were caught by the explanation-repeated shape.
- The proposal held back until the buyer's decision it serves (agents.decision_waits): en-b11, with no question open.
- An aside of good news after a thanks (agents.relayed_remarks): en-g1 "Thank you for your message of November 18 –
  good news that Priya's security review is signed off" read as thanking Priya for the message.
- A German short form of a compound the draft itself named (agents.german_nouns): de-g6's "Ihrer Rechnung" after "eine
  Amortisationsrechnung" read as an invoice the record never names.

Tried as the adversary, beyond the set's drafts: each shape in en/de/fr/es, other word orders (German verb last,
"relisez-la", "como ya se lo expliqué"), the decision as a noun and as a clause, perfect and present tense, a
semicolon instead of a dash, and the look-alikes that must still pass (a reading asked for with no "this time", "diesmal"
with no reading, the proposal dated before the decision, the rollout planned after it, thanks handed to the contact
by name, "Ihre Rechnung" with no compound before it).
"""

from __future__ import annotations

import json

import pytest

from tests.agents.conftest import FIXTURES
from tests.agents.test_quality import _checks

_SET = {lang: json.loads((FIXTURES / "quality_heldout54" / f"{lang}.json").read_text()) for lang in ("en", "de", "fr", "es")}


def _entry(entry_id: str) -> dict:
    return next(e for e in _SET[entry_id.split("-")[1]] if e["id"] == entry_id)


def _with(entry_id: str, old: str, new: str) -> dict:
    entry = json.loads(json.dumps(_entry(entry_id)))
    assert old in entry["draft"]["body"], (entry_id, old)
    entry["draft"]["body"] = entry["draft"]["body"].replace(old, new)
    return entry


def _failed(entry: dict) -> dict[str, str]:
    return {c.name: c.detail for c in _checks(entry) if not c.passed}


# --- the set's own drafts -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("entry_id, check", [
    ("q54-de-b9", "no_reproach"),
    ("q54-fr-b9", "no_reproach"),
    ("q54-en-b11", "answers_latest_question"),
])
def test_set_54s_missed_or_misread_bad_drafts_are_flagged_by_their_familys_check(entry_id, check):
    assert check in _failed(_entry(entry_id))


@pytest.mark.parametrize("entry_id", ["q54-en-g1", "q54-de-g6"])
def test_set_54s_refused_good_drafts_pass_every_check(entry_id):
    assert _failed(_entry(entry_id)) == {}


# --- talking down: unseen phrasings -----------------------------------------------------------------------------------

_EN_G2 = "Could we go through it on Wednesday, December 2 at 2 pm Central?"
_DE_G2 = "Passt Ihnen Donnerstag, 3. Dezember, um 10 Uhr für eine kurze Durchsicht?"
_FR_G2 = "Le jeudi 3 décembre à 10 h vous conviendrait-il pour en parler vingt minutes ?"
_ES_G2 = "¿Tendría veinte minutos el jueves 3 de diciembre a las 12:00?"
_BEFORE_ASK = {"en": ("q54-en-g2", _EN_G2), "de": ("q54-de-g2", _DE_G2), "fr": ("q54-fr-g2", _FR_G2),
               "es": ("q54-es-g2", _ES_G2)}


def _said_before_the_ask(lang: str, sentence: str) -> dict:
    entry_id, ask = _BEFORE_ASK[lang]
    return _with(entry_id, ask, f"{sentence}\n\n{ask}")


@pytest.mark.parametrize("lang, sentence", [
    ("de", "Wie ich Ihnen bereits letzte Woche in der Demo ausführlich erklärt habe, bleiben die Annahmen gleich."),
    ("de", "Wie ich es Ihnen schon in der Demo am 14. Oktober dargelegt habe, bleiben die Annahmen gleich."),
    ("de", "Lesen Sie die Rechnung diesmal bitte genau."),
    ("de", "Diesmal bitte genau durchlesen."),
    ("fr", "Comme je vous l'ai pourtant expliqué lors de la démonstration, chaque atelier a sa ligne."),
    ("fr", "Comme je l'ai déjà dit lors de la démonstration, chaque atelier a sa ligne."),
    ("fr", "Le coût par atelier n'a rien de bien compliqué à comprendre."),
    ("fr", "Relisez-la attentivement cette fois."),
    ("es", "Como ya se lo expliqué en la demo, las cifras de consumo no cambian."),
    ("es", "Esta vez léala con atención, por favor."),
    ("en", "Please read the rollout section carefully this time."),
    ("en", "This time, please do read the rollout section before the review."),
])
def test_talking_down_is_flagged_in_unseen_phrasings(lang, sentence):
    assert "no_reproach" in _failed(_said_before_the_ask(lang, sentence)), sentence


@pytest.mark.parametrize("lang, sentence", [
    ("de", "Wie ich Ihnen in der Demo am 14. Oktober gezeigt habe, lassen sich die Standorte einzeln auswerten."),
    ("de", "Diesmal enthält das Angebot auch die Anhänger."),
    ("de", "Wie in der Demo besprochen, bleiben die Annahmen gleich."),
    ("fr", "Cette fois, la proposition détaille aussi chaque atelier."),
    ("fr", "Comme je l'ai indiqué à Claire, chaque atelier a sa ligne."),
    ("fr", "L'installation n'a rien de compliqué."),
    ("es", "Esta vez la propuesta incluye también el calendario por delegación."),
    ("en", "Please read the rollout section before the review."),
    ("en", "This time the proposal covers both terms side by side."),
    ("en", "As I mentioned on our call, the figures stay the same."),
])
def test_guard_recalling_or_this_time_without_a_reproach_is_no_talking_down(lang, sentence):
    """Guard: passed no_reproach before the change and must keep passing."""
    assert "no_reproach" not in _failed(_said_before_the_ask(lang, sentence)), sentence


# --- the proposal held back until the buyer's decision -----------------------------------------------------------------

_EN_B11 = ("Rather than send a revised proposal now, I suggest we wait until the partners have made their decision in "
           "December; I will then put together a version that reflects whatever they choose.")
_DE_G2_PROPOSAL = ("Frau Schmidt hat mich am 20. November um das Angebot für Ihre 120 Fahrzeuge gebeten; Sie erhalten es "
                   "bis Freitag, 27. November, in Kopie.")
_FR_G2_PROPOSAL = ("Claire m'a demandé le 19 novembre la proposition avec le nombre de licences pour les 6 ateliers ; vous "
                   "la recevrez tous les deux d'ici le vendredi 27 novembre, avec une ligne de coût pour chaque atelier.")
_ES_G2_PROPOSAL = ("Javier nos pidió el 18 de noviembre la propuesta con el calendario de implantación; usted la recibirá "
                   "en copia el viernes 27 de noviembre.")
_PROPOSAL = {"en": ("q54-en-b11", _EN_B11), "de": ("q54-de-g2", _DE_G2_PROPOSAL), "fr": ("q54-fr-g2", _FR_G2_PROPOSAL),
             "es": ("q54-es-g2", _ES_G2_PROPOSAL)}


def _proposal_said(lang: str, sentence: str) -> dict:
    entry_id, old = _PROPOSAL[lang]
    return _with(entry_id, old, sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "I will hold the revised proposal until the partners have decided in December."),
    ("en", "Once the partners have made a decision, I will send you the revised proposal."),
    ("en", "The revised proposal can wait for the partners' decision in December."),
    ("en", "As soon as the partners decide, the revised proposal follows."),
    ("de", "Das Angebot schicke ich Ihnen, sobald die Geschäftsführung entschieden hat."),
    ("de", "Das Angebot erstelle ich erst nach Ihrer internen Entscheidung."),
    ("fr", "Je vous enverrai la proposition une fois que vous aurez pris votre décision."),
    ("fr", "La proposition attendra votre décision."),
    ("de", "Mit dem Angebot warten wir auf Ihre Entscheidung."),
    ("es", "Le enviaré la propuesta cuando hayan tomado su decisión."),
    ("es", "Prefiero esperar a su decisión para mandarle la propuesta."),
])
def test_the_proposal_held_back_until_the_buyers_decision_is_flagged(lang, sentence):
    assert "answers_latest_question" in _failed(_proposal_said(lang, sentence)), sentence


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The revised proposal, with both waves, reaches you by Friday, 27 November, so the partners have it before "
           "they decide in December."),
    ("en", "The revised proposal with both waves reaches you on Friday. Once the partners have decided, we can plan "
           "the first wave together."),
    ("de", f"{_DE_G2_PROPOSAL} Sobald Sie entschieden haben, planen wir den Start gemeinsam."),
    ("fr", f"{_FR_G2_PROPOSAL} Une fois que vous aurez pris votre décision, nous planifierons le déploiement."),
    ("es", f"{_ES_G2_PROPOSAL} Cuando hayan tomado su decisión, planificaremos la implantación."),
    ("en", "I will wait for the partners' decision on the revised proposal in December."),
    ("de", f"{_DE_G2_PROPOSAL} Wir warten auf Ihre Entscheidung über das Angebot."),
    ("es", f"{_ES_G2_PROPOSAL} Quedamos a la espera de su decisión sobre la propuesta."),
])
def test_guard_the_proposal_sent_in_time_and_the_rollout_after_the_decision_pass(lang, sentence):
    """Guard: passed before the change (no held-back proposal) and must keep passing."""
    assert "answers_latest_question" not in _failed(_proposal_said(lang, sentence)), sentence


# --- good news after a thanks --------------------------------------------------------------------------------------------

_EN_THANKS = "Thank you for your message of November 18 – good news that Priya's security review is signed off."
_DE_THANKS = ("vielen Dank für Ihre Nachricht vom 20. November – schön, dass Sie nach Ihrem internen Gespräch "
              "weitermachen möchten.")
_FR_THANKS = "Merci pour votre message du 19 novembre et pour votre retour sur la démonstration."
_ES_THANKS = "Gracias por su mensaje del 18 de noviembre y por el interés en la demo."
_THANKS = {"en": ("q54-en-g1", _EN_THANKS), "de": ("q54-de-g1", _DE_THANKS), "fr": ("q54-fr-g1", _FR_THANKS),
           "es": ("q54-es-g1", _ES_THANKS)}


def _thanks_said(lang: str, sentence: str) -> dict:
    entry_id, old = _THANKS[lang]
    return _with(entry_id, old, sentence)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Thank you for your message of November 18 – great to hear that Priya has signed off the security review."),
    ("en", "Thank you for your message of November 18 – congratulations on Priya's security sign-off."),
    ("en", "Thanks for your note of November 18 – I'm glad to hear Priya closed the security review."),
    ("de", "vielen Dank für Ihre Nachricht vom 20. November – schön, dass Herr Weber die Amortisationsrechnung so "
           "gründlich geprüft hat."),
    ("fr", "Merci pour votre message du 19 novembre – bonne nouvelle que Paul ait apprécié la démonstration."),
    ("es", "Gracias por su mensaje del 18 de noviembre – buena noticia que a Lucía le gustara la demo."),
])
def test_good_news_about_a_colleague_after_a_thanks_credits_them_with_no_message(lang, sentence):
    assert "thanks_the_right_person" not in _failed(_thanks_said(lang, sentence)), sentence


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Thank you for your message of November 18; good news that Priya's security review is signed off."),
    ("de", "vielen Dank für Ihre Nachricht vom 20. November; eine gute Nachricht auch, dass Herr Weber mit der "
           "Amortisationsrechnung zufrieden war."),
    ("fr", "Merci pour votre message du 19 novembre ; ravi d'apprendre que Paul a trouvé la démonstration utile."),
    ("es", "Gracias por su mensaje del 18 de noviembre; me alegra que Lucía haya revisado la estimación de retorno."),
])
def test_guard_good_news_after_a_semicolon_credits_no_message(lang, sentence):
    """Guard: passed before the change (a semicolon ended the thanks) and must keep passing."""
    assert "thanks_the_right_person" not in _failed(_thanks_said(lang, sentence)), sentence


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Thank you, Priya, for your message of November 18 – good news all round."),
    ("fr", "Merci à Paul pour son message du 19 novembre – bonne nouvelle pour la démonstration."),
    ("es", "Gracias a Lucía por su mensaje del 18 de noviembre; me alegra que la demo gustara."),
])
def test_guard_a_colleague_thanked_for_the_message_before_the_good_news_stays_refused(lang, sentence):
    """Guard: refused before the change and must stay refused (the news aside is cut, not the thanks before it)."""
    assert "thanks_the_right_person" in _failed(_thanks_said(lang, sentence)), sentence


# --- a German short form of a compound the draft named -------------------------------------------------------------------

_DE_G2_CALC = ("Die Annahmen zu Leerlauf und Diesel sind unverändert, sodass Sie die Zahlen leicht nebeneinanderlegen "
               "können.")


def test_ihre_rechnung_after_the_draft_named_the_amortisationsrechnung_is_that_calculation():
    entry = _with("q54-de-g2", _DE_G2_CALC, "Die Annahmen Ihrer Rechnung sind unverändert, sodass Sie die Zahlen leicht "
                                            "nebeneinanderlegen können.")
    assert "no_invented_facts" not in _failed(entry)


@pytest.mark.parametrize("old, new", [
    # named nowhere before "Ihrer Rechnung"
    ("in der Demo am 14. Oktober wollten Sie eine Amortisationsrechnung sehen; die haben Sie am 28. Oktober erhalten.",
     "in der Demo am 14. Oktober wollten Sie sehen, wann sich die Analyse rechnet."),
    # a compound the record never names
    ("in der Demo am 14. Oktober wollten Sie eine Amortisationsrechnung sehen; die haben Sie am 28. Oktober erhalten.",
     "in der Demo am 14. Oktober wollten Sie eine Stromrechnung sehen."),
])
def test_guard_ihre_rechnung_with_no_recorded_compound_before_it_stays_an_unnamed_invoice(old, new):
    """Guard: refused before the change and must stay refused."""
    assert "Rechnung" in _failed(_with("q54-de-g6", old, new)).get("no_invented_facts", "")
