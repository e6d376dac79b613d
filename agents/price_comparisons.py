"""A price said through a comparison with an everyday thing (issue 11, wave 26: set 34's 005 "que salga por menos que
un menú del día por camión"; earlier sets' "costs less than a coffee", "weniger als ein Mittagessen", "moins qu'un
abonnement").

`agents.price_talk` reads sentences about our price; `agents.everyday_terms` a price in a unit of goods with a count
("half a tank per truck"). A comparison names no figure at all: it sets the price at "less than", "the price of" or
"no more than" a thing everybody can price, which is a price the record does not hold, whatever the thing is. So the
rule is the shape, not the goods: a comparative of cost followed by an indefinite thing (a, ein, un, una ...) that is
no span of time and no share ("less than a week", "moins d'un tiers"), in a sentence about cost or with a rate (per
truck, pro Fahrzeug, par atelier, por camión). A saving compared ("saves more than a tank a week") is the buyer's figure,
and a thing the buyer's own message compares with is theirs to quote; both pass.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise
from agents.sentence_ends import clause_parts
from agents.street_terms import RATE

_COMPARE = (
    r"(?:less|cheaper|lower|no\s+more|not\s+much\s+more|barely\s+more|little\s+more)\s+than|"
    r"(?:about|roughly|around|just|only)?\s*(?:for\s+|at\s+)?the\s+(?:price|cost)\s+of|as\s+much\s+as|"
    r"what\s+you(?:['’]d|\s+would)?\s+(?:pay|spend)\s+(?:for|on)|"
    r"weniger\s+als|günstiger\s+als|billiger\s+als|nicht\s+mehr\s+als|kaum\s+mehr\s+als|so\s+viel\s+wie|"
    r"zum\s+preis\s+(?:von\s+)?|was\s+(?=ein)|"
    r"moins\s+(?:cher\s+)?qu['’e]\s*|moins\s+d['’]\s*|pas\s+plus\s+qu['’e]\s*|guère\s+plus\s+qu['’e]\s*|(?:pour\s+|au\s+)?le\s+prix\s+d['’e]\s*|"
    r"autant\s+qu['’e]\s*|ce\s+que\s+co[uû]te\s*|"
    r"(?:por\s+)?menos\s+(?:que|de)|más\s+barato\s+que|no\s+más\s+(?:que|de)|(?:por\s+)?el\s+precio\s+de|lo\s+que\s+cuesta|"
    r"lo\s+mismo\s+que|"
    # the comparative split from its "than" by a verb or a period (set 36's 003 "jedes Fahrzeug weniger kostet als eine
    # Tankfüllung pro Quartal", "costs less to run than a coffee", "menos al mes que un café")
    r"(?:less|cheaper|weniger|günstiger|billiger|moins(?:\s+cher)?|menos|más\s+barato)\s+(?:[\w'’-]+\s+){1,3}?"
    r"(?:than|als|qu['’e]\s*|que|de\s+lo\s+que\s+cuesta)|"
    r"(?:equivalent\s+to|equals?|entspricht|entsprechen|gleich\s+viel\s+wie|équiva(?:ut|lent)\s+à|revient\s+à|"
    r"equivale\s+a|equivalente\s+a)"
)
_THING = (
    r"(?:a|an|one|ein|eine|einen|einem|einer|eines|un|une|uno|una)\s+(?P<thing>[^\W\d_][\w'’-]*(?:\s+(?:de[l]?|du|of|"
    r"d['’])?\s*[^\W\d_][\w'’-]*)?)"
)
_COMPARISON = re.compile(rf"\b(?:{_COMPARE})\s*{_THING}", re.I)
_SPAN = re.compile(
    # a span of time or a share: "less than a week", "moins d'une heure", "menos de un tercio" compare no price
    r"^(?:second|minute|hour|day|week|month|quarter|year|half|third|quarter|fraction|percent|tenth|fifth|dozen|few|"
    r"couple|bit|little|lot|sekunde|minute|stunde|tag|tages|woche|monat|monats|quartal|jahr|jahres|hälfte|drittel|"
    r"viertel|bruchteil|prozent|seconde|heure|jour|journée|semaine|mois|trimestre|an|année|moitié|tiers|quart|"
    r"pourcent|segundo|minuto|hora|día|semana|mes|trimestre|año|mitad|tercio|cuarto)(?:s|es|n|en|e)?\b",
    re.I,
)
_COST = re.compile(
    r"\b(?:cost\w*|price\w*|pric\w*|pay\w*|spend\w*|fee|fees|licen[cs]e\w*|subscription\w*|budget|kost\w*|\w*preis\w*|"
    r"zahl\w*|bezahl\w*|gebühr\w*|lizenz\w*|abo\w*|co[uû]t\w*|revient|reviendr\w*|prix|pa[yi]\w*|tarif\w*|abonnement\w*|"
    r"cuest\w*|cost\w*|sale|salga\w*|saldr\w*|salir|precio\w*|pag\w*|cuota\w*|suscripci\w*)\b",
    re.I,
)
_RATE_RE = re.compile(rf"\b{RATE}\b", re.I)
_SAVING = re.compile(
    r"\b(?:sav\w*|spar\w*|einspar\w*|économ\w*|ahorr\w*|lose\w*|loss\w*|verlier\w*|verlust\w*|"
    r"perd\w*|perte\w*|pierd\w*|pérdida\w*)\b",
    re.I,
)
_EFFORT = re.compile(
    # time or effort compared ("kostet weniger Zeit als ein Umzug", "menos tiempo que una reunión"): no price
    r"\b(?:time|effort|work|hassle|hours|days|zeit|aufwand|arbeit|mühe|stunden|temps|travail|efforts?|peine|heures|"
    r"tiempo|trabajo|esfuerzo|horas)\b",
    re.I,
)


def _inbound_texts(ctx: Context) -> list[str]:
    return [
        normalise(f"{a.get('subject') or ''} {a.get('text') or ''}").lower()
        for a in ctx.activities.values()
        if not a.get("withheld") and a.get("direction") == "inbound"
    ]


def compared_prices(text: str, ctx: Context) -> list[str]:
    """Sentences that price the offer through a comparison with an everyday thing.

    Args:
        text: an output text (draft, analysis, rationale).
        ctx: the run's context: a comparison the buyer's own message makes is theirs to quote.

    Returns:
        One reason per such sentence.
    """
    out = []
    inbound: list[str] | None = None
    for sentence in clause_parts(normalise(text)):
        for m in _COMPARISON.finditer(sentence):
            thing = m.group("thing")
            if _SPAN.match(thing) or _SAVING.search(sentence) or _EFFORT.search(m.group(0)):
                continue
            if not (_COST.search(sentence) or _RATE_RE.search(sentence[m.end() :])):
                continue
            if inbound is None:
                inbound = _inbound_texts(ctx)
            if any(thing.split()[0].lower() in t for t in inbound):
                continue
            out.append(
                f"price talk the record does not anchor (a price said through a comparison): {m.group(0)!r}"
            )
            break
    return out
