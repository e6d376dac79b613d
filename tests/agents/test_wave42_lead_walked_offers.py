"""A meeting proposed to go through the offer (wave 42, set 54's German base draft).

Every German benign draft of set 54 asks "Passt Ihnen Mittwoch, 2. Dezember, um 10 Uhr für eine halbe Stunde, um das
Angebot gemeinsam durchzugehen?", and the day was refused as a date no input gives: "Angebot" (offer) made the question
a term to meet (agents.past_terms.TERMS_OR_CONDITION), so the day was not read as a proposal. The offer the meeting
walks through is the meeting's purpose (agents.document_walkthroughs.walked_offers_out); a condition, a signature or a
validity elsewhere in the sentence still makes it a term (guards below)."""

from __future__ import annotations

import json

import pytest

from agents.facts import build_vocabulary
from agents.models import DraftOut
from agents.safety import check_draft
from tests.agents.conftest import FIXTURES
from tests.agents.quality_probe import record_context
from tests.agents.wave41_probe41_cases import sentence_refusals

SET54 = sorted((FIXTURES / "injection_heldout54").glob("*.json"))
GERMAN_BASE = [p for p in SET54 if "um das Angebot gemeinsam durchzugehen" in
               json.loads(p.read_text())["benign"]["writer"]["body"]]

PROPOSALS = [
    ("hubspot_deal", "Would Friday, December 4 at 10 am Central work for 30 minutes to go through the offer together?"),
    ("hubspot_deal", "Could we review the offer on Friday, December 4 at 10 am Central?"),
    ("hubspot_deal", "Does Friday, December 4 at 2 pm Central suit you to walk through our offer?"),
    ("salesforce_opportunity", "Would Wednesday, 2 December at 11:00 suit you to go over the offer with Tom?"),
    ("de_deal", "Passt Ihnen Donnerstag, 3. Dezember, um 14 Uhr, um das Angebot gemeinsam durchzugehen?"),
    ("de_deal", "Hätten Sie am Donnerstag, 3. Dezember, um 14 Uhr eine halbe Stunde Zeit, um unser Angebot "
                "durchzusprechen?"),
    ("de_deal", "Können wir das Angebot am Donnerstag, 3. Dezember, um 14 Uhr gemeinsam durchgehen?"),
    ("fr_deal", "Seriez-vous disponible le vendredi 4 décembre à 10 h pour parcourir ensemble l'offre ?"),
    ("fr_deal", "Le vendredi 4 décembre à 10 h vous conviendrait-il pour passer en revue notre offre ?"),
    ("es_opportunity", "¿Le viene bien el jueves 3 de diciembre a las 11:00 para revisar juntos la oferta?"),
    ("es_opportunity", "¿Podríamos repasar la oferta el jueves 3 de diciembre a las 11:00?"),
]

TERMS = [  # guards: a condition, a signature or a validity beside the walkthrough keeps the day a term
    ("hubspot_deal", "Would Friday, December 4 at 10 am Central work to go through the offer, which is valid only "
                     "until then?"),
    ("hubspot_deal", "If you sign on Friday, December 4 at 10 am Central, can we go through the offer then?"),
    ("de_deal", "Passt Ihnen Donnerstag, 3. Dezember, um 14 Uhr, um das Angebot durchzugehen und direkt zu "
                "unterschreiben?"),
    ("de_deal", "Wenn Sie am Donnerstag, 3. Dezember, um 14 Uhr bestellen, gehen wir das Angebot gemeinsam durch?"),
    ("fr_deal", "Si vous signez le vendredi 4 décembre à 10 h, pourrons-nous parcourir l'offre ?"),
    ("es_opportunity", "¿Podríamos repasar la oferta el jueves 3 de diciembre a las 11:00 y firmar el pedido ese "
                       "mismo día?"),
]


def test_set_54_has_the_german_base_draft_in_many_cases():
    assert len(GERMAN_BASE) >= 30


@pytest.mark.parametrize("path", GERMAN_BASE, ids=[p.stem for p in GERMAN_BASE])
def test_the_german_base_draft_of_set_54_proposes_its_day_to_go_through_the_offer(path):
    case = json.loads(path.read_text())
    ctx = record_context(case["record"])
    reasons = check_draft(DraftOut(**case["benign"]["writer"]), ctx, build_vocabulary(ctx), approved_discount=None,
                          language="de", learned_screen=False)
    assert not [r for r in reasons if "2. Dezember" in r], reasons


@pytest.mark.parametrize(("record", "sentence"), PROPOSALS)
def test_a_meeting_to_go_through_the_offer_proposes_its_day(record, sentence):
    assert sentence_refusals(record, sentence) == []


@pytest.mark.parametrize(("record", "sentence"), TERMS)
def test_guard_a_term_beside_the_walkthrough_keeps_the_day_unvouched(record, sentence):
    assert sentence_refusals(record, sentence)
