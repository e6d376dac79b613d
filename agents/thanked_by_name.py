"""Thanks said to a person by name in a draft to someone else (issue 11, wave 37: set 47's en-b1, "Hi Dana, Thank you,
Marcus, for letting us know that security has signed off"). The name set between commas beside the thanks word is the
person spoken to ("Thank you, Marcus, for", "Danke, Herr Weber, für", "Merci, Paul, d'avoir", "Gracias, Lucía, por",
"Marcus, thank you for"). A draft goes to one contact: thanking another by name there thanks the wrong person, unless
the greeting names that person too ("Hi Dana and Marcus,"); a name the record does not hold thanks nobody it knows.

agents.thanks reads whom a thanks credits with a message or a deed; this reads only whom it speaks to, so a thanks
handed on ("please pass my thanks to Marcus") or a colleague named in what is thanked for ("thanks for bringing Marcus
in") is none of its business: neither sets the name off with commas beside the thanks word."""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise

_THANKS = r"(?:thank you|thanks|many thanks|danke(?: schön)?|vielen dank|merci(?: beaucoup)?|(?:muchas )?gracias)"
_TITLE = r"(?:(?:herr|frau|monsieur|madame|mme|m\.|señora|señor|sra\.|sr\.|doña|don|mr\.?|mrs\.?|ms\.?|dr\.?)\s+)?"
_NAME = r"(?-i:[A-ZÄÖÜÁÉÍÓÚÀÈÊÇÑ][^\W\d_]+(?:[-'][A-ZÄÖÜÁÉÍÓÚÀÈÊÇÑ][^\W\d_]+)?)"
_SPOKEN_TO = re.compile(
    rf"(?:^|[.!?\n]\s*)\W*{_THANKS}\s*,\s*{_TITLE}(?P<after>{_NAME})\s*[,!.]|"
    rf"(?:^|[.!?\n]\s*)\W*{_TITLE}(?P<before>{_NAME})\s*,\s*{_THANKS}\b", re.I)
"""A thanks with a name set off beside it: "Thank you, Marcus, for ...", "Marcus, thanks for ..."."""

_NOT_NAMES = frozenset({"team", "all", "everyone", "both", "again", "also", "madame", "monsieur", "madam", "sir", "señora",
                        "señor", "nochmals", "encore", "otra"})
"""Words that stand where a name would ("Merci, Madame, pour ...", "Thanks, everyone, for ...")."""


def _greeting(body: str) -> str:
    """The draft's first non-empty line, where it says whom it is written to."""
    return next((line for line in body.splitlines() if line.strip()), "")


def thanks_someone_else(body: str, ctx: Context, recipient_id: str | None) -> list[str]:
    """Thanks spoken by name to a contact other than the recipient (not greeted too), or to a name not on record."""
    if not recipient_id:
        return []
    text = normalise(body)
    greeting = _greeting(text)
    people = {c.id: [p for p in re.split(r"[\s-]+", ctx.contact_name(c) or "") if len(p) >= 2] for c in ctx.record.contacts}
    owner = ctx.record.owner.name if ctx.record.owner and ctx.record.owner.name else ""
    out: list[str] = []
    for m in _SPOKEN_TO.finditer(text):
        name = m.group("after") or m.group("before")
        holders = [cid for cid, parts in people.items() if name in parts]
        if recipient_id in holders:
            continue
        if holders:
            if re.search(rf"\b{re.escape(name)}\b", greeting) and m.group(0).strip() not in greeting:
                continue  # "Hi Dana and Marcus," writes to both
            out.append(f"thanks {name} by name in a draft to someone else")
        # a word before the thanks is a name only when the record holds it ("Recibido, gracias", "Perfekt, danke")
        elif m.group("after") and name not in owner.split() and name.lower() not in _NOT_NAMES:
            out.append(f"thanks {name}, a name the record does not hold")
    return list(dict.fromkeys(out))
