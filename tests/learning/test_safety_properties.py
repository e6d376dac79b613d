"""Safety of learning, as properties: whatever the bandit learned and whatever the model proposes,
no decision goes beyond the tenant's discount cap, autonomy level, quiet hours or opt-outs, and
the bandit only ever chooses among the arms the tenant's policy allows.

Random records, scores, analyses, posteriors, proposals and tenant policies (hypothesis, bounded
examples so it stays fast in `make test`). agents/decision.py is the decision engine under test.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from agents.catalogue import DEFAULT_CATALOGUE, catalogue_by_name  # noqa: E402
from agents.context import Context  # noqa: E402
from agents.decision import LlmResult, Policy, decide  # noqa: E402
from agents.models import Analysis  # noqa: E402
from agents.strategist import PolicyInput  # noqa: E402
from integrations.base import Company, Contact, Owner, Record  # noqa: E402
from learning.bandit import Posterior, allowed_arms, make_context  # noqa: E402
from learning.errors import NoAllowedArmError  # noqa: E402
from learning.policy import bandit_policy  # noqa: E402

ARMS = tuple(a.name for a in DEFAULT_CATALOGUE)
ZONES = ("UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "Not/AZone")
BANDS = ("low", "medium", "high")

contacts = st.lists(
    st.builds(Contact, id=st.text("abc123", min_size=1, max_size=4),
              email=st.one_of(st.none(), st.emails()), title=st.sampled_from([None, "CEO", "VP Sales", "Analyst"]),
              is_primary=st.booleans()),
    min_size=1, max_size=4, unique_by=lambda c: c.id)


@st.composite
def records(draw):
    cs = draw(contacts)
    opted = draw(st.lists(st.sampled_from([c.id for c in cs]), max_size=2))
    return Record(
        crm="hubspot", tenant_id="t1", object_type="deal", id=str(draw(st.integers(1, 10**9))),
        amount=draw(st.one_of(st.none(), st.floats(0, 5e6))),
        stage_kind=draw(st.sampled_from(["open", "open", "open", "won", "lost"])),
        owner=Owner(id="o1", timezone=draw(st.sampled_from(ZONES))),
        company=Company(id="c1", employees=draw(st.one_of(st.none(), st.integers(1, 100_000)))),
        contacts=tuple(cs), extra={"opted_out_contact_ids": opted, "do_not_contact": draw(st.booleans())})


@st.composite
def scores(draw):
    out = {}
    if draw(st.booleans()):
        out["conversion"] = {"probability": draw(st.floats(0, 1)), "band": draw(st.sampled_from(BANDS))}
    if draw(st.booleans()):
        out["price"] = {"best_discount": draw(st.floats(0, 0.5))}
    if draw(st.booleans()):
        out["churn"] = {"probability": draw(st.floats(0, 1))}
    return out


@st.composite
def policies(draw):
    quiet = draw(st.one_of(st.none(), st.tuples(st.integers(0, 23), st.integers(0, 23))))
    return Policy(
        autonomy=draw(st.sampled_from(["suggest", "approve", "auto"])),
        max_discount=draw(st.sampled_from([0.0, 0.05, 0.1, 0.2])),
        approval_discount_over=draw(st.sampled_from([0.0, 0.03, 0.05, 0.15])),
        escalate_amount_over=draw(st.one_of(st.none(), st.floats(1e3, 1e6))),
        escalate_churn_over=draw(st.one_of(st.none(), st.floats(0, 1))),
        opted_out_emails=frozenset(draw(st.lists(st.emails(), max_size=2))),
        quiet_hours=quiet,
        allowed_channels=frozenset(draw(st.sets(st.sampled_from(["email", "call", "meeting"]), max_size=3))),
    )


@st.composite
def posteriors(draw):
    p = Posterior(ARMS)
    for seg, band, arm, value in draw(st.lists(st.tuples(st.sampled_from(["smb", "mid", "ent", "unknown"]),
                                                         st.sampled_from(BANDS), st.sampled_from(ARMS),
                                                         st.floats(-1, 12)), max_size=40)):
        p.add(make_context(seg, band, "active", 0.3), arm, value)
    return p


@st.composite
def proposals(draw, record):
    ids = [c.id for c in record.contacts]
    tz = ZoneInfo(record.owner.timezone) if record.owner.timezone in ZONES[:-1] else UTC
    due = draw(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1))).replace(tzinfo=tz)
    return dict(channel=draw(st.sampled_from(["email", "call", "meeting"])), due_at=due,
                recipient_contact_id=draw(st.sampled_from([*ids, "stranger"])),
                discount=draw(st.one_of(st.none(), st.floats(-0.2, 0.9))), checks_passed=draw(st.booleans()))


def in_quiet_hours(at: datetime, quiet: tuple[int, int]) -> bool:
    start, end = quiet
    return (start <= at.hour or at.hour < end) if start > end else (start <= at.hour < end)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records(), sc=scores(), policy=policies(), posterior=posteriors(),
       trend=st.sampled_from(["rising", "steady", "declining", "no_activity"]),
       excluded=st.sets(st.sampled_from(ARMS), max_size=3), data=st.data())
def test_no_learned_choice_and_no_proposal_ever_breaks_the_tenants_guardrails(
        record, sc, policy, posterior, trend, excluded, data):
    analysis = Analysis(summary="s", engagement_trend=trend, engagement_evidence=[], risk_indicators=[],
                        buying_signals=[])
    ctx = Context(record=record, scores=sc, now=datetime(2026, 3, 4, 15, tzinfo=UTC), data={"deal": {}})
    need = (sc.get("price") or {}).get("best_discount")
    allowed = allowed_arms(DEFAULT_CATALOGUE, max_discount=policy.max_discount, required_discount=need,
                           excluded=excluded)
    choose = bandit_policy(posterior, max_discount=policy.max_discount, excluded=excluded)
    try:
        choice = choose(PolicyInput(ctx, analysis, DEFAULT_CATALOGUE))
    except NoAllowedArmError:
        assert not allowed
        return

    # The bandit chooses only allowed arms, with honest probabilities.
    assert choice.arm in allowed
    assert set(choice.probabilities) <= set(allowed)
    assert choice.propensity == pytest.approx(choice.probabilities[choice.arm])
    assert sum(choice.probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    arm = catalogue_by_name()[choice.arm]
    if arm.uses_discount:
        assert policy.max_discount > 0 and (need is None or need <= policy.max_discount)

    # Whatever the model then proposes, the decision engine keeps inside the guardrails.
    proposal = data.draw(proposals(record))
    decision = decide(record, sc, LlmResult(arm=choice.arm, **proposal), policy)
    if decision.discount is not None:
        assert decision.discount <= policy.max_discount + 1e-12
        if decision.discount > policy.approval_discount_over:
            assert decision.requires_approval and decision.action != "send"
    if policy.autonomy != "auto":
        assert decision.action != "send"
    if policy.autonomy == "suggest":
        assert decision.action in ("suppress", "escalate", "suggest")
    if decision.action == "send":
        assert not decision.requires_approval and not decision.escalate
        assert decision.channel in policy.auto_channels
    if decision.action != "suppress":
        assert record.stage_kind == "open"
        assert decision.channel in policy.allowed_channels
        assert decision.due_at is not None and decision.due_at.weekday() < 5
        if policy.quiet_hours is not None:
            assert not in_quiet_hours(decision.due_at, policy.quiet_hours)
        recipient = next(c for c in record.contacts if c.id == proposal["recipient_contact_id"])
        assert recipient.id not in {str(x) for x in record.extra["opted_out_contact_ids"]}
        assert (recipient.email or "").lower() not in {e.lower() for e in policy.opted_out_emails}
        assert record.extra["do_not_contact"] is not True
