"""Who a contract names, not what it costs: the contracting party, the billing contact, the invoice address ("Northwind
Logistics is named as the contracting party, with Marcus as billing contact", "Rechnungsempfänger ist die Müller
Logistik GmbH", "le contact de facturation est Tom", "la dirección de facturación es la de la sede"). The money word
in the role's name ("billing", "facturation", "facturación") states no price.

Found on set 45's 118 (wave 36): the sentence was refused as price talk for "billing contact". The reason read "Name
Name is named as the contracting party, with Name as billing contact": the price check reads the sentence after the
record's names are taken out (agents.vouched.without_vouched turns each capitalised word of a name on the record into
"Name", so the company's two words became "Name Name"); the names were never the problem, the role was. Only the role's
words are blanked, and only once every anchor of the price check has read the sentence whole, so an invoice routed to
the role still counts as routed and the rest of the sentence is still read: "the billing contact gets the fee waived"
keeps "fee".
"""

from __future__ import annotations

import re

_ROLE = re.compile(
    r"\b(?:(?:billing|invoicing|invoice)\s+(?:contacts?|address(?:es)?|entity|entities|party|"
    r"recipient|details|e-?mail|mailbox|department|team|owner)|(?:contact|address|entity|recipient)\s+for\s+"
    r"(?:billing|invoices|invoicing)|"
    r"rechnungs(?:empfänger\w*|adresse\w*|anschrift\w*|kontakt\w*|stelle\w*)|(?:ansprechpartner\w*|kontakt)\s+für\s+"
    r"(?:die\s+)?(?:rechnung\w*|abrechnung\w*)|"
    r"(?:contacts?|adresses?|entités?|service|destinataires?|interlocut\w+|responsables?)\s+(?:de\s+)?"
    r"(?:la\s+)?facturation|"
    r"(?:contactos?|direcci[oó]n(?:es)?|entidad(?:es)?|departamento|destinatari[oa]s?|responsables?)\s+de\s+"
    r"(?:la\s+)?facturaci[oó]n)\b", re.I)
"""The name of a role or an address that bills are sent to, in English, German, French and Spanish."""


def billing_roles_out(sentence: str) -> str:
    """`sentence` with each billing role's or address's words blanked (same length)."""
    return _ROLE.sub(lambda m: " " * len(m.group(0)), sentence)
