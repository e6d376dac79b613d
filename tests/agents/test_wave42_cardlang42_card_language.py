"""Wave 42 (cardlang42), the app's side: a German, French or Spanish record's card carries the offline analysis and
rationale in its language, and the card still hides the analysis' score factors in every language.

Follows tests/cards/test_card_speaks_the_records_language.py (the sandbox's native market, the pipeline, the signed
card endpoint). Each test fails on the code before the change.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from agents.offline_words import messages
from app.cards.view import card_view
from tests.agents.test_wave42_cardlang42_offline_language import ENGLISH_TEMPLATE
from tests.cards.test_card_speaks_the_records_language import FIXTURES, open_in, signed_get
from tests.hubspot import sandbox_helpers as sb
from tests.platform.test_tenant_settings_on_sandbox import enrich

NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)


def _between(template: str, before: str, after: str) -> str:
    """The fixed words of a template between two of its placeholders."""
    return template.split("{" + before + "}")[1].split("{" + after + "}")[0]


@pytest.mark.timeout(300)
@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_german_french_or_spanish_records_card_carries_the_summary_and_rationale_in_its_language(app_factory,
                                                                                                   language):
    sandbox = sb.start(n_open_deals=6, n_closed_deals=12, n_companies=6, seed=33, locale=language)
    try:
        app = app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False,
                                          JOB_FUNCTION="app.pipeline.batch.process_batch"))
        tid = sb.install(app.test_client())
        deal_id = next(d for d in reversed(sandbox.deal_ids()) if open_in(sandbox, d, language))
        enrich(app, tid, deal_id, f"cardlang42-{language}")
        r = signed_get(app.test_client(), f"/api/cards/hubspot?objectType=deal&objectId={deal_id}"
                                          f"&portalId={sandbox.hub_id}", sandbox.client_secret)
    finally:
        sandbox.stop()
    assert r.status_code == 200, r.json
    body, own = r.json, messages(language)
    assert body["language"] == language and body["analysis"]["generated_by"] == "offline-template"
    summary, rationale = body["analysis"]["summary"], body["strategy"]["rationale"]
    assert _between(own["summary.engagement"], "where", "trend") in summary, summary
    assert _between(own["rationale"], "when", "because") in rationale, rationale
    details = body["view"]["details"]
    shown = [details["summary"], details["rationale"], *details["risks"], *details["signals"]]
    assert not [t for t in shown if ENGLISH_TEMPLATE.search(t)], shown
    assert not any(t.startswith(("Score factor", "Score-Faktor", "Facteur du score", "Factor de la")) for t in shown)


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_the_card_hides_a_score_factor_in_every_language_as_it_hides_the_english_one(language):
    payload = json.loads((FIXTURES / "payload_enriched.json").read_text())
    prefix = messages(language)["factor"].format(label="")
    factor = f"{prefix}Stage changes: 3 ↓"
    payload = {**payload, "language": language,
               "analysis": {**payload["analysis"], "summary": f"Hauptrisiko: {factor}.",
                            "risk_indicators": [{"label": factor, "evidence": []}, {"label": "Eigenes Risiko",
                                                                                     "evidence": []}]}}
    details = card_view(payload, object_type="deal", now=NOW)["details"]
    assert details["risks"] == ["Eigenes Risiko"]
    assert details["summary"] == "Hauptrisiko: Stage changes: 3."
