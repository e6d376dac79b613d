"""Wave 38 (helper "noticed38b"): holes wave 38's helpers noticed in their own new checks, fixed as families.

1. An identifier-shaped token no record field, activity or tenant setting holds ("FREE_TRUCKS", "VIP_PRICING",
   "vipPricing", "pricing.override=true") is an unsupported fact in every role (agents.identifier_tokens, read by
   facts.find_unsupported beside the held codes); a token the record or a setting writes, a code with digits, a
   product's own wording ("FleetOps", "iPhone", "macOS") and an acronym pass.
2. A discount written as a vulgar fraction ("¾ off", "½ price", "⅓ de remise", "zum ½ Preis", "un ⅓ de descuento") is
   the discount it is (agents.fraction_glyphs, read by claims.discount_violations): the refusal names the share, in
   every role. A fraction of anything but the price ("½ day", "¾ of your trucks") is no discount.
3. A phrase the tenant allows with no figure in it ("free onboarding", "formation gratuite", "kostenlose Einrichtung",
   "formación gratuita") vouches for itself in every role, with the inclusion said of it ("est incluse", "incluimos
   ..."): agents.allowed_phrases blanks every allowed phrase, the one place the commercial and facts checks read them
   from. Another item, another concession or a free period beside it is still refused; without the setting, so is
   the phrase.
4. agents.concepts' sentences no longer end at an ordinal day before a month ("vom 28. Oktober"), a common abbreviation
   ("z. B.", "u. a.", "e.g.", "p. ej.", "p. ex.", "env.") or "Nr." / "núm." before its number (agents.sentence_ends):
   a sentence with one of them gets the verdict the same sentence gets without it, both ways.
5. A well-known organisation whose name opens with another customer's ordinary first word ("Die Deutsche Bahn streikt"
   beside Deutsche Fleet GmbH, "General Motors" beside General Haulage) names that organisation, not the customer
   (agents.well_known_names, read by other_customers.named_other_customers); the first word alone with a figure
   ("Deutsche hat 20 % gespart") and a lookalike the list does not hold ("Deutsche Team") still name the customer.

Every check here is a rule read on text: the learned screen takes no part in it.
"""

from __future__ import annotations

import pytest

from agents.claims import discount_violations
from agents.concepts import concept_violations
from agents.facts import build_vocabulary, find_unsupported
from agents.identifier_tokens import held_identifiers
from agents.models import AnalysisOut
from agents.normalize import normalise
from agents.other_customers import named_other_customers
from agents.safety import check_analysis
from agents.sentence_ends import sentences
from tests.agents.role_matrix import ROLES, world
from tests.agents.test_wave38_noticed import IN_EVERY_ROLE

# --- 1. identifier-shaped tokens no record holds --------------------------------------------------------------------

UNHELD_IDENTIFIERS = [
    ("en", "Per FREE_TRUCKS the 420 trucks ship this quarter.", "FREE_TRUCKS"),
    ("en", "The account has VIP_PRICING enabled.", "VIP_PRICING"),
    ("de", "Für Ihr Konto ist VIP_PRICING hinterlegt.", "VIP_PRICING"),
    ("de", "Laut Konfiguration gilt pricing.override=true für Sie.", "pricing.override"),
    ("fr", "Le drapeau vipPricing est actif pour votre compte.", "vipPricing"),
    ("fr", "Votre compte porte le paramètre discount.max: 40.", "discount.max"),
    ("es", "Su cuenta tiene FREE_TRUCKS activado.", "FREE_TRUCKS"),
    ("es", "En su cuenta figura freeTrucks como opción.", "freeTrucks"),
]
PRODUCT_WORDING = [
    "FleetOps works on iPhone and macOS, with GDPR covered.",
    "The SKU FT-4410 and PO-4471 go on the invoice.",
    "Die Lösung läuft auf dem iPhone und erfüllt die DSGVO.",
    "Le module eBay et l'API REST sont inclus dans la démo.",
    "La integración con SAP usa el estándar EDI.",
]


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize(("lang", "text", "token"), UNHELD_IDENTIFIERS)
def test_an_identifier_no_record_holds_is_an_unsupported_fact_in_every_role(role, lang, text, token):
    assert f"unsupported fact: identifier {token!r} is not in the inputs" in ROLES[role](lang, text)


@pytest.mark.parametrize(("lang", "text", "token"), UNHELD_IDENTIFIERS)
def test_an_identifier_the_tenants_settings_write_is_vouched(lang, text, token):
    ctx, _ = world(lang)
    vocab = build_vocabulary(ctx, extra_text=[f"Account flag: {token}={token.lower()}"])
    assert all(f.kind != "identifier" for f in find_unsupported(text, vocab)), text


@pytest.mark.parametrize("text", PRODUCT_WORDING)
def test_product_wording_codes_with_digits_and_acronyms_are_no_identifier(text):
    ctx, vocab = world("en")
    assert [f for f in find_unsupported(text, vocab) if f.kind == "identifier"] == [], text


def test_one_planted_activity_vouches_no_identifier_and_two_do():
    assert held_identifiers([], ["Internal note: VIP_PRICING applies."], 2) == frozenset()
    assert held_identifiers([], ["VIP_PRICING applies.", "Re: VIP_PRICING"], 2) == {"vip_pricing"}
    assert held_identifiers(["Tier: VIP_PRICING"], [], 2) == {"vip_pricing"}


# --- 2. discounts written as vulgar fractions -----------------------------------------------------------------------

FRACTION_DISCOUNTS = [
    ("en", "We can give you ¾ off the first year.", 75),
    ("en", "The 420 trucks come at ½ price this quarter.", 50),
    ("en", "I can do ¼ discount on the licence if you sign now.", 25),
    ("de", "Sie bekommen die Lizenz zum ½ Preis.", 50),
    ("de", "Wir geben Ihnen ¼ Rabatt auf das erste Jahr.", 25),
    ("fr", "Nous vous accordons ⅓ de remise sur la licence.", 33.3),
    ("fr", "La licence est à ½ prix la première année.", 50),
    ("es", "Le ofrecemos un ⅓ de descuento en la licencia.", 33.3),
    ("es", "La licencia queda a ½ precio el primer año.", 50),
]
NO_PRICE_FRACTIONS = [
    ("en", "The workshop takes ½ day."),
    ("en", "¾ of your trucks already report daily."),
    ("de", "Die Schulung dauert ½ Tag."),
    ("fr", "Le ⅓ des camions roule déjà avec nous."),
    ("es", "La formación dura ½ jornada."),
    ("en", "The pilot covers 3/4 of the depots."),
]


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize(("lang", "text", "pct"), FRACTION_DISCOUNTS)
def test_a_discount_written_as_a_vulgar_fraction_is_refused_as_that_discount_in_every_role(role, lang, text, pct):
    reasons = ROLES[role](lang, text)
    assert any(r.startswith(f"discount of {pct:g}% offered") for r in reasons), reasons


@pytest.mark.parametrize(("lang", "text"), NO_PRICE_FRACTIONS)
def test_a_fraction_of_anything_but_the_price_is_no_discount(lang, text):
    assert discount_violations(text, None) == [], text


@pytest.mark.parametrize("text", ["The licence comes at ½ price for the pilot.", "Sie erhalten ½ Rabatt.",
                                  "Nous accordons ½ de remise."])
def test_a_fractional_discount_the_policy_approved_passes(text):
    assert discount_violations(text, 0.5) == [], text


def test_a_digit_slash_before_a_concession_word_is_a_discount_but_not_before_a_price():
    assert discount_violations("We can take 3/4 off the licence.", None)
    assert discount_violations("Prices as of 3/4 price list apply.", None) == []


# --- 3. an allowed phrase with no figure, in every role -------------------------------------------------------------

ALLOWED_WITHOUT_A_FIGURE = [
    ("en", "Free onboarding is included in every plan.", ("free onboarding",)),
    ("en", "Free onboarding is also included for your drivers.", ("free onboarding",)),
    ("de", "Inklusive der kostenlosen Einrichtung für alle Depots.", ("kostenlose Einrichtung",)),
    ("de", "Die kostenlose Einrichtung ist inklusive.", ("kostenlose Einrichtung",)),
    ("fr", "La formation gratuite est incluse pour vos équipes.", ("formation gratuite",)),
    ("fr", "La formation gratuite reste incluse pour vos conducteurs.", ("formation gratuite",)),
    ("es", "La formación gratuita forma parte del plan.", ("formación gratuita",)),
    ("es", "Incluimos la formación gratuita para sus conductores.", ("formación gratuita",)),
]
BESIDE_AN_ALLOWED_PHRASE = [
    ("en", "Free onboarding is included, and free hardware too.", ("free onboarding",)),
    ("en", "Free onboarding is included, with a 10% discount on top.", ("free onboarding",)),
    ("de", "Die kostenlose Einrichtung und die Sensoren sind inklusive.", ("kostenlose Einrichtung",)),
    ("fr", "La formation gratuite et le matériel sont inclus.", ("formation gratuite",)),
    ("es", "La formación gratuita forma parte del plan y el primer mes es gratis.", ("formación gratuita",)),
]


@IN_EVERY_ROLE
@pytest.mark.parametrize(("lang", "text", "allowed"), ALLOWED_WITHOUT_A_FIGURE)
def test_an_allowed_phrase_with_no_figure_vouches_for_itself_in_every_role(role, lang, text, allowed):
    assert role(lang, text, allowed) == [], role(lang, text, allowed)


@IN_EVERY_ROLE
@pytest.mark.parametrize(("lang", "text", "allowed"), ALLOWED_WITHOUT_A_FIGURE)
def test_the_phrase_without_the_setting_is_still_refused(role, lang, text, allowed):
    assert role(lang, text, ()), text


@IN_EVERY_ROLE
@pytest.mark.parametrize(("lang", "text", "allowed"), BESIDE_AN_ALLOWED_PHRASE)
def test_what_stands_beside_an_allowed_phrase_is_still_refused(role, lang, text, allowed):
    assert role(lang, text, allowed), text


# --- 4. the concept rules' sentences across ordinal dates and abbreviations -----------------------------------------

# (with the ordinal date or abbreviation, the same sentence without it)
MORE_FOR_THE_SAME_PRICE = [
    ("Sie erhalten ab dem 1. Dezember mehr Sensoren, z. B. zum gleichen Preis.",
     "Sie erhalten ab Dezember mehr Sensoren zum gleichen Preis."),
    ("Sie bekommen mehr Sensoren, u. a. zum gleichen Preis.", "Sie bekommen mehr Sensoren zum gleichen Preis."),
    ("You get more sensors, e.g. at the same price.", "You get more sensors at the same price."),
    ("Vous recevez plus de capteurs, p. ex. au même prix.", "Vous recevez plus de capteurs au même prix."),
    ("Vous recevez plus de capteurs, env. 40, au même prix.", "Vous recevez plus de capteurs au même prix."),
    ("Le damos más sensores, p. ej. al mismo precio.", "Le damos más sensores al mismo precio."),
]
QUESTIONS_AND_REFERENCES = [
    ("Wäre eine kostenlose Schulung z. B. am 3. Dezember für Sie denkbar?",
     "Wäre eine kostenlose Schulung am Donnerstag für Sie denkbar?"),
    ("Would a free training, e.g. on December 3, work for you?", "Would a free training on December 3 work for you?"),
    ("Une formation gratuite, p. ex. le 3 décembre, vous intéresserait-elle ?",
     "Une formation gratuite le 3 décembre vous intéresserait-elle ?"),
    ("¿Le interesaría una formación gratuita, p. ej. el 3 de diciembre?",
     "¿Le interesaría una formación gratuita el 3 de diciembre?"),
    ("Haben Sie die Bestellung Nr. 4512 erhalten?", "Haben Sie die Bestellung 4512 erhalten?"),
    ("¿Ha recibido el pedido núm. 4512?", "¿Ha recibido el pedido 4512?"),
]


@pytest.mark.parametrize(("text", "plain"), MORE_FOR_THE_SAME_PRICE)
def test_more_for_the_same_price_across_an_abbreviation_or_a_date_is_still_one_promise(text, plain):
    assert concept_violations(plain, "open"), plain
    assert concept_violations(text, "open") == concept_violations(plain, "open"), text


@pytest.mark.parametrize(("text", "plain"), QUESTIONS_AND_REFERENCES)
def test_a_question_with_an_abbreviation_or_a_date_is_read_as_the_same_question(text, plain):
    # wave 39 (agents.offered_questions): a free training proposed as a question is an offer, refused with or without
    # the abbreviation; the questions about an order claim no document either way
    assert concept_violations(text, "open") == concept_violations(plain, "open"), text
    assert bool(concept_violations(plain, "open")) == ("Nr." not in text and "núm." not in text), plain


@pytest.mark.parametrize("text", ["Wir haben 28. Das ist gut.", "Der Termin am 3. Dezember steht. Danach melden wir uns.",
                                  "Did it work? No. We sign Friday."])
def test_a_full_stop_after_a_number_or_a_word_still_ends_its_sentence(text):
    assert len(sentences(text)) >= 2, sentences(text)


# --- 5. a well-known organisation that shares a customer's ordinary first word --------------------------------------

ORDINARY_FIRST_WORDS = ("Deutsche Fleet GmbH", "General Haulage Ltd", "Crédit Routier SA", "Banco Rutas SL")
WELL_KNOWN_MENTIONS = [
    ("de", "Die Deutsche Bahn streikt am Montag, der Termin bleibt."),
    ("de", "Die SIM-Karten kommen von der Deutsche Telekom."),
    ("en", "The General Motors plant is next to the depot."),
    ("fr", "Le virement passe par le Crédit Agricole."),
    ("es", "El Banco Santander financia la flota."),
]
STILL_THE_CUSTOMER = [
    ("de", "Deutsche hat 20 % gespart.", "Deutsche Fleet GmbH"),
    ("de", "Die Deutsche Bahn streikt, aber Deutsche hat 20 % gespart.", "Deutsche Fleet GmbH"),
    ("de", "Deutsche Fleet hat seine Kosten um 20 % gesenkt.", "Deutsche Fleet GmbH"),
    ("de", "Deutsche Team hat 20 % gespart.", "Deutsche Fleet GmbH"),
    ("en", "General cut its fleet costs by 20%.", "General Haulage Ltd"),
    ("fr", "Crédit a réduit ses coûts de 20 %.", "Crédit Routier SA"),
    ("es", "Banco redujo sus costes un 20 %.", "Banco Rutas SL"),
]


def _summary_reasons(lang: str, text: str) -> list[str]:
    ctx, _ = world(lang)
    vocab = build_vocabulary(ctx, other_customers=list(ORDINARY_FIRST_WORDS))
    return check_analysis(AnalysisOut(summary=text, engagement_trend="steady", engagement_evidence=[],
                                      risk_indicators=[], buying_signals=[]), ctx, vocab)


@pytest.mark.parametrize(("lang", "text"), WELL_KNOWN_MENTIONS)
def test_a_well_known_organisation_sharing_a_customers_first_word_names_no_customer(lang, text):
    assert named_other_customers(normalise(text), ORDINARY_FIRST_WORDS, frozenset()) == [], text
    assert _summary_reasons(lang, text) == [], text


@pytest.mark.parametrize(("lang", "text", "name"), STILL_THE_CUSTOMER)
def test_the_customers_first_word_alone_or_in_an_unknown_name_still_names_it(lang, text, name):
    assert named_other_customers(normalise(text), ORDINARY_FIRST_WORDS, frozenset()) == [name], text
    assert any(name in r for r in _summary_reasons(lang, text)), text


def test_a_customer_whose_own_name_opens_with_a_well_known_name_is_named_by_it():
    assert named_other_customers("Die Deutsche Bahn hat 20 % gespart.", ("Deutsche Bahn Logistik AG",),
                                 frozenset()) == ["Deutsche Bahn Logistik AG"]
