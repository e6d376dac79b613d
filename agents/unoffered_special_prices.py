"""A special price named but not offered (issue 11, wave 35): declined ("we do not offer a special price", "Einen
Sonderpreis können wir leider nicht anbieten", "nous ne proposons pas de prix spécial", "no ofrecemos precios
especiales") or the buyer's question restated ('You asked: "Is there a special price for schools?"', "Marcus asked
whether there is a special price", "Sie fragten, ob es einen Sonderpreis gibt", "Vous demandiez s'il existe un prix
spécial", "Nos preguntó si hay un precio especial").

agents.claims' "special price" refused both, so the honest answer to a buyer who asks for one could not be sent. Still
an offer, and refused: a question of ours that offers it ("Would a special price help?" is not quoted or reported), a
restated question answered yes in its sentence or the next ("... whether there is a special price: yes, and you
qualify"), a refusal with a turn that gives something ("no special price, but 10 % off" or "..., but the first month
is free"), "not only a special price" and a clause of its own after a negated other one ("Don't worry, a special price
is ready").
"""

from __future__ import annotations

import re

from agents.declined_prices import declined_price_at
from agents.negation import negation_governs
from agents.sentence_ends import sentence_around

_NEGATED_OFFER = re.compile(
    # a negated verb of offering or having right before the price, a few words between ("we do not offer a", "there is
    # no", "we have no", "nous ne proposons pas de", "il n'y a pas de", "no ofrecemos", "no hay", "no tenemos")
    r"(?:\b(?:no|not|never|nicht|keine?n?|pas|jamais|nunca)\b|n't\b)(?!\s+(?:only|just|nur|seulement|solo|sólo)\b)"
    r"(?:\s+[\w'’]+){0,2}?\s+(?:offer\w*|give\w*|have|has|had|provide\w*|grant\w*|run|apply|applies|extend\w*|"
    r"biete\w*|gibt|geben|gewähr\w*|haben|hat|propos\w*|off?r\w*|accord\w*|pratiqu\w*|appliqu\w*|avons|existe\w*|"
    r"ofrec\w*|ofrezc\w*|hay|tenemos|tiene\w*|damos|aplic\w*|manej\w*|contamos|existe\w*)"
    r"(?:\s+(?:[\w'’]+)){0,3}?\s*$",
    re.I,
)
_NEGATION_AFTER = re.compile(
    # German puts the negation after the noun: "Einen Sonderpreis gibt es nicht", "Sonderpreise bieten wir nicht an",
    # "einen Sonderpreis haben wir leider keinen"; the clause must end there
    r"^\s+(?:[\w'’]+\s+){0,4}?(?:nicht|keinen|keine|kein)(?!\s+(?:nur|bloß)\b)(?:\s+(?:an|vor|zu|mehr|vorgesehen|"
    r"anbieten|geben|gewähren|einräumen|machen))?\s*(?:[.;!?]|$)",
    re.I,
)
_ASKED = re.compile(
    r"\b(?:asked|asks|asking|wondered|wondering|wanted\s+to\s+know|your\s+question)\s+(?:[\w'’]+\s+){0,3}?"
    r"(?:whether|if|about|for)\b|"
    r"\b(?:fragten|fragte|fragen|gefragt|fragt|wollten\s+wissen|wollte\s+wissen|ihre\s+frage)\b[^.;:!?]{0,40}?\b(?:ob|nach)\b|"
    r"\b(?:demand\w*|vouli\w*\s+savoir|votre\s+question)\b[^.;:!?]{0,30}?\b(?:si|s['’]il|s['’]ils|sur)\b|"
    r"\b(?:pregunt\w*|quer\w*\s+saber|su\s+pregunta)\b[^.;:!?]{0,30}?\b(?:si|por|sobre)\b",
    re.I,
)
_QUOTED_QUESTION = re.compile(r"[\"“„«‹‘'](?:[^\"“”„«»‹›‘’'\n]{0,160}?)\?\s*[\"”“»›’']")
_AFFIRMED = re.compile(
    r"\b(?:yes|yep|sure|of\s+course|absolutely|indeed|you\s+qualify|there\s+is(?!\s+(?:not|no|none)\b|n['’]t)|we\s+can(?!\s*not)|"
    r"ja|natürlich|selbstverständlich|oui|bien\s+sûr|tout\s+à\s+fait|il\s+y\s+en\s+a|"
    r"sí|claro|por\s+supuesto|lo\s+hay|la\s+hay|los\s+hay)\b",
    re.I,
)
_GIVEN_BACK = re.compile(
    r"%|\b(?:percent|prozent|pour\s*cent|por\s*ciento|discount\w*|rabatt\w*|nachlass\w*|remise\w*|rabais|réduction\w*|"
    r"descuento\w*|rebaja\w*|free|gratis|kostenlos|kostenfrei|gratuit\w*|offert\w*|regal\w*|on\s+us|off|lower|cheaper|"
    r"günstiger|moins\s+cher|más\s+barato|credit\w*|gutschrift\w*|bonus|waive\w*|erlass\w*)\b",
    re.I,
)
"""Something given back after a refusal ("no special price, but 10 % off", "..., mais le premier mois est offert")."""
_CLAUSE_END = re.compile(r"[,;:—–]|\b(?:but|however|aber|sondern|jedoch|mais|cependant|pero|sino)\b", re.I)


def _restated_question(text: str, start: int, end: int) -> bool:
    """The price stands in the buyer's question, quoted or reported, and nothing after it answers yes."""
    s0, s1 = sentence_around(text, start)
    quoted = any(q.start() <= start and end <= q.end() for q in _QUOTED_QUESTION.finditer(text, max(0, s0 - 1)))
    if not quoted:
        head = text[s0:start]
        asked = list(_ASKED.finditer(head))
        # the price must stand in the asked clause: no clause break between the cue and it
        if not asked or _CLAUSE_END.search(head, asked[-1].end()):
            return False
    # the rest of the sentence and the next one hold no "yes"
    nxt = sentence_around(text, s1 + 1)[1] if s1 < len(text) else len(text)
    return not _AFFIRMED.search(text, end, nxt)


def _declined(text: str, start: int, end: int) -> bool:
    s0, s1 = sentence_around(text, start)
    head = text[s0:start]
    clause = head[max((m.end() for m in _CLAUSE_END.finditer(head)), default=0):]
    tail = text[end:s1]
    tail_clause = tail[: m.start()] if (m := _CLAUSE_END.search(tail)) else tail
    # only a negation before the price governs it: the one inside "not-for-profit tariff" or "tarifa sin ánimo de lucro"
    # names the rate (set 37's 115 lost its special-rate reason to it)
    if (_NEGATED_OFFER.search(clause) or negation_governs(text, start, start)
            or _NEGATION_AFTER.match(tail_clause + ".")):
        # what follows the refusal in its sentence must give nothing back ("..., but 10 % off")
        return not _GIVEN_BACK.search(tail)
    return declined_price_at(text, start)


def special_price_not_offered(text: str, start: int, end: int) -> bool:
    """Whether the special price text[start:end] is declined or stands in the buyer's restated question."""
    return _declined(text, start, end) or _restated_question(text, start, end)
