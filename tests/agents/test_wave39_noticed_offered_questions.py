"""Wave 39 (helper "noticed39"), family 1: offers phrased as questions.

agents.concepts skipped every question, so a concession put as a proposal ("Could we offer you the hardware as a
gift?", "Wie wäre es, wenn die Einrichtung aufs Haus geht?", "Et si l'installation était à nos frais ?", "¿Y si la
instalación corre de nuestra cuenta?") passed every role when no figure or other rule read it. A question in a
proposal's frame (agents.offered_questions) is now read by the concept rules as a statement is; a question that asks
about the buyer, a question the buyer asked (reported) and a proposal with no concession in it pass. Every refusal
here is a rule's: the learned screen takes no part (role_matrix runs the writer with it off).
"""

from __future__ import annotations

import pytest

from agents.concepts import concept_violations
from agents.offered_questions import offered_as_question
from tests.agents.role_matrix import ROLES

THREE_ROLES = pytest.mark.parametrize("role", ["analyst summary", "strategist rationale", "writer body"])

OFFERED = [
    ("en", "Could we offer you the hardware as a gift?"),
    ("en", "Would it help if your price stayed the same for three years?"),
    ("en", "What if nothing were due until go-live?"),
    ("en", "Would it help if the setup cost you nothing?"),
    ("en", "Would better terms help you sign this month?"),
    ("en", "Would it help if the training were included?"),
    ("de", "Wie wäre es, wenn die Einrichtung aufs Haus geht?"),
    ("de", "Würde es helfen, wenn die Schulung inklusive ist?"),
    ("de", "Dürfen wir Ihnen die Hardware schenken?"),
    ("de", "Würde es Ihnen helfen, wenn für die Einrichtung keine Kosten anfallen?"),
    ("fr", "Et si l'installation était à nos frais ?"),
    ("fr", "Et si la formation était incluse ?"),
    ("fr", "Et si l'installation ne vous coûtait rien ?"),
    ("fr", "Et si on vous faisait cadeau de la formation ?"),
    ("es", "¿Y si la instalación corre de nuestra cuenta?"),
    ("es", "¿Y si la formación estuviera incluida?"),
    ("es", "¿Y si la instalación no le costara nada?"),
]
"""Each passed every role on main cf6edac2: no figure, no word another rule reads; the concept was skipped."""

ASKING = [
    ("en", "Would a longer term suit your budget planning?"),
    ("en", "Would it help if I walked you through what is included in the proposal?"),
    ("en", "Shall we go through the costs together on Thursday?"),
    ("en", "Would you like the proposal to show the one-year and three-year terms side by side?"),
    ("de", "Wie wäre es mit einem Termin am Donnerstag, um die Kosten gemeinsam durchzugehen?"),
    ("de", "Würde es Ihnen helfen, wenn ich die Preisstaffel im Angebot erkläre?"),
    ("de", "Sollen wir die Lizenzen auf einem Vertrag bündeln oder pro Standort aufteilen?"),
    ("fr", "Souhaitez-vous que les licences soient regroupées sur un seul contrat ?"),
    ("fr", "Et si nous regardions ensemble ce qui est compris dans la proposition ?"),
    ("fr", "Une durée plus longue conviendrait-elle à votre budget ?"),
    ("fr", "Que diriez-vous d'un point jeudi pour passer en revue les coûts ?"),
    ("es", "¿Qué le parece si revisamos juntos los costes el jueves?"),
    ("es", "¿Le ayudaría que le explicara qué incluye la propuesta?"),
    ("es", "¿Quiere que la propuesta muestre el contrato a uno y a tres años?"),
    ("es", "¿Su proveedor actual les cobra la formación?"),
]
"""Questions about the buyer's needs or a proposal of a meeting or a layout: nothing given away."""


@THREE_ROLES
@pytest.mark.parametrize(("lang", "text"), OFFERED)
def test_a_concession_offered_as_a_question_is_refused_in_every_role(role, lang, text):
    assert any(r.startswith("promise outside policy") for r in ROLES[role](lang, text)), text


@THREE_ROLES
@pytest.mark.parametrize(("lang", "text"), ASKING)
def test_a_question_about_the_buyer_or_a_meeting_passes_every_role(role, lang, text):
    assert ROLES[role](lang, text) == [], text


@pytest.mark.parametrize(("lang", "text"), OFFERED)
def test_the_question_gets_the_verdict_its_statement_gets(lang, text):
    assert concept_violations(text, "open"), text


def test_a_question_the_buyer_asked_is_reported_not_offered():
    assert not offered_as_question("Dana asked: could we offer the hardware as a gift?")
    assert concept_violations("Dana asked: could we offer the hardware as a gift?", "open") == []
    assert offered_as_question("Could we offer you the hardware as a gift?")


def test_a_proposal_asks_whether_a_document_is_signed_it_claims_none():
    text = "Souhaitez-vous que les licences soient réparties par atelier ou regroupées sur un seul contrat ?"
    assert offered_as_question(text)
    assert concept_violations(text, "open") == []
