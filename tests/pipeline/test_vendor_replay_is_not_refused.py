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
vouched). Those were the floors on the default CRM, measured without the other-customer names the pipeline passes.

Wave 19 (2026-12-04, `measure(60, seed, crm, object_type)`, which now passes the pipeline's other-customer names and
lists each refusal's reason): on Salesforce's own records, before the fixes, the writer was refused on every open Lead
(45/45 records of seed 0, 38/38 of seed 1, 37/37 of seed 7: the number in a Lead's Company, "Crimson Goods 763", and
the learned screen on the templates' German/French check-in line, the only reference a Lead without activity gets);
Opportunities 3 / 2 / 12 refused calls on seeds 0 / 1 / 7, and the HubSpot deals 7 / 2 / 4 once given the
other-customer names (an org holds "Granite Systems" beside "Granite Systems Ltd": the record's own name read as the
shorter customer's). After agents/vouched.py's own-company and template-sentence rules: 0 refused on every Lead seed,
Opportunities 0 / 0 / 0 (seed 0's last one, "Teams in education management" read as naming Iron Education, went with
the function-word rule of agents/name_abbreviations.py), HubSpot deals 0 / 0 / 0: the floors below (agents/README.md,
"Benign on Salesforce's own records", has the commands, commits and times).

Wave 20 (2026-12-04, `measure(60, seed, crm, object_type, language)` on a market whose buyers write German, French or
Spanish: the demo's `--language`): before the fixes, seed 0, HubSpot deals 10 / 12 / 5 refused calls (de / fr / es),
Salesforce Leads 1 / 0 / 1, Opportunities 4 (de; fr and es timed out reading the history under load); all the writer's,
for a hyphenated owner's name ("Hans-Peter", "Marie-Claire"), a call script's joined opening line, a subject without
the deal's name, an owner "vom Stein" signing as the account team, "une remise de 10 %" read as money off, and a subject
cut inside the deal's name (the one template defect). LANGUAGE_FLOORS are the runs measured after the fixes
(agents/README.md, "Wave 20: benign in German, French and Spanish").
"""

from __future__ import annotations

import pytest

from benchmarks.llm_cost_per_record import replay
from tests.pipeline.trained_markets import Market, MarketNotNamed, TrainedMarkets

pytestmark = pytest.mark.timeout(600)
"""Each case replays 37-60 open records through the vendor path: 75-148 CPU s a case in wave 33 (make test-vendor-replay
-n 2, 14:34-15:03 UTC), and the costliest (salesforce-deal-de) hit the suite's 300-s wall limit at load ~4 — a limit
on the machine's load, not on what these tests claim. CI runs this step alone on its two cores."""

DEALS = 60
"""Open records each replay reads (`measure(60, ...)`): the demo market's open book is sized to it."""


@pytest.fixture(scope="module")
def trained_markets(request):
    """Each market trained once for the cases collected here that name it (tests/pipeline/trained_markets.py)."""
    markets = TrainedMarkets(market for item in request.session.items
                             if item.module is request.module and (market := Market.of(item)) is not None)
    try:
        yield markets
    finally:
        markets.close()


@pytest.fixture
def trained_market(trained_markets, request):
    """The case's market (its parameters' `Market.mark`) trained, called where `measure` was: after the environment
    the demo's app starts with (the CRM read timeout) is set."""
    market = Market.of(request.node)
    if market is None:
        raise MarketNotNamed(f"{request.node.nodeid} asks for a trained market but names none: mark its parameters "
                             "with Market(seed, crm, language).mark")
    try:
        yield lambda: trained_markets.demo(market)
    finally:
        trained_markets.done(market)


def on(market: Market, *values):
    """A case's parameters replayed on `market` (named by its mark: one worker, one training under loadgroup)."""
    return pytest.param(*values, marks=market.mark)


SALESFORCE_FLOORS = [("lead", 0, 45, 0), ("deal", 0, 60, 0), ("lead", 1, 38, 0), ("deal", 1, 60, 0),
                     ("lead", 7, 37, 0), ("deal", 7, 60, 0)]
"""(object type, seed, open records read, most refused calls) measured on Salesforce's sandbox (the module's doc);
a seed's Leads and Opportunities side by side, replayed on one trained market."""


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "most"), [on(Market(seed, deals=DEALS), seed, 0) for seed in (0, 1, 7)])
def test_the_offline_templates_answers_replayed_as_a_vendors_are_not_refused_on_the_demos_deals(
        seed, most, trained_market):
    result = replay(trained_market(), DEALS)
    assert result["records"] == 60
    assert sum(result["fallbacks_by_role"].values()) <= most, result["refusals"]


@pytest.mark.slow
@pytest.mark.parametrize(("object_type", "seed", "records", "most"),
                         [on(Market(floor[1], "salesforce", deals=DEALS), *floor) for floor in SALESFORCE_FLOORS])
def test_the_offline_templates_answers_replayed_as_a_vendors_are_not_refused_on_salesforces_records(
        object_type, seed, records, most, trained_market):
    result = replay(trained_market(), DEALS, object_type)
    assert (result["crm"], result["records"]) == ("salesforce", records)  # a seed's open Leads number fewer than 60
    assert sum(result["fallbacks_by_role"].values()) <= most, result["refusals"]


LANGUAGE_FLOORS = [("hubspot", "deal", lang, 0, 60, 0) for lang in ("de", "fr", "es")] + [
    ("salesforce", object_type, lang, 0, records, 0) for lang in ("de", "fr", "es")
    for object_type, records in (("lead", 42), ("deal", 60))] + [
    ("hubspot", "deal", "de", 7, 60, 0), ("salesforce", "lead", "fr", 7, 57, 0)]
"""(CRM, object type, buyers' language, seed, open records read, most refused calls) on a market whose buyers write
German, French or Spanish (`measure(..., language=...)`, the demo's `--language`): measured in wave 20 (the module's
doc; agents/README.md, "Wave 20: benign in German, French and Spanish"). A Salesforce market's Leads and Opportunities
side by side, replayed on one trained market."""


@pytest.mark.slow
@pytest.mark.parametrize(("crm", "object_type", "language", "seed", "records", "most"),
                         [on(Market(floor[3], floor[0], floor[2], DEALS), *floor) for floor in LANGUAGE_FLOORS])
def test_the_offline_templates_answers_are_not_refused_and_are_in_the_buyers_language_on_german_french_and_spanish_records(
        crm, object_type, language, seed, records, most, monkeypatch, trained_market):
    # Salesforce's sandbox answers the history query in over a minute on a loaded 2-core machine (measured)
    monkeypatch.setenv("AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS", "240")
    result = replay(trained_market(), DEALS, object_type)
    assert (result["crm"], result["records"], result["language"]) == (crm, records, language)
    assert sum(result["fallbacks_by_role"].values()) <= most, result["refusals"]
    assert result["drafts"]["in_language"] == result["drafts"]["written"] > 0, result["off_language"]
