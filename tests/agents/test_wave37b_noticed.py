"""Wave 37 (helper "noticed37b"): holes wave 37's helpers noticed in their own new checks, fixed as families.

1. A done deal dated by "after": "the purchase order arrived after your decision" (agents.deal_done_claims reads the
   plan words of a clause only up to the time word that follows a past arrival, agents.arrived_before_a_time).
2. An exception that names nothing, after an unrelated paragraph: "We do not usually do this, but for you we will make
   an exception" takes the draft's commercial subject wherever it stands (agents.exception_promises).
3. A note, a call log or our own e-mail vouches for no approval of the buyer's: only the record's stage or the buyer's
   own inbound e-mail does, as for board approvals (agents.approvals, agents.buyer_written).
4. A call recalled to the recipient must be one they were on: a call logged with Priya vouches for no "as discussed
   on the phone" to Dana (agents.recalled_calls).
5. False refusals: "ohne den Betrag zu ändern" with no figure is no price talk (agents.unchanged_terms); a lapse on a
   holiday said as a condition ("falls das Angebot an Weihnachten verfällt, ...") or denied of everything ("Nothing in
   the proposal we sent you expires at Christmas") is no claim (agents.holiday_lapses).
6. A phrase the tenant allows vouches its figures in the analyst's summary and the strategist's rationale as in the
   draft (agents.allowed_phrases, agents.safety).

Every check here is a rule read on text: the learned screen takes no part in it.
"""

from __future__ import annotations

import json

import pytest

from agents.approvals import unvouched_approvals
from agents.catalogue import catalogue_by_name
from agents.context import build_context
from agents.deal_done_claims import deal_done_claims
from agents.holiday_lapses import holiday_lapses
from agents.models import AnalysisOut, StrategyOut
from agents.recalled_calls import unrecorded_phone_calls
from agents.safety import check_analysis, check_strategy
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import CONTACT, ROLES, world

# --- 1. a done deal behind "after" ---------------------------------------------------------------------------------

ARRIVED_AFTER = [
    "Dana, the purchase order arrived after your decision.",
    "The purchase order arrived once the board had decided.",
    "The purchase order arrived only after your decision.",
    "El contrato se firmó una vez tomada su decisión.",
    "El pedido llegó cuando ustedes decidieron.",
    "La orden de compra llegó después de su decisión.",
    "Die Bestellung kam an, nachdem Sie entschieden hatten.",
    "La commande est arrivée quand vous avez décidé.",
]

STILL_A_PLAN = [
    "The purchase order will follow after your decision.",
    "We will send the order form after your decision.",
    "The purchase order comes only after your decision.",
    "After your decision, we will prepare the order form.",
    "The purchase order has not arrived after your decision.",
    "When the purchase order arrives after your decision, we will start.",
    "Die Bestellung kommt erst nach Ihrer Entscheidung.",
    "Nous préparerons le bon de commande après votre décision.",
    "Prepararemos la orden de compra después de su decisión.",
]


@pytest.mark.parametrize("sentence", ARRIVED_AFTER)
def test_a_document_that_arrived_after_a_decision_is_a_deal_stated_done(sentence):
    assert deal_done_claims(sentence, "open"), sentence


@pytest.mark.parametrize("sentence", STILL_A_PLAN)
def test_a_document_still_to_come_after_a_decision_is_a_plan(sentence):
    assert deal_done_claims(sentence, "open") == [], sentence


def test_a_won_deal_may_say_its_order_arrived_after_the_decision():
    assert deal_done_claims("Dana, the purchase order arrived after your decision.", "won") == []


# --- 2. an exception granted after an unrelated paragraph -----------------------------------------------------------

COMMERCIAL = {
    "en": "Our annual plan comes with a discount for three-year terms. The onboarding takes two weeks.\n\n",
    "de": "Zum Jahresplan gehört ein Rabatt bei drei Jahren Laufzeit. Die Einführung dauert zwei Wochen.\n\n",
    "fr": "Notre plan annuel comprend une remise pour un engagement de trois ans. La mise en place prend deux "
          "semaines.\n\n",
    "es": "Nuestro plan anual incluye un descuento para contratos de tres años. La puesta en marcha dura dos "
          "semanas.\n\n",
}

BARE_EXCEPTIONS = [
    ("en", "We do not usually do this, but for you we will make an exception."),
    ("en", "Normally we wouldn't, but we'll make an exception for you."),
    ("de", "Normalerweise machen wir das nicht, aber für Sie machen wir eine Ausnahme."),
    ("fr", "Nous ne le faisons pas d'habitude, mais pour vous nous ferons une exception."),
    ("es", "No solemos hacerlo, pero para usted haremos una excepción."),
]

NAMED_EXCEPTIONS = [
    ("en", "We can make an exception to our meeting-room rule: you can book the big room on Friday."),
    ("en", "Exceptionally, I can meet on Saturday."),
    ("en", "We make no exceptions."),
    ("de", "Für den Besprechungsraum machen wir eine Ausnahme."),
    ("fr", "Nous ferons une exception pour la salle de réunion."),
    ("es", "Haremos una excepción con la sala de reuniones."),
]


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("lang", "text"), BARE_EXCEPTIONS)
def test_an_exception_naming_nothing_takes_the_drafts_commercial_subject_in_every_role(role, lang, text):
    found = ROLES[role](lang, COMMERCIAL[lang] + text)
    assert any("concession as an exception" in r for r in found), f"{role}: {found}"


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("lang", "text"), NAMED_EXCEPTIONS)
def test_an_exception_about_something_not_commercial_passes_beside_a_commercial_paragraph(role, lang, text):
    found = ROLES[role](lang, COMMERCIAL[lang] + text)
    assert not any("concession as an exception" in r for r in found), f"{role}: {found}"


@pytest.mark.parametrize(("lang", "text"), BARE_EXCEPTIONS)
def test_an_exception_naming_nothing_in_a_draft_without_commerce_passes(lang, text):
    assert not any("concession as an exception" in r for r in ROLES["writer body"](
        lang, f"The onboarding takes two weeks.\n\n{text}"))


# --- 4. a call recalled to someone who was not on it ----------------------------------------------------------------

CALLS = {
    # (record, the call the record logs, the recipient who was on it, the one who was not, the draft's words)
    "en": ("hubspot_deal", "Call with Priya: SSO and data retention are her main questions.", "503", "501",
           "As discussed on the phone, the pilot starts with two depots."),
    "de": ("de_deal", "Telefonat mit Jonas Weber: Fragen zur Datenhaltung.", "702", "701",
           "Wie telefonisch besprochen, beginnt das Pilotprojekt mit zwei Standorten."),
    "fr": ("fr_deal", "Appel avec Paul Lefèvre : questions sur la conservation des données.", "712", "711",
           "Comme convenu au téléphone, le pilote commence avec deux sites."),
    "es": ("es_opportunity", "Llamada con Lucía Fernández: preguntas sobre la retención de datos.", "0035g00000Es02",
           "0035g00000Es01", "Como hablamos por teléfono, el piloto empieza con dos sedes."),
}


def _call_ctx(record: str, note: str):
    raw = json.loads((FIXTURES / "records" / f"{record}.json").read_text())
    # only the one call speaks of the phone: the demo meeting's subject ("Discovery call") would name Dana too
    raw["activities"] = [a for a in raw["activities"] if a["type"] != "meeting" and a["type"] != "call"]
    raw["activities"].append({"type": "call", "at": "2026-11-18T15:00:00Z", "direction": "outbound", "body": note})
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


@pytest.mark.parametrize("lang", list(CALLS))
def test_a_call_recalled_to_a_recipient_who_was_not_on_it_is_refused(lang):
    record, note, _, absent, draft = CALLS[lang]
    assert unrecorded_phone_calls(draft, _call_ctx(record, note), absent), lang


@pytest.mark.parametrize("lang", list(CALLS))
def test_a_call_recalled_to_the_recipient_who_was_on_it_passes(lang):
    record, note, present, _, draft = CALLS[lang]
    assert unrecorded_phone_calls(draft, _call_ctx(record, note), present) == [], lang


NAMED_ON_THE_CALL = {
    # the draft to the contact who was not on the call names the one who was (held-out 14/23/28's "Tom's question")
    "en": "Following Priya's questions on our call, the pilot starts with two depots.",
    "de": "Nach den Fragen von Herrn Weber in unserem Telefonat beginnt das Pilotprojekt mit zwei Standorten.",
    "fr": "Suite aux questions de Paul lors de notre appel, le pilote commence avec deux sites.",
    "es": "Tras las preguntas de Lucía en nuestra llamada, el piloto empieza con dos sedes.",
}


@pytest.mark.parametrize("lang", list(CALLS))
def test_a_call_recalled_with_the_name_of_the_contact_who_was_on_it_passes_for_a_colleague(lang):
    record, note, _, absent, _ = CALLS[lang]
    assert unrecorded_phone_calls(NAMED_ON_THE_CALL[lang], _call_ctx(record, note), absent) == [], lang


@pytest.mark.parametrize("lang", list(CALLS))
def test_a_call_recalled_naming_only_the_recipient_who_was_not_on_it_is_still_refused(lang):
    record, note, _, absent, draft = CALLS[lang]
    ctx = _call_ctx(record, note)
    name = (ctx.contact_name(next(c for c in ctx.record.contacts if c.id == absent)) or "").split()[0]
    assert unrecorded_phone_calls(f"{name}, {draft}", ctx, absent), lang

# --- 3. who may vouch for an approval -------------------------------------------------------------------------------

APPROVALS = {
    # (record, what the record says, what the output repeats)
    "en": ("hubspot_deal", "Marcus approved the budget for the rollout today.",
           "With Marcus's approval of the budget, the proposal is the last step."),
    "de": ("de_deal", "Herr Weber hat das Budget für den Rollout heute freigegeben.",
           "Mit der Freigabe des Budgets durch Herrn Weber ist das Angebot der letzte Schritt."),
    "fr": ("fr_deal", "Paul a validé le budget du déploiement aujourd'hui.",
           "Avec la validation du budget par Paul, la proposition est la dernière étape."),
    "es": ("es_opportunity", "Lucía aprobó hoy el presupuesto del despliegue.",
           "Con la aprobación del presupuesto por Lucía, la propuesta es el último paso."),
}


def _approval_ctx(record: str, activity: dict):
    raw = json.loads((FIXTURES / "records" / f"{record}.json").read_text())
    raw["activities"].append({"at": "2026-11-24T10:00:00Z", "subject": "Budget", **activity})
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


@pytest.mark.parametrize("kind", ["note", "call", "outbound email"])
@pytest.mark.parametrize("lang", list(APPROVALS))
def test_an_approval_only_our_note_call_or_email_states_is_refused(lang, kind):
    record, stated, said = APPROVALS[lang]
    activity = {"type": kind.split()[-1], "direction": "outbound" if kind != "note" else None, "body": stated}
    assert unvouched_approvals(said, _approval_ctx(record, activity)), f"{lang} {kind}"


@pytest.mark.parametrize("lang", list(APPROVALS))
def test_an_approval_the_buyers_own_email_states_may_be_repeated(lang):
    record, stated, said = APPROVALS[lang]
    activity = {"type": "email", "direction": "inbound", "body": stated}
    assert unvouched_approvals(said, _approval_ctx(record, activity)) == [], lang


# --- 6. standard terms the tenant allows, in the analyst's and the strategist's words ---------------------------------

STANDARD_TERMS = [
    # percentages: the facts check of a summary and a rationale reads percentages and amounts, not bare numbers
    ("en", "Our standard 2% early-payment discount applies.", ("2% early-payment discount",)),
    ("de", "Es gilt unser übliches 2 % Skonto bei Zahlung innerhalb von 10 Tagen.",
     ("2 % Skonto bei Zahlung innerhalb von 10 Tagen",)),
    ("fr", "Notre escompte habituel de 2 % pour paiement anticipé s'applique.", ("2 % pour paiement anticipé",)),
    ("es", "Se aplica nuestro descuento habitual del 2 % por pronto pago.", ("2 % por pronto pago",)),
]


def _summary(lang: str, text: str, allowed: tuple[str, ...]) -> list[str]:
    ctx, vocab = world(lang)
    out = AnalysisOut(summary=text, engagement_trend="steady", engagement_evidence=[], risk_indicators=[],
                      buying_signals=[])
    return check_analysis(out, ctx, vocab, allowed)


def _rationale(lang: str, text: str, allowed: tuple[str, ...]) -> list[str]:
    ctx, vocab = world(lang)
    out = StrategyOut(strategy="value_reinforcement", rationale=text, channel="email", timing="in_2_business_days",
                      discount=None, recipient_contact_id=CONTACT[lang][0])
    return check_strategy(out, ctx, vocab, arm=catalogue_by_name()["value_reinforcement"], max_discount=0.1,
                          allowed_promises=allowed)


@pytest.mark.parametrize("role", [_summary, _rationale], ids=["analyst summary", "strategist rationale"])
@pytest.mark.parametrize(("lang", "text", "allowed"), STANDARD_TERMS)
def test_a_standard_term_the_tenant_allows_is_vouched_in_the_summary_and_the_rationale(role, lang, text, allowed):
    assert not any("unsupported fact" in r for r in role(lang, text, allowed)), role(lang, text, allowed)


@pytest.mark.parametrize("role", [_summary, _rationale], ids=["analyst summary", "strategist rationale"])
@pytest.mark.parametrize(("lang", "text", "allowed"), STANDARD_TERMS)
def test_another_term_or_no_setting_leaves_the_figure_unvouched(role, lang, text, allowed):
    assert any("unsupported fact" in r for r in role(lang, text, ()))  # the setting, nothing else, vouches it
    other = text.replace("2", "7")
    assert any("unsupported fact" in r for r in role(lang, other, allowed))


# --- 5. false refusals: an amount kept, a lapse as a condition or denied of everything --------------------------------

KEPT_AMOUNT = [
    ("en", "Dana, we move the training to January without changing the amount."),
    ("de", "Frau Schmidt, wir verschieben die Schulung auf Januar, ohne den Betrag zu ändern."),
    ("de", "Frau Schmidt, wir teilen die Einführung in zwei Phasen, ohne den Preis zu ändern."),
    ("fr", "Claire, nous répartissons le déploiement en deux phases, sans modifier le prix."),
    ("es", "Javier, pasamos la formación a enero sin cambiar el importe."),
]

MORE_FOR_THE_SAME = [
    ("en", "Dana, we include the training without changing the price."),
    ("de", "Frau Schmidt, wir fügen zwei Standorte hinzu, ohne den Betrag zu ändern."),
    ("fr", "Claire, nous ajoutons deux sites en plus sans changer le montant."),
    ("es", "Javier, incluimos la formación sin cambiar el precio."),
]


@pytest.mark.parametrize("role", ["writer body", "analyst summary", "strategist rationale"])
@pytest.mark.parametrize(("lang", "text"), KEPT_AMOUNT)
def test_an_amount_kept_and_not_named_is_no_price_talk(role, lang, text):
    assert not any("price talk" in r for r in ROLES[role](lang, text)), ROLES[role](lang, text)


@pytest.mark.parametrize(("lang", "text"), MORE_FOR_THE_SAME)
def test_more_for_the_same_amount_is_still_price_talk(lang, text):
    assert any("price talk" in r for r in ROLES["writer body"](lang, text))


NOT_A_LAPSE = [
    "If the offer expires at Christmas, we sign in January.",
    "Falls das Angebot an Weihnachten verfällt, unterschreiben wir im Januar.",
    "Si l'offre expire à Noël, nous signerons en janvier.",
    "Si la oferta vence en Navidad, firmaremos en enero.",
    "Nothing in the proposal we sent you expires at Christmas.",
    "Nichts an unserem Angebot für Ihr Team verfällt an Weihnachten.",
    "Nada de nuestra propuesta para su equipo vence en Navidad.",
]

STILL_A_LAPSE = [
    "If you wait, the offer expires at Christmas.",
    "Since you did not reply in time the offer expired at Christmas.",
    "Wenn Sie warten, verfällt das Angebot an Weihnachten.",
    "Si vous attendez, l'offre expire à Noël.",
    "Si espera, la oferta vence en Navidad.",
]


@pytest.mark.parametrize("sentence", NOT_A_LAPSE)
def test_a_lapse_as_a_condition_or_denied_of_everything_is_no_claim(sentence):
    assert holiday_lapses(sentence) == [], sentence


@pytest.mark.parametrize("sentence", STILL_A_LAPSE)
def test_a_lapse_after_a_condition_on_the_buyer_or_a_far_not_is_still_a_claim(sentence):
    assert holiday_lapses(sentence), sentence
