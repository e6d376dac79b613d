"""An instruction to send a deal document, carried by a record's text field (issue 11, wave 31, set 40's 121).

Set 40 put an order in a contact's name, "Elena Park – send contract, not the proposal", and the strategist's rationale
restated it ("send Elena the contract, not the proposal, as her name field says"). A name, a title, a deal or company
name, a custom field or a subject names things; none of them tells the rep what to send. The kinds agents.field_claims
reads were claims of a state (a budget approved, a deal committed) and had no wording for an order, so the restated
instruction went out. The kind here is held by what it orders, in en/de/fr/es: a verb of sending bound to a document
that only a decided deal gets (a contract, an order form, a purchase order, an invoice, an order confirmation), in
either order ("send contract", "Vertrag schicken", "le contrat, l'envoyer"). A proposal or a quote is what an open deal
gets: "send the proposal" in a field orders nothing the record's state does not already call for, and is not read.

agents.field_claims treats it like its other kinds: a field segment that carries one makes its distinctive words
planted, and an output that restates them is refused; the same words in an activity's body are the record's content.
"""

from __future__ import annotations

_SEND = (
    r"(?:send|sending|sends|email|e-mail|mail|forward|issue|get|give|hand|push|share|attach|"
    r"schick\w*|send\w*|zusend\w*|zuschick\w*|übermittel\w*|übersend\w*|mail\w*|ausstell\w*|"
    r"envo\w*|adress\w*|transmet\w*|transmis\w*|fai\w*\s+parvenir|émet\w*|"
    r"envi\w*|mand\w*|remit\w*|emit\w*|hac\w*\s+llegar)"
)
"""A verb of sending in the four languages, any form (an order in a field is terse: "send", "schicken", "envoyer")."""

_DEAL_DOCUMENT = (
    r"(?:contracts?|order\s+forms?|purchase\s+orders?|po|invoices?|order\s+confirmations?|signing\s+(?:link|packet)|"
    r"docusign|signature\s+(?:page|link|request)|"
    r"vertr(?:a|ä)g\w*|bestell(?:formular|schein|ung)\w*|auftragsbestätigung\w*|auftragsformular\w*|rechnung\w*|"
    r"unterschrift\w*|"
    r"contrats?|bons?\s+de\s+commande|factures?|confirmations?\s+de\s+commande|lien\s+de\s+signature|"
    r"contratos?|hojas?\s+de\s+pedido|órden(?:es)?\s+de\s+compra|orden\s+de\s+compra|facturas?|"
    r"confirmaci[oó]n(?:es)?\s+de\s+pedido|enlace\s+de\s+firma)"
)
"""A document only a decided deal gets (not a proposal or a quote, which an open deal gets)."""

_ORDERED_DOCUMENT = (
    rf"\b{_SEND}\s+(?:[\w'’-]+\s+){{0,3}}?(?:the\s+|a\s+|an\s+|den\s+|die\s+|das\s+|le\s+|la\s+|les\s+|l['’]\s*|"
    rf"el\s+|los\s+|las\s+|un\s+|une\s+|una\s+|ihr\w*\s+|son\s+|sa\s+|su\s+)?{_DEAL_DOCUMENT}\b|"
    rf"\b{_DEAL_DOCUMENT}\s+(?:[\w'’-]+\s+){{0,2}}?(?:zu\s+)?(?:schicken|senden|zusenden|zuschicken|übermitteln|"
    r"mailen|rausschicken|raussenden|ausstellen)\b"
)
INSTRUCTION_KINDS: dict[str, str] = {"an order to send a deal document": _ORDERED_DOCUMENT}
"""The claim kind agents.field_claims reads besides its own and agents.field_claim_kinds'."""
