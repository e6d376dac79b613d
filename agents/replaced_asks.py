"""The buyer's request swapped for another step, or sent only after one (issue 11, wave 29: set 38's en-b6 "Before I
put the proposal together, it would help to run one more demo ... I will send the proposal after that", fr-b8
"Plutôt qu'une proposition tout de suite, que diriez-vous d'un essai de trois semaines ?", where the buyer asked for
the proposal).

agents.deferred_asks reads "before I send the proposal" and "once signed" in the clause that names the request. Two
other shapes name the request too, and so passed as taking it up:

- the request as what the step replaces: "instead of / rather than a proposal", "statt eines Angebots", "plutôt
  qu'une proposition", "au lieu de", "en lugar de / en vez de la propuesta";
- the request sent *after* another step the draft puts first: "I will send the proposal after that / afterwards /
  after the demo", "das Angebot schicke ich danach / im Anschluss", "la proposition ensuite / après l'essai", "la
  propuesta después / luego / tras la prueba", when the draft proposes a demo, a trial, a call or a meeting; and
  "before I put the proposal together / finalise it" with such a step in the sentence.

None of it holds when the draft also gives the request its own coming day ("Rather than a long proposal, I kept it to
two pages; it reaches you on Friday"): the buyer still has what they asked for when they asked for it.
"""

from __future__ import annotations

import re

from agents.facts import find_dates
from agents.moments import ASK_TOPICS, Ask
from agents.next_steps import COMING_DAY, dated_next_step
from agents.normalize import normalise
from agents.sentence_ends import clause_parts
from agents.stated_steps import stated_step

_INSTEAD = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|(?:an)?statt|anstelle|plutôt\s+qu(?:e\s+|')|au\s+lieu\s+d(?:e\s+|')|"
    r"en\s+lugar\s+de|en\s+vez\s+de)",
    re.I,
)
"""What follows is what the step replaces."""
_AFTER = re.compile(
    r"\b(?:after\s+(?:that|this|the\s+(?:demo|trial|pilot|call|meeting|session|workshop|visit))|afterwards|afterward|"
    r"danach|anschließend|im\s+anschluss|nach\s+(?:der|dem)\s+(?:demo|testphase|termin|gespräch|workshop|test)|"
    r"ensuite|après\s+(?:cela|ça|la\s+démo\w*|l'essai|le\s+pilote|l'appel|la\s+réunion)|par\s+la\s+suite|"
    r"después|luego|más\s+adelante|tras\s+(?:la|el)\s+(?:demo|prueba|piloto|llamada|reunión|visita))\b",
    re.I,
)
"""The thing sent only after something else."""
_BEFORE = re.compile(
    r"\b(?:before\s+(?:i|we)\s+(?:\w+\s+){0,4}?(?:together|finali[sz]e|finish|complete|prepare|write|send)|"
    r"bevor\s+(?:ich|wir)\s+(?:\w+\s+){0,4}?(?:fertig\w*|erstelle\w*|schreibe\w*|schicke\w*|ausarbeite\w*)|"
    r"avant\s+de\s+(?:finaliser|boucler|rédiger|préparer|envoyer|monter)|"
    r"antes\s+de\s+(?:cerrar|preparar|redactar|enviar|terminar)\w*)\b",
    re.I,
)
_OTHER_STEP = re.compile(
    r"\b(?:demo|demos|trial|pilot|call|meeting|workshop|visit|presentation|walkthrough|"
    r"demo|vorführung|testphase|test|termin|gespräch|besuch|präsentation|"
    r"démo|démonstration|essai|pilote|appel|réunion|visite|présentation|"
    r"prueba|piloto|llamada|reunión|visita|presentación)\b",
    re.I,
)
"""Another step a draft may put before the request."""
_DETERMINER = re.compile(
    r"^\s*(?:a|an|the|your|our|une?|la|le|l'|les|des|vos|votre|notre|eine[mns]?|einer|den|der|die|das|des|dem|ihr\w*|"
    r"unser\w*|el|los|las|una?|su|sus|nuestr\w*)\b\s*(?P<rest>.*)$",
    re.I | re.S,
)
"""The replaced thing as a noun with its article ("rather than a proposal", "statt eines Angebots", "au lieu de la
proposition"), perhaps with an adjective: "rather than quote figures by email" replaces a way of writing, not the
request (set 21's en-g2)."""


def _dated(sentence: str) -> bool:
    return bool(COMING_DAY.search(sentence) or find_dates(sentence))


def replaced_ask(ask: Ask | None, body: str) -> str:
    """Why the draft swaps the buyer's latest request for another step or puts it after one, or an empty string."""
    if ask is None:
        return ""
    topics = [p for t, p in ASK_TOPICS if t in ask.topics and t not in ("meeting", "demo")]
    if not topics:
        return ""
    sentences = [s for s in clause_parts(normalise(body)) if s.strip()]
    named = [s for s in sentences if any(p.search(s) for p in topics)]

    # "rather than a proposal right away": the request is what "instead of" governs, up to the clause's end
    def replaced(s: str) -> bool:
        m = _INSTEAD.search(s)
        if m is None:
            return False
        governed = _DETERMINER.match(re.split(r"[,;]", s[m.end() :])[0])
        if governed is None:
            return False
        words = governed.group("rest").split()
        # the noun right after the article, or after one or two adjectives ("rather than a full written proposal")
        return any(p.match(" ".join(words[i:])) for i in range(3) for p in topics)

    # the request, or the document as "it", given its own coming day outside a question and beside no other step:
    # the buyer has it when they asked ("Rather than a long proposal, I kept it to two pages; it reaches you Friday")
    if any(
        "?" not in s
        and _dated(s)
        and not replaced(s)
        and not _AFTER.search(s)
        and not _OTHER_STEP.search(s)
        and (s in named or stated_step(s) or dated_next_step(s))
        for s in sentences
    ):
        return ""
    other_step = any(_OTHER_STEP.search(s) for s in sentences)
    for s in named:
        if replaced(s):
            return f"offers another step instead of what the buyer asked for: {s.strip()[:80]!r}"
        if other_step and (m := _AFTER.search(s)) and not _dated(s):
            return (
                f"sends what the buyer asked for only after another step ({m.group(0)!r}): {s.strip()[:80]!r}"
            )
        if (m := _BEFORE.search(s)) and _OTHER_STEP.search(s) and not _dated(s):
            return f"puts another step before what the buyer asked for ({m.group(0)!r}): {s.strip()[:80]!r}"
    return ""
