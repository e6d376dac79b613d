"""An item given away in words the free-of-charge lists do not read (issue 11, wave 38, set 47's 095: "les deux postes de
réception gracieux s'ajoutent aux licences", the half-phrases of two inbound e-mails woven into one draft sentence).

"À titre gracieux", "kostenlos dazu", "sin cargo", "on the house", "complimentary" and "at no charge" are read by
agents.claims and agents.concepts. Their family has more words, each bound to the item it gives: the French adjective
and adverb ("postes gracieux", "licences gracieuses", "remises gracieusement"), "sans contrepartie", "à l'œil"; German
"als Zugabe", "unberechnet", "ohne Mehrpreis"; English "with our compliments", "for nothing", "courtesy seats"; Spanish
"libres de cargo", "sin contraprestación", "de propina". None of them names a price, so each is read only beside a seat,
a licence, a unit or a device ("merci pour votre accueil gracieux" gives nothing away). Read as written: no text of the
record, whole or in halves, vouches for an item the tenant's settings do not grant (its allowed promises)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.negation import negated_before

ITEMS = (
    r"seats?|licen[cs]es?|units?|devices?|terminals?|tablets?|workstations?|users?|accounts?|scanners?|handsets?|"
    r"sensors?|modules?|add-?ons?|"
    r"\w*(?:plätze|platz|lizenzen|lizenz|geräte|gerät|terminals|tablets|zugänge|zugang|einheiten|einheit|konten|"
    r"konto|scanner|module?|nutzer)|"
    r"postes?|licences?|unités?|appareils?|terminaux|tablettes?|utilisateurs?|comptes?|accès|lecteurs?|capteurs?|"
    r"boîtiers?|"
    r"puestos?|licencias?|unidades?|dispositivos?|equipos?|terminales?|tabletas?|usuarios?|cuentas?|accesos?|"
    r"módulos?|lectores?|sensores?"
)
"""What a seller counts and can give away: seats, licences, units, devices, in en/de/fr/es (German compounds whole:
"Empfangsplätze", "Zusatzlizenzen")."""
_FREE_AFTER = (
    r"(?<!titre )gracieu(?:x|se|ses|sement)|sans\s+contrepartie|à\s+l['’]\s?œil|"
    r"(?:als|zur)\s+zugabe|unberechnet\w*|ohne\s+(?:jeden\s+|einen\s+)?(?:mehrpreis|mehrkosten|aufschlag)|"
    # "you pay for nothing you do not use" prices by use and gives nothing away
    r"with\s+(?:our|my)\s+compliments|compliments\s+of\s+(?:the\s+house|us)|(?<!pay\s)(?<!pays\s)(?<!paid\s)"
    r"for\s+nothing|at\s+zero\s+charge|"
    r"libres?\s+de\s+(?:cargos?|costos?|costes?|pago)|sin\s+contraprestaci[oó]n|de\s+propina|de\s+bonificaci[oó]n"
)
"""Free words that follow the item they give ("deux postes de réception gracieux", "zwei Lizenzen als Zugabe")."""
_FREE_BEFORE = r"gracieusement|unberechnete\w*|als\s+zugabe"
"""Free words that stand before the item ("gracieusement deux postes", "als Zugabe zwei Lizenzen")."""
_GAP = r"(?:[\s,]+[^\s.!?;:]+){0,4}?[\s,]+"
"""At most four words between the item and its free word, in one clause."""
FREE_ITEM = re.compile(
    rf"\b(?:{ITEMS})\b{_GAP}(?P<after>{_FREE_AFTER})\b|\b(?P<before>{_FREE_BEFORE})\b{_GAP}(?:[\w-]*-)?(?:{ITEMS})\b|"
    # "two courtesy seats" right before the item: "as a courtesy, I copied your account manager" gives no account
    rf"\b(?P<adjective>courtesy)\s+(?:[\w-]+\s+)?(?:{ITEMS})\b", re.I
)
_CUES = ("gracieu", "contrepartie", "œil", "zugabe", "unberechnet", "ohne", "compliments", "nothing", "zero", "courtesy",
         "libre", "contraprestaci", "propina", "bonificaci")
"""Substrings one of the free words needs (lower-cased): most outputs have none, and the pattern is not run."""


def free_items(text: str, allowed_promises: Iterable[str] = ()) -> list[str]:
    """The items `text` (as written) gives away in these words; a phrase of the tenant's `allowed_promises` that holds
    the free words passes, and so does a free word its own negation governs ("ne sont pas gracieux")."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return []
    permitted = [p.lower() for p in allowed_promises]
    out = []
    for m in FREE_ITEM.finditer(text):
        group = next(g for g in ("after", "before", "adjective") if m.group(g))
        word, start = m.group(group), m.start(group)
        if negated_before(text[:start]) or any(word.lower() in p for p in permitted):
            continue
        out.append(f"promise outside policy (a free item): {m.group(0)!r}")
    return list(dict.fromkeys(out))
