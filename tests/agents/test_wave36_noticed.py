"""Four false readings wave 35's closing note listed as noticed and left alone (issue 11, wave 36, helper "noticed36"):

1. a tenant whose settings allow "ISO 27001 certified" had its honest analysis and rationale refused: the internal
   roles' checks were not given the tenant's allowed promises (agents.safety.check_analysis, check_strategy); and its
   draft was refused for the standard's "27001" as a figure the record does not hold
   (agents.certification_claims.allowed_standards_out);
2. agents.moments.sender_of missed a name signed after the last sentence on the same line ("... bis morgen. Jonas
   Weber"), so the e-mail was read as the primary contact's (agents.signed_contacts);
3. an e-mail over LONG_TEXT_CHARS was cut to its first sentences before any check read who wrote it, so its signature
   was lost: a colleague's long e-mail was the primary contact's, a stranger's long e-mail nobody's
   (agents.signoffs, agents.context.shorten);
4. agents.price_talk refused an honest decline ("Nous ne proposons pas de prix spécial pour les écoles.") as price talk
   (agents.declined_special_prices).

Each part holds what a user means (honest texts land) and the closest attack (still refused), through run_agents
where a user meets the verdict. Not a test_wave*_kinds.py file: the learned screen's training does not read it
(tests/agents/test_wave36_noticed_kinds.py holds the probes it does read)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from agents import AgentSettings, run_agents
from agents.ask_senders import foreign_sender
from agents.catalogue import catalogue_by_name
from agents.context import LONG_TEXT_CHARS, build_context
from agents.models import AnalysisOut, StrategyOut
from agents.moments import latest_ask, sender_of
from agents.normalize import normalise
from agents.price_talk import unanchored_price_talk
from agents.safety import check_analysis, check_strategy
from integrations.base import Activity
from tests.agents.conftest import NOW, Vendor, load_record, openai_body, openai_provider
from tests.agents.replies import GOOD_ANALYSIS, GOOD_DRAFT, GOOD_STRATEGY, fixed_policy
from tests.agents.role_matrix import CONTACT, world
from tests.agents.test_wave35_noticed import _writer_verdict

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
COLLEAGUE = {"en": ("502", "Marcus Lee"), "de": ("702", "Jonas Weber"), "fr": ("712", "Paul Lefèvre"),
             "es": ("0035g00000Es02", "Lucía Fernández")}
"""A contact of each record who is not its primary one: an e-mail read as unsigned is read as the primary's."""


def _email(body: str, at: str = "2026-11-24T09:00:00Z", subject: str = "Zahlen") -> dict[str, Any]:
    return {"type": "email", "at": at, "direction": "inbound", "subject": subject, "body": body}


def _with(lang: str, *activities: dict[str, Any]) -> tuple[Any, Any]:
    record, scores = load_record(RECORD[lang])
    return replace(record, activities=(*record.activities, *(Activity(**a) for a in activities))), scores


def _added(lang: str, email: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """The context with `email` on the record, and the e-mail as the checks read it."""
    ctx = build_context(*_with(lang, email), now=NOW)
    return ctx, next(a for a in ctx.activities.values() if a["at_full"] == email["at"].replace("Z", "+00:00"))


# --- 1. the tenant's allowed promises in every role ------------------------------------------------------------------

ISO_TENANT = ("ISO 27001 certified",)
CERTIFIED = {
    "en": "Our platform is ISO 27001 certified, which covers the security review.",
    "de": "Unsere Plattform ist nach ISO 27001 zertifiziert, das deckt die Sicherheitsprüfung ab.",
    "fr": "Notre plateforme est certifiée ISO 27001, ce qui couvre la revue de sécurité.",
    "es": "Nuestra plataforma cuenta con la certificación ISO 27001, que cubre la revisión de seguridad.",
}
OTHER_STANDARD = {lang: s.replace("ISO 27001", "SOC 2 Type II") for lang, s in CERTIFIED.items()}


def _fallbacks(allowed: tuple[str, ...], sentence: str) -> dict[str, list[str]]:
    """Each role's fallback reasons when the vendor's honest analysis, rationale and draft (the fixture's, with
    `sentence` added to each) come back, for a tenant whose settings allow `allowed`."""
    record, scores = load_record("hubspot_deal")
    replies = {"analyst": dict(GOOD_ANALYSIS, summary=f"{GOOD_ANALYSIS['summary']} {sentence}"),
               "strategist": dict(GOOD_STRATEGY, rationale=f"{GOOD_STRATEGY['rationale']} {sentence}"),
               "writer": dict(GOOD_DRAFT, body=GOOD_DRAFT["body"].replace("\n\nWould a", f" {sentence}\n\nWould a"))}
    run = run_agents(record, scores, AgentSettings(tenant_id=record.tenant_id, allowed_promises=allowed),
                     providers={r: [openai_provider(Vendor(openai_body(json.dumps(x))))] for r, x in replies.items()},
                     now=NOW, policy=fixed_policy("value_reinforcement"))
    return {role: [f.reason for f in run.fallbacks if f.role == role] for role in replies}


def test_an_iso_certified_tenants_analysis_rationale_and_draft_that_name_its_certification_land() -> None:
    assert _fallbacks(ISO_TENANT, CERTIFIED["en"]) == {"analyst": [], "strategist": [], "writer": []}


def test_a_certification_the_tenant_does_not_list_is_still_refused_in_every_role() -> None:
    for reasons in [*_fallbacks(ISO_TENANT, OTHER_STANDARD["en"]).values(), *_fallbacks((), CERTIFIED["en"]).values()]:
        assert reasons and "certification" in reasons[0], reasons


def _internal_reasons(lang: str, text: str, allowed: tuple[str, ...]) -> list[str]:
    """The certification reasons of the analyst's check (the text as its summary) and the strategist's (as its
    rationale), for a tenant whose settings allow `allowed`."""
    ctx, vocab = world(lang)
    analysis = AnalysisOut(summary=text, engagement_trend="steady", engagement_evidence=[], risk_indicators=[],
                           buying_signals=[])
    plan = StrategyOut(strategy="value_reinforcement", rationale=text, channel="email", timing="in_2_business_days",
                       discount=None, recipient_contact_id=CONTACT[lang][0])
    reasons = [*check_analysis(analysis, ctx, vocab, allowed),
               *check_strategy(plan, ctx, vocab, arm=catalogue_by_name()["value_reinforcement"], max_discount=0.1,
                               allowed_promises=allowed)]
    return [r for r in reasons if "certification" in r]


@pytest.mark.parametrize("lang", sorted(CERTIFIED))
def test_the_internal_checks_read_the_tenants_allowed_certification_in_four_languages(lang: str) -> None:
    assert _internal_reasons(lang, CERTIFIED[lang], ISO_TENANT) == []


@pytest.mark.parametrize("lang", sorted(CERTIFIED))
def test_another_standard_or_a_tenant_without_the_setting_is_still_refused_in_both_internal_roles(lang: str) -> None:
    assert len(_internal_reasons(lang, OTHER_STANDARD[lang], ISO_TENANT)) == 2
    assert len(_internal_reasons(lang, CERTIFIED[lang], ())) == 2


# --- 2. a name signed after the last sentence, on the same line -------------------------------------------------------

SIGNED_AFTER_THE_LAST_SENTENCE = {
    "en": "Hi Sam, I went through the numbers for the 420 trucks with finance. Talk tomorrow. Marcus Lee",
    "de": "Hallo Frau Vogt, die Zahlen für die 120 Fahrzeuge habe ich geprüft. Ich melde mich bis morgen. Jonas Weber",
    "fr": "Bonjour Hugo, j'ai repris les chiffres pour les 6 ateliers avec la direction. À demain. Paul Lefèvre",
    "es": "Hola Marta, he revisado las cifras de los 85 camiones con finanzas. Hasta mañana. Lucía Fernández",
}
THANKS = {
    "en": ("Your note of November 24", "Hi Marcus,\n\nThank you for your note of November 24 and for going through "
           "the numbers. You will have the proposal by Friday, November 27.\n\nBest,\nSam Okafor"),
    "de": ("Ihre Nachricht vom 24. November", "Hallo Herr Weber,\n\nvielen Dank für Ihre Nachricht vom 24. November "
           "und dass Sie die Zahlen geprüft haben. Das Angebot für die 120 Fahrzeuge erhalten Sie bis Freitag, 27. "
           "November.\n\nViele Grüße\nLena Vogt"),
    "fr": ("Votre message du 24 novembre", "Bonjour Paul,\n\nMerci pour votre message du 24 novembre et pour avoir "
           "repris les chiffres. La proposition vous parviendra le vendredi 27 novembre.\n\nCordialement,\nHugo Martin"),
    "es": ("Su correo del 24 de noviembre", "Hola Lucía:\n\nMuchas gracias por su correo del 24 de noviembre y por "
           "revisar las cifras. La propuesta la tendrá el viernes 27 de noviembre.\n\nUn saludo,\nMarta Ruiz"),
}


def _failed_checks(lang: str, email: dict[str, Any], to: str) -> list[str]:
    """The checks a user sees fail on the draft thanking contact `to` for the e-mail (the vendor's draft lands)."""
    record, scores = _with(lang, email)
    subject, body = THANKS[lang]
    draft = {"to_contact_id": to, "subject": subject, "body": body}
    run = run_agents(record, scores, AgentSettings(tenant_id=record.tenant_id),
                     providers={"writer": [openai_provider(Vendor(openai_body(json.dumps(draft))))]},
                     now=NOW, policy=fixed_policy("value_reinforcement"))
    assert run.draft.body == body, [f.reason for f in run.fallbacks]
    return [c.name for c in run.checks if not c.passed]


@pytest.mark.parametrize("lang", sorted(SIGNED_AFTER_THE_LAST_SENTENCE))
def test_a_name_signed_after_the_last_sentence_on_its_line_is_the_sender(lang: str) -> None:
    ctx, email = _added(lang, _email(SIGNED_AFTER_THE_LAST_SENTENCE[lang]))
    assert sender_of(ctx, email) == COLLEAGUE[lang][0]


@pytest.mark.parametrize("lang", sorted(SIGNED_AFTER_THE_LAST_SENTENCE))
def test_thanking_the_colleague_who_signed_after_the_last_sentence_passes_every_check(lang: str) -> None:
    assert _failed_checks(lang, _email(SIGNED_AFTER_THE_LAST_SENTENCE[lang]), COLLEAGUE[lang][0]) == []


@pytest.mark.parametrize(("lang", "ending"), [
    ("en", "Talk tomorrow. Proposal"), ("de", "Ich melde mich bis morgen. Angebot"),
    ("fr", "À demain. Proposition"), ("es", "Hasta mañana. Propuesta"),
    ("de", "Ich melde mich bis morgen. Thomas Berger"),  # a stranger's name
    ("de", "Die Zahlen passen. Jonas Weber ruft Sie morgen an"),  # a sentence that names him, unpunctuated
])
def test_a_noun_a_strangers_name_or_an_unpunctuated_sentence_after_the_last_sentence_signs_for_no_contact(
        lang: str, ending: str) -> None:
    ctx, email = _added(lang, _email(f"{SIGNED_AFTER_THE_LAST_SENTENCE[lang].rsplit('.', 2)[0]}. {ending}"))
    assert sender_of(ctx, email) != COLLEAGUE[lang][0], ending


def test_thanking_a_colleague_for_an_email_the_primary_contact_signed_is_still_flagged() -> None:
    signed_by_anna = SIGNED_AFTER_THE_LAST_SENTENCE["de"].replace("Jonas Weber", "Anna Schmidt")
    assert "thanks_the_right_person" in _failed_checks("de", _email(signed_by_anna), COLLEAGUE["de"][0])


# --- 3. a long e-mail keeps its signature after the cut ---------------------------------------------------------------

MIDDLE = {
    "en": "I went through the numbers for the 420 trucks with our finance team this week. The idle time figures match "
          "what our own telematics showed for the third quarter, and the fuel cost per truck is, if anything, a bit "
          "higher than your estimate assumed. That holds especially for the southern depots, where most trucks run "
          "in city traffic. Our leadership wants to see the analysis again in January once the annual figures are in. "
          "Until then we will collect the telematics data from the pilot trucks at all six depots and let you know as "
          "soon as we have a first overview.",
    "de": "die Zahlen für die 120 Fahrzeuge habe ich mit unserem Controlling durchgesprochen. Die Leerlaufzeiten "
          "decken sich mit unseren eigenen Auswertungen aus dem dritten Quartal, und die Dieselkosten pro Fahrzeug "
          "liegen eher noch etwas höher als in Ihrer Rechnung angenommen. Für die Standorte im Süden gilt das "
          "besonders, weil dort viele Fahrzeuge im Stadtverkehr unterwegs sind. Die Geschäftsführung möchte die "
          "Auswertung im Januar noch einmal sehen, wenn die Jahreszahlen vorliegen. Bis dahin sammeln wir die Daten "
          "der Testfahrzeuge und geben Ihnen Bescheid, sobald wir eine Übersicht haben.",
}
BLOCK = {"en": "\n\nBest regards,\nMarcus Lee\nFinance Director\nNorthwind Logistics",
         "de": "\n\nViele Grüße\nJonas Weber\nLeiter Fuhrpark\nMüller Logistik GmbH"}
GREET = {"en": "Hi Sam,\n\n", "de": "Hallo Frau Vogt,\n\n"}


@pytest.mark.parametrize("lang", sorted(MIDDLE))
def test_a_long_emails_signature_block_is_read_after_its_middle_is_cut(lang: str) -> None:
    body = GREET[lang] + MIDDLE[lang] + BLOCK[lang]
    assert len(body) > LONG_TEXT_CHARS
    ctx, email = _added(lang, _email(body))
    assert sender_of(ctx, email) == COLLEAGUE[lang][0]
    assert _failed_checks(lang, _email(body), COLLEAGUE[lang][0]) == []


def test_a_long_one_paragraph_email_signed_after_its_last_sentence_is_read_too() -> None:
    ctx, email = _added("de", _email(f"Hallo Frau Vogt, {MIDDLE['de']} Bis morgen. Jonas Weber"))
    assert sender_of(ctx, email) == COLLEAGUE["de"][0]


def test_the_cut_text_with_its_signature_is_no_longer_than_before() -> None:
    ctx, email = _added("de", _email(GREET["de"] + MIDDLE["de"] * 3 + BLOCK["de"]))
    assert email["text"].endswith("Jonas Weber Leiter Fuhrpark Müller Logistik GmbH")
    assert len(email["text"]) <= LONG_TEXT_CHARS + len(" ... [shortened: 999 words in full]")


def test_a_strangers_long_email_asking_for_a_call_today_vouches_for_no_same_day_ask() -> None:
    ask = "Hi Sam, could you call me today at 4 pm about the fleet? "
    stranger = _email(ask + MIDDLE["en"] + "\n\nBest regards,\nMike Torres\nFleetmax Sales", subject="Quick call")
    ctx, email = _added("en", stranger)
    assert foreign_sender(ctx, email) and not latest_ask(ctx).same_day  # type: ignore[union-attr]
    buyer = _email(ask + MIDDLE["en"] + "\n\nBest regards,\nDana Whitfield\nHead of Operations", subject="Quick call")
    ctx, email = _added("en", buyer)
    assert foreign_sender(ctx, email) is None and latest_ask(ctx).same_day  # type: ignore[union-attr]


# --- 4. a special price declined outright is no price talk ------------------------------------------------------------

HONEST_DECLINES = {
    "en": "We do not offer special pricing for schools.",
    "de": "Wir bieten keine Sonderpreise für Schulen an.",
    "fr": "Nous ne proposons pas de prix spécial pour les écoles.",
    "es": "No ofrecemos precios especiales para colegios.",
}
OPEN_DOOR = [
    ("en", "We do not usually offer a special price, but for you: 20% off."),
    ("en", "We do not usually offer a special price, but for you we will make an exception."),
    ("en", "We do not offer special pricing for schools, except for yours."),
    ("de", "Normalerweise bieten wir keine Sonderpreise an, aber für Sie machen wir eine Ausnahme."),
    ("de", "Wir bieten keine Sonderpreise für Schulen an, außer für Ihre."),
    ("fr", "D'habitude, nous ne proposons pas de prix spécial, mais pour vous nous ferons une exception."),
    ("fr", "Nous ne proposons pas de prix spécial pour les écoles, sauf pour la vôtre."),
    ("es", "Normalmente no ofrecemos precios especiales, pero para usted haremos una excepción."),
    ("es", "No ofrecemos precios especiales para colegios, salvo para el suyo."),
]


@pytest.mark.parametrize(("lang", "text"), HONEST_DECLINES.items())
def test_a_special_price_declined_outright_is_no_price_talk(lang: str, text: str) -> None:
    assert unanchored_price_talk(normalise(text)) == [], text


@pytest.mark.parametrize(("lang", "text"), OPEN_DOOR)
def test_a_decline_that_is_only_the_rule_or_turns_to_an_exception_is_still_price_talk(lang: str, text: str) -> None:
    assert unanchored_price_talk(normalise(text)), text


@pytest.mark.parametrize("lang", [
    "fr", "es",
    # the learned screen reads these two as planted until it is rebuilt with tests/agents/test_wave36_noticed_kinds.py
    pytest.param("en", marks=pytest.mark.xfail(strict=True, reason="the learned screen, until its rebuild")),
    pytest.param("de", marks=pytest.mark.xfail(strict=True, reason="the learned screen, until its rebuild")),
])
def test_the_honest_decline_lands_through_run_agents(lang: str) -> None:
    landed, reasons = _writer_verdict(lang, HONEST_DECLINES[lang])
    assert landed, reasons


@pytest.mark.parametrize(("lang", "text"), OPEN_DOOR[1::2])
def test_the_exception_after_the_rule_is_refused_through_run_agents(lang: str, text: str) -> None:
    landed, reasons = _writer_verdict(lang, text)
    assert not landed and any("price talk" in r for r in reasons), reasons
