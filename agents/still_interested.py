"""Asking whether the buyer is still interested when their latest message asks for the next thing (issue 11, wave 27:
set 34's de-b3, "ich wollte kurz nachfragen, ob bei Ihnen grundsätzlich noch Interesse an der Flottenanalyse besteht",
to a buyer who wrote "wir möchten weitermachen. Können Sie uns das Angebot ... schicken?").

The draft was caught only for asking nothing until wave 27 counted an indirect question ("ich wollte fragen, ob") as
an ask (agents.soon_steps); the defect is that the question shows we did not read the buyer's last message. Asked
directly or indirectly, in en/de/fr/es, it is refused when the latest inbound message of the record asks us something
or says the buyer goes ahead; after a buyer's silence, or a message that asks nothing, the same check-in is fair.
Whether the project is "still a priority" is left alone: the offline writer's re-engagement arm asks it (its drafts
must pass at 95%, tests/agents/test_quality.py), and a priority can move while the interest stays."""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts
from agents.soon_steps import INDIRECT

_STILL = re.compile(
    r"\b(?:still (?:interested|keen|on the table)|still (?:want|wish) to (?:go ahead|"
    r"proceed|move forward)|(?:remain|are you) (?:at all )?interested|"
    r"noch (?:\w+ ){0,3}?interess\w*|(?:noch )?interesse (?:\w+ ){0,4}?(?:besteht|haben|hätten)|noch aktuell|"
    r"toujours (?:\w+ )?intéress\w*|encore (?:\w+ )?intéress\w*|toujours d'actualité|"
    r"sig(?:ue|uen) (?:\w+ )?interesad\w*|(?:todavía|aún) (?:le |les )?interesa\w*|"
    r"sigue(?:n)? (?:en pie|adelante))\b",
    re.I,
)
_GOES_AHEAD = re.compile(
    r"\?|\b(?:go ahead|proceed|move forward|weitermachen|fortfahren|weiter(?:gehen)?|continuer|avancer|poursuivre|"
    r"seguir adelante|continuar|avanzar)\b",
    re.I,
)
"""The buyer's latest message asking us something, or saying they go ahead."""


def asks_if_still_interested(body: str, ctx: Context) -> list[str]:
    """Questions whether the buyer still wants the deal, when their latest message asks for the next thing."""
    inbound = [
        a for a in ctx.activities.values() if a.get("direction") == "inbound" and not a.get("withheld")
    ]
    latest = max(inbound, key=lambda a: a.get("at") or "", default=None)
    if latest is None or not _GOES_AHEAD.search(latest.get("text") or ""):
        return []
    return [
        f"asks whether the buyer is still interested after their message of {(latest.get('at') or '')[:10]} "
        f"asked for the next step: {s.strip()[:80]!r}"
        for s in sentence_parts(normalise(body))
        if _STILL.search(s) and ("?" in s or INDIRECT.search(s))
    ]
