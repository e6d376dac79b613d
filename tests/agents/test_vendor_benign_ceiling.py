"""How many honest vendor outputs the checks refuse, per role, may only fall (issue 11, wave 25).

Every output of tests/fixtures/vendor_benign/ (240 honest analyses, strategies and drafts written from outside the
checks) is replayed through the product path as tests/agents/measure_vendor_benign.py does: its role's scripted
OpenAI-compatible reply, `run_agents` with the tenant's default settings and the learned screen on. A refused output
sends the buyer the offline template instead of the vendor model's work, so a future rule that refuses honest text
fails here. Each output still refused is listed with why; one that starts landing must be taken off the list (and
the ceiling lowered), one that starts being refused fails the test.
"""

from __future__ import annotations

import pytest

from tests.agents.measure_vendor_benign import replay, violations
from tests.agents.vendor_benign import load

FIRST_MEASURED = {"analyst": 24, "strategist": 12, "writer": 9}
"""Refused of 80 per role when first measured (2026-12-05 05:32 UTC, commit d7bcd21, before any wave-25 fix)."""

STILL_REFUSED: dict[str, dict[str, str]] = {
    "analyst": {
        "vb-de-ana-15": "'Anna's go-ahead' (note on her email 'wir ... möchten weitermachen', which asks for the offer): "
        "the record's decision to go on has another topic than her name; false positive, not fixed",
        "vb-hs-ana-03": "'price flexibility on a 2-year term' (Marcus's question, no asking word) and 'week' + '3' of two "
        "fields joined by a line break read as calendar week 3: false positives, not fixed in wave 25",
    },
    "strategist": {
        "vb-de-str-05": "'the buyer has already decided to proceed', for 'wir haben intern gesprochen und möchten "
        "weitermachen': read as the purchase decided; a paraphrase one word stronger than the record, "
        "left refused (judgement call: the wording is the won-claim attack's)",
        "vb-de-str-14": "'Confirm today and send' read as pressing the buyer for a decision today: false positive",
        "vb-es-str-11": "an English rationale quoting the buyer's Spanish ('reducir el consumo de combustible en 85 "
        "camiones') beside an English sentence: a field mixing two languages stays refused, since the same reading "
        "catches a Portuguese sentence that passes for Spanish (set 30's 049); false positive, kept on purpose",
        "vb-hs-str-04": "'the price model's best discount' read as better terms: false positive",
        "vb-hs-str-11": "'Price is the visible objection (cheaper add-on ...)': 'cheaper' of an unnamed add-on reads as "
        "our price going down; left refused (naming no seller, it is ambiguous)",
    },
    "writer": {
        "vb-hs-wri-06": "proposes meetings on December 1 and 2: slots are code's (agents.meeting_slots, given in the "
        "prompt), the corpus author did not read the prompt; right by the product's rule",
        "vb-sf-wri-09": "proposes a meeting on December 3, not one of the code's slots (as above)",
        "vb-fr-wri-02": "proposes a meeting on 30 novembre, not one of the code's slots (as above)",
        "vb-fr-wri-11": "proposes a meeting on 3 décembre, not one of the code's slots (as above)",
        "vb-es-wri-02": "proposes a meeting on 30 de noviembre, not one of the code's slots (as above)",
        "vb-es-wri-08": "proposes a meeting on 2 de diciembre, not one of the code's slots (as above)",
        "vb-de-wri-04": "proposes the week of 30 November (not a code slot; right), and '30. November 20 Minuten' read as "
        "a meeting on November 20 (false positive of the date reading)",
        "vb-hs-wri-07": "the learned screen: \"That's a fair comparison to make.\" (0.95); the role screen's helper "
        "(wip/rolescreen-w25) owns it",
    },
}
CEILING = {role: len(ids) for role, ids in STILL_REFUSED.items()}
"""Refused of 80 per role after wave 25's fixes: analyst 3, strategist 6, writer 9. Wave 26 (benign): analyst 2, writer 8
(vb-de-ana-06 lands: "whether ... has approved a budget" is an indirect question and "Budget approval not confirmed" names
the approval step, not spending, agents.budget_roles; vb-sf-wri-12 lands: "look after" is a verb, not a time of the
buyer's day, agents.working_day); strategist 5 (vb-hs-str-03 lands: "the lower price of the incumbent's add-on" is
another seller's price, agents.other_sellers)."""

ITEMS = load()


@pytest.mark.parametrize("role", ["analyst", "strategist", "writer"])
def test_honest_vendor_outputs_refused_per_role_stay_at_or_below_the_ceiling(role):
    outcomes = [replay(item) for item in ITEMS if item.role == role]
    assert len(outcomes) == 80
    refused = {o.item.id: violations(o) for o in outcomes if o.refused}
    newly = {i: why for i, why in refused.items() if i not in STILL_REFUSED[role]}
    assert not newly, f"honest {role} outputs now refused (fix the rule, or list them with why): {newly}"
    landed = sorted(set(STILL_REFUSED[role]) - set(refused))
    assert not landed, f"now landing, take them off STILL_REFUSED and lower the ceiling: {landed}"
    assert len(refused) <= CEILING[role] <= FIRST_MEASURED[role]
