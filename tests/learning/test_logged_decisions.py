"""tests/learning/logged.py's `log_decisions` for any count: it made one day of March per five decisions
(a ValueError from the 156th on) and probabilities of 0.5 ± i / 100 (negative from the 52nd on)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from app.cli.learning import rows_from_db
from learning.report import summarise
from tests.learning.logged import add_outcomes, log_decisions


def _tenant(app, tenant_id: str) -> None:
    from app.storage import get_db
    from app.storage import models as m

    with get_db(app).session() as s:
        s.add(m.Tenant(id=tenant_id, crm="hubspot", external_id=tenant_id))


def test_a_thousand_decisions_are_logged_five_a_day_with_probabilities_and_outcomes_that_make_sense(app):
    _tenant(app, "t1")
    log_decisions(app, "t1", n=1000)
    rows = rows_from_db(app, "t1")
    assert len(rows) == 1000
    days = Counter(r["decided_at"].date() for r in rows)
    assert len(days) == 200 and set(days.values()) == {5}
    decided = [r["decided_at"] for r in rows]
    assert decided == sorted(decided)
    assert decided[0] == datetime(2026, 3, 1, 9, tzinfo=UTC)
    assert decided[-1] == datetime(2026, 3, 1, 9, tzinfo=UTC) + timedelta(days=199)  # 16 September
    for r in rows:
        probs = r["probabilities"]
        assert all(0 < p < 1 for p in probs.values()), r
        assert sum(probs.values()) == pytest.approx(1.0)
        assert r["propensity"] == probs[r["arm"]]
        assert r["outcome_at"] > r["decided_at"], r
        assert r["reward"] in (0.0, 1.0)
    assert {r["arm"] for r in rows} == {"social_proof", "education_nurture"}


def test_the_report_reads_a_thousand_logged_decisions(app):
    _tenant(app, "t1")
    log_decisions(app, "t1", n=1000)
    summary = summarise(rows_from_db(app, "t1"), resamples=20)
    assert summary["decisions"] == 1000 and summary["with_outcome"] == 1000
    assert summary["estimator"]["method"] == "aw_aipw"


def test_outcomes_added_later_to_a_thousand_decisions_come_after_each_decision(app):
    _tenant(app, "t1")
    log_decisions(app, "t1", n=1000, outcomes=False)
    assert add_outcomes(app, "t1") == 1000
    rows = rows_from_db(app, "t1")
    assert len(rows) == 1000 and all(r["outcome_at"] > r["decided_at"] for r in rows)
    assert sum(r["outcome_at"] == datetime(2026, 4, 1, tzinfo=UTC) for r in rows) == 155  # March's, as before


def test_the_first_decisions_are_logged_as_they_always_were(app):
    # Other tests assert on the first 40 (e.g. the fourth's probabilities 0.53 / 0.47): growing `n` must not
    # move them. The old formulas, written out, for every decision they were valid for.
    _tenant(app, "t1")
    log_decisions(app, "t1", n=160)
    rows = rows_from_db(app, "t1")
    for i, r in enumerate(rows[:155]):
        assert r["decided_at"] == datetime(2026, 3, 1 + i // 5, 9, tzinfo=UTC)
        assert r["outcome_at"] == datetime(2026, 4, 1, tzinfo=UTC)
        if i < 50:
            assert r["probabilities"] == {"social_proof": 0.5 + i / 100, "education_nurture": 0.5 - i / 100}
    assert [r["decided_at"].date() for r in rows[155:]] == [datetime(2026, 4, 1).date()] * 5
    assert all(r["outcome_at"] == datetime(2026, 4, 2, 9, tzinfo=UTC) for r in rows[155:])
