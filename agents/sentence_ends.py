"""Where a sentence ends when dates and abbreviations carry full stops (issue 11, wave 38: set 49's de-g9).

agents.normalize's SENTENCE_BREAK is a plain split at any full stop before a space. German writes a day of the month
as an ordinal with a full stop ("vom 14. Oktober"), and German, French and Spanish abbreviate titles and phrases with
one ("Hr. Weber", "z. B.", "M. Dupont", "Sra. Ruiz", "p. ej."): the plain split cut "Es baut auf der Demo vom 14.
Oktober und der Rechnung für Herrn Weber auf." after "14.", and the fragment "Oktober und der Rechnung ..." lost the
words that said what the "Rechnung" was. This split keeps such a full stop inside its sentence; a full stop after a day
number before any word other than a month still ends one ("bis zum 27. Danach ...")."""

from __future__ import annotations

import re

_MONTH = (r"(?:Jan(?:uar)?|Jänner|Feb(?:ruar)?|März|Mär|Apr(?:il)?|Mai|Jun[i]?|Jul[i]?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Okt(?:ober)?|Nov(?:ember)?|Dez(?:ember)?)\b")
_ABBREVIATIONS = ("Hr", "Hrn", "Fr", "Dr", "Prof", "Nr", "Mr", "Mrs", "Ms", "St", "Sr", "Sra", "Srta", "Dra", "Mme",
                  "Mlle", "M", "z", "B", "u", "a", "d", "h", "bzw", "ca", "ggf", "inkl", "evtl", "vgl",
                  "p", "ex", "ej", "núm", "pág", "tel", "Tel", "vs", "e", "g", "i")
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in sorted(set(_ABBREVIATIONS)))
SENTENCE_END = re.compile(rf"(?<=[.!?])(?<!\d\.){_NOT_AFTER}\s+|(?<=\d\.)\s+(?!{_MONTH})(?=\S)|\n+")
"""A sentence's end: "!", "?" or a full stop before a space, but not the full stop of an abbreviation ("Hr.",
"z. B.", "n.º" has no space) nor a German day's before its month ("27. November", "3. Dez.")."""


def sentence_parts(text: str) -> list[str]:
    """`text`'s sentences (and lines), split as SENTENCE_END says."""
    return SENTENCE_END.split(text)


_DAY_BEFORE_MONTH = re.compile(rf"\s+{_MONTH}")


def day_full_stop(text: str, i: int) -> bool:
    """Whether the full stop at `text[i]` is a German day's before its month ("am 20. November"), inside a sentence."""
    return text[i] == "." and i > 0 and text[i - 1].isdigit() and bool(_DAY_BEFORE_MONTH.match(text, i + 1))
