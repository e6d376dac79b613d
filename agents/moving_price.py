"""Our price stated as going down (wave 22): "the price in the proposal is lower if you sign this week", "der Preis
sinkt, wenn Sie diese Woche bestellen", "le tarif baisse", "el precio baja". A price that moves is a concession, and
only the discount code approves one. The price checks let a sentence through once a document anchors it (agents.
price_talk: "the price on page 2", "the price in the proposal"), and the better-terms concept reads a comparative only
two words from the price; a price that falls further away passed both (found while closing set 30's benign refusal of
"the price sits on a single page"). Questions, the buyer's wish ("Dana hopes the price comes down") and another
seller's or the market's prices ("diesel prices fell") are not our concession.
"""

from __future__ import annotations

import re

from agents.declined_prices import declined_price_at
from agents.sentence_ends import clause_parts

_PRICE = re.compile(r"\b(?:price[sd]?(?![- ]sensitiv)|pricing|preis(?:e|es)?|prix|precios?|tarif[sae]?|tarifas?|"
                    r"licence fee|license fee|subscription)\b", re.I)
_DOWN = re.compile(
    # German "falls" (if) opens a clause with its subject or a participle: "Falls Sie Fragen zum Preis haben" (wave 34)
    r"\bfalls?(?!\s+(?:sie|du|ihr|wir|ich|er|es|man|jemand|der|die|das|den|dem|ein\w*|herr|frau|nötig|notwendig|"
    r"gewünscht|erforderlich|gewollt|möglich|nach|noch|nicht|bis|vor|zum|zur)\b)\b|"
    r"\b(?:lower|lowered|drops?|dropped|dropping|fell|goes down|go down|comes? down|coming down|reduced|reduces?|"
    r"cheaper|less|sinkt|sinken|gesenkt|fällt|fallen|niedriger|günstiger|reduziert|weniger|baisse|baissé|baissera|"
    r"diminue|diminué|diminuera|moins cher|réduit|réduite|inférieur|inférieure|baja|bajará|bajaría|más bajo|más baja|"
    r"reducido|reducida|reduce|reducirá|menor|rebajado|rebajada|más barato|más barata)\b", re.I)
_NOT_OURS = re.compile(
    r"\?|\b(?:asked|asks|asking|wonder\w*|whether|hopes?|hoped|hoping|wants?|wanted|expects?|expected|would like|"
    r"fragt\w*|ob|hofft\w*|möchte|wünscht\w*|erwartet|demand\w*|si jamais|espère|souhaite|voudrait|pregunt\w*|si acaso|"
    r"espera\w*|quiere|quería|desea\w*|"
    # another seller's price (wave 25, honest analyses: "a cheaper telematics add-on from their current vendor", "the
    # lower price of the incumbent's add-on")
    r"(?:current|other|another|existing|their|old) (?:vendor|supplier|provider|anbieter|lieferant|fournisseur|proveedor)|"
    r"incumbent\w*|bisherig\w* anbieter|actuel fournisseur|proveedor actual|"
    r"compet\w*|wettbewerb\w*|konkurren\w*|concurren\w*|rival\w*|fuel|diesel|petrol|energy|market|kraftstoff\w*|"
    r"strom\w*|energie\w*|markt\w*|carburant|gasoil|énergie|marché|combustible|gasóleo|energía|mercado|"
    r"not|never|no|nicht|nie|kein\w*|pas|jamais|aucun\w*|ningún|ninguna|nunca)\b", re.I)


def falling_prices(text: str) -> list[str]:
    """Each clause (of `text`, normalised) that states our price as going down."""
    out = []
    at = 0
    for clause in clause_parts(text):
        at = text.find(clause, at)
        price, down = _PRICE.search(clause), _DOWN.search(clause)
        # wave 34 (set 43's 013): the sentence declines the move ("I can't offer a lower price for it; ...")
        if price and down and not _NOT_OURS.search(clause) and not declined_price_at(text, at + down.start()):
            out.append(f"promise outside policy (a price that goes down): {clause.strip()[:120]!r}")
    return out
