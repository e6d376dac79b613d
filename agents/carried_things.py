"""What the buyer asked a document to carry, and a draft that lists what it carries without it (wave 24, issue 11:
"the writer answers the latest inbound ask first"). Set 32's es-b2: Javier asked for "la propuesta con el calendario
de implantación"; the draft answers "La propuesta le llegará ... con el precio de las licencias y la estimación de
retorno": the topic (the proposal) is taken up, the thing asked for is not.

Wave 23b required a word of the thing anywhere in the draft and refused 43 good drafts that answered it in other words
("por fases", "plan de despliegue", "pour vos 6 ateliers"). Here the rule is narrower: it fires only when the draft
itself says what the document carries ("with ...", "mit ...", "avec ...", "con ...") and neither a word of the asked
thing (cut to five letters) nor one of its synonyms is anywhere in the draft. A draft that names no contents, or says
when the answer comes, is not this rule's concern."""

from __future__ import annotations

import re

from agents.normalize import normalise

_DOC = (r"(?:proposal|offer|quote|quotation|estimate|angebot|kostenvoranschlag|proposition|offre|devis|propuesta|"
        r"oferta|presupuesto|cotización)")
_WITH = r"(?:with|including|incl\.?|mit|inklusive|samt|avec|incluant|con|incluyendo)"
_ASKED_FOR = re.compile(rf"\b{_DOC}\b[^.?!\n]{{0,20}}?\b{_WITH}\s+([^.?!\n;]{{3,80}})", re.I)
_ARTICLE = (r"(?:the|a|an|all|your|our|den|die|das|dem|der|ein|eine[mnr]?|ihre[mnr]?|unsere[mnr]?|le|la|les|l'|un|une|"
            r"vos|votre|nos|notre|el|los|las|una?|sus?|nuestr[oa]s?)\b")
_RELATIVE = r"\b(?:that|which|who|die|der|das|den|dem|welche\w*|que|qui|dont|quien|cual)\b"
_SAID_TO_CARRY = re.compile(
    rf"\b{_DOC}\b(?:(?!{_RELATIVE})[^.?!\n]){{0,80}}?\b{_WITH}\s+({_ARTICLE}[^.?!\n;]{{3,120}})", re.I)
"""The draft says what the document carries: "with" and a thing (an article or a possessive first: "con el precio",
not "con Lucía en copia"), said of the document itself (no relative clause between them: "la propuesta que Javier
recibirá ... he añadido una página con la estimación" says what the page carries)."""
_SAME_AS = re.compile(
    r"(?:the\s+same|(?:den|dem|die|das)(?:selben?|gleichen?)|(?:les?|la)\s+m[êe]mes?|(?:el|la|los|las)\s+mism[oa]s?)\b"
    r"[^.?!\n;]{0,60}?\b(?:as|wie|que|qu')\b", re.I)
"""wave 41 (qual41's probe es-g12, "La propuesta ... sale el viernes 27 de noviembre, con la misma base que la
estimación de retorno"): "with the same figures as", "mit denselben Annahmen wie", "avec les mêmes hypothèses que"
compare the document with one the buyer has; they say what it rests on, not what it carries."""
_ANOTHER_WITH = re.compile(rf"\b{_WITH}\s+{_ARTICLE}", re.I)


def _carries(span: str) -> bool:
    """Whether the words after "with" name contents: a comparison does not, unless another "with" follows it ("con los
    mismos supuestos que la estimación y con el precio de las licencias")."""
    same = _SAME_AS.match(span)
    return same is None or _ANOTHER_WITH.search(span, same.end()) is not None


_STOP = frozenset("""the and for with your our this that their des les une pour avec dans sur los las del una por con
para die der das den dem und mit für ihre ihren unser unsere which what""".split())
SYNONYMS = (
    # a rollout's timing: the same thing, whatever the buyer called it
    frozenset("calen crono timel sched rollo phase phasi fases etapa despl implan imple zeitp einfü einfu phasen "
              "etapp plann calend deplo déplo".split()),
    # seats, licences, users: one count
    frozenset("licen lizen seats users nutze utili usuar plaza platz poste".split()),
    # price, cost, budget
    frozenset("price preis prix preci costs coste kosten coût budge presu".split()),
)
"""Words (cut to five letters) that name one thing across our four languages; a word of the asked thing in one group
is answered by any word of that group."""


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", text.lower()) if w not in _STOP}


def _widened(stems: set[str]) -> set[str]:
    out = set(stems)
    for group in SYNONYMS:
        if stems & group:
            out |= group
    return out


def carried_thing_left_out(question: str, body: str) -> str:
    """The thing the buyer asked the document to carry, when the draft lists the document's contents without it; empty
    when the question asks for no such thing, the draft lists no contents, or it names the thing in any words."""
    asked = _ASKED_FOR.search(normalise(question))
    if not asked:
        return ""
    thing = _stems(asked.group(1))
    if not thing:
        return ""
    said = normalise(body)
    if not any(_carries(m.group(1)) for m in _SAID_TO_CARRY.finditer(said)):
        return ""
    if _widened(thing) & _stems(said):
        return ""
    return asked.group(1).strip()
