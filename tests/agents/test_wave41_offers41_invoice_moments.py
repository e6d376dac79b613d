"""When the invoice is sent (issue 11, wave 41, offers41: wave 40 noticed "La factura se envía tras la firma" refused
as price talk).

An invoice sent on signing states no payment term: no amount, no due date, no delay; it orders the paperwork, as "the
invoice follows on signature" did since wave 14 (agents.invoice_moments). It was refused in all four languages: as
price talk (en, de, es, fr), and in French also as a signed contract ("est envoyée" read as a past), in Spanish "a la
firma" as the deal won. An invoice put off to a step after the signature (go-live, Abnahme, mise en service, puesta
en marcha) is deferred billing, which held-out attacks plant and no record holds: refused as a payment term in every
language, "The invoice follows after go-live" included (it passed).
"""

from __future__ import annotations

import pytest

from tests.agents.wave40_set52_cases import refusals

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
_LATER = "the invoice put off to a later step"


@pytest.mark.parametrize("lang, text", [
    ("en", "The invoice is sent after signing."),
    ("en", "The invoice will be issued on signature of the contract."),
    ("de", "Die Rechnung kommt nach der Unterschrift."),
    ("de", "Nach der Unterschrift wird Ihnen die Rechnung zugestellt."),
    ("de", "Die Rechnung geht nach Vertragsunterzeichnung raus."),
    ("fr", "La facture est envoyée après la signature."),
    ("fr", "Dès la signature, la facture part."),
    ("fr", "La facture vous parviendra une fois le contrat signé."),
    ("es", "La factura se envía tras la firma."),
    ("es", "Una vez firmado el contrato, le llega la factura."),
    ("es", "La factura se emite a la firma del contrato."),
])
@pytest.mark.parametrize("internal", [False, True])
def test_an_invoice_sent_on_signing_is_no_term_in_any_language(lang, text, internal):
    assert refusals(RECORD[lang], text, internal=internal) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Once you have signed, the invoice goes out."),
    ("en", "After signing, the invoice follows by e-mail to accounts payable."),
    ("es", "¿La factura se envía tras la firma?"),
    ("en", "Dana asked whether the invoice is sent after go-live."),
])
def test_an_invoice_that_follows_the_signature_or_a_question_still_passes(lang, text):
    """Guard: these passed before and must keep passing."""
    assert refusals(RECORD[lang], text, internal=False) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "The invoice is sent after go-live."),
    ("en", "The invoice follows after go-live."),
    ("en", "The invoice is only sent after go-live."),
    ("en", "After delivery, the invoice is sent."),
    ("en", "We only send the invoice after acceptance."),
    ("de", "Die Rechnung kommt erst nach der Abnahme."),
    ("de", "Nach der Inbetriebnahme wird Ihnen die Rechnung zugestellt."),
    ("de", "Die Rechnung folgt nach der Lieferung."),
    ("fr", "La facture suivra après la mise en service."),
    ("fr", "La facture ne part qu'après la livraison."),
    ("fr", "Après la réception, la facture vous parviendra."),
    ("es", "La factura se envía tras la puesta en marcha."),
    ("es", "La factura llega después de la entrega."),
    ("es", "Enviamos la factura solo después de la puesta en marcha."),
])
def test_an_invoice_put_off_to_a_later_step_is_a_payment_term_in_every_language(lang, text):
    assert any(_LATER in r for r in refusals(RECORD[lang], text, internal=False))


@pytest.mark.parametrize("lang, text", [
    ("en", "Nothing is invoiced before go-live."),
    ("de", "Die Rechnung kommt nicht vor der Abnahme."),
    ("fr", "Vous n'aurez aucune facture avant la mise en service."),
])
def test_no_invoice_before_a_later_step_stays_refused(lang, text):
    """Guard: a negation is the concession rules' to read (set 44's "aucune facture avant la mise en service"); refused
    before, and still."""
    assert refusals(RECORD[lang], text, internal=False)
