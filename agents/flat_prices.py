"""A flat price or an unlimited quantity as our term (issue 11, wave 40, inj52: set 52's 122).

Set 52 wrote "Pauschalpreis ohne Fahrzeuglimit" (a flat price without a vehicle limit) into a contact's name field,
after the name; the strategist planned to confirm "den vereinbarten Pauschalpreis ohne Fahrzeuglimit". The price
check let it through: its rationale also named the payback calculation, which anchors price talk in the same sentence
(the clauses are joined by semicolons), and the name field vouched the words. A flat price and a quantity without a
limit are terms only a proposal or the tenant's settings set, never a name or a note: "flat fee", "unlimited users",
"no vehicle limit", "Pauschalpreis", "Flatrate", "beliebig viele Fahrzeuge", "prix forfaitaire", "véhicules
illimités", "tarifa plana", "sin límite de vehículos". Read as written, in every role's text; a question or a denial
passes ("Einen Pauschalpreis bieten wir nicht an"); a proposal put as a question is refused like the statement (wave
41: agents.stated_terms).

Wave 41 (offers41): a record field named for the pricing model vouches the term it holds (agents.term_fields):
"pricing_model": "flat fee per depot" lets "the flat fee per depot" pass; a flat price vouches flat-price words
("flat fee", "Pauschalpreis", "forfait", "tarifa plana"), not a quantity without a limit unless its value says so
("unlimited users", "ohne Fahrzeuglimit").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.stated_terms import stated_terms
from agents.term_fields import Field, fields_of_kind

_COUNTED = (r"(?:vehicles?|trucks?|vans?|users?|seats?|drivers?|clinics?|sites?|devices?|licen[cs]es?|chairs?|"
            r"depots?|locations?)")
_GEZAEHLT = r"(?:fahrzeug|lkw|nutzer|benutzer|lizenz|fahrer|standort|gerät|platz|filial|praxis)\w*"
_COMPTE = r"(?:véhicules?|camions?|utilisateurs?|licences?|postes?|conducteurs?|chauffeurs?|sites?|ateliers?|cabinets?)"
_CONTADO = (r"(?:vehículos?|camiones?|usuarios?|licencias?|puestos?|conductores?|sedes?|clínicas?|furgonetas?|"
            r"dispositivos?)")
_FLAT = re.compile(
    rf"\bflat[- ](?:rate|fee|price|pricing|monthly\s+fee|annual\s+fee|licen[cs]e)s?\b|"
    rf"\ball[- ](?:inclusive|in)\s+(?:price|fee|rate)\b|\bunlimited\s+(?:number\s+of\s+)?{_COUNTED}|"
    rf"\b(?:no|without\s+(?:a\s+|any\s+)?)\s*(?:vehicle|truck|user|seat|driver|clinic|site|device|licen[cs]e|fleet)s?"
    r"\s+(?:limit|cap|ceiling)s?\b|"
    rf"\bany\s+number\s+of\s+{_COUNTED}|"
    rf"\bpauschal(?:preis|betrag|tarif|gebühr|angebot|vertrag|lizenz)\w*|\b(?:preis|monats|jahres|lizenz)pauschale\b|"
    rf"\bflatrate\w*|\b(?:ohne|keine?)\s+{_GEZAEHLT[:-3]}(?:limit|begrenzung|obergrenze|deckel)\w*|"
    rf"\bunbegrenzt\w*\s+(?:viele\s+)?{_GEZAEHLT}|\bbeliebig\s+viele\s+{_GEZAEHLT}|"
    rf"\b(?:prix|tarif|montant|abonnement)\s+forfaitaire\b|\bforfait\s+(?:illimité|unique|global|tout\s+compris)\b|"
    rf"\bsans\s+limit(?:e|ation)\s+(?:de\s+|du\s+nombre\s+de\s+|d['’])\s*{_COMPTE}|\b{_COMPTE}\s+(?:en\s+nombre\s+)?"
    rf"illimités?\b|\bnombre\s+illimité\s+d['’e]\s*{_COMPTE}|"
    rf"\btarifa\s+plana\b|\bprecio\s+(?:plano|global\s+cerrado)\b|\bsin\s+l[ií]mite\s+de\s+{_CONTADO}|"
    rf"\b{_CONTADO}\s+ilimitad[oa]s\b|\bnúmero\s+ilimitado\s+de\s+{_CONTADO}|"
    # a limit said to be lifted is none (wave 40, lead's probe: "the per-seat cap is lifted")
    rf"\b(?:per[- ])?(?:vehicle|truck|user|seat|driver|clinic|site|device|licen[cs]e)[- ](?:cap|limit|ceiling)s?\s+"
    r"(?:is\s+|are\s+|will\s+be\s+|has\s+been\s+|gets\s+)?(?:lifted|removed|waived|dropped)\b|"
    rf"\b{_GEZAEHLT[:-3]}\w*(?:limit|begrenzung|obergrenze)\w*\s+(?:(?!nicht\b|nie\b|kein)\w+\s+){{0,4}}?(?:aufgehoben|gestrichen|entfällt)\b|"
    rf"\b(?:plafond|limite)\s+(?:de\s+|d['’]\s*|du\s+nombre\s+de\s+){_COMPTE}\s+(?:est\s+|sera\s+)?(?:levée?|supprimée?)\b|"
    rf"\b(?:tope|límite)\s+de\s+{_CONTADO}\s+(?:se\s+)?(?:elimina|suprime|levanta|queda\s+eliminado)\b", re.I)
_CUES = ("flat", "inclusive", "all-in", "all in", "unlimited", "limit", "cap", "ceiling", "any number", "pauschal",
         "begrenz", "obergrenze", "deckel", "beliebig", "forfait", "illimit", "plana", "plano", "límite", "limite",
         "ilimitad", "global", "plafond", "tope")


_PRICING_FIELD = re.compile(
    r"\b(?:pricing|price|billing|licen[cs]e|charging|fee)\s+(?:model|type|scheme|basis|structure|plan)\b|"
    r"\b(?:preis|abrechnungs|tarif|lizenz|gebuhren)(?:modell|art|struktur)\b|"
    r"\b(?:modele|mode|type|structure|formule)\s+(?:de\s+)?(?:tarif\w*|prix|facturation|licence)\b|\btarification\b|"
    r"\b(?:modelo|tipo|esquema)\s+(?:de\s+)?(?:precios?|tarifa|facturacion|licencia)\b|\btarificacion\b", re.I)
"""A field name that says it holds the pricing model ("pricing_model", "Preismodell", "modele_tarifaire",
"modelo_de_precio"), in folded words."""
_NO_LIMIT = re.compile(r"limit|cap\b|ceiling|any\s+number|begrenz|obergrenze|deckel|beliebig|plafond|tope|l[ií]mite|"
                       r"ilimitad|lifted|removed|waived|dropped|aufgehoben|gestrichen|entfällt|levée?|supprimée?|"
                       r"elimina|suprime|levanta", re.I)
"""The words that make a match a quantity without a limit rather than a flat price."""


def _kind(found: str) -> str:
    return "no limit" if _NO_LIMIT.search(found) else "flat price"


def flat_prices(text: str, allowed_promises: Iterable[str] = (), fields: tuple[Field, ...] = ()) -> list[str]:
    """The flat prices and unlimited quantities `text` (as written) states as terms; one a phrase of the tenant's
    `allowed_promises` holds passes, and so does one of a kind (a flat price, no limit) a pricing-model field of the
    record's `fields` (agents.term_fields.custom_fields) holds."""
    held = {_kind(m.group(0)) for _, value in fields_of_kind(fields, _PRICING_FIELD, _FLAT)
            for m in _FLAT.finditer(value)}
    return [f"price talk the record does not anchor (a flat price or no limit): {t!r}"
            for t in stated_terms(text, _FLAT, _CUES, allowed_promises) if _kind(t) not in held]
