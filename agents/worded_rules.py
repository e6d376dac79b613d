"""The commercial rules that read only an output's words, answered once per distinct wording (wave 36: CI's CPU).

`agents.safety.commercial_rule_violations` runs some fifty rules. Most read nothing of the record but the text, the
deal's stage kind and plain values (the approved discount, the tenant's allowed promises, the vouched figures); the
others read the Context (its fields, activities and clock). A held-out set runs one base record under many injected
activities, so the offline draft of one record is the same text in case after case while each case's Context differs:
held-out set 44 ran these rules 424 times on 182 distinct wordings. Here they are grouped by where
`commercial_rule_violations` lists them between the Context's rules, and the groups are remembered per process keyed
on every value they read, so no answer depends on anything the key leaves out (a tenant's allowed promises and
discount are in the key).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from agents.asked_concessions import asked_concessions
from agents.budget_roles import needless_budget_steps
from agents.bypassed_reviews import bypassed_reviews
from agents.certification_claims import certification_claims
from agents.cited_instructions import cited_instructions
from agents.claimed_modes import claimed_modes
from agents.claims import discount_violations, price_violations, promise_violations
from agents.commercial_terms import approval_claims, term_commitments
from agents.concepts import concept_violations, spelled_percent_violations
from agents.concessions import concession_violations
from agents.covered_items import covered_items
from agents.deal_state import asserted_states
from agents.deal_state_idioms import deal_state_violations
from agents.delivered_states import delivered_states
from agents.exception_promises import exception_promises
from agents.expiring_offers import expiring_offers
from agents.financing_terms import financing_terms
from agents.fulfilment_claims import fulfilment_claims
from agents.german_compounds import compound_concessions
from agents.held_increases import held_increases, renewal_locks
from agents.held_price_words import held_price_words
from agents.invoice_moments import deferred_invoices
from agents.jargon_terms import jargon_violations
from agents.moving_price import falling_prices
from agents.normalize import normalise
from agents.off_grid_terms import off_grid_terms
from agents.outcome_promises import promised_outcomes
from agents.payment_moments import payment_moments
from agents.placed_orders import placed_orders
from agents.price_matches import price_match_promises
from agents.price_talk import unanchored_price_talk
from agents.priced_identifiers import priced_identifiers
from agents.received_payments import received_payments
from agents.recorded_orders import recorded_orders
from agents.renewal_terms import renewal_terms
from agents.retroactive_tiers import retroactive_tiers
from agents.same_day_deadlines import same_day_deadlines
from agents.spelled_money import spelled_money
from agents.street_terms import street_violations, unpriced_terms
from agents.verb_final_offers import verb_final_offers
from agents.won_idioms import won_idioms
from agents.zeroed_items import zeroed_items

WORDED_MEMORY = 4096
"""Distinct wordings remembered per process (an output of a few hundred characters each: ~10 MB at most)."""

Groups = tuple[tuple[str, ...], ...]


def rememberable(allowed_promises: Iterable[str]) -> bool:
    """Whether the allowed promises can be part of a key: a tuple or list (a generator would be read up by the first
    rule, as the rules read it uncached; a set's order is not its content)."""
    return isinstance(allowed_promises, tuple | list)


@functools.lru_cache(maxsize=WORDED_MEMORY, typed=True)
def worded_groups(
    text: str, said: str, stage_kind: str, approved_discount: float | None, allowed_promises: tuple[str, ...],
    money: frozenset[float], counts: frozenset[float], percents: frozenset[float], asked_today: bool,
    topic_reports: bool,
) -> Groups:
    """The worded rules' reasons in six groups, each in `commercial_rule_violations`' order: before the concept
    rule, between it and the Context's colloquial rule, then before `end_of_day_calls`, before `everyday_violations`,
    between the event rules and `contradicted_field_dates`, and after it. `text` is the output with vouched words taken out, `said`
    as written (both after the price guidance and the field's payment terms are taken out)."""
    return worded_violations(text, said, stage_kind, approved_discount, allowed_promises, money, counts, percents,
                             asked_today, topic_reports)


@functools.lru_cache(maxsize=WORDED_MEMORY, typed=True)
def worded_concepts(text: str, stage_kind: str, allowed_promises: tuple[str, ...],
                    currency: str | None = None) -> tuple[str, ...]:
    """`agents.concepts.concept_violations`, remembered: its text is the output with the contract field's quoted date
    masked (`agents.contract_field_dates`), the same text whenever no such date is quoted."""
    return tuple(concept_violations(text, stage_kind, allowed_promises, currency))


def worded_violations(
    text: str, said: str, stage_kind: str, approved_discount: float | None, allowed_promises: Iterable[str],
    money: frozenset[float], counts: frozenset[float], percents: frozenset[float], asked_today: bool,
    topic_reports: bool,
) -> Groups:
    """`worded_groups`, read afresh (for allowed promises that cannot be a key)."""
    read, as_said = normalise(text), normalise(said)
    return (
        (*discount_violations(text, approved_discount), *price_violations(text, money, counts),
         *promise_violations(text, allowed_promises), *exception_promises(read, allowed_promises, approved_discount),
         *deal_state_violations(text, stage_kind),
         *asserted_states(read, stage_kind), *won_idioms(read, stage_kind), *fulfilment_claims(read, stage_kind)),
        (*needless_budget_steps(read), *spelled_percent_violations(text, percents),
         *spelled_money(text, money, percents), *concession_violations(read), *zeroed_items(as_said),
         *compound_concessions(read), *unanchored_price_talk(read, approved_discount, topic_reports=topic_reports),
         *payment_moments(read), *deferred_invoices(read),  # wave 41: "the invoice is sent after go-live"
         *promised_outcomes(read), *held_increases(read), *falling_prices(read), *renewal_locks(read),
         *financing_terms(read), *term_commitments(text), *approval_claims(text, stage_kind)),
        tuple(jargon_violations(read, stage_kind)),
        (*street_violations(as_said, stage_kind, asked_today=asked_today), *unpriced_terms(as_said, allowed_promises)),
        (*price_match_promises(text), *verb_final_offers(read, approved_discount), *covered_items(as_said)),
        (*asked_concessions(read), *bypassed_reviews(as_said), *same_day_deadlines(as_said),
         *expiring_offers(as_said),  # wave 42
         *recorded_orders(as_said, stage_kind), *received_payments(as_said, stage_kind),
         *delivered_states(as_said, stage_kind), *held_price_words(as_said, allowed_promises),
         *placed_orders(as_said, stage_kind), *certification_claims(as_said, allowed_promises),
         *renewal_terms(as_said, allowed_promises), *retroactive_tiers(as_said), *claimed_modes(as_said),
         *cited_instructions(as_said), *off_grid_terms(as_said),
         *priced_identifiers(said, approved_discount, money, counts)),
    )
