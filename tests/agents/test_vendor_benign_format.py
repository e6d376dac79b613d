"""The vendor_benign corpus is well-formed: every entry parses against its role's schema, answers a record fixture
that exists, and cites only that record's contacts and activities. It runs no check on the texts (issue 11: the
corpus measures the checks, so nothing here may tune it to them)."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from agents.models import AnalysisOut, DraftOut, StrategyOut
from tests.agents.vendor_benign import CORPUS, RECORDS, SCHEMAS, CorpusFormatError, load, load_file

BUYER_LANGUAGE = {
    "hubspot_deal": "en",
    "salesforce_opportunity": "en",
    "de_deal": "de",
    "fr_deal": "fr",
    "es_opportunity": "es",
}
# DESIGN.md, "Default strategy catalogue (bandit arms)".
CATALOGUE = {
    "value_reinforcement",
    "social_proof",
    "limited_time_incentive",
    "executive_alignment",
    "risk_reversal",
    "education_nurture",
    "re_engagement",
}


def _record(name: str) -> dict:
    return json.loads((RECORDS / f"{name}.json").read_text(encoding="utf-8"))


def _activity_dates(name: str) -> dict[str, str]:
    """The context's activity ids as the schema describes them: `a1` is the most recent."""
    acts = sorted(_record(name)["activities"], key=lambda a: a["at"], reverse=True)
    return {f"a{i}": a["at"][:10] for i, a in enumerate(acts, start=1)}


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


ITEMS = load()


def test_every_record_and_role_has_a_file_of_about_a_dozen_outputs():
    files = Counter((i.record, i.role) for i in ITEMS)
    assert set(files) == {(r, role) for r in BUYER_LANGUAGE for role in SCHEMAS}
    assert min(files.values()) >= 10, files
    assert len({i.id for i in ITEMS}) == len(ITEMS), "ids repeat"


@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i.id)
def test_an_output_names_only_its_records_contacts_and_activities(item):
    record = _record(item.record)
    contacts = {c["id"] for c in record["contacts"]}
    out = item.output
    if isinstance(out, DraftOut):
        assert out.to_contact_id in contacts
        assert item.language == BUYER_LANGUAGE[item.record], "drafts are written in the buyer's language"
    elif isinstance(out, StrategyOut):
        assert out.recipient_contact_id in contacts
        assert out.strategy in CATALOGUE
        assert out.discount is None or 0 < out.discount < 1
        assert _words(out.rationale) <= 60
    else:
        assert isinstance(out, AnalysisOut)
        dates = _activity_dates(item.record)
        evidence = out.engagement_evidence + [
            e for s in out.risk_indicators + out.buying_signals for e in s.evidence
        ]
        for e in evidence:
            assert dates.get(e.activity_id) == e.at, f"{e.activity_id} is not dated {e.at} in {item.record}"
            assert _words(e.note) <= 20
    if not isinstance(out, DraftOut):
        assert item.language in {"en", BUYER_LANGUAGE[item.record]}


def test_no_output_is_dated_after_the_harness_clock_for_its_evidence():
    from tests.agents.conftest import NOW

    for item in ITEMS:
        if isinstance(item.output, AnalysisOut):
            for e in item.output.engagement_evidence:
                assert datetime.fromisoformat(e.at).date() <= NOW.date()


def test_a_misnamed_or_malformed_file_is_refused(tmp_path: Path):
    good = json.loads(next(CORPUS.glob("hubspot_deal.writer.json")).read_text(encoding="utf-8"))[:1]
    cases = {
        "nowhere_deal.writer.json": good,
        "hubspot_deal.closer.json": good,
        "hubspot_deal.writer.json": [{**good[0], "extra": 1}],
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_text(json.dumps(content), encoding="utf-8")
        with pytest.raises(CorpusFormatError):
            load_file(path)
    path = tmp_path / "hubspot_deal.analyst.json"  # a writer's answer is no analysis
    path.write_text(json.dumps(good), encoding="utf-8")
    with pytest.raises(ValidationError):
        load_file(path)
