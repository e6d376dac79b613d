"""Questions that make one ask between them (issue 11, wave 36: set 45's de-g4 "damit das Angebot passt, zwei kurze
Fragen:" and es-g4 "Para ajustar el calendario de implantación:", each over two bulleted questions, refused "2 ask(s)";
wave 37: set 46's en-g4, de-g5, fr-g5 and es-g5, the same asks laid out with a blank line or with a fallback).

agents.next_steps counts each sentence that asks, but an ask is what the buyer has to answer, and one ask often takes
more than one sentence. Every set from 43 to 46 lost good drafts to a new layout of the same few shapes, so the shapes
are read here by what they do, not by how the lines are laid out:

- an alternative that carries a question on ("Would Wednesday suit you? Or is Friday better?", "Passt Ihnen Mittwoch?
  Oder lieber Freitag?", "¿Le va bien el miércoles? ¿O prefiere el viernes?", "Would Wednesday work? If not, would
  Friday?"): a choice of two answers is one question;
- a fallback after an ask and the options it lists ("would either of these suit you? - Tue 10 am - Wed 2 pm. If
  neither works, send me a time that does.", "Falls keiner passt, nennen Sie mir einen anderen Termin.", "Si aucun ne
  vous convient, indiquez-moi un autre créneau.", "Si ninguna le va bien, dígame otra hora."): the same ask's other
  answer (`continues_an_ask`), and so are another day offered in its place ("If another day is better, ...", "Falls
  ein anderer Tag besser passt, ...") and a call to answer that adds no object of its own ("Let me know what works
  best.", "Geben Sie mir Bescheid, welcher Tag Ihnen lieber ist.", "Dites-moi lequel.", "Dígame cuál.");
- a lead-in ending in a colon over at most MAX_GROUPED questions, one per line, bulleted or not and with blank lines
  between them or not (one purpose, itemised: "to get the proposal right, two quick questions:").

Three or more questions stay so many asks: every set that labels an overload labels three or four (qh-*-b16 "four
asks", q12-de-b8 "drei Fragen", q13-es-b6 "tres preguntas", q28-en-b11), and questions run together after a colon on one
line ("bevor das Angebot rausgeht: Wer unterschreibt? Wie hoch ist das Budget?") are not a list.
"""

from __future__ import annotations

import re

from agents.conditional_asks import asks_something_else

MAX_GROUPED = 2
"""Questions under one lead-in that still count as one ask."""
_ALTERNATIVES = frozenset({"or", "oder", "ou", "o"})
"""Carried-on openings that offer another answer by themselves; the rest ("if not", "sonst") open a fallback."""

_CARRIED_ON = re.compile(r"\?([ \t]+)(?=¿?(or|oder|ou|o|if not|otherwise|falls nicht|wenn nicht|sonst|sinon|"
                         r"si no|si non|de lo contrario)\b((?:[^\n?.!]|(?<=\d)\.)*\?))", re.I)
"""A question mark followed on its line by "or" (or "if not") opening the next question. wave 38 (set 48's es-g3): only
when what follows is itself a question; "¿prefieren uno o todos? Si no me dice nada, propondré uno." gives a default,
and merged into the question it had left the draft with no question mark at all ("0 ask(s)")."""
_LEAD_IN = re.compile(r"^[^\n?]*\S[ \t\u00a0\u202f]?:[ \t]*$")
"""A line that introduces what follows with a colon (French sets a space before it), asking nothing itself."""
_GREETING = re.compile(r"^\W*(?:hi|hello|dear|hey|hallo|guten (?:tag|morgen)|sehr geehrte[rs]?|liebe[rs]?|bonjour|"
                       r"madame|monsieur|cher|chère|hola|estimad[oa]s?|buen[oa]s (?:días|tardes))\b", re.I)
"""A greeting that ends in a colon ("Hola, Javier:", "Estimada Sra. Fernández:") leads in the whole draft, not a list."""
_ITEM = re.compile(r"^[ \t]*(?:(?:[-–•*·]|\d{1,2}[.)])[ \t]+)?¿?\S[^\n]*\?[ \t]*$")
"""A line, bulleted, numbered or plain, that ends with a question mark (and holds no other sentence after it)."""
_FALLBACK = re.compile(
    r"^\W*(?:if (?:neither|none|not|no\b|that|those|these|they|it)\b[^,.;]{0,30}(?:work|suit|fit|possible|convenient)|"
    r"if neither|if none|if not(?=\s*,)|otherwise|failing that|"  # wave 38: "If not, send me a time" (no longer merged)
    r"(?:falls|wenn) (?:keiner|keine[rs]?|beide nicht|das nicht|nicht)\b|sonst|ansonsten|andernfalls|"
    r"si (?:aucun|aucune|ni l'un|ni l'une|cela ne|ça ne|ces (?:créneaux|dates|horaires) ne|non)\b|sinon|à défaut|"
    r"si (?:ninguno|ninguna|no le|no les|ningún)\b|de lo contrario|en caso contrario|si no\b)", re.I)
"""The opening of another answer to the ask before it: "if neither works", "falls keiner passt", "si aucun ne convient",
"si ninguna le va bien"."""
_ANOTHER = re.compile(
    r"^\W*(?:if (?:another|a different|some other|an?other) (?:day|time|slot|date|hour)\b|if you(?:'d| would)? prefer "
    r"(?:another|a different)\b|"
    r"(?:falls|wenn) (?:ihnen )?(?:ein |eine )?(?:anderer|andere|anderes) (?:tag|termin|zeitpunkt|uhrzeit|zeit)\b|"
    r"(?:falls|wenn) sie (?:einen |eine )?(?:anderen|andere|lieber)\b|"
    r"si (?:un |une )?autre (?:jour|créneau|date|moment|horaire|heure)\b|si vous préférez (?:un |une )?autre\b|"
    r"si (?:le (?:va|viene) mejor|prefiere) (?:otro|otra)\b|si (?:otro|otra) (?:día|hora|momento|fecha|horario)\b)",
    re.I)
"""wave 37: another day offered as the answer ("If another day is better, let me know which", "Falls ein anderer Tag
besser passt", "Si un autre jour vous arrange", "Si prefiere otro día")."""
_COURTESY = (r"(?:(?:happy|glad) to (?:adjust|move|shift|change)[^;,.]*|no problem[^;,.]*|gern(?:e)?[^;,.]*|volontiers[^;,.]*|"
             r"con gusto[^;,.]*|sin problema[^;,.]*)[;:,—–-]\s*")
_REPLY_TO_IT = re.compile(
    rf"^\W*(?:{_COURTESY})?(?:just |simply |please |bitte |kurz |simplement |simplemente )?"
    r"(?:let me know|reply|drop me a (?:line|note)|geben sie mir (?:bitte |kurz |einfach )*bescheid|sagen sie mir (?:bitte |kurz )*|"
    r"lassen sie (?:es )?mich wissen|dites-moi|faites-moi savoir|indiquez-moi|tenez-moi au courant|d[ií]ga(?:me|melo)|"
    r"h[aá]game saber|av[ií]seme|conf[ií]rmeme)"
    r"(?:\s+(?:(?:what|which|when)(?: one| day| time| slot)? (?:works?|suits?|is (?:best|better|easier))(?: (?:best|for you|you best|you))?|"
    r"which (?:one|day|time|slot)|lequel|laquelle|lesquels|quel (?:jour|créneau|horaire)(?: vous convient)?|"
    r"welche[rns]? (?:tag|termin|zeit)\w*(?: ihnen (?:lieber ist|besser passt|passt))?|cu[aá]l|qu[eé] (?:d[ií]a|hora|horario)"
    r"(?: le (?:va|viene) mejor)?))?(?:,? (?:please|bitte|s'il vous plaît|por favor))?\s*[.!]?\s*$", re.I)
"""A call to answer the ask before it, adding no object of its own: "Let me know what works best", "geben Sie mir
Bescheid, welcher Tag Ihnen lieber ist", "dites-moi lequel", "dígame cuál"."""


def continues_an_ask(sentence: str) -> bool:
    """Whether a sentence after an ask only gives the buyer another way to answer it ("If neither works, send me a time
    that does"): it asks nothing the ask before it did not."""
    fallback = _FALLBACK.search(sentence)
    if fallback:
        # wave 38: "If not, could Marcus send the budget?" asks a second thing (agents.conditional_asks)
        return not asks_something_else(sentence[fallback.end():])
    # "If another day is better, let me know which.": an alternative opened, then only the call to answer
    rest = _ANOTHER.sub("", sentence, count=1).lstrip(" ,")
    rest = re.sub(r"^[^,;]*?[,;]\s*", "", rest, count=1) if rest != sentence.lstrip(" ,") else rest
    return _REPLY_TO_IT.match(rest.replace(",", ", ").replace("  ", " ")) is not None


def one_ask_per_group(body: str) -> str:
    """`body` with each group of questions that asks once rewritten as one question: the earlier question marks of a
    group become commas, and its lines one line."""
    # wave 38: "Would Tuesday work? If not, could Marcus send the budget?" is two asks (agents.conditional_asks)
    body = _CARRIED_ON.sub(lambda m: m.group(0) if m.group(2).lower() not in _ALTERNATIVES
                           and asks_something_else(m.group(3)) else "," + m.group(1), body)
    lines = body.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if _LEAD_IN.match(lines[i]) and not _GREETING.match(lines[i]):
            items, j = _items_after(lines, i + 1)
            # one question mark per item: an item with two questions is two asks of its own
            if 2 <= len(items) <= MAX_GROUPED and all(item.count("?") == 1 for item in items):
                out.append(" ".join(item.strip().replace("?", ",") for item in items[:-1]) + " " + items[-1].strip())
                i = j
                continue
        i += 1
    return "\n".join(out)


def _items_after(lines: list[str], start: int) -> tuple[list[str], int]:
    """The question lines from `start` on (blank lines between them skipped) and the index of the first line after."""
    items: list[str] = []
    j = start
    while j < len(lines) and (not lines[j].strip() or _ITEM.match(lines[j])):
        if lines[j].strip():
            items.append(lines[j])
        j += 1
    # blank lines after the last question belong to what follows
    while j > start and not lines[j - 1].strip():
        j -= 1
    return items, j
