"""A draft that doubts the buyer's team can do its own job (issue 11, wave 27: set 36's es-b4 "Con el consumo que
tienen ahora, está claro que hace falta alguien que controle el combustible por ustedes").

agents.draft_tone reads reproach for silence or lateness. This is the other reproach a buyer should never read: that
they need someone to do their work for them, or that they cannot manage it. Read in three shapes in en/de/fr/es: a
"clearly"/"está claro que" with "you need someone"; someone doing a task of theirs "for you" / "in your place" /
"por ustedes"; and "you don't know how to" control or manage ("if you can't manage Tuesday" is no doubt and passes). An offer of our help ("we can set the accounts
up for you", "someone from our team will walk you through it") names our side's work, not their failing, and passes.
"""

from __future__ import annotations

import re

from agents.normalize import fold_accents as _fold

_TASK = (
    r"(?:control\w*|manag\w*|handl\w*|run\w*|keep\w*\s+(?:an\s+eye\s+on|track\s+of|on\s+top\s+of)|sort\w*\s+out|"
    r"kontrollier\w*|steuer\w*|im\s+griff|uberwach\w*|verwalt\w*|"
    r"control\w*|maitris\w*|gere\w*|gerer|surveill\w*|"
    r"control\w*|gestion\w*|manej\w*|vigil\w*|llev\w*)"
)
_DOUBT = re.compile(
    rf"""(?:
    \b(?:clearly|obviously|evidently|it\s+is\s+clear|it's\s+clear)\b[^.?!\n]{{0,40}}\b(?:need|needs|require|requires)\s+
        (?:\w+\s+)?(?:someone|somebody|outside\s+help)
    |\byou\s+(?:clearly\s+|obviously\s+)?need\s+(?:someone|somebody)\s+(?:to|who)\s+(?:\w+\s+){{0,3}}{_TASK}
    |\b(?:someone|somebody)\s+(?:to|who)\s+(?:\w+\s+){{0,2}}{_TASK}\s+(?:\w+\s+){{0,4}}(?:for\s+you|on\s+your\s+behalf|instead\s+of\s+you)\b
    |\byou(?:r\s+team)?\s+(?:clearly\s+|obviously\s+)?(?:don't|do\s+not)\s+know\s+how\s+to\s+(?:\w+\s+)?{_TASK}
    |\b(?:offensichtlich|ganz\s+klar|eindeutig|es\s+ist\s+klar)\b[^.?!\n]{{0,40}}\b(?:brauchen\s+sie|braucht\s+es|fehlt\s+(?:ihnen\s+)?)
        \s*(?:\w+\s+)?(?:jemand\w*|hilfe\s+von\s+aussen)
    |\bjemand\w*,?\s+(?:der|die)\s+(?:\w+\s+){{0,4}}fur\s+sie\s+{_TASK}|\bjemand\w*,?\s+(?:der|die)\s+(?:\w+\s+){{0,5}}an\s+ihrer\s+stelle
    |\bsie\s+(?:haben|bekommen|kriegen)\s+(?:\w+\s+){{0,3}}nicht\s+im\s+griff
    |\bil\s+vous\s+faut\s+(?:clairement\s+|visiblement\s+|manifestement\s+)?quelqu'un
    |\b(?:clairement|manifestement|visiblement|il\s+est\s+clair\s+que|de\s+toute\s+evidence)\b[^.?!\n]{{0,40}}\bquelqu'un\s+(?:pour|qui)
    |\bquelqu'un\s+(?:pour|qui)\s+(?:\w+\s+){{0,5}}(?:a\s+votre\s+place|pour\s+vous)\b
    |\bvous\s+ne\s+(?:savez|parvenez|arrivez)\s+pas\s+(?:a\s+)?(?:\w+\s+)?(?:controler|gerer|maitriser|surveiller)|\bvous\s+ne\s+maitrisez\s+pas
    |\b(?:esta\s+claro|es\s+evidente|obviamente|claramente|se\s+nota)\b[^.?!\n]{{0,40}}\b(?:hace\s+falta|necesitan|necesita)\s+
        (?:\w+\s+)?alguien
    |\balguien\s+que\s+(?:\w+\s+){{0,5}}(?:por\s+(?:ustedes|usted|ti|vosotros)|en\s+su\s+lugar)\b
    |\bno\s+(?:saben|sabe)\s+(?:\w+\s+)?{_TASK}
    )""",
    re.X,
)


def doubted_competence(body: str) -> list[str]:
    """Sentences telling the buyer they need someone to do their job, or cannot do it."""
    return [
        f"doubts the buyer's team can do its job: {m.group(0).strip()[:80]!r}"
        for m in _DOUBT.finditer(_fold(body))
    ]
