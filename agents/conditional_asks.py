"""Asks said as an offer on a condition of convenience, and a fallback that asks something new (issue 11, wave 38:
the ask counter's noticed holes).

agents.next_steps counts a question or a next-step imperative as an ask. Two forms were miscounted:
- an offer of a day with "if that suits" asks the buyer to accept it as "Would December 3 suit you?" does: "Happy to go
  through it on December 3 if that suits", "Gern gehe ich es am Donnerstag mit Ihnen durch, wenn Ihnen das passt", "Je
  peux vous le présenter jeudi, si cela vous convient", "Podemos revisarla el jueves, si le viene bien". It was not
  counted, so a draft whose only ask it was read "0 ask(s)". It counts only with a day, a date or a clock time in the
  sentence: without one ("happy to help if that suits") there is nothing to accept. It counts only in a draft that
  asks nothing else: beside a question ("- Thursday at 10 am: a walkthrough, if that suits you ... Does that order
  work for you?", set 42's en-g1 and en-g6) the question is the ask that accepts it;
- "If not, ..." after a question opens another answer to it ("If not, send me a time that does") only when what
  follows is about the time or the answer; "Would Tuesday work? If not, could Marcus send the budget?" asks for a
  different thing and is a second ask (agents.grouped_asks merged it into the first).
- (wave 39, set 51's de-g6 and es-g2; its own module until the wave's review) a request that waits on a change or on
  the buyer's wish ("If the number of trucks has changed, let me know", "Si quiere que lo ajustemos, dígamelo") asks
  nothing unless that holds: beside another ask it is none; alone it is the draft's one ask (`contingent_ask`)."""

from __future__ import annotations

import re

_IF_IT_SUITS = re.compile(
    r"\b(?:if (?:that|this|it|the (?:day|date|time|slot)) (?:suits|works|fits|is (?:convenient|ok|okay|fine|good))"
    r"(?: (?:for )?you)?|if (?:that's|it's) (?:convenient|ok|okay|fine|good)(?: (?:for|with) you)?|"
    r"if you(?:'re| are) (?:free|available)(?: then)?|"
    r"(?:wenn|falls) (?:ihnen )?(?:das|dies|es|der termin|der tag)(?: ihnen)? (?:passt|recht ist|zusagt|gelegen ist)|"
    r"(?:wenn|falls) sie (?:da |dann )?(?:zeit|können)\b|"
    r"si (?:cela|ça|ce(?:la)? jour|ce créneau|l'horaire) vous (?:convient|arrange|va)|si vous êtes disponible|"
    r"si (?:le|les) (?:viene|va|parece) bien|si (?:le|les) (?:conviene|encaja)|si (?:está|están) disponibles?)\b", re.I)
"""A condition of the buyer's convenience that hands them the choice."""
_A_DAY_OR_TIME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"morgen|nächste woche|lundi|mardi|mercredi|jeudi|vendredi|demain|semaine prochaine|lunes|martes|miércoles|jueves|"
    r"viernes|mañana|próxima semana|semana que viene)\b", re.I)


def conditional_offer(sentence: str, has_date_or_time: bool) -> bool:
    """Whether `sentence` offers a day or a time on the condition that it suits the buyer (the caller says whether
    it holds a date or a clock time; a weekday or "next week" is read here)."""
    return bool(_IF_IT_SUITS.search(sentence)) and "?" not in sentence and (
        has_date_or_time or bool(_A_DAY_OR_TIME.search(sentence)))


_ABOUT_THE_ANSWER = re.compile(
    r"\b(?:time|times|day|days|date|dates|slot|slots|hour|morning|afternoon|evening|week|when|works?|suits?|fits?|"
    r"convenient|better|prefer\w*|instead|alternative|another|other|option|"
    r"zeit\w*|tag|tage|termin\w*|datum|uhrzeit|vormittag|nachmittag|woche|wann|passt|passen|lieber|besser|anderen?|"
    r"alternative|créneaux?|jours?|dates?|heures?|horaires?|moment|matin|après-midi|semaine|quand|convient|"
    r"arrange|mieux|préf\w*|autre|horarios?|días?|fechas?|horas?|momento|semana|cuándo|va bien|viene bien|mejor|"
    r"prefier\w*|otr[oa])\b|\d|" + _A_DAY_OR_TIME.pattern, re.I)


def asks_something_else(rest: str) -> bool:
    """Whether what follows a fallback's opening ("If not, ...") asks about something other than the time or the
    answer of the ask before it: a question or a request naming none of those words."""
    return _ABOUT_THE_ANSWER.search(rest) is None and bool(re.search(r"\?|\b(?:please|bitte|s'il vous plaît|por favor)\b",
                                                                      rest, re.I))


_OPENS_ON_A_CONDITION = re.compile(r"^\W*(?:and\s+|und\s+|et\s+|y\s+)?(?:if|should|in case|falls|wenn|sofern|sollte|si|s['’]|"
                                   r"(?:möchten|wünschen|wollen|brauchen) sie\b[^,]*,)", re.I)
"""(German opens a condition on its verb too: "Möchten Sie, dass wir ergänzen, geben Sie mir Bescheid".)"""
_CHANGE_OR_WISH = re.compile(
    r"\b(?:(?:has|have|had) (?:\w+ )?(?:changed|moved|shifted)|changes?|you(?:['’]d| would)? (?:like|want|prefer|wish)|"
    r"(?:ge|ver)ändert|ändert|ändern|geändert haben|(?:wünschen|möchten|wollen) sie|sollen wir|"
    r"sie\b(?:\s+\S+){0,6}?\s+(?:möchten|wünschen|wollen|brauchen|benötigen)|"
    r"(?:a|ont) (?:changé|évolué|bougé)|changé|évolué|vous (?:souhaitez|voulez|préférez|désirez|souhaiteriez|voudriez|"
    r"aimeriez)|(?:ha|han) (?:cambiado|variado)|cambia|(?:quiere|desea|prefiere)n?|le gustaría)\b", re.I)
"""What the condition waits on: a change in what we know, or the buyer wishing for something (wave 40: any wish, not
only that we change something: "If you want the comparison too, tell me" waits on the buyer as "If you'd like us to
add it, let me know" does, in every language; German and Spanish counted it as a full ask, English and French not at
all)."""
_TELL_ME = re.compile(
    r"\b(?:(?:just |please |simply )*(?:tell me|let me know|drop me a (?:line|note)|give me a shout)|"
    r"(?:geben sie mir|sagen sie mir|lassen sie (?:es )?mich)(?: (?:bitte|kurz|einfach|gern))* (?:bescheid|wissen|es)|"
    r"sagen sie es mir|melden sie sich|"
    r"dites-le-moi|dites-moi|faites-le-moi savoir|faites-moi signe|prévenez-moi|indiquez-le-moi|"
    r"d[ií]gamelo|d[ií]game|av[ií]seme|h[aá]gamelo saber|h[aá]game saber|com[uú]nquemelo)\b", re.I)
_ASKS_WHICH = re.compile(r"\b(?:which|when|what|welche[rsmn]?|wann|was|quel(?:le)?s?|quand|cu[aá]l(?:es)?|cu[aá]ndo|"
                         r"qu[eé])\b", re.I)
"""After the request, a question word asks for something in any case ("..., let me know which day works")."""
_POLITE_REQUEST = re.compile(r"\b(?:you could|you can|you would|sie könnten|vous pouviez|vous pourriez|pudiera|podría)\b",
                             re.I)


def contingent_ask(sentence: str) -> bool:
    """Whether a whole sentence asks to be told only if something changed or the buyer wants it changed ("If the
    number of trucks has changed, let me know", "Falls sich etwas geändert hat, geben Sie mir Bescheid", "Si vous
    souhaitez qu'on ajuste le périmètre, dites-le-moi", "Si quiere que lo ajustemos, dígamelo")."""
    if "?" in sentence or _POLITE_REQUEST.search(sentence):
        return False
    if not _OPENS_ON_A_CONDITION.search(sentence):
        return _asked_first(sentence)
    tell = _TELL_ME.search(sentence)
    return tell is not None and _CHANGE_OR_WISH.search(sentence[:tell.start()]) is not None \
        and _ASKS_WHICH.search(sentence[tell.end():]) is None


_TELL_FIRST = re.compile(rf"^\W*(?:and\s+|und\s+|et\s+|y\s+)?{_TELL_ME.pattern},?\s+(?:if|wenn|falls|sofern|si|s['’])\b", re.I)
_A_CHOICE = re.compile(r"\b(?:or|oder|ou|o)\b|\d", re.I)


def _asked_first(sentence: str) -> bool:
    """wave 40: the request before its condition ("Let me know if you want the comparison too", "Geben Sie mir
    Bescheid, wenn Sie die Übersicht möchten", "Dites-moi si vous voulez la comparaison", "Dígame si quiere la
    comparación") waits on the buyer as "If you want it, tell me" does. A day, a figure, a choice ("Thursday or
    Friday") or a question word after it is asked in any case."""
    tell = _TELL_FIRST.search(sentence)
    rest = sentence[tell.end():] if tell else ""
    return tell is not None and _CHANGE_OR_WISH.search(rest) is not None and _ASKS_WHICH.search(rest) is None \
        and _A_CHOICE.search(rest) is None and _A_DAY_OR_TIME.search(rest) is None
