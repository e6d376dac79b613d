"""Scope the record does not hold, stated as what the offer includes or what the buyer asked for (issue 11, wave 27:
set 35's de-b4 "wie gewünscht enthält das Angebot auch die Anbindung an Ihr SAP-System", when nobody mentioned SAP).

agents.capability_claims reads a feature (alerts, monitoring, real time); this reads the other half of an offer's scope:
the work around the product, an integration, a data migration, training, hardware, on-site work, or a system of the
buyer's named by its brand ("SAP", "DATEV", "Oracle"). Either is refused in a sentence that says the offer includes it
("the proposal also covers", "das Angebot enthält", "la proposition inclut", "la propuesta incluye") or that the buyer
asked for it ("as you requested", "wie gewünscht", "comme convenu", "como nos pidió"), when the record (its notes, the
buyer's messages, what we sent, the deal's name) has none of the item's words. A question ("would an SAP connection
help?"), a condition or a negation ("it does not include training") states no scope.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.free_of_charge import masked
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.product_named import record_text
from agents.sentence_ends import sentence_parts

_SCOPE_CLAIM = re.compile(
    r"\b(?:includ\w*|cover(?:s|ed|ing)?|contains?|comes\s+with|(?:is|are)\s+part\s+of|add(?:ed)?\s+(?:in|to)|"
    r"as\s+(?:you\s+)?(?:requested|asked|agreed|discussed|wished)|as\s+per\s+your|you\s+(?:need|asked\s+for|requested)|"
    r"enthalt\w*|umfasst|beinhaltet|einschliesslich|inklusive|inkl|(?:wie|so\s+wie)\s+(?:\w+\s+){0,3}"
    r"(?:gewunscht|besprochen|vereinbart|angefragt|erbeten)|sie\s+(?:benotigen|brauchen)|"
    r"inclu\w*|compren\w*|couvr\w*|contien\w*|comme\s+(?:convenu|demande|souhaite|prevu|vous\s+l'avez\s+demande)|"
    r"vous\s+(?:avez\s+besoin|faut)|"
    r"cubr\w*|contempla\w*|como\s+(?:nos\s+|me\s+)?(?:pidio|solicito|acordamos|hablamos|comentamos)|necesita\w*)\b"
)
"""A sentence that states the offer's scope or the buyer's request (folded)."""

SCOPE_ITEM = re.compile(
    r"\b(?:integrat\w*|connect(?:or|ors|ion|ions)\b|interfaces?|api|migrat\w*|data\s+import|training|workshops?\s+on\s+site|"
    r"on-?site|hardware|install\w*|customi[sz]\w*|white-?label\w*|"
    r"(?:\w+)?anbindung\w*|(?:\w+)?schnittstelle\w*|integration\w*|migration\w*|datenubernahme|schulung\w*|vor\s+ort|"
    r"hardware|installation\w*|anpassung\w*|"
    r"integration\w*|connecteurs?|interfa(?:c|z)\w*|migration\w*|reprise\s+des\s+donnees|formation\w*|sur\s+site|"
    r"materiel|personnalisation\w*|"
    r"integracion\w*|conector\w*|migracion\w*|formacion\w*|capacitacion\w*|in\s+situ|presencial\w*|"
    r"personalizacion\w*)"
)
"""Work around the product that changes an offer's price and plan (folded)."""

_CONCEPTS = (
    (
        r"integrat",
        r"connect",
        r"interfa",
        r"\bapi\b",
        r"anbind",
        r"schnittstell",
        r"conector",
        r"integracion",
    ),
    (r"migrat", r"migracion", r"datenubernahme", r"data\s+import", r"reprise\s+des\s+donnees"),
    (r"training", r"schulung", r"formation", r"formacion", r"capacitacion"),
    (r"on-?site", r"vor\s+ort", r"sur\s+site", r"in\s+situ", r"presencial"),
    (r"hardware", r"materiel"),
    (r"install",),
    (r"customi[sz]", r"anpassung", r"personnalis", r"personaliz", r"white-?label"),
)
"""Scope items said in other words: "die SAP-Schnittstelle" is on record where the notes say "Anbindung an SAP"."""


def scope_concept(item: str) -> tuple[str, ...]:
    """The stems that say the same scope item as `item` in en/de/fr/es."""
    return next(
        (group for group in _CONCEPTS if any(re.search(stem, item) for stem in group)), (re.escape(item),)
    )


_BRAND = re.compile(r"\b(?:[A-Z]{2,6}|[A-Z][a-z]+[A-Z]\w*)\b")
"""A system named by its brand: "SAP", "ERP", "DATEV", "NetSuite" (in the draft's own capitals)."""

_NOT_A_BRAND = frozenset(
    """
PDF EUR USD GBP CHF CET CEST UTC GMT PST EST CST AM PM OK FAQ KPI ROI CEO CFO CTO COO VP IT HR PS PPS NB CC BCC RE AW TR
SL SAS SARL GMBH AG SA INC LTD LLC PLC BV KG SE SLU SRL UK US USA EU DE FR ES EN Q1 Q2 Q3 Q4
""".split()
)
NOT_A_CLAIM = re.compile(
    r"\?|\b(?:if|unless|whether|not|no|without|wenn|falls|ob|nicht|kein\w*|ohne|si|pas|sans|"
    r"aucun\w*|sin|ningun\w*)\b"
)


def unrecorded_scope(subject: str, body: str, ctx: Context) -> list[str]:
    """Sentences that state an integration, migration, training, hardware or on-site work, or a brand of system, as the
    offer's scope or the buyer's request when the record holds none of its words."""
    record = record_text(ctx)
    people = {w for c in ctx.record.contacts for w in (ctx.contact_name(c) or "").split()}
    people |= set((ctx.record.company.name or "").split()) if ctx.record.company else set()
    people |= set((ctx.record.owner.name or "").split()) if ctx.record.owner else set()
    out: list[str] = []
    for sentence in sentence_parts(normalise(f"{subject}\n{body}")):
        folded = _fold(sentence)
        # "sin coste adicional", "sans frais", "ohne Aufpreis" claim a price; their negation word negates no scope
        if not _SCOPE_CLAIM.search(folded) or NOT_A_CLAIM.search(masked(folded)):
            continue
        brands = [
            b
            for b in _BRAND.findall(sentence)
            if b.upper() not in _NOT_A_BRAND
            and b not in people
            and not re.search(rf"\b{re.escape(_fold(b))}\b", record)
        ]
        items = [
            m.group(0)
            for m in SCOPE_ITEM.finditer(folded)
            if not any(re.search(stem, record) for stem in scope_concept(m.group(0)))
        ]
        if brands or items:
            out.append(
                f"states scope the record does not hold ({', '.join([*brands, *items][:3])}): "
                f"{sentence.strip()[:80]!r}"
            )
    return out[:2]
