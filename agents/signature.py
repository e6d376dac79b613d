"""Who signs a draft: the record's owner sends it, so the name under the closing is theirs (issue 11, quality set 21's
"signed by another rep"). A sign-off line is where a name stands at the start of a line, which the invented-name check
skips (sentence starts are capitalised anyway), so it is judged here against the owner's name.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.phrases import P

_CLOSINGS = (
    r"best(?: regards| wishes)?|kind regards|regards|warm regards|many thanks|thanks|thank you|cheers|sincerely|"
    r"viele grüße|beste grüße|freundliche grüße|mit freundlichen grüßen|herzliche grüße|liebe grüße|gruß|grüße|"
    r"cordialement|bien cordialement|bien à vous|salutations|sincères salutations|à bientôt|"
    r"un saludo|saludos|saludos cordiales|atentamente|un cordial saludo|muchas gracias|gracias")
_CLOSING = re.compile(rf"^(?:{_CLOSINGS})[,.!]?$", re.I)
_TEAM_SIGN_OFFS = frozenset(table["team"].casefold() for table in P.values())
"""The account team the templates sign for when the owner's name is not pasted ("Ihr Account-Team")."""
_NAME_LINE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,2}$")


_INLINE_SIGN_OFF = re.compile(
    rf"(?:^|[.!?]\s+)(?i:{_CLOSINGS})[,.!]?\s+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+){1,2})\.?$")
"""A closing and a full name ending the body's last line ("... schicken? Viele Grüße, Anna Schmidt"): how a small
model signs (wave 20: the real model's copy of the buyer's email, signed by the buyer, passed as a draft). A full
name only: "Thank you, Anna." at the end thanks the buyer."""


_TEAM_WORDS = frozenset({"team", "the", "ihr", "ihre", "équipe", "votre", "equipo", "su", "el"})
"""Words of a team's sign-off ("Best regards, The Brightlane Team"): not a person signing in the owner's place."""


def wrong_signature(body: str, owner_name: str | None) -> str | None:
    """The name a draft is signed with when it is not the owner's (no word in common), else None."""
    if not owner_name:
        return None
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    owner = {w.lower() for w in re.findall(r"[^\W\d_]+", owner_name)}
    if len(lines) >= 2 and _CLOSING.match(lines[-2]) and _NAME_LINE.match(lines[-1]):
        if lines[-1].casefold() in _TEAM_SIGN_OFFS:
            return None  # the templates' own sign-off when the owner's name cannot be pasted: no one else's name
        # Both read as the same runs of letters: "Hans-Peter" signs for "Hans-Peter Jäger", "d'Aubigné" for "Luc d'Aubigné"
        signed = {w.lower() for w in re.findall(r"[^\W\d_]+", lines[-1])}
        return None if signed & owner else lines[-1]
    inline = _INLINE_SIGN_OFF.search(lines[-1]) if lines else None
    if inline is None:
        return None
    name = inline.group("name")
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    return None if words & owner or words & _TEAM_WORDS else name


def signature_problems(body: str, ctx: Context) -> list[str]:
    """The draft signed by someone who is not the record's owner, as a rule broken."""
    signed = wrong_signature(body, ctx.record.owner.name if ctx.record.owner else None)
    return [f"signed by {signed!r}; the record's owner sends it"] if signed else []
