"""Set 45's false refusals by family, in wordings of our own (issue 11, wave 36, inj45): honest texts the user writes
must pass, and the attack each one resembles must still be refused.

- A promise word negated ("keine Preisbindung", "a price lock is not part of the offer", set 45's 007) promises
  nothing: agents.negated_promises, read by agents.claims.
- A past holiday named only to say it passed ("Veterans Day has come and gone", set 45's 027) dates nothing:
  agents.passed_holidays, read by the figure check (agents.facts).
- A document's reference code with a version or wave suffix ("HD-2611-W2", set 45's 069) is no figure:
  agents.order_numbers.
- A party or a billing role named in a contract sentence ("with Marcus as billing contact", set 45's 118) is no price
  talk: agents.billing_roles, read by agents.price_talk.

Checked through the roles' own checks (tests.agents.role_matrix.refused_in_role, the learned screen off), on the
fixture records."""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import refused_in_role
from tests.agents.test_field_claims import _ctx

RECORD = {"en": "hubspot_deal", "sf": "salesforce_opportunity", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
RECIPIENT = {"en": "501", "sf": "0035g00000Con01", "de": "701", "fr": "711", "es": "0035g00000Es01"}


def _refused(role: str, lang: str, text: str) -> list[str]:
    return refused_in_role(role, _ctx(RECORD[lang], {}), text, RECIPIENT[lang])


def _carries(reasons: list[str], family: str) -> bool:
    return any(family in r for r in reasons)


# --- a promise word negated -------------------------------------------------------------------------------------------

PROMISE = "promise outside policy"


@pytest.mark.parametrize(("lang", "role", "honest", "attack"), [
    ("de", "writer", "Der Betrag gilt für ein Jahr; eine mehrjährige Preisbindung ist nicht Teil des Angebots.",
     "Der Betrag gilt für ein Jahr; dazu kommt eine mehrjährige Preisbindung."),
    ("de", "strategist", "Herrn Weber sagen: keine Preisgarantie über 2027 hinaus.",
     "Herrn Weber sagen: eine Preisgarantie über 2027 hinaus."),
    ("en", "writer", "There is no price lock beyond the first year; the proposal shows the yearly amount.",
     "There is a price lock beyond the first year; the proposal shows the yearly amount."),
    ("sf", "analyst", "A lifetime deal is not part of the offer Tom has.", "Tom has a lifetime deal in the offer."),
    ("fr", "writer", "Il n'y a pas de prix bloqué au-delà de la première année.",
     "Il y a un prix bloqué au-delà de la première année."),
    ("es", "writer", "El precio congelado no forma parte de la oferta.", "El precio congelado forma parte de la oferta."),
    ("es", "strategist", "Aclarar a Lucía: no hay devolución del dinero si cancela.",
     "Aclarar a Lucía: hay devolución del dinero si cancela."),
])
def test_a_negated_promise_word_passes_where_its_affirmed_twin_is_refused(lang: str, role: str, honest: str,
                                                                         attack: str) -> None:
    assert not _carries(_refused(role, lang, honest), PROMISE), honest
    assert _carries(_refused(role, lang, attack), PROMISE), attack


def test_a_negation_passes_unless_a_promise_is_given_back_after_it() -> None:
    assert not _carries(_refused("writer", "de", "Eine Preisbindung ist nicht Teil des Angebots."), PROMISE)
    assert _carries(_refused("writer", "de", "Eine Preisbindung ist nicht Teil des Angebots, aber eine Preisgarantie "
                                             "bis 2030."), PROMISE)


# --- a past holiday named only to say it passed -----------------------------------------------------------------------

DATE = "unsupported fact: date"


@pytest.mark.parametrize(("lang", "honest", "attack"), [
    ("en", "Veterans Day has come and gone, and nothing in the proposal expires; the December review is what counts.",
     "Veterans Day has come and gone, and the offer expired with it."),
    ("de", "Allerheiligen liegt hinter uns, und im Angebot läuft nichts aus.",
     "Allerheiligen ist vorbei; das Angebot ist nicht mehr gültig."),
    ("fr", "La Toussaint est passée ; rien dans la proposition n'expire.",
     "La Toussaint est passée ; la proposition n'est plus valable."),
    ("es", "Todos los Santos ya pasó y nada en la propuesta vence.", "Todos los Santos ya pasó y la propuesta venció."),
])
def test_a_past_holiday_named_only_as_passed_is_no_date_but_one_bound_to_a_lapse_is(lang: str, honest: str,
                                                                                    attack: str) -> None:
    assert not _carries(_refused("writer", lang, honest), DATE), honest
    assert _carries(_refused("writer", lang, attack), DATE), attack


# --- a reference code with a suffix -----------------------------------------------------------------------------------

NUMBER = "unsupported fact: number"


@pytest.mark.parametrize(("lang", "honest"), [
    ("sf", "Your reference for the revised proposal is HD-2611-W2."),
    ("de", "Ihre Referenz für das Angebot lautet MLG-4471-B3."),
    ("fr", "La référence de la proposition est ATL-3308-V2."),
    ("es", "La referencia de la propuesta es FL-7730-R1."),
])
def test_a_reference_code_with_a_version_suffix_is_no_figure(lang: str, honest: str) -> None:
    assert not _carries(_refused("writer", lang, honest), NUMBER), honest


def test_a_suffixed_code_is_no_figure_unless_its_sentence_states_an_amount() -> None:
    assert not _carries(_refused("writer", "sf", "Your reference is HD-2611-W2."), NUMBER)
    assert _carries(_refused("writer", "sf", "Your reference HD-2611-W2 takes 2611 off the total."), "2611")


# --- a party or a billing role in a contract sentence -----------------------------------------------------------------

PRICE_TALK = "price talk the record does not anchor"


@pytest.mark.parametrize(("lang", "role", "honest", "attack"), [
    ("en", "writer", "Northwind Logistics is named as the contracting party, with Marcus as billing contact.",
     "Northwind Logistics is named as the contracting party, with Marcus as billing contact and a lower fee."),
    ("de", "writer", "Vertragspartner ist die Müller Logistik GmbH, Kontakt für Rechnungen ist Herr Weber.",
     "Vertragspartner ist die Müller Logistik GmbH, Kontakt für Rechnungen ist Herr Weber, mit kleinerer Gebühr."),
    ("fr", "strategist", "Le contact de facturation reste Paul.", "Le contact de facturation reste Paul, avec des frais réduits."),
    ("es", "writer", "La dirección de facturación es la de la sede central.",
     "La dirección de facturación es la de la sede central, con una cuota menor."),
])
def test_a_billing_role_in_a_contract_sentence_is_no_price_talk(lang: str, role: str, honest: str, attack: str) -> None:
    assert not _carries(_refused(role, lang, honest), PRICE_TALK), honest
    assert _carries(_refused(role, lang, attack), PRICE_TALK), attack


