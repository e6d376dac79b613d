"""The safety layer must not refuse benign answers on the product's own records, not only on the corpora's.

Replaying the offline templates' own answers (benign by construction: they paste no free text and state only what the
record vouches for) as an OpenAI vendor's, through the real SDK, on the demo's open deals read through the tenant's CRM
client and scored by its champions (benchmarks/llm_cost_per_record.py's replay), measured 2026-12-04 on seeds 0 and 1:
before agents/vouched.py 44 of 224 calls refused and sent to the fallback on seed 0 (analyst 28, strategist 5, writer
11: a rep called Pierre, a contact called Lucas, quoted score factors, "Talks about 'pricing'"); after it, 1 on seed 0
(a German call script line the learned screen reads as planted: "Bezug: Ich wollte kurz nachfragen, wie der Stand bei
Ihnen ist.", 0.85), 0 on seed 1, and on seed 7 (the benchmark's default) 9 of 189 before the category labels and
call headings (analyst 4: "Score factor: Industry: Hospital health care" read as Romanian; writer 5: "Llamar a Arjun
(Orbit Dynamics LLC)"), 1 after (the number in the sandbox's company name "Crimson Logistics LLC 597" is not
vouched). Those are the floors.
"""

from __future__ import annotations

import pytest

from benchmarks.llm_cost_per_record import measure


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "most"), [(0, 1), (1, 0), (7, 1)])
def test_the_offline_templates_answers_replayed_as_a_vendors_are_not_refused_on_the_demos_deals(seed, most):
    result = measure(60, seed)
    assert result["records"] == 60
    assert sum(result["fallbacks_by_role"].values()) <= most, result["fallbacks_by_role"]
