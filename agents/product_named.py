"""The wrong product named (set 32's quality de/fr/es b1, wave 23b): "unsere Tourenplanungssoftware", "notre module de
gestion de la paie", "nuestro software de gestión de almacenes" to a buyer whose record is about fleet analytics or a
planning suite. A product of ours the draft names must be one the record speaks of somewhere (the deal's name, a
message, a note, a field): a rep who names another product has the wrong deal open."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from agents.context import Context
from agents.normalize import normalise

_KIND = (r"(?:software|module|modul|platform|plattform|plateforme|plataforma|suite|solution|solucion|losung|tool|outil|"
         r"herramienta|app|logiciel|programa|programm|system|systeme|sistema|modulo)")
_OF = r"(?:de |d'|du |des |de la |del |de los |de las |for |fur (?:die |den |das )?)?"
_MANAGING = r"(?:(?:gestion|management|verwaltung) (?:de |des |du |de la |del |de los |de las |of )?)?"
_NAMED = [
    # "our route-planning software", "our payroll module"
    re.compile(r"\bour (?:new )?((?:[a-z-]{4,} ){1,2})" + _KIND + r"s?\b"),
    # "unsere Tourenplanungssoftware", "unser Lohnmodul"
    re.compile(r"\bunser\w* (?:neue\w* )?([a-z]{4,}?)s?-?(?:software|modul|plattform|losung|suite|system|programm)\b"),
    # "our software for payroll", "unsere Software für die Lagerverwaltung", "notre module de paie",
    # "nuestro software de gestión de almacenes"
    re.compile(r"\b(?:our|unser\w*|notre|nos|nuestr[oa]s?) " + _KIND + r"s? " + _OF + _MANAGING + r"([a-z]{4,})"),
]
_GENERIC = frozenset("""
your their this that planning analytics data reporting ihre ihren votre vos votres vous sus nuestra nuestro
mobile cloud online standard basic premium enterprise full core whole entire latest current existing same integrated
""".split())
"""Words after "our ... software" that name no product of their own ("our software for your team")."""


@functools.lru_cache(maxsize=1024)  # a pure function of its text, asked of the same record's text by every check
def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", normalise(text).lower()) if not unicodedata.combining(c))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def record_text(ctx: Context) -> str:
    """The record's words a draft may take up (deal and company names, extra fields, unwithheld activities), folded."""
    r = ctx.record
    parts: list[str] = [r.name or "", (r.company.name or "") if r.company else "", *(_strings(r.extra) if r.extra else [])]
    for a in ctx.activities.values():
        if not a.get("withheld"):
            parts += [a.get("subject") or "", a.get("text") or ""]
    return _fold(" ".join(parts))


def unrecorded_products(text: str, ctx: Context) -> list[str]:
    """Products of ours the draft names that nothing in the record speaks of."""
    folded = _fold(text)
    if not re.search(r"\b(?:our|unser\w*|notre|nos|nuestr[oa]s?)\b", folded):
        return []
    record = record_text(ctx)
    out = []
    for pattern in _NAMED:
        for m in pattern.finditer(folded):
            words = [w for w in re.findall(r"[a-z]{4,}", m.group(1)) if w not in _GENERIC]
            # a word's stem in the record ("Lagerverwaltung" of "Lager", "almacenes" of "almacén"): cut to five letters
            missing = [w for w in words if w[:5] not in record]
            if words and len(missing) == len(words):
                out.append(f"names a product the record never mentions: {m.group(0)!r}")
    return list(dict.fromkeys(out))[:2]
