"""An integration with a named system of the buyer's that nobody ever named (issue 11, wave 30: set 32's de-b4 "Die
Flottenanalyse spielt die Daten außerdem direkt in Ihr SAP ein, ohne Zusatzaufwand", to a buyer whose record never
says SAP; it was caught only because it asked nothing).

agents.invented_scope reads a brand in a sentence that states the offer's scope ("the proposal includes the SAP
connector"). A rep promises the same invention when the data is said to flow into the system ("feeds straight into
your Salesforce", "wird automatisch an Ihr DATEV übertragen", "remonte directement dans votre Sage", "se vuelca en su
Holded") or the product is said to connect with it. Either is an invented capability: nobody knows the buyer runs
that system, nor that we connect to it. A sentence is refused when it names a business system (ERP, CRM, accounting,
HR) that the record (its name, fields, notes, the buyer's messages, what we sent) never names, beside a word of
connection or a data-flow phrase ("into your", "in Ihr", "dans votre", "en su"). A question ("do you use SAP?"), a
condition ("if you run Sage") or a negation ("we have no SAP connector") claims nothing; a tenant whose product ships
a connector names it in its settings' `allowed_promises`, whose words count as on record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.context import Context
from agents.free_of_charge import masked
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.product_named import record_text
from agents.sentence_ends import sentence_parts

_SYSTEMS: tuple[tuple[str, ...], ...] = (
    ("SAP", "S/4HANA", "S4HANA", "SAP Business One", "SuccessFactors", "Ariba"),
    ("Salesforce",),
    ("DATEV", "Datev"),
    ("Sage",),
    ("Workday",),
    ("Oracle", "NetSuite", "JD Edwards"),
    ("Microsoft Dynamics", "Dynamics 365", "Dynamics NAV", "Navision", "Business Central"),
    ("Lexware",),
    ("Odoo",),
    ("QuickBooks",),
    ("Xero",),
    ("ServiceNow",),
    ("Zendesk",),
    ("HubSpot",),
    ("Pipedrive",),
    ("Zoho",),
    ("Personio",),
    ("Infor",),
    ("Epicor",),
    ("Cegid",),
    ("Holded",),
    ("A3ERP", "a3ERP", "a3innuva"),
    ("Shopify",),
    ("Magento",),
    ("Jira",),
)
"""Business systems by vendor, in their own capitals: a vendor named on record vouches for its other products."""
_SYSTEM = re.compile(
    r"(?<![\w/-])("
    + "|".join(sorted((re.escape(n) for g in _SYSTEMS for n in g), key=len, reverse=True))
    + r")"
    r"(?![\w/])"
)

_CONNECTION = re.compile(
    r"\b(?:integrat\w*|connect\w*|interfac\w*|apis?|sync\w*|import\w*|export\w*|feed\w*|plug\w*|link\w*|"
    r"push\w*|pipe\w*|flow\w*|transfer\w*|upload\w*|"
    r"anbind\w*|angebunden|schnittstelle\w*|integr\w*|einspiel\w*|spielt\b|spielen\b|ubertrag\w*|ubermittel\w*|"
    r"uberspiel\w*|synchronis\w*|verbind\w*|verbunden|importier\w*|exportier\w*|konnektor\w*|connector\w*|"
    r"anschliess\w*|angeschlossen|fliess\w*|"
    r"connecteurs?|interfac\w*|synchronis\w*|remont\w*|bascul\w*|reli\w*|devers\w*|alimente\w*|transf[eè]r\w*|"
    r"integr\w*|conect\w*|interfaz|sincroniz\w*|vuelc\w*|volc\w*|enlaz\w*|vincul\w*|envi\w*\s+directamente|"
    r"traspas\w*)\b"
)
"""Words that connect a product with a system or move data into it (folded)."""
_INTO_YOURS = re.compile(
    r"\b(?:into|to|with|in|from)\s+(?:your|their|the\s+buyer's)|\b(?:in|an|mit|aus)\s+(?:ihr\w*|euer\w*|dein\w*)|"
    r"\b(?:dans|avec|vers|depuis|a)\s+(?:votre|vos|leur)|\b(?:en|con|a|desde|hacia)\s+(?:su|sus)\b"
)
"""A data-flow phrase that makes the system the buyer's ("into your", "in Ihr", "dans votre", "en su")."""

_NOT_A_CLAIM = re.compile(
    r"\?|\b(?:if|unless|whether|not|no|never|without|wenn|falls|sofern|ob|nicht|kein\w*|nie|ohne|si|pas|jamais|"
    r"sans|aucun\w*|sin|ningun\w*|nunca)\b|n't\b"
)
"""A question, a condition or a negation: "do you use SAP?", "falls Sie DATEV nutzen", "sin conector para SAP"."""


def unrecorded_systems(text: str, ctx: Context, allowed_promises: Iterable[str] = ()) -> list[str]:
    """Sentences that connect the product with, or move data into, a business system nobody named."""
    if not _SYSTEM.search(text):
        return []
    record = record_text(ctx) + " " + _fold(" ".join(allowed_promises))
    out: list[str] = []
    for sentence in sentence_parts(normalise(text)):
        systems = [m.group(1) for m in _SYSTEM.finditer(sentence)]
        if not systems:
            continue
        folded = _fold(sentence)
        if not (_CONNECTION.search(folded) or _INTO_YOURS.search(folded)) or _NOT_A_CLAIM.search(
            masked(folded)
        ):
            continue
        unknown = [s for s in systems if not _on_record(s, record)]
        if unknown:
            out.append(
                f"connects with a system the record never names ({', '.join(dict.fromkeys(unknown))}): "
                f"{sentence.strip()[:80]!r}"
            )
    return out[:2]


def _on_record(system: str, record: str) -> bool:
    """Whether the record names `system` or another product of its vendor (folded, whole words)."""
    group = next(g for g in _SYSTEMS if system in g)
    return any(re.search(rf"(?<![\w/-]){re.escape(_fold(name))}(?![\w/])", record) for name in group)
