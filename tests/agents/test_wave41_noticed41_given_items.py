"""A billable item given to a named contact with a verb of giving, in any form (issue 11, wave 41, helper "noticed41";
item 3 of what wave 40 noticed and left, agents.covered_items).

The lead's probe: "Offrir à Claire la formation" (a plan's infinitive, no subject) passed, where "nous vous offrons la
formation" was refused; its twins "Claire die Schulung schenken", "Regalar a Lucía la formación" and "Give Dana the
training for free" were already refused by their gift and free words (guards below). Other verbs of giving with no
price word passed too: "spendieren", "comp", "gift", "treat ... to". Offering a meeting or a demo, giving at a price,
a negation, and a question about the training still pass (guards).
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["analyst summary", "strategist rationale", "writer body"]
_PAID_BY_US = "we pay for a billable item"

GIVEN = [
    ("fr", "Offrir à Claire la formation."),
    ("fr", "Offrir la formation à Claire."),
    ("fr", "Lui offrir la formation."),
    ("fr", "Offrir à Claire la formation de 8 chauffeurs."),
    ("fr", "Je propose d'offrir à Claire deux mois d'abonnement."),
    ("de", "Frau Schmidt die Schulung spendieren."),
    ("de", "Wir spendieren die Schulung."),
    ("en", "Treat Dana to the training."),
    ("en", "Comp Dana the training."),
    ("en", "Gift Dana the onboarding."),
]
TWINS_ALREADY_REFUSED = [
    ("de", "Frau Schmidt die Schulung schenken."),
    ("es", "Regalar a Javier la formación."),
    ("en", "Give Dana the training for free."),
]
NOT_GIVEN = [
    ("fr", "Offrir à Claire un rendez-vous jeudi."),
    ("fr", "Offrir une démo de l'installation à Claire."),
    ("fr", "Offrir une visibilité sur la formation."),
    ("fr", "Ne pas offrir la formation à Claire."),
    ("fr", "Claire demande si on peut offrir la formation."),
    ("fr", "Claire a posé une question sur la formation."),
    ("de", "Wir spendieren die Schulung nicht."),
    ("de", "Frau Schmidt fragt, ob wir die Schulung spendieren."),
    ("de", "Frau Schmidt die Schulung anbieten."),
    ("en", "Our sales comp plan covers training."),
    ("en", "Do not comp Dana the training."),
    ("en", "Dana asked about the training."),
    ("en", "Offer Dana a training session on Tuesday."),
    ("es", "Javier preguntó por la formación."),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), GIVEN)
def test_a_billable_item_given_with_a_verb_of_giving_is_paid_by_us(role, lang, text):
    assert any(_PAID_BY_US in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), TWINS_ALREADY_REFUSED)
def test_the_twins_in_gift_or_free_words_stay_refused(role, lang, text):
    """Guard: refused before wave 41 by their gift or free words."""
    assert ROLES[role](lang, text), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), NOT_GIVEN)
def test_a_meeting_offered_a_gift_denied_or_the_training_asked_about_is_not_paid_by_us(role, lang, text):
    """Guards: none of these was read as paid by us before wave 41 either."""
    assert not any(_PAID_BY_US in reason for reason in ROLES[role](lang, text)), text


def test_an_item_given_at_a_price_is_sold_not_paid_by_us():
    """Guard: the price after the item makes it a sale ("au tarif de 450 € la session"); a count does not (above)."""
    from agents.covered_items import covered_items
    assert covered_items("Offrir à Claire la formation au tarif de 450 € la session.") == []
    assert covered_items("Offrir à Claire la formation à 450 euros.") == []
