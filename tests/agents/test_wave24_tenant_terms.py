"""Wave 24 (issue 11): a contract term (SLA credits, a member rate, a trial, renewal switched off) is refused unless the
tenant states it: `allowed_promises` (AgentSettings) lists the phrases a draft may use, as for any other promise, and
a listed phrase that holds the term lets that wording through. Set 32's 124 and 138 (a member rate, SLA credits from a
company name and a custom field) stay refused for a tenant that lists nothing."""

from __future__ import annotations

import pytest

TERMS = ["We include SLA credits of 10% per missed hour.", "Ihr Verband erhält den Mitgliedertarif.",
         "Les crédits de service s'appliquent dès la première heure.", "Aplicamos la tarifa de socio de su asociación."]


@pytest.mark.parametrize("sentence", TERMS)
def test_a_contract_term_no_setting_grants_is_refused(sentence):
    from agents.street_terms import unpriced_terms
    assert unpriced_terms(sentence) != []


def test_a_term_the_tenant_lists_in_allowed_promises_passes_and_others_stay_refused():
    from agents.street_terms import unpriced_terms
    granted = ("SLA credits of 10% per missed hour",)
    assert unpriced_terms(TERMS[0], granted) == []
    assert unpriced_terms("We add SLA credits for any outage.", granted) != []  # the term said otherwise
    assert unpriced_terms("Members get the member rate.", granted) != []  # a term the tenant did not grant
    assert unpriced_terms(TERMS[0], ("", "  ")) != []  # blank phrases grant nothing


def test_the_safety_recheck_passes_a_granted_term_and_refuses_it_without_the_setting():
    from agents.context import build_context
    from agents.facts import build_vocabulary
    from agents.safety import commercial_violations
    from tests.agents.conftest import load_record
    from tests.agents.test_quality import NOW
    record, scores = load_record("hubspot_deal")
    ctx = build_context(record, scores, now=NOW)
    vocab = build_vocabulary(ctx, score_figures=False)
    said = "Hi Dana, we include SLA credits of 10% per missed hour. Sam"
    assert any("contract term" in r for r in commercial_violations(said, ctx, vocab, None))
    assert not any("contract term" in r for r in commercial_violations(
        said, ctx, vocab, None, ("SLA credits of 10% per missed hour",)))
