"""Where a sentence ends, for agents.concepts (issue 11, wave 38's note on qual48's checks).

The concept rules split a text at every full stop followed by a space, so German ordinal dates and abbreviations broke
one sentence in two: "Das Angebot vom 28. Oktober gilt weiter." became "Das Angebot vom 28." and "Oktober gilt
weiter.", and "z. B.", "Nr. 4512", "ca. 40", "bzw." did the same. A rule that needs its words in one sentence (a price
word and a "more", a promise and its negation, a question mark that makes a statement a question) then read halves.

A full stop ends no sentence here after an ordinal day before a month ("28. Oktober", "3. Dez."), after a common
abbreviation of the four languages ("z. B.", "d. h.", "bzw.", "ca.", "inkl.", "Dr.", "e.g.", "approx.", "p. ej.",
"env."; "Nr.", "No.", "núm.", "S." only before their number), or before a word in lower case (no sentence of ours begins with one). French "1er" and Spanish "n.º"
(normalised "n.o") never had a full stop before a space. Everything else splits as before: "Wir haben 28. Das ist gut."
is two sentences, and so is a sentence ending in a date ("... am 3. Dezember. Danach ...").
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
_MONTH = re.compile(
    r"(?:januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    r"jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez)\b", re.I)
_ORDINAL_DAY = re.compile(r"(?<![\d.])(?:[1-9]|[12]\d|3[01])\.$")
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:z\.|z\.\s?b\.|d\.|d\.\s?h\.|u\.|u\.\s?a\.|bzw\.|ca\.|inkl\.|exkl\.|zzgl\.|ggf\.|evtl\.|vgl\.|"
    r"hr\.|hrn\.|dr\.|prof\.|mr\.|mrs\.|ms\.|e\.g\.|i\.e\.|vs\.|approx\.|p\.|p\.\s?ej\.|sr\.|sra\.|srta\.|dña\.|"
    r"mme\.|mlle\.|env\.|cf\.)$", re.I)
_BEFORE_A_NUMBER = re.compile(r"(?<![\w.])(?:nr\.|nrn\.|no\.|nos\.|núm\.|s\.|abs\.|tel\.|réf\.|ref\.)$", re.I)
""""No." and "S." end sentences too ("No. We sign Friday."): read as abbreviations only before their number."""
_LOWER_START = re.compile(r"[a-zäöüßàâçéèêëîïôûùüÿñáíóú]")


def _joined(before: str, after: str) -> bool:
    """Whether the full stop that ends `before` ends no sentence, given the text `after` it."""
    if not before.endswith("."):
        return False
    tail = before[-12:]
    if _ORDINAL_DAY.search(tail) and _MONTH.match(after):
        return True
    if _BEFORE_A_NUMBER.search(tail) and after[:1].isdigit():
        return True
    return bool(_ABBREVIATION.search(tail)) or bool(_LOWER_START.match(after))


def sentence_spans(text: str) -> list[str]:
    """The sentences of `text` (already normalised), each a slice of it, empty ones left out."""
    out: list[str] = []
    start = 0
    for m in _BREAK.finditer(text):
        before, after = text[start:m.start()], text[m.end():]
        if "\n" in m.group(0) or not _joined(before, after):
            out.append(before)
            start = m.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]
