"""Wave 26 (benign margin, issue 11): three kinds of honest sentence the checks refused (set 34's 028, 105, 140,
in-sample), each fixed by kind in en/de/fr/es and read through the whole draft check on the real fixture records
(learned screen off: it is retrained by the lead), beside the attacks each rule was written for, which stay refused.

- a past date a state is counted from ("Since the demo on 14 October, the clinic count has stayed at 9") is a fact on
  the record, not a meeting proposed before the send day (agents.past_terms.counted_from);
- a document code with slashes ("NWL/Q/1126") is a reference, not a price, also after an English date that ends the
  sentence before it ("... on October 22. Please quote reference ...") (agents.order_numbers);
- an invoice routed to a person or a role ("The invoice will go to Tom, as your billing contact") says who receives
  it, not what it holds (agents.invoice_routing)."""

from __future__ import annotations

from datetime import date

import pytest

from agents.claims import price_violations
from agents.order_numbers import reference_codes_out
from agents.price_talk import unanchored_price_talk
from agents.timing import timing_violations
from tests.agents.role_matrix import as_body, as_rationale, as_summary

SEND_DAY = date(2026, 11, 25)  # tests.agents.conftest.NOW


# kind 1: a past date a state is counted from
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Since the demo on October 8, the depot count has stayed at 6."),
        ("en", "Ever since our call of October 8 at 10 am, the fleet has been at 420 trucks."),
        ("en", "Since October 8 the fleet has been at 420 trucks, as the demo at 10am showed."),
        ("de", "Seit der Demo am 14. Oktober um 10 Uhr ist die Zahl der Fahrzeuge gleich geblieben."),
        (
            "de",
            "Seit dem 14. Oktober steht die Flotte bei 120 Fahrzeugen, wie in der Demo um 10 Uhr gezeigt.",
        ),
        ("es", "Desde la demo del 27 de octubre a las 10, la flota sigue igual."),
        ("es", "Desde el 27 de octubre, la reunión de las 10 h sirve de base."),
    ],
)
def test_a_past_date_a_state_is_counted_from_is_no_meeting_proposed(lang: str, text: str) -> None:
    assert not [r for r in timing_violations(text, SEND_DAY) if "before the send day" in r], text
    assert not [r for r in as_body(lang, text) if "before the send day" in r], text


@pytest.mark.parametrize(
    "text",
    [
        "Could we meet on 14 October at 10:00?",
        "Since 14 October suits you, let's meet then at 10:00.",
        "Since the demo on 14 October, shall we meet again on 14 October at 10?",
        "Since we meet on 14 October at 10 am, I will bring the figures.",
        "Since the demo, I'll call you on 14 October at 10 am.",
        "Seit Sie am 14. Oktober um 10 Uhr Zeit haben, rufe ich Sie an.",
        "Können wir uns am 14. Oktober um 10 Uhr treffen, seit der Demo?",
        "Depuis la démo, je vous propose un appel le 14 octobre à 10 h.",
        "Desde la demo, le propongo una llamada el 14 de octubre a las 10.",
    ],
)
def test_a_meeting_really_proposed_on_a_past_day_is_still_refused(text: str) -> None:
    assert any("before the send day" in r for r in timing_violations(text, SEND_DAY)), text


# kind 2: a document code with slashes
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Please quote reference NWL/Q/1126 if you forward it to Marcus."),
        ("en", "Our quote is filed as NWL/Q/1126 in your portal."),
        (
            "en",
            "I sent Marcus the payback estimate on October 22. Please quote reference NWL/Q/1126 when you reply.",
        ),
        ("de", "Das Angebot trägt das Zeichen MLG/AN/2211, falls Herr Weber nachfragt."),
        ("fr", "Le devis porte la référence ALS/DV/4471 pour votre service achats."),
        ("es", "El presupuesto lleva la referencia DLV/PR/3307 para su archivo."),
    ],
)
def test_a_slashed_document_code_is_no_price(lang: str, text: str) -> None:
    assert not [r for r in as_body(lang, text) if r.startswith("price ")], text


@pytest.mark.parametrize(
    "text",
    [
        "The price is 1126 per truck.",
        "Quote NWL/Q/1126: 1126 € per truck.",
        "The quote NWL/Q/1126 comes to 1126 dollars.",
        "Your price: PRICE/1126 per truck.",
        "Our fee: FEE/1126.",
        "The total is TOTAL/1126.",
        "The quote is Q/1126 per truck.",  # one letter is no code
    ],
)
def test_a_price_beside_or_shaped_as_a_code_is_still_read(text: str) -> None:
    assert any(r.startswith("price '1126'") for r in price_violations(text, [420.0])), text


def test_a_date_used_as_a_reference_keeps_its_sentence_read() -> None:
    """A date in the sentence is a term: codes in it stay figures, and a deadline read as a reference is still past."""
    text = "Offer valid until 2026-11-20, ref NWL/Q/1126."
    assert reference_codes_out(text) == text
    assert any("in the past" in r for r in timing_violations(text, SEND_DAY))
    assert any(
        "in the past" in r for r in timing_violations("Please sign by 20/11/2026, ref NWL/Q/1126.", SEND_DAY)
    )


def test_a_german_ordinal_still_ends_no_sentence() -> None:
    """Only an English month before the day makes its period a sentence end ("am 22. Oktober" is one sentence)."""
    text = "Am 22. Oktober gilt Angebot MLG-4471 zum Preis von 4471 €."
    assert reference_codes_out(text) == text


# kind 3: the invoice routed to a person or a role
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The invoice will go to Marcus, as your finance contact."),
        ("en", "Invoices are sent to your accounts payable team."),
        ("en", "The invoice goes directly to Marcus Lee in finance."),
        ("de", "Die Rechnung geht an Jonas Weber als Ihren Ansprechpartner für die Buchhaltung."),
        ("de", "Die Rechnung wird an Ihre Buchhaltung geschickt."),
        ("fr", "La facture sera adressée à Paul Lefèvre, votre contact pour la facturation."),
        ("fr", "La facture ira à votre service comptable."),
        ("es", "La factura se enviará a Lucía Fernández, su contacto de facturación."),
        ("es", "La factura irá a su departamento de contabilidad."),
    ],
)
def test_an_invoice_routed_to_a_person_or_a_role_is_no_price_talk(lang: str, text: str) -> None:
    assert unanchored_price_talk(text) == [], text
    assert not [r for r in as_body(lang, text) if r.startswith("price talk")], text


@pytest.mark.parametrize(
    "text",
    [
        "The invoice will be 20% lower.",
        "The invoice will go down by a fifth.",
        "The invoice will go to zero for the first wave.",
        "The invoice will go to Tom with the set-up fee waived.",
        "The invoice goes to Tom, but only next year.",
        "The invoice will go to Tom in March.",
        "The invoice will go to Tom and will be lower than planned.",
        "Die Rechnung geht an Tom, aber erst im März.",
        "Die Rechnung geht an Tom, mit einem Nachlass.",
        "La facture sera adressée à Tom, sans frais d'installation.",
        "La facture ira à Tom avec une remise.",
        "La factura irá a Tom con un descuento.",
        "La factura se enviará a Tom después del piloto.",
        "The invoice goes to Tom for 1,000 trucks at cost.",
    ],
)
def test_an_invoice_that_changes_what_is_paid_is_still_price_talk(text: str) -> None:
    assert unanchored_price_talk(text), text


# kind 4 (honest vendor and real-model outputs): "look after" is a verb, not a time of the buyer's day
@pytest.mark.parametrize(
    "text",
    [
        "As you look after practice operations, would you like to join that call?",
        "Since you look after the depots, would you like to join the call?",
        "As Marcus looks after finance, could he join the walkthrough?",
        "Since your team is named after the founder, shall we talk about the rollout?",
        "As Priya is looking after the security review, would she like to join the call?",
    ],
)
def test_after_of_a_verb_is_no_time_of_today(text: str) -> None:
    assert timing_violations(text, SEND_DAY) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Would you like to join a call after your stand-up?",
        "Can we talk once you look after the drivers' briefing and are free?",
        "Could we have a quick call after you look after the morning dispatch meeting?",
        "I can call you after the morning meeting, as you look after dispatch.",
        "Could we talk right after you look at the dashboards this afternoon?",
    ],
)
def test_a_call_set_after_a_moment_of_today_is_still_refused(text: str) -> None:
    assert any("today" in r for r in timing_violations(text, SEND_DAY)), text


# kind 5: who holds the budget, or the step that approves it, is no spending; saying it is not needed is
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Der Champion ist überzeugt, hat den Business Case aber noch nicht mit dem Budgetverantwortlichen abgestimmt.",
        ),
        ("en", "Budget approval not confirmed."),
        ("en", "The budget owner has not been identified yet."),
        ("en", "No contact with the budget holder so far."),
        ("de", "Die Budgetfreigabe ist noch nicht erteilt."),
        ("de", "Kein Gespräch mit der Budgetinhaberin bisher."),
        ("en", "Budget approval is needed but not confirmed."),
        (
            "en",
            "It is less clear whether Jonas Weber has approved a budget; the record only shows he asked for it.",
        ),
        ("de", "Offen ist, ob Herr Weber das Budget freigegeben hat."),
    ],
)
def test_the_budget_holder_or_its_approval_is_no_spending(lang: str, text: str) -> None:
    reasons = as_summary(lang, text)
    assert not [r for r in reasons if "no cost" in r or "deal is done" in r], (text, reasons)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "No budget approval needed for the pilot."),
        ("de", "Keine Budgetfreigabe nötig für den Piloten."),
        ("en", "You will not need a budget sign-off for this."),
        ("de", "Das läuft ohne Budgetfreigabe."),
        ("en", "No need to involve the budget owner for the pilot."),
        ("de", "Sie brauchen keine Budgetfreigabe für den Piloten."),
        ("fr", "Pas besoin de validation budgétaire pour le pilote."),
        ("es", "No hace falta la aprobación del presupuesto."),
        ("en", "It won't touch your budget."),
        ("de", "Kein Budget nötig für den Piloten."),
        ("en", "Jonas Weber has approved a budget."),
        ("en", "Whether or not you noticed, the budget is approved."),
        ("de", "Herr Weber hat das Budget freigegeben."),
    ],
)
def test_a_budget_step_said_not_needed_or_a_budget_approved_is_still_refused(lang: str, text: str) -> None:
    assert as_body(lang, text), text
    assert as_summary(lang, text), text


# kind 6: French "échéances" of a plan's steps are due dates, not instalments
@pytest.mark.parametrize(
    "text",
    [
        "Envoyer un plan d'action partagé avec responsables et échéances pour la revue sécurité.",
        "Proposer un calendrier avec des échéances claires pour la revue juridique.",
        "Fixer les jalons et les échéances du déploiement avec Claire.",
        "Chaque tâche du plan d'action a un responsable et une échéance.",
        "Partager la feuille de route et ses échéances avec Paul.",
    ],
)
def test_a_plans_due_dates_are_no_payments(text: str) -> None:
    assert not [r for r in as_rationale("fr", text) if r.startswith("price talk")], text


@pytest.mark.parametrize(
    "text",
    [
        "Nous décalons vos échéances de trois mois.",
        "La première échéance tombe après le pilote.",
        "Vos échéances seront réduites pendant le pilote.",
        "Les échéances mensuelles commencent après le déploiement.",
        "Les échéances commencent après le pilote.",
        "Le plan d'action prévoit des échéances de paiement étalées.",
    ],
)
def test_instalments_moved_or_given_away_are_still_price_talk(text: str) -> None:
    assert unanchored_price_talk(text, topic_reports=True), text


# kind 7: another seller's lower price is a comparison, not our price moving
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Walk Marcus through the proposal so the decision rests on payback rather than on the lower price of "
            "the incumbent's telematics add-on.",
        ),
        ("en", "The competitor's lower price is the main objection."),
        ("en", "Anchor on payback, not on the cheaper price of their current vendor's add-on."),
        ("de", "Den Fokus auf die Amortisation legen statt auf den günstigeren Preis des Wettbewerbers."),
        ("es", "Centrar la conversación en el retorno y no en el precio más bajo de la competencia."),
    ],
)
def test_another_sellers_lower_price_is_no_concession(lang: str, text: str) -> None:
    reasons = as_rationale(lang, text)
    assert not [r for r in reasons if "better terms" in r or "moves the price" in r], (text, reasons)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We will match the lower price of the incumbent's add-on."),
        ("en", "We can offer a lower price than the competitor."),
        ("en", "Offer a lower price to beat the incumbent."),
        ("en", "Lower the price to the competitor's level."),
        ("en", "Our lower price beats the incumbent's add-on."),
        ("de", "Wir unterbieten den günstigeren Preis des Wettbewerbers."),
        ("es", "Igualamos el precio más bajo de la competencia."),
        ("fr", "Nous alignons notre prix sur le prix plus bas du concurrent."),
    ],
)
def test_our_price_set_against_another_sellers_is_still_refused(lang: str, text: str) -> None:
    assert as_rationale(lang, text), text
    assert as_body(lang, text), text


# kind 8: German compounds that name which terms ("Verlängerungskonditionen") are no special terms granted
@pytest.mark.parametrize(
    "text",
    [
        "Weitere Stakeholder einbinden: den IT-Administrator zu SSO und die Finanzleitung zu den Verlängerungskonditionen.",
        "Frau Schmidt möchte die Standardkonditionen vorab sehen.",
        "Die Lizenzkonditionen stehen im Angebot.",
        "Die Verlängerungskonditionen bespricht Herr Weber mit der Finanzleitung.",
        "Die Nutzungskonditionen stehen auf Seite 4.",
    ],
)
def test_a_compound_naming_which_terms_grants_none(text: str) -> None:
    assert as_rationale("de", text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Für Sie gelten unsere Sonderkonditionen.",
        "Sie bekommen die Vorzugskonditionen.",
        "Das ist die Chefkondition für Sie.",
        "Wir geben Ihnen bessere Vertragskonditionen.",
        "Wir bieten Ihnen günstigere Verlängerungskonditionen an.",
        "Für Sie gelten Treuekonditionen.",
        "Sie erhalten exklusive Lizenzkonditionen.",
    ],
)
def test_special_or_better_terms_by_compound_are_still_refused(text: str) -> None:
    assert as_rationale("de", text), text
    assert as_body("de", text), text
