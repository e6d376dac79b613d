"""A request acknowledged and answered with its day alone (issue 11, wave 30: set 39's de-g6 "ist notiert. Freitag,
27. November." and fr-g6 "Bien reçu, merci. Vendredi 27 novembre, comme convenu." refused as no reference, no step,
too short and ignoring the question).

To the person who asked for the deal's document, "Noted. Friday, 27 November." is the whole answer: the
acknowledgement takes the request up, and the day standing alone after it is when the document comes. Sales people
write it that way to a buyer they know. It counts only with both parts in the draft (an acknowledgement and a line that
is a coming day and nothing else, "as agreed" at most), and only for a request of a document from the recipient
(agents.document_in_other_words and agents.question_answers check whose request it is): "Noted." alone, "Friday." alone,
a question ("Friday, 27 November?"), or a day with more words of its own ("Friday we talk budgets") is not it.
"""

from __future__ import annotations

import re
from datetime import date

from agents.calendar_days import resolve_day
from agents.facts import find_dates
from agents.next_steps import COMING_DAY
from agents.sentence_ends import sentence_parts

_ACKNOWLEDGED = re.compile(
    r"^\W*(?:(?:(?:ist|wird|is|c'est|es)\s+)?(?:noted|received|understood|got it|will do|all noted|notiert|vermerkt|"
    r"verstanden|erhalten|geht klar|mache ich|machen wir|wird gemacht|in ordnung|(?:bien )?re[çc]ue?|not[ée]e?|"
    r"entendu|c'est not[ée]|c'est entendu|d'accord|recibido|anotado|entendido|de acuerdo|hecho|apuntado)"
    r"(?:\s*,?\s*(?:thanks|thank you|danke|vielen dank|merci|gracias))?\W*)$",
    re.I,
)
"""A line that only acknowledges: "Noted.", "ist notiert.", "Bien reçu, merci.", "Recibido, gracias."."""
_AS_AGREED = re.compile(
    r"\s*,?\s*(?:as agreed|as discussed|as promised|wie besprochen|wie vereinbart|wie zugesagt|comme convenu|"
    r"comme promis|como acordamos|como quedamos|como acordado|como prometido)\W*$",
    re.I,
)
_DAY_WORDS = re.compile(
    r"(?:am|le|el|on|the|bis|by|d'ici|para|den|der|\d{1,2}(?:st|nd|rd|th|er)?\.?|of|de|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
    r"diciembre|\d{4})",
    re.I,
)


def _a_coming_day_alone(line: str, after: date) -> bool:
    """Whether `line` is a coming weekday or date and nothing else ("Freitag, 27. November.", "Vendredi 27 novembre,
    comme convenu.")."""
    line = _AS_AGREED.sub("", line.strip()).strip(" .,!")
    if not line or "?" in line:
        return False
    day = COMING_DAY.search(line)
    dates = [d for _, (y, m, dd) in find_dates(line) if (d := resolve_day(y, m, dd, after)) is not None]
    if not (day or dates) or any(d <= after for d in dates):
        return False
    rest = COMING_DAY.sub(" ", line)
    return all(_DAY_WORDS.fullmatch(w) for w in re.findall(r"\w+", rest))


_ACK_BEFORE = re.compile(
    r"^\W*(?:gerne?|noted|confirmed|agreed|all noted|(?:c'est )?not[ée]e?|entendu|d'accord|c'est entendu|anotado|"
    r"de acuerdo|entendido|perfecto|notiert|geht klar|in ordnung|bestätigt|(?:c'est )?confirm[ée]e?|confirmado)"
    r"\s*[,:;–-]\s*", re.I)
_ACK_AFTER = re.compile(
    r"\s*,?\s*(?:it is|it is, then|then|sin falta|sans faute|(?:und )?dabei bleibt es|c'est noté|noted)\W*$", re.I)
"""wave 31 (set 40's g1 drafts): the acknowledgement and the day in one line, "Friday, November 27 it is.", "C'est
noté, vendredi 27 novembre.", "gern, bis Ende nächster Woche: Freitag, 27. November.", "Viernes 27 de noviembre, sin
falta.": the word that takes the request up stands before or after the day, and nothing else does."""


def _acknowledged_in_one_line(line: str, after: date) -> bool:
    """Whether `line` is an acknowledgement and a coming day, and nothing else."""
    rest = _ACK_AFTER.sub("", _ACK_BEFORE.sub("", line.strip(), count=1), count=1)
    # "Das ist Freitag, 27. November, und dabei bleibt es.": the day named as the one asked for
    named = re.sub(r"^(?:das ist|that is|that's|c'est|ce sera|es el|será el)\s+", "", rest, flags=re.I)
    return rest != line.strip() and _a_coming_day_alone(named, after)


def acknowledged_day(body: str, after: date) -> str | None:
    """The day line of a draft that acknowledges a request and gives its day alone, or None. `after` is the day the
    request was written: a date not after it is no answer to it."""
    lines = [s.strip() for s in sentence_parts(body) if s.strip()]
    for i, line in enumerate(lines):
        if _ACKNOWLEDGED.match(line) and i + 1 < len(lines) and _a_coming_day_alone(lines[i + 1], after):
            return f"{line} {lines[i + 1]}"[:80]
        if _acknowledged_in_one_line(line, after):
            return line[:80]
    return None
