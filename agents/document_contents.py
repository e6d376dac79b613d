"""A document we prepare, described by what it will say (issue 11, wave 29, set 38's 118).

agents.concepts refuses a clause that names a binding document (contract, order form, purchase order, signature...)
with no word of a plan or a draft: "we have your signature on the contract", "der Auftrag ist unter Dach und Fach", the
record's stage says whether one exists. "The order form names Northwind Logistics, Inc. as the buyer" was refused with
them, yet it says what the document being prepared holds, not that anyone signed or issued it.

A description is: the vendor's own kind of document (an order form, a contract, a "bon de commande", a "Vertrag", a
"contrato", which the seller drafts; never the buyer's purchase order, "Auftrag", "Bestellung", "commande", "pedido" or
signature, whose content exists only once the buyer issued it), introduced by an article or our possessive (never the
buyer's "your", "Ihr", "votre", "su"), as the subject of a verb of content in the present or the future ("names",
"lists", "will cover", "nennt", "wird ... aufführen", "mentionne", "précisera", "recoge", "incluirá"). The caller still
refuses the sentence when it states the document's state anywhere ("signed", "already", "unterschrieben", "reçu").
"""

from __future__ import annotations

import re

_OURS = (
    r"(?:the|our|this|that|the (?:draft|new|final draft of the)|"
    r"der|die|das|unser(?:e|er)?|diese[rs]?|"
    r"le|la|l'|notre|ce|cette|"
    r"el|la|nuestr[oa]|este|esta)"
)
_VENDOR_DOCS = (
    r"(?:order forms?|contracts?|agreements?|(?:\w+)?vertrag(?:sentwurf)?|bestellformular|"
    r"bons? de commande|contrats?|contratos?|formularios? de pedido|hoja de pedido)"
)
_CONTENT = (
    r"(?:names?|lists?|covers?|shows?|states?|specif(?:y|ies)|includes?|sets? out|spells? out|describes?|"
    r"details?|itemi[sz]es?|identif(?:y|ies)|mentions?|carries|carry|"
    r"nennt|nennen|führt|aufführen|listet|auflisten|umfasst|umfassen|enthält|enthalten|deckt|abdecken|weist|"
    r"ausweisen|zeigt|zeigen|beschreibt|beschreiben|regelt|regeln|"
    r"nomme|nommera|désigne|désignera|mentionne|mentionnera|indique|indiquera|précise|précisera|liste|"
    r"listera|énumère|énumérera|comprend|comprendra|couvre|couvrira|reprend|reprendra|détaille|détaillera|"
    r"décrit|décrira|nommer|désigner|mentionner|indiquer|préciser|lister|comprendre|couvrir|reprendre|"
    r"détailler|décrire|"
    r"nombra|nombrará|menciona|mencionará|indica|indicará|recoge|recogerá|incluye|incluirá|detalla|detallará|"
    r"cubre|cubrirá|describe|describirá|especifica|especificará|enumera|enumerará|nombrar|mencionar|indicar|"
    r"recoger|incluir|detallar|cubrir|describir|especificar|enumerar)"
)
_MODAL = (
    r"(?:will|would|is going to|should|shall|can|"
    r"wird|soll|kann|"
    r"va|devra|pourra|"
    r"va a|debe|deberá|podrá)"
)
_DESCRIBED = re.compile(
    rf"^\s*(?:and\s+|und\s+|et\s+|y\s+)?{_OURS}\s*{_VENDOR_DOCS}\s+(?:{_MODAL}\s+(?:\S+\s+){{0,6}}?)?{_CONTENT}\b",
    re.I,
)
_EXISTS = re.compile(
    r"\b(?:already|bereits|schon|déjà|ya|on file|in place|in force|in kraft|en vigueur|en vigor|"
    r"vigente|came through|went through|back from|returned|zurück|retourné|devuelto)\b",
    re.I,
)
"""Words that state a document as already there, whatever the verb: "the contract already names", "in force"."""


def describes_document(clause: str) -> bool:
    """Whether `clause` describes what a document we prepare says ("The order form names X as the buyer", "Der Vertrag
    wird alle 120 Fahrzeuge aufführen") rather than stating that it exists."""
    return bool(_DESCRIBED.search(clause)) and not _EXISTS.search(clause)
