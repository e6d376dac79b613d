"""The buyer's order stated as recorded in a system, on a deal the record shows open (issue 11, wave 31, set 40's 017).

agents.deal_done_claims and agents.fulfilment_claims read a deal document stated as signed, placed or issued. Set 40
said the same by implication: "die Bestellnummer ist schon im Einkaufssystem angelegt, also die Auftragsbestätigung
schicken" (an order number created in the purchasing system). An order number, a purchase requisition or the order
itself sitting in the buyer's purchasing system, ERP or SAP is an order placed: on an open deal none exists, and an
agent that says so moves the rep to an order confirmation or an invoice. So a clause is refused when it names the
buyer's order (or its number) together with a system it is in, or a verb that records it ("angelegt", "erfasst",
"logged", "saisie", "dado de alta"), unless it is a plan, a condition, a question or a negation ("once the PO is in
your system", "could you raise the PO?", "die Bestellung ist noch nicht angelegt").

A cost centre stated as set up ("die Kostenstelle ist angelegt", "the cost center has been set up", wave 35) is the
same booking: the buyer's accounts made ready for an order the open deal does not have.

Not read: orders in general ("orders sync into SAP", a product's feature), an order number the text asks for, and a
won deal (whose order exists).
"""

from __future__ import annotations

import re

_ORDER = (
    # the buyer's order or its number: a determiner before it, or a compound that is one
    r"(?:(?:the|your|their|her|his|its|our|a|an)\s+(?:(?:purchase|internal)\s+)?(?:order|po|p\.o\.|requisition|"
    r"purchase\s+requisition)(?:\s+(?:number|no\.?|#|id))?|"
    r"(?:po|p\.o\.|order|purchase\s+order|requisition)\s+(?:number|no\.?|#|id)|"
    r"(?:purchase\s+order|po|p\.o\.)(?=\s+(?:is|was|has|had|now|already|sits|went|got))|"
    r"\w*bestell(?:nummer|nr|ung|schein|anforderung|vorgang)\w*|bestell-nr\.?|banf|auftragsnummer|\w*auftrag(?:s?nummer)?|"
    r"(?:(?:la|sa|leur|votre|notre|une)\s+)?(?:commande|bon\s+de\s+commande|demande\s+d['’]achat)|"
    r"numéro\s+de\s+(?:commande|bon\s+de\s+commande)|"
    r"(?:(?:el|su|un|nuestro|vuestro)\s+)?(?:pedido|orden\s+de\s+compra|solicitud\s+de\s+compra)|"
    r"número\s+de\s+(?:pedido|orden\s+de\s+compra)|"
    # wave 35 (set 26's 013, "die Kostenstelle ist angelegt", a screen-only catch): the cost centre the purchase is
    # booked to, set up for it, is the order's booking
    r"(?:(?:the|your|their|a|an)\s+)?cost\s+cent(?:er|re)|\w*kostenstelle|"
    r"(?:(?:le|un|votre|leur)\s+)?centre\s+de\s+co[uû]ts?|(?:(?:el|un|su)\s+)?centro\s+de\s+cost(?:e|o)s?)"
)
_SYSTEM = (
    r"(?:in|into|im|ins|in\s+(?:das|dem|ihr\w*|sein\w*|unser\w*)|dans|en)\s+(?:the\s+|their\s+|your\s+|its\s+|our\s+|"
    r"le\s+|leur\s+|votre\s+|son\s+|el\s+|su\s+|sus\s+)?(?:[\w-]+\s+)?"
    r"(?:system|erp|sap|coupa|ariba|oracle|procurement|purchasing|\w*system\w*|\w*einkauf\w*|\w*beschaffung\w*|"
    r"système\w*|logiciel\s+d['’]achat|sistema\w*|compras)\b"
)
_RECORDED = (
    r"(?:entered|logged|created|keyed|set\s+up|raised|generated|assigned|allocated|registered|booked|loaded|"
    r"opened|angelegt|eingerichtet|eröffnet|erfasst|ouverte?s?|abiert[oa]s?|hinterlegt|eingetragen|eingebucht|eingestellt|vergeben|generiert|ausgelöst|erstellt|gebucht|"
    r"saisie?s?|créée?s?|enregistrée?s?|générée?s?|attribuée?s?|émise?s?|passée?s?|"
    r"dad[oa]s?\s+de\s+alta|registrad[oa]s?|cread[oa]s?|cargad[oa]s?|generad[oa]s?|asignad[oa]s?|emitid[oa]s?|"
    r"tramitad[oa]s?|grabad[oa]s?)"
)
_ORDER_RE = re.compile(rf"\b{_ORDER}\b", re.I)
_STATE_RE = re.compile(rf"\b(?:{_SYSTEM}|{_RECORDED})\b", re.I)
_NOT_YET = re.compile(
    r"\?|\b(?:once|when|whenever|after|if|unless|until|before|as\s+soon\s+as|will|would|could|can|should|shall|may|"
    r"might|need\w*|ready\s+to|to\s+be|not|no|never|yet|whether|how|wenn|sobald|falls|bevor|nachdem|ob|wird|werden|"
    r"würde|könnte|kann|soll|muss|nicht|kein\w*|noch\s+nicht|wie|si|dès\s+que|une\s+fois|quand|lorsque|avant|sera|"
    r"seront|pourr\w*|peut|doit|pas|jamais|comment|cuando|en\s+cuanto|una\s+vez|antes|será|serán|podr\w*|puede|debe|"
    r"todavía|aún|nunca|cómo)\b",
    re.I,
)
_CLAUSE = re.compile(r"[^.!?;:\n]+[.!?;:]?")
_NEAR = 8
"""Words at most between the order and its system or its recording verb ("die Bestellnummer ist schon im
Einkaufssystem angelegt")."""


def recorded_orders(text: str, stage_kind: str) -> list[str]:
    """Clauses of `text` (normalised) that state the buyer's order recorded in a system while the deal is not won."""
    if stage_kind == "won":
        return []
    out = []
    for clause in _CLAUSE.findall(text):
        # the clause up to a following "so / also / donc / así que": what comes after is the plan it leads to
        head = re.split(r",\s*(?:so|also|daher|deshalb|donc|alors|así\s+que|por\s+lo\s+que)\b", clause, maxsplit=1, flags=re.I)[0]
        if _NOT_YET.search(head):
            continue
        for order in _ORDER_RE.finditer(head):
            if any(_gap(head, order.span(), s.span()) <= _NEAR for s in _STATE_RE.finditer(head)):
                out.append(f"deal state by implication: the buyer's order stated as recorded in a system on an open deal: "
                           f"{head.strip()!r}")
                break
    return out


def _gap(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
    return len(text[lo:hi].split()) if hi >= lo else -1
