"""The rep's card in the record's language: a German, French or Spanish deal's card has no English label left.

Wave 32: the drafts and the next best action were in the record's language while the card around them (labels,
section titles, band names, factor sentences, approval/holdout words, buttons) stayed English: a rep in Munich read
half-English. Every string the card shows is now one key of app/cards/messages/<language>.json.
"""

from __future__ import annotations

import copy
import json
import re
import time
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from app.cards import catalogue
from app.cards.render import render_card_html
from app.cards.view import card_view
from scoring.features import FEATURE_LABELS
from tests.cards.test_card_parity import ROOT
from tests.conftest import TEST_PUBLIC_URL
from tests.hubspot import sandbox_helpers as sb
from tests.platform.test_tenant_settings_on_sandbox import enrich
from webhooks.hubspot.signature import sign_v3

NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
FIXTURES = ROOT / "ui_extensions/hubspot/tests/fixtures"
PROPER_NOUNS = {"Agentic Sales", "LinkedIn", "OpenAI", "CLV", "CRM", "LLM", "AI", "Pipeline", "Details", "plus", "points"}
"""Words every language writes alike: the product's and vendors' names, and loan words the catalogues keep."""

AGENTS_OWN_WORDS = ("summary", "risks", "signals", "rationale")
"""The analyst's and strategist's own prose (agents/: the offline templates write it in English); not the card's
labels, and not part of this check (the draft and the next best action are in the record's language already)."""


def english_fragments(language: str) -> list[tuple[str, str]]:
    """(key, fragment) for every piece of fixed English text the card could show where `language` says otherwise:
    each English message split at its placeholders, without the ones the two catalogues write alike."""
    en, own = catalogue.messages("en"), catalogue.messages(language)
    out = []
    for key, english in en.items():
        if own.get(key) == english or key in ("date.weekdays", "date.months", "time.clock", "day.due"):
            continue
        for piece in re.split(r"\{[a-z_]+\}", english):
            piece = piece.strip(" .,:;()←·-")
            if len(re.findall(r"[A-Za-z]{2,}", piece)) and piece not in PROPER_NOUNS and len(piece) >= 4:
                out.append((key, piece))
    own_months = {m.rstrip(".").lower() for m in own["date.months"].split(" ")}
    out += [("date.months", m) for m in en["date.months"].split(" ") if m.lower() not in own_months]
    return out


def english_left(shown: str, language: str) -> list[tuple[str, str]]:
    """The English fragments found in `shown` as whole words."""
    return [(k, f) for k, f in english_fragments(language) if re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", shown)]


class _Text(HTMLParser):
    """The visible text of a page, plus its aria-labels (a screen reader reads those too)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style", "title")
        self.parts += [v for k, v in attrs if k == "aria-label" and v]

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style", "title")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.parts)


def card_text(view: dict, ui: dict) -> str:
    """Every string of a served view and its fixed words, but the agents' own prose (AGENTS_OWN_WORDS), the draft and
    the record's own data (names, the CRM task's subject)."""
    view = copy.deepcopy(view)
    for key in AGENTS_OWN_WORDS:
        view["details"].pop(key, None)
    view.pop("record", None)
    for part in ("draft", "task"):
        if view.get(part):
            view[part] = {k: v for k, v in view[part].items() if k in ("heading", "copy_label", "due")}
    strings: list[str] = []

    def walk(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    walk(view)
    walk({k: re.sub(r"\{[a-z_]+\}", "", v.replace("{crm}", "HubSpot")) for k, v in ui.items()})
    return "\n".join(strings)


# -- the catalogue itself ------------------------------------------------------------------------------------------

def test_every_key_is_in_all_four_languages_with_the_same_placeholders():
    en = catalogue.messages("en")
    for language in catalogue.LANGUAGES:
        own = catalogue.messages(language)
        assert set(own) == set(en), (language, sorted(set(en) ^ set(own)))
        for key, english in en.items():
            assert catalogue.placeholders(own[key]) == catalogue.placeholders(english), (language, key)
            assert own[key].strip(), (language, key)


def test_the_other_languages_are_translations_not_copies_of_the_english():
    en = catalogue.messages("en")
    for language in ("de", "fr", "es"):
        same = [k for k, v in catalogue.messages(language).items()
                if v == en[k] and re.search(r"[A-Za-z]{2,}", re.sub(r"\{[a-z_]+\}", "", v))]
        assert len(same) <= 6, (language, same)  # "Agentic Sales", "Details", "Pipeline", "Possible", ...


def test_an_unknown_language_and_a_missing_key_fall_back_to_english_and_a_typo_is_an_error():
    assert catalogue.text("pt", "ui.accept") == "Accept" and catalogue.language_of("de-AT") == "de"
    with pytest.raises(catalogue.UnknownMessageError, match="no card message 'ui.acept'"):
        catalogue.text("de", "ui.acept")


@pytest.mark.parametrize(("language", "amount", "percent"), [
    ("en", "$36,000", "8%"), ("de", "36.000\u00a0$", "8\u00a0%"), ("fr", "36\u202f000\u00a0$", "8\u00a0%"),
    ("es", "36.000\u00a0$", "8\u00a0%")])
def test_money_and_percentages_are_written_as_each_language_writes_them(language, amount, percent):
    assert catalogue.money(36_000, "USD", language) == amount
    assert catalogue.percent(0.08, language) == percent
    assert catalogue.money(36_000, "EUR", "de") == "36.000\u00a0€" and catalogue.money(36_000, "EUR", "fr") == \
        "36\u202f000\u00a0€"
    assert catalogue.money(3_600, "EUR", "es") == "3600\u00a0€"  # Spanish groups from five digits


# -- a demo card's payload (scores, factors, bands, approval) said in each language ---------------------------------

@pytest.mark.parametrize("language", ["de", "fr", "es"])
@pytest.mark.parametrize("fixture", ["payload_escalated.json", "payload_holdout.json", "payload_meeting_draft.json",
                                     "payload_mixed_currencies.json", "payload_outcome_won.json",
                                     "payload_walk_w31_refused_and_brief.json"])
def test_a_scored_card_in_german_french_or_spanish_keeps_no_english_label(language, fixture):
    payload = json.loads((FIXTURES / fixture).read_text())
    payload["language"] = language
    for score in (payload.get("scores") or {}).values():
        # Hand-written factors of older fixtures ("Last activity 2 days ago") are no scorer's: keep the real ones.
        if isinstance(score, dict) and score.get("factors"):
            score["factors"] = [f for f in score["factors"] if f.get("feature") in FEATURE_LABELS and ": " in f["label"]]
    view = card_view(payload, object_type="deal", now=NOW)
    shown = card_text(view, catalogue.ui_texts(language))
    assert view["conversion"] or view["outcome"], "the fixture must have a chance to close or an outcome"
    assert not english_left(shown, language), english_left(shown, language)
    page = page_text(render_card_html(payload, title="Deal", object_type="deal", now=NOW))
    d = view["details"]
    for own in [d["summary"], d["rationale"], *d["risks"], *d["signals"], *(view["draft"] or {}).values(),
                (view["task"] or {}).get("subject")]:
        page = page.replace(own, "") if isinstance(own, str) and own else page
    assert not english_left(page, language), english_left(page, language)


def test_an_english_payload_renders_exactly_as_before_the_catalogue():
    payload = json.loads((FIXTURES / "payload_enriched.json").read_text())
    expected = card_view(payload, object_type="deal", now=NOW)
    assert card_view({**payload, "language": "en"}, object_type="deal", now=NOW) == expected
    assert expected["conversion"]["label"] == "Chance to close" and expected["details"]["model"]


def test_the_check_would_catch_an_english_label_left_on_a_german_card():
    payload = json.loads((FIXTURES / "payload_enriched.json").read_text())
    view = card_view({**payload, "language": "de"}, object_type="deal", now=NOW)
    view["conversion"]["label"] = "Chance to close"
    assert ("score.conversion", "Chance to close") in english_left(card_text(view, catalogue.ui_texts("de")), "de")


# -- the product path: the sandbox's German, French and Spanish buyers, the pipeline, the card endpoint -------------

def signed_get(client, path: str, secret: str):
    ts = str(int(time.time() * 1000))
    sig = sign_v3(method="GET", uri=TEST_PUBLIC_URL + path, body=b"", timestamp=ts, secret=secret)
    return client.get(path, headers={"X-HubSpot-Signature-v3": sig, "X-HubSpot-Request-Timestamp": ts})


def open_in(sandbox, deal_id: str, language: str) -> bool:
    """An open deal whose company's country reads `language` (the default market also has French companies)."""
    from agents.phrases import buyer_language

    deal = sandbox.store_get("deals", deal_id)
    if deal["properties"].get("dealstage") in ("closedwon", "closedlost"):
        return False
    companies = list((deal.get("associations") or {}).get("companies") or {})
    country = sandbox.store_get("companies", companies[0])["properties"].get("country") if companies else None
    return buyer_language(None, country, "en") == language


@pytest.mark.timeout(300)
@pytest.mark.parametrize("language", ["de", "fr", "es", None])
def test_a_record_through_the_sandbox_and_the_pipeline_gets_its_card_in_its_language(app_factory, language):
    sandbox = sb.start(n_open_deals=6, n_closed_deals=12, n_companies=6, seed=33, locale=language)
    try:
        app = app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False,
                                          JOB_FUNCTION="app.pipeline.batch.process_batch"))
        tid = sb.install(app.test_client())
        deal_id = next(d for d in reversed(sandbox.deal_ids()) if open_in(sandbox, d, language or "en"))
        enrichment = enrich(app, tid, deal_id, f"lang-{language}")
        r = signed_get(app.test_client(), f"/api/cards/hubspot?objectType=deal&objectId={deal_id}"
                                          f"&portalId={sandbox.hub_id}", sandbox.client_secret)
    finally:
        sandbox.stop()
    assert r.status_code == 200, r.json
    body = r.json
    expected = language or "en"
    assert body["language"] == expected == enrichment.card["language"]
    assert body["draft"].get("language") in (expected, None)  # the card speaks the drafts' language
    view, ui = body["view"], body["ui"]
    assert view["status_label"] == catalogue.text(expected, "status.enriched")
    assert view["conversion"]["label"] == catalogue.text(expected, "score.conversion")
    assert ui["accept"] == catalogue.text(expected, "ui.accept")
    if language is None:  # an English record: the card as it always was
        assert view == card_view({k: v for k, v in body.items() if k not in ("view", "ui", "language")},
                                 object_type="deal", now=datetime.now(UTC))
        assert view["conversion"]["label"] == "Chance to close" and ui["details"] == "Details"
        return
    shown = card_text(view, ui)
    assert not english_left(shown, language), english_left(shown, language)
    assert view["conversion"]["absent"] or view["conversion"]["headline"]


def test_the_served_german_fixture_the_hubspot_cards_tests_read_is_what_the_backend_serves():
    """ui_extensions/hubspot/tests: the card renders a served German payload's `view` and `ui` as given."""
    served = json.loads((FIXTURES / "served_de.json").read_text())
    payload = {k: v for k, v in served.items() if k not in ("view", "ui")}
    assert served["view"] == card_view(payload, object_type="deal", now=NOW)
    assert served["ui"] == catalogue.ui_texts("de") and served["language"] == "de"


def test_the_served_french_fixture_the_salesforce_cards_tests_read_is_what_the_backend_serves():
    """ui_extensions/salesforce's Jest tests: the LWC renders a served French payload's `view` and `ui`."""
    data = ROOT / "ui_extensions/salesforce/force-app/main/default/lwc/agenticSalesCard/__tests__/data"
    served = json.loads((data / "served_fr.json").read_text())
    payload = {k: v for k, v in served.items() if k not in ("view", "ui")}
    assert served["view"] == card_view(payload, object_type="deal", now=NOW)
    assert served["ui"] == catalogue.ui_texts("fr") and served["language"] == "fr"


def test_a_record_never_enriched_speaks_the_tenants_language_setting(app_factory):
    from app import settings
    from tests.conftest import TEST_SECRET, install_tenant

    app = app_factory()
    tid = install_tenant(app, "62515")
    settings.update(app, tid, {"language": "es"}, author="revops@example.com")
    r = signed_get(app.test_client(), "/api/cards/hubspot?objectType=deal&objectId=404&portalId=62515", TEST_SECRET)
    assert r.status_code == 200 and r.json["status"] == "not_enriched"
    assert r.json["language"] == "es" and r.json["ui"]["score_now"] == "Evaluar ahora"
    assert r.json["view"]["status_label"] == "Aún sin evaluar"
