"""Questions that make one ask between them (issue 11, wave 36: set 45's de-g4 "damit das Angebot passt, zwei kurze
Fragen:" and es-g4 "Para ajustar el calendario de implantación:", each over two bulleted questions, refused "2 ask(s)").

agents.next_steps counts each sentence that asks. Two shapes ask once in more than one sentence:

- a question carried on into the next sentence by "or" ("Would Wednesday suit you? Or is Friday better?", "Passt
  Ihnen Mittwoch? Oder lieber Freitag?", "Mercredi vous convient ? Ou plutôt vendredi ?", "¿Le va bien el miércoles?
  ¿O prefiere el viernes?", "Would Wednesday work? If not, would Friday?"): a choice of two answers is one question;
- a lead-in ending in a colon over a bulleted list of at most MAX_GROUPED questions (one purpose, itemised: "to get the
  proposal right, two quick questions:"). Three or more stay so many asks: the sets label that the overload a buyer
  does not answer (qh-*-b16 "four asks", q12-de-b8 "drei Fragen", q28-en-b11), and questions run together after a
  colon on one line ("bevor das Angebot rausgeht: Wer unterschreibt? Wie hoch ist das Budget?") are not a list.
"""

from __future__ import annotations

import re

MAX_GROUPED = 2
"""Bulleted questions under one lead-in that still count as one ask."""

_CARRIED_ON = re.compile(r"\?([ \t]+)(?=¿?(?:or|oder|ou|o|if not|otherwise|falls nicht|wenn nicht|sonst|sinon|"
                         r"si no|si non|de lo contrario)\b)", re.I)
"""A question mark followed on its line by "or" (or "if not") opening the next question."""
_LEAD_IN = re.compile(r"^[^\n?]*\S[ \t\u00a0\u202f]?:[ \t]*$")
"""A line that introduces what follows with a colon (French sets a space before it), asking nothing itself."""
_BULLET = re.compile(r"^[ \t]*(?:[-–•*·]|\d{1,2}[.)])[ \t]+\S[^\n]*\?[ \t]*$")
"""A bulleted or numbered line that ends with a question mark (and holds no other sentence after it)."""


def one_ask_per_group(body: str) -> str:
    """`body` with each group of questions that asks once rewritten as one question: the earlier question marks of a
    group become commas, and its bulleted lines one line."""
    body = _CARRIED_ON.sub(r",\1", body)
    lines = body.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if _LEAD_IN.match(lines[i]):
            j = i + 1
            while j < len(lines) and _BULLET.match(lines[j]):
                j += 1
            items = lines[i + 1:j]
            # one question mark per item: an item with two questions is two asks of its own
            if 2 <= len(items) <= MAX_GROUPED and all(item.count("?") == 1 for item in items):
                out.append(" ".join(item.strip().replace("?", ",") for item in items[:-1]) + " " + items[-1].strip())
                i = j
                continue
        i += 1
    return "\n".join(out)
