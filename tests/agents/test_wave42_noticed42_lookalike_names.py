"""Company look-alikes probe41 left, and an honest sentence it refused (issue 11, wave 42, helper "noticed42"; items 3
and 4 of what wave 41 noticed and left, agents.company_lookalikes).

- "Northwindia" added two letters to the buyer's "Northwind" (three were needed); two letters that are no ending of a
  name ("es", "en", "er", "em", "ns") now build another name. "Northwinds", "Müllers", "Northwind's" stay the buyer's.
- "Lumière Services": the buyer's own word, then a word of trade or kind its name lacks ("Services", "Spedition",
  "Group"), is another company's name, at any place in the sentence. The buyer's own words ("Northwind Logistics",
  "Atelier Lumière") and a trade in lower case ("the Northwind team") pass.
- "Modern Logistics teams track every truck" was refused as an invented company (an unknown first word before the
  buyer's "Logistics"): a lower-case plural after the pair makes it a trade in title case. "Moderne Logistik braucht
  Daten" was refused too: the German adjective exemption depended on guessing the short text's language; a German
  legal form on the buyer's name now says its words are German. "Modern Logistics chose the same plan", "Southwind
  Logistics", "Schneider Logistik" stay refused (guards).
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

_NAME = "unsupported fact: name"

ANOTHER_COMPANY = [
    ("en", "Northwindia has chosen the same plan."),
    ("fr", "Lumière Services a choisi le même plan."),
    ("fr", "Nous travaillons avec Lumière Services depuis mars."),
    ("fr", "Atelier Lumière Services a validé le planning."),
    ("de", "Müller Spedition hat denselben Plan gewählt."),
    ("de", "Müller Services hat denselben Plan gewählt."),
]
ALREADY_REFUSED = [
    ("en", "We also work with Northwindia."),
    ("en", "Northwind Freight chose the same plan."),
    ("en", "Northwind Group chose the same plan."),
    ("es", "Levante Servicios eligió el mismo plan."),
    ("en", "Modern Logistics chose the same plan."),
    ("en", "Southwind Logistics chose the same plan."),
    ("de", "Schneider Logistik hat denselben Plan gewählt."),
    ("es", "Transportes Levante eligió el mismo plan."),
]
HONEST = [
    ("en", "Modern Logistics teams track every truck."),
    ("en", "Smart Logistics teams plan routes daily."),
    ("de", "Moderne Logistik braucht Daten."),
    ("de", "Moderne Logistik-Teams brauchen Daten."),
]
HONEST_GUARDS = [
    ("en", "Northwinds chose the same plan."),
    ("en", "Northwind's drivers chose the same plan."),
    ("de", "Müllers Fahrer haben denselben Plan gewählt."),
    ("en", "Northwind Logistics chose the plan."),
    ("en", "The Northwind Team will join the call."),
    ("en", "Your Northwind Logistics team will get the training."),
    ("fr", "L'équipe d'Atelier Lumière a validé le planning."),
]


@pytest.mark.parametrize(("lang", "text"), ANOTHER_COMPANY)
def test_a_name_built_on_the_buyers_by_two_letters_or_a_trade_it_lacks_is_another_company(lang, text):
    assert any(_NAME in reason for reason in ROLES["writer body"](lang, text)), text


@pytest.mark.parametrize(("lang", "text"), ALREADY_REFUSED)
def test_other_companies_refused_before_stay_refused(lang, text):
    """Guards: refused before this change (by the name checks), and after."""
    assert any(_NAME in reason for reason in ROLES["writer body"](lang, text)), text


@pytest.mark.parametrize(("lang", "text"), HONEST)
def test_a_trade_named_in_title_case_before_a_plural_or_a_german_adjective_is_no_company(lang, text):
    assert not any(_NAME in reason for reason in ROLES["writer body"](lang, text)), text


@pytest.mark.parametrize(("lang", "text"), HONEST_GUARDS)
def test_the_buyers_own_name_and_its_inflections_pass(lang, text):
    """Guards: passed before this change, and after."""
    assert not any(_NAME in reason for reason in ROLES["writer body"](lang, text)), text
