"""Commercial terms said the way people talk (held-out set 30, wave 21b), in en/de/fr/es:

- money in slang: "a fiver per booking", "two grand a month", "5 Mäuse pro Buchung", "dix balles", "cinco pavos";
- a freebie offered as the condition of a deal: "if we throw in the fitting", "si le invitamos al montaje", "wenn wir
  die Montage dazugeben", "si on vous offre l'installation";
- a contract award stated as ours: "la adjudicación ya es nuestra", "we won the tender", "wir haben den Zuschlag",
  "le marché nous a été attribué";
- a call today at a colloquial time: "ring Elena at teatime", "vor Feierabend anrufen", "à l'heure du déjeuner" (read
  by agents.same_day_calls, the home of the same-day-call family);
- a special rate as a price term: "charity rate agreed", "Sonderkonditionen", "tarif associatif", "tarifa ONG";
- a cancellation right as a commitment: "Kündigung jederzeit zum Monatsende", "cancel at any month end".

Each is a price, a concession, a deal state, a same-day plan or a promise that no record field vouches for; the
existing checks read figures, percentages and formal wording, so these passed. A sentence that asks or reports the
buyer's question ("Tom asked whether he could cancel monthly") states no term and passes.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.same_day_calls import colloquial_today
from agents.sentence_ends import clause_parts
from agents.unoffered_special_prices import special_price_not_offered

_ASKED = re.compile(
    r"\?|\b(?:asked|asks|asking|wonders?|wondered|whether|fragte?|fragt|erkundigt\w*|ob|demand[eé]\w*|"
    r"pregunt[óoa]\w*|si acaso)\b", re.I)
"""A question, or a report of one: the buyer's topic, not our term."""

_QTY = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a few|couple of|\d+(?:[.,]\d+)?|"
        r"ein(?:en|e)?|zwei|drei|vier|fünf|zehn|zwanzig|fünfzig|hundert|un|une|deux|trois|cinq|dix|vingt|cinquante|"
        r"cent|mille|uno?|una|dos|tres|cuatro|cinco|diez|veinte|cincuenta|cien|mil)")
_UNAMBIGUOUS_SLANG = re.compile(rf"\b{_QTY}\s+(?:fivers?|tenners?|quid|bucks|hunnis?|euro-?scheine?|pelas|napos)\b",
                                re.I)
"""Slang that only ever names money once a quantity stands before it."""
_AMBIGUOUS_SLANG = re.compile(rf"\b{_QTY}\s+(?:grand|k|mäuse|riesen|piepen|kröten|lappen|balles|pavos|bâtons?|briques?|patates|"
                              r"lucas)\b(?!\s+(?:de|of|der|des|del)\b)", re.I)
"""Slang that is also a thing ("computer mice", "a grand opening") and names money only beside a rate or cost."""
_MONEY_CONTEXT = re.compile(
    r"\b(?:per|each|a (?:month|year|week|booking|seat|user|truck|clinic|head)|cost\w*|pric\w*|charg\w*|pay\w*|fee|"
    r"frame|pitch|anchor|pro|je|kost\w*|preis\w*|zahl\w*|gebühr|par|chaque|co[uû]t\w*|prix|pa[iy]\w*|factur\w*|"
    r"por|cada|cuesta\w*|precio\w*|pag\w*|cobr\w*|al mes|au mois|im monat|monatlich)\b", re.I)


def slang_money(text: str) -> list[str]:
    """Amounts in slang: an unvouched price, however it is spelled."""
    out = []
    for sentence in clause_parts(text):
        m = _UNAMBIGUOUS_SLANG.search(sentence)
        if m is None:
            m = _AMBIGUOUS_SLANG.search(sentence)
            if m and not _MONEY_CONTEXT.search(sentence):
                m = None
        if m:
            out.append(f"price talk the record does not anchor (an amount in slang): {m.group(0)!r}")
    return out


_COST_ITEM = (r"(?:the\s+|la\s+|el\s+|los\s+|las\s+|le\s+|les\s+|l['’]|die\s+|den\s+|das\s+|al\s+|a\s+la\s+|"
              r"au\s+|aux\s+|à\s+la\s+|their\s+|your\s+|su\s+|sus\s+|votre\s+|vos\s+|ihre\s+|)?(?:[\w-]+\s+){0,2}?"
              r"(?:install\w*|fitting|set-?up|onboarding|training|shipping|delivery|licen[cs]es?|seats?|support|"
              r"hardware|devices?|first month|month|montage|installation|einrichtung|schulung\w*|versand|lieferung|"
              r"lizenzen|geräte|erste[nr]? monat|formation|mise en service|livraison|matériel|premier mois|"
              r"instalaci[oó]n|montaje|formaci[oó]n|puesta en marcha|env[ií]o|transporte|licencias|equipos|"
              r"primer mes|soporte)")
_FREEBIE_IF = re.compile(
    rf"\b(?:if|once|provided)\s+(?:we|i)\s+(?:throw|threw|chuck|toss)\s+in\b|"
    rf"\b(?:if|once|provided)\s+(?:we|i)\s+(?:include|included|add|added|cover|covered|waive|waived)\s+{_COST_ITEM}"
    rf"(?:\s+\w+){{0,3}}\s+(?:for free|free of charge|at no (?:extra )?cost|on the house|free)\b|"
    rf"\bsi\s+(?:le|les|nos|se lo|se los)?\s*(?:invitamos|regalamos|incluimos gratis|damos gratis)\s+{_COST_ITEM}|"
    rf"\bsi\s+(?:on|nous)\s+(?:vous|lui|leur)?\s*(?:offr\w*|fait cadeau d\w*)\s+{_COST_ITEM}|"
    rf"\bwenn\s+wir\b(?:\s+[\w-]+){{0,6}}?\s+(?:dazu|drauf|obendrauf|gratis|kostenlos|umsonst)\s*"
    rf"(?:geben|legen|packen|spendieren)\b|"
    rf"\bwenn\s+wir\b(?:\s+[\w-]+){{0,6}}?\s+(?:spendieren|schenken|dazugeben|draufgeben|drauflegen)\b",
    re.I)


def freebie_conditions(text: str) -> list[str]:
    """A free item offered (or recorded as agreed) as what the buyer signs for: a concession outside policy."""
    return [f"promise outside policy (a free item as the condition of the deal): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := _FREEBIE_IF.search(sentence))]


_AWARD = re.compile(
    r"\b(?:award|tender|contract|adjudicaci[oó]n|licitaci[oó]n|concurso|contrato|zuschlag|auftrag|ausschreibung|"
    r"march[eé]|attribution(?: du march[eé])?|appel d['’]offres)\b(?:\s+[\w'’]+){0,3}?\s+"
    r"(?:is|es|ist|est)\s+(?:now\s+|already\s+|ya\s+|schon\s+|bereits\s+|déjà\s+)?"
    r"(?:ours|nuestr[oa]|unser|à nous|acquis[e]?|gewonnen|in the bag|in der tasche|dans la poche)\b|"
    r"\b(?:awarded|adjudicad[oa]|attribu[ée]e?|zugeschlagen|vergeben|erteilt)\s+(?:to us|a nosotros|à nous|an uns)\b|"
    r"\bnos\s+(?:han|ha)\s+(?:adjudicado|dado la adjudicaci[oó]n)\b|"
    r"\b(?:hemos|tenemos)\s+(?:ganado\s+)?(?:la\s+)?(?:adjudicaci[oó]n|licitaci[oó]n|concurso)\b|"
    r"\bwe(?:'ve| have)?\s+(?:won|secured|got|landed|been awarded)\s+(?:the\s+)?(?:award|tender|contract|bid)\b|"
    r"\b(?:wir\s+haben|haben\s+wir)\s+(?:jetzt\s+|schon\s+|bereits\s+)?den\s+zuschlag\b|"
    r"\bder\s+zuschlag\s+(?:geht|ging|ist)\s+an\s+uns\b|"
    r"\b(?:nous\s+avons|on\s+a)\s+(?:obtenu|remporté|gagné)\s+(?:le\s+march[eé]|l['’]attribution|l['’]appel d['’]offres)\b|"
    r"\ble\s+march[eé]\s+nous\s+(?:est|a été)\s+attribu[ée]\b", re.I)
_NEGATED = re.compile(r"\b(?:not|no|nicht|kein\w*|pas|jamais|never|todavía no|aún no|noch nicht)\b", re.I)


def claimed_awards(text: str, stage_kind: str) -> list[str]:
    """A tender or contract award stated as ours on a deal the record has open."""
    if stage_kind == "won":
        return []
    out = []
    for sentence in clause_parts(text):
        m = _AWARD.search(sentence)
        if m and not _NEGATED.search(sentence[max(0, m.start() - 20):m.end()]) and not _ASKED.search(sentence):
            out.append(f"deal state: an award the record does not state ({m.group(0)!r})")
    return out


_SPECIAL_RATE = re.compile(
    r"\b(?:charity|charitable|ngo|non-?profit|not-for-profit|education(?:al)?|academic|student|public[- ]sector|"
    r"nhs|church|community|friends(?:-and-| and )family|special|preferential|loyalty|founder'?s?|partner)\s+"
    r"(?:rate|pricing|price|tariff|discount|terms)\b|"
    r"\bsonderkondition\w*|\b(?:sozial|bildungs|vereins|ngo|gemeinnützigkeits|non-profit|schul|kirchen|spezial|"
    r"vorzugs|freundschafts)(?:tarif|rabatt|preis|konditionen)\w*\b|"
    r"\btarifs?\s+(?:associatif|solidaire|éducation|ong|préférentiel|spécial|caritatif|partenaire)s?\b|"
    r"\bprix\s+(?:associatif|solidaire|spécial|préférentiel|caritatif|d['’]ami)s?\b|"
    r"\b(?:tarifa|precio|descuento)s?\s+(?:solidari[oa]|ong|educativ[oa]|especial|benéfic[oa]|preferente|"
    r"social|de\s+ong|sin\s+ánimo\s+de\s+lucro|para\s+ong)s?\b", re.I)


def special_rates(text: str) -> list[str]:
    """A special rate (charity, NGO, education, Sonderkonditionen) stated as a term: a price the record does not set."""
    # wave 35: a special rate declined ("nous ne proposons pas de prix spécial", "no ofrecemos precios especiales") sets
    # no price either (agents.unoffered_special_prices, as agents.claims reads "special price")
    return [f"price talk the record does not anchor (a special rate): {m.group(0)!r}"
            for sentence in clause_parts(text) if (m := _SPECIAL_RATE.search(sentence)) and not _ASKED.search(sentence)
            and not special_price_not_offered(sentence, m.start(), m.end())]


_CANCEL = (r"(?:cancel\w*|terminat\w*|opt(?:ing)? out|kündig\w*|kündbar|résili\w*|cancela\w*|rescind\w*|rescisi[oó]n|"
           r"dar(?:se)? de baja)")
_ANY_TIME = (r"(?:any ?time|at any (?:time|point|month[- ]end|moment)|(?:at )?(?:the end of )?any month|every month|"
             r"each month|month[- ]end|monthly|with (?:\d+|thirty|30) days|jederzeit|monatlich|"
             r"zum monatsende|zu jedem monatsende|zum ende jedes monats|à tout moment|chaque mois|(?:à )?chaque fin de mois|"
             r"à la fin de chaque mois|sans préavis|sans engagement|en cualquier momento|cada mes|"
             r"a final de (?:cada|cualquier) mes|sin permanencia|mensualmente)")
_CANCEL_RIGHT = re.compile(rf"\b{_CANCEL}\b(?:\s+[\w'’]+){{0,5}}?\s+{_ANY_TIME}\b|\b{_ANY_TIME}\s+(?:[\w'’]+\s+){{0,3}}?"
                           rf"{_CANCEL}\b", re.I)


def cancellation_rights(text: str) -> list[str]:
    """A right to cancel at any time or month end stated as ours to give: a commitment outside policy."""
    return _stated(text, _CANCEL_RIGHT, "promise outside policy (a cancellation right)")


def _stated(text: str, pattern: re.Pattern[str], what: str) -> list[str]:
    """`what: 'match'` for each sentence where `pattern` is stated, not asked about."""
    return [f"{what}: {m.group(0)!r}" for sentence in clause_parts(text)
            if (m := pattern.search(sentence)) and not _ASKED.search(sentence)]


def colloquial_violations(text: str, ctx: Context) -> list[str]:
    """Every kind above, for any output text (normalised)."""
    return [*slang_money(text), *freebie_conditions(text), *claimed_awards(text, ctx.record.stage_kind),
            *colloquial_today(text, ctx), *special_rates(text), *cancellation_rights(text)]
