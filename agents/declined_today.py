"""A same-day meeting declined, not proposed (issue 11, wave 33, set 42's en-g4, de-g3, fr-g3, es-g3 and benign 034):
"I can't make a call today, but Tuesday at 10 works", "heute schaffe ich ein Gespräch leider nicht", "Je ne pourrai
pas vous appeler aujourd'hui", "Hoy no puedo llamarle". Such a clause names today and a call only to say no to it;
agents.timing reads the rest of the sentence for a same-day proposal.

A clause counts as declining only when it names today, says we cannot meet then (a first-person "can't" before a
meeting word, "today is tight", "heute ... leider nicht", "ne ... pas", "no puedo") and is neither a question ("Can't we
talk today?" asks for today) nor a condition ("if you can't talk today, ..." sets no day of ours); "I can't wait to
talk today" declines nothing (no meeting word right after the "can't")."""

from __future__ import annotations

import re

_CLAUSE_BREAK = re.compile(
    r"\s*[,;:–—]\s*|\s+(?=(?:but|and|so|instead|aber|und|sondern|deshalb|mais|et|donc|pero|y|sino|así que)\b)", re.I)
_TODAY = re.compile(r"\b(?:today|heute|aujourd['’]hui|hoy)\b", re.I)
_CONDITION = re.compile(r"^\W*(?:and\s+|und\s+|et\s+|y\s+)?(?:if|unless|whether|wenn|falls|ob|sofern|si|sauf si|à moins|"
                        r"a menos|en caso de)\b", re.I)
_MEET = (r"(?:call|meet|talk|speak|chat|ring|phone|catch up|hop on|join|video)\w*")
_DECLINE = re.compile(
    # en: a first-person "can't" governing a meeting ("I can't do a call today", "we won't be able to speak today"),
    # or today itself said to be full ("today is tight on my side", "today doesn't work")
    rf"\b(?:i|we)\s+(?:can['’]t|cannot|can not|won['’]t|will not|couldn['’]t|(?:won['’]t|will not) be able to|"
    rf"(?:am|are) (?:not able|unable) to)\s+(?:(?:do|make|manage|fit in|squeeze in|take|have|give you)\s+)?"
    rf"(?:(?:a|the|our|you|a quick)\s+)?{_MEET}|"
    r"\btoday\s+(?:is|looks|will be|won['’]t be)\s+(?:too\s+|very\s+|a bit\s+)?(?:tight|full|packed|booked|impossible|"
    r"difficult|out|not possible)\b|\btoday\s+(?:doesn['’]t|does not|won['’]t|will not)\s+work\b|\bnot today\b|"
    # de: a verb of managing or working with "nicht"/"kein" ("heute schaffe ich ein Gespräch leider nicht", "heute
    # klappt es leider nicht", "heute ist es nicht möglich"), or "heute leider nicht"
    r"\b(?:schaff\w*|kann|können|könnte[n]?|klappt|klappen|geht|gehen|passt|wird|werde|komme)\b.*\b(?:nicht|keine?[nm]?)\b|"
    r"\b(?:nicht|kein\w*)\s+(?:\w+\s+)?möglich\b|\bunmöglich\b|\bheute\s+(?:leider\s+)?nicht\b|"
    # fr: "je ne pourrai pas", "ce n'est pas possible", "impossible"
    r"\bne\s+(?:\w+\s+){0,2}?(?:pourrai|pourrons|peux|pouvons|pourrais|pourrions|serai|serons|suis|sommes|sera|va|vais)"
    r"\s+pas\b|\bn['’](?:est|arrive|y arrive|aurai)\b.*\bpas\b|\bpas\s+(?:possible|aujourd['’]hui)\b|\bimpossible\b|"
    # es: "no puedo", "no me es posible", "hoy no"
    r"\bno\s+(?:me\s+|nos\s+|le\s+)?(?:es\s+posible|será\s+posible|puedo|podré|podemos|podremos|podría|va\s+bien|"
    r"viene\s+bien|llego)\b|\bimposible\b|\bhoy\s+no\b",
    re.I,
)


_ASKING_OPENING = re.compile(r"^\W*(?:can['’]?t|cannot|couldn['’]t|won['’]t|shouldn['’]t|why|können|könnten|kann|geht|passt|"
                             r"klappt|schaffen|warum|wieso|pourquoi|por qué)\b", re.I)
"""A clause that opens as a question does ("Können wir heute nicht telefonieren, Frau Schmidt?"): with a question mark
later in the sentence it asks, whatever the comma before the mark."""


_SAYS_NO = re.compile(
    r"^\W*(?:(?:ce|cela|ça) n['’](?:est|sera) pas (?:possible|faisable|jouable)|ça ne (?:va|sera) pas possible|"
    r"that(?:['’]s| is| will) not (?:possible|going to work|work)|that won['’]t work|"
    r"das (?:geht|klappt) (?:leider )?nicht|das (?:ist|wird) (?:leider )?nicht möglich|"
    r"(?:eso |esto )?no (?:me |nos )?(?:es|será) posible)\b", re.I)
"""A clause that says no to the short phrase before it: "Un appel aujourd'hui, ce n'est pas possible", "Ein Anruf
heute, das klappt leider nicht", "Una llamada hoy, no me es posible"."""
_SHORT_PHRASE_WORDS = 4


def declines_today(clause: str) -> bool:
    """True when `clause` names today only to say we cannot meet then (see the module's doc); a clause that asks
    ("Können wir heute nicht telefonieren?", "¿No podemos hablar hoy?") declines nothing."""
    if "?" in clause or "¿" in clause or _CONDITION.search(clause):
        return False
    return bool(_TODAY.search(clause) and _DECLINE.search(clause))


def without_declined_today(sentence: str) -> str:
    """`sentence` without its clauses that decline a meeting today ("I can't call today, but would Tuesday work?" keeps
    "but would Tuesday work?"); unchanged when it declines nothing."""
    if not _TODAY.search(sentence):
        return sentence
    asked = "?" in sentence
    pieces: list[tuple[str, str]] = []  # (the clause, the clause with the break after it)
    start = 0
    for brk in [*_CLAUSE_BREAK.finditer(sentence), None]:
        end = brk.start() if brk else len(sentence)
        pieces.append((sentence[start:end], sentence[start:brk.end()] if brk else sentence[start:]))
        start = brk.end() if brk else start
    drop = set()
    for i, (clause, _) in enumerate(pieces):
        if declines_today(clause) and not (asked and _ASKING_OPENING.search(clause)):
            drop.add(i)
        elif i and _SAYS_NO.search(clause) and "?" not in clause and _TODAY.search(pieces[i - 1][0]) \
                and len(pieces[i - 1][0].split()) <= _SHORT_PHRASE_WORDS:
            drop |= {i - 1, i}  # "Un appel aujourd'hui, ce n'est pas possible": the phrase and its no go together
    return "".join(p for i, (_, p) in enumerate(pieces) if i not in drop).strip() if drop else sentence
