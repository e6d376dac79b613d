"""How the record itself addresses the contact: the honorific its own messages use with the surname, and whether they
address the contact formally (quality checks compare the draft's greeting and pronouns with these)."""

from __future__ import annotations

import re

from agents.context import Context
from agents.forms_of_address import FORMAL_PRONOUN
from agents.moments import sender_of

HONORIFIC = r"(mr|mrs|ms|dr|prof|herr|herrn|frau|m|mme|madame|monsieur|sr|sra|señor|señora|don|doña)"


_MALE = frozenset("mr herr herrn monsieur m sr señor don".split())
_FEMALE = frozenset("ms mrs miss frau madame mme sra señora doña".split())


def wrong_form_of_address(head: str, surname: str, ctx: Context) -> bool:
    """The greeting calls the contact "Herr Schmidt" where the record's own messages say "Frau Schmidt"."""
    said = " ".join(f"{a.get('subject') or ''} {a.get('text') or ''}" for a in ctx.activities.values()
                    if not a.get("withheld")).lower()
    pattern = rf"\b{HONORIFIC}\.?\s+{re.escape(surname.lower())}\b"
    known = {m.group(1) for m in re.finditer(pattern, said)}
    used = {m.group(1) for m in re.finditer(pattern, head)}
    return any((u in _MALE and known & _FEMALE and not known & _MALE)
               or (u in _FEMALE and known & _MALE and not known & _FEMALE) for u in used)


def addressed_formally(contact_id: str | None, surname: str, ctx: Context) -> str | None:
    """How the record shows the contact is addressed formally: an honorific with their surname in any activity ("Hallo
    Herr Weber", "Frau Schmidt möchte ..."), or the formal pronoun in their own messages; None when it shows neither."""
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        said = f"{a.get('subject') or ''} {a.get('text') or ''}"
        if surname:
            m = re.search(rf"\b{HONORIFIC}\.?\s+{re.escape(surname)}\b", said, re.I)
            if m:
                return m.group(0)
        if contact_id and a.get("direction") == "inbound" and sender_of(ctx, a) == contact_id:
            for pattern in FORMAL_PRONOUN.values():
                f = pattern.search(said)
                if f:
                    return f.group(0)
    return None
