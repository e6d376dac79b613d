"""The card says why the next best action waits for a manager: "Needs a manager's approval" alone, on a $6,200
deal, left the rep guessing that the churn risk (86% over the team's 70%), not the deal, sent it to a human
(a newcomer's walk through the Salesforce demo, wave 26). The same words on the React card: test_card_parity."""

from __future__ import annotations

from datetime import UTC, datetime

from app.cards.view import action_view

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


def approval(decision: dict) -> str | None:
    payload = {
        "next_best_action": {"channel": "email", "recipient": {"name": "Theo Harris"}},
        "decision": decision,
    }
    view = action_view(payload, NOW, {})
    assert view is not None
    return view["approval"]


def test_an_escalation_for_churn_risk_says_so():
    said = approval({"escalate": True, "reasons": ["churn risk 86% above 70%: human review"]})
    assert said == "Needs a manager's approval before it reaches the customer (churn risk 86% above 70%)."


def test_every_reason_that_needs_a_human_is_named_in_the_order_decided():
    said = approval(
        {
            "requires_approval": True,
            "escalate": True,
            "reasons": [
                "discount 12% capped at 10%",
                "discount 10% above 5% needs approval",
                "amount 515,500 above 100,000: human review",
                "draft failed a quality check: needs approval",
            ],
        }
    )
    assert said == (
        "Needs a manager's approval before it reaches the customer (discount 10% above 5%; "
        "amount 515,500 above 100,000; draft failed a quality check)."
    )


def test_reasons_that_change_the_action_but_need_no_one_are_not_given_as_why():
    said = approval(
        {
            "requires_approval": True,
            "reasons": [
                "channel linkedin not allowed; using email",
                "moved out of quiet hours/weekend to 2026-12-07T09:00:00-05:00",
                "discount 12% capped at 10%",
            ],
        }
    )
    assert said == "Needs a manager's approval before it reaches the customer."


def test_an_action_no_one_must_approve_has_no_approval_line_whatever_its_reasons():
    assert approval({"reasons": ["moved out of quiet hours/weekend to 2026-12-07T09:00:00-05:00"]}) is None
    assert (
        approval(
            {
                "escalate": False,
                "requires_approval": False,
                "reasons": ["amount 5 above 100,000: human review"],
            }
        )
        is None
    )
