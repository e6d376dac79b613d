"""What other customers pay, said to stay confidential: "we never share what other fleets pay", "Was andere Kunden
zahlen, geben wir nie weiter", "nous ne communiquons jamais les prix d'autres clients", "nunca compartimos lo que pagan
otros clientes" (issue 11, wave 37, set 47's 111). It states no price and promises nothing about one: the no-cost
concept (agents.concepts) and the price-talk check (agents.price_talk) leave the span out. A contrast in the sentence
ends the span ("we never share what others pay, but yours is free" is still read after "but")."""

from __future__ import annotations

import re

_OTHERS = re.compile(
    r"\b(?:other|another|andere[nmrs]?|weitere[nmrs]?|autres?|otr[oa]s?|dem[aá]s)\s+(?:\w+\s+)?"
    r"(?:customers?|clients?|fleets?|buyers?|accounts?|companies|firms|practices|clinics|operators|"
    r"kunden|flotten|betriebe|praxen|unternehmen|firmen|clients?|entreprises|flottes|cabinets|"
    r"clientes|empresas|flotas|cl[ií]nicas)\b", re.I)
_MONEY = re.compile(r"\b(?:pay\w*|paid|prices?|pricing|terms|rates|zahl\w*|bezahl\w*|preis\w*|konditionen|pai\w*|prix|tarifs?|"
                    r"conditions|pag\w*|precios?|tarifas?|condiciones)\b", re.I)
_KEPT = re.compile(r"\b(?:share|sharing|disclose\w*|reveal\w*|pass(?:ed)?\s+on|publish\w*|confidential|private|"
                   r"weiter(?:gegeben|geben)?|offenleg\w*|nennen|preisgeben|vertraulich\w*|"
                   r"communiqu\w*|divulgu\w*|partag\w*|révél\w*|transmet\w*|confidentiel\w*|"
                   r"compart\w*|revel\w*|divulg\w*|comunic\w*|confidencial\w*)\b", re.I)
_NEVER = re.compile(r"\b(?:never|not|don['’]t|do\s+not|won['’]t|cannot|can['’]t|confidential|private|nie|niemals|"
                    r"nicht|vertraulich\w*|jamais|pas|confidentiel\w*|nunca|jamás|no|confidencial\w*)\b", re.I)
_CONTRAST = re.compile(r"\b(?:but|however|aber|jedoch|sondern|mais|cependant|pero|sino)\b", re.I)


def confidential_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of `sentence` that say other customers' prices or terms are kept confidential."""
    spans, at = [], 0
    for part in _CONTRAST.split(sentence):
        start = sentence.find(part, at)
        at = start + len(part)
        found = [list(p.finditer(part)) for p in (_OTHERS, _MONEY, _KEPT, _NEVER)]
        if all(found):
            matches = [m for ms in found for m in ms]
            spans.append((start + min(m.start() for m in matches), start + max(m.end() for m in matches)))
    return spans


def in_confidential_span(sentence: str, start: int, end: int) -> bool:
    """Whether sentence[start:end] lies inside a statement that other customers' prices stay confidential."""
    return any(s < end and start < e for s, e in confidential_spans(sentence))


def confidential_prices_out(sentence: str) -> str:
    """`sentence` with each confidentiality statement about other customers' prices blanked (same length)."""
    for s, e in confidential_spans(sentence):
        sentence = sentence[:s] + " " * (e - s) + sentence[e:]
    return sentence
