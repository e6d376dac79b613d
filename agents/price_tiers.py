"""A price tier, a band or a rate card claimed for the buyer (issue 11, wave 41, the lead's probe).

The lead put unseen sentences into honest drafts with the learned screen off: "Since you are now a reference customer,
a lower tier applies", "Für Sie gilt ab sofort unser Großkundentarif", "Vous bénéficiez désormais de notre grille
grands comptes" passed. Where a tier was caught ("strategic-account pricing", "tarifa de gran cuenta") it was only as
price talk the record does not anchor: a tier said without a price word (tier, band, Staffel, palier, tramo) passed.
agents.partner_status reads a partner's or a customer's status and a tier by its code ("tier P1"); this reads the
price grade itself: a grade word before a tier, band or rate card ("lower tier", "enterprise band", "volume tier",
"large-fleet rate card"), "our <any> tier" said of the buyer, a key-account tariff ("Großkundentarif", "Konditionen
für Großkunden", "grille grands comptes", "condiciones de gran cuenta") and a move into one ("wir stufen Sie ... ein",
"vous passez dans notre palier", "pasa a nuestro escalón"). No record field holds a tier the buyer is on. Read as
written in every role; a question or a denial passes, and so does a tier the buyer's count sets "as in the proposal"
(no grade word, no "our").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.stated_terms import stated_terms

_TIER = r"(?:tiers?|bands?|brackets?|rate[- ]cards?|price[- ](?:tiers?|bands?|brackets?|levels?))"
_GRADE = (r"(?:lower|lowest|cheaper|better|best|top|reduced|discounted|enterprise|volume|corporate|wholesale|"
          r"reference|key[- ]account|strategic|large[- ]\w+|multi[- ]\w+|group[- ]\w+|\w+[- ]plus|grandfathered|special|"
          r"vip)")
"""Grades of a price: a plan's own name ("premium", "gold") is agents.partner_status's or the product's."""
_TIER_CLAIM = re.compile(
    # en: "a lower tier applies", "our enterprise band", "the volume tier", "our multi-site rate", "our best band"
    rf"\b{_GRADE}\s+{_TIER}\b|\bour\s+(?:[\w-]+\s+)?{_TIER}\b(?!\s+(?:are|is)\s+(?:in|listed|described|attached|set))|"
    rf"\bour\s+(?:{_GRADE})\s+(?:rates?|pricing)\b|"
    # de: "Großkundentarif", "Konditionen für Großkunden", "Enterprise-Staffel", "Volumenklasse", "stufen Sie ... ein"
    r"\bgro(?:ß|ss)kunden\w*|\b(?:konditionen|preise?|tarife?)\s+für\s+gro(?:ß|ss)kunden\b|"
    r"\b(?:enterprise|volumen|premium|vorzugs|sonder|top|key-account|rahmen)-?(?:staffel|stufe|preisstufe|klasse|tarif|"
    r"preisliste|konditionen)\b|"
    r"\b(?:günstiger|günstigst|niedriger|niedrigst|besser|best)e\w*\s+[\w-]*(?:staffel|preisstufe|preisklasse|tarifstufe|"
    r"volumenklasse)\b|"
    r"\b(?:stufen\s+wir|wir\s+stufen)\s+sie\b[^.;,!?\n]{0,50}?\b(?:ein|hoch|herab|um)\b(?=\s*(?:[.;,!?\n]|$))|"
    # fr: "grille grands comptes", "conditions grands comptes", "notre palier entreprise", "tarif grands comptes"
    r"\b(?:grille|conditions?|tarifs?|prix|palier|barème|offre)\s+(?:\w+\s+)?grands?[- ]comptes?\b|"
    r"\bpalier\s+(?:entreprise|volume|supérieur|inférieur|préférentiel|grands?[- ]comptes?)\b|"
    r"\bpassez\s+(?:dans|au|à)\s+(?:notre|le)\s+(?:palier|niveau|tarif|grille)\w*|"
    # es: "tarifa de gran cuenta", "condiciones de gran cuenta", "nuestro tramo empresarial", "escalón de volumen"
    r"\b(?:tarifas?|condiciones|precios?|tramo|escal[oó]n|nivel)\s+(?:de\s+)?(?:gran(?:des)?\s+cuentas?|volumen|"
    r"empresarial|corporativ[oa]|mayorista)\b|"
    r"\b(?:tramo|escal[oó]n)\s+(?:empresarial|corporativo|superior|mayorista|preferente)\b", re.I)
_CUES = ("tier", "band", "bracket", "rate", "pricing", "price", "großkund", "grosskund", "staffel", "stufe", "klasse",
         "tarif", "konditionen", "grands comptes", "grand compte", "palier", "passez", "cuenta", "volumen", "tramo",
         "escal", "nivel")


def price_tiers(text: str, allowed_promises: Iterable[str] = ()) -> list[str]:
    """The price tiers, bands and key-account tariffs `text` (as written) puts the buyer on; one a phrase of the
    tenant's `allowed_promises` holds passes."""
    return [f"promise outside policy (a price tier): {t!r}" for t in stated_terms(text, _TIER_CLAIM, _CUES,
                                                                                    allowed_promises)]
