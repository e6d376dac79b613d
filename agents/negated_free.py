"""A free word negated by its own verb: "Shipping is not free", "Der Versand ist nicht kostenlos", "La livraison n'est
pas gratuite", "El envío no es gratuito" (issue 11, wave 32). The sentence says the thing costs money: no promise, in
any role. The rules that read a free word (agents.claims' "free extra", agents.concepts' "something free", "a
concession" and "no cost", agents.price_talk's "gratuit") skip a match inside such a span.

Only the copula's own negation counts, right before the free word ("is not free", "ne sont pas offertes", "no es
gratis"); a negation of something else in the sentence does not ("Don't worry, shipping is free", "Keine Sorge, der
Versand ist kostenlos"), nor a negated free word followed by a contrast that gives it back ("not free for others, but
free for you", "nicht kostenpflichtig, er ist kostenlos")."""

from __future__ import annotations

import re

from agents.sentence_ends import sentence_around

_FREE_WORD = (
    r"free(?:\s+of\s+charge)?|for\s+free|complimentary|gratis|"
    r"kostenlos|kostenfrei|umsonst|unentgeltlich|gebührenfrei|"
    r"gratuite?s?|offerte?s?|"
    r"gratuit[oa]s?|sin\s+(?:coste|costo|cargo)"
)
_DEGREE = (r"(?:(?:entirely|completely|totally|quite|always|necessarily|ganz|völlig|immer|leider|"
           r"tout\s+à\s+fait|entièrement|totalement|toujours|forcément|malheureusement|"
           r"del\s+todo|totalmente|siempre|necesariamente|lamentablemente)\s+)?")
NEGATED_FREE = re.compile(
    # en: "is not free", "isn't free of charge", "won't be free", "are never complimentary"
    rf"\b(?:(?:is|are|was|were|be|come|comes)\s+(?:not|never|no\s+longer)|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|"
    rf"won['’]t\s+be|will\s+not\s+be|doesn['’]t\s+come|does\s+not\s+come)\s+{_DEGREE}(?:{_FREE_WORD})\b|"
    # de: "ist nicht kostenlos", "sind leider nicht gratis", "wird nicht kostenfrei sein"
    rf"\b(?:ist|sind|war|waren|wird|werden|bleibt|bleiben)\s+(?:\w+\s+){{0,2}}?{_DEGREE}(?:nicht|nie|keineswegs)\s+"
    rf"(?:mehr\s+)?{_DEGREE}(?:{_FREE_WORD})\b|"
    # fr: "n'est pas gratuite", "ne sont pas offertes", "ne sera plus gratuit"
    rf"\b(?:n['’]\s*(?:est|était|étaient)|ne\s+(?:sont|sera|seront|serait|seraient|est|reste|restent))\s+"
    rf"(?:pas|jamais|plus)\s+{_DEGREE}(?:{_FREE_WORD})\b|"
    # es: "no es gratuito", "no son gratis", "no será sin coste", "no sale gratis"
    rf"\bno\s+(?:es|son|era|eran|será|serán|sería|sale|salen|resulta|resultan|viene|vienen|va|van)\s+"
    rf"{_DEGREE}(?:{_FREE_WORD})\b",
    re.I,
)
_CONTRAST = re.compile(r"\b(?:but|however|aber|sondern|jedoch|mais|cependant|pero|sino)\b|[:;—–]", re.I)


def negated_free_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` where a free word is negated by its own verb and no contrast follows in its sentence."""
    spans = []
    for m in NEGATED_FREE.finditer(text):
        if _CONTRAST.search(text[m.end() : sentence_around(text, m.end())[1]]):
            continue  # "... not free for others, but free for you": the contrast gives it back
        spans.append(m.span())
    return spans


_CUES = ("free", "complimentary", "kosten", "gratis", "umsonst", "entgelt", "gebühr", "gratu", "offert", "sin co", "sin ca")
"""Substrings a negated free word needs (lower-cased): most texts have none, and the pattern is not run."""
_ANY_FREE = re.compile(rf"\b(?:{_FREE_WORD})\b", re.I)


def free_word_negated(text: str, start: int, end: int) -> bool:
    """Whether the match text[start:end] is a negated free word: it overlaps a negated span and holds no free word
    outside it ("Shipping is not free" as the goods-then-free match; "nicht kostenlos" as a negation near a cost)."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return False
    for s, e in negated_free_spans(text):
        if s < end and start < e and not _ANY_FREE.search(text[start:s] + " " + text[e:end]):
            return True
    return False


def mask_negated_free(text: str) -> str:
    """`text` with every negated free word's span blanked (same length): a check that reads free words sees none."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return text
    for s, e in negated_free_spans(text):
        text = text[:s] + " " * (e - s) + text[e:]
    return text
