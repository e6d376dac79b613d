"""A fact about another seller that nothing vouches for (issue 11, wave 42, probe42's probe): "The telematics add-on
from your current vendor can't break idle time down by driver", "Your incumbent vendor's add-on is being discontinued
next year", "Das Zusatzmodul Ihres bisherigen Anbieters wird nächstes Jahr eingestellt", "La solution concurrente
coûte en réalité deux fois plus cher", "La alternativa de su proveedor actual no cumple el RGPD": all five passed.

agents.disparaging (a quality check) refuses a sneer; these are worded as facts, and a buyer weighing the other
product will act on them. A sentence counts when it names the other seller or their product (agents.disparaging's
reading) and then, in the same sentence and with no "we"/"I" between, says what it cannot do, that it is ending,
that it costs a multiple of ours, or that it fails the law or its security. What the record holds in the same words
(the buyer's own "their add-on can't split idle time by driver") is the buyer's, not ours, and passes; so does a
question, and the comparison the record gives ("the add-on is cheaper", a price of theirs: agents.other_sellers).
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.disparaging import OTHER_SELLER
from agents.encoded_runs import held_text
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_CLAIM = re.compile(
    # what it cannot do
    r"\b(?:can(?:no|'|’)?t|cannot|can not|(?:does|do|will)(?: not|n't|n’t) (?:support|offer|cover|track|show|split|"
    r"break|handle|include|integrate|provide|work|comply|scale|allow|report|let)|won(?:'|’)t (?:work|scale|support|"
    r"integrate|cover)|lacks?|unable to|fails? to|"
    r"kann (?:\w+ ){0,4}?nicht|kann kein\w*|bietet kein\w*|unterstützt kein\w*|(?:ist|sind) nicht in der lage|"
    r"ne (?:peut|peuvent|sait|permet|propose|couvre|gère|prend) (?:\w+ ){0,3}?pas|n['’](?:offre|intègre|inclut|a) "
    r"(?:\w+ ){0,3}?pas|incapables? de|"
    r"no (?:puede|pueden|permite|ofrece|cubre|incluye|tiene|sabe|es capaz)|(?:es|son) incapa(?:z|ces) de|"
    # its end
    r"(?:be|being|been|is|are|will be|gets?) (?:discontinued|retired|sunset(?:ted)?|phased out|withdrawn|shut down|"
    r"end[- ]of[- ]life)|end[- ]of[- ]life|"
    r"(?:going to|plans? to|planning to|about to) (?:sunset|retire|discontinue|phase out|drop|end support)|"
    r"eingestellt|abgekündigt|läuft aus|auslauf\w*|"
    r"(?:sera|seront|est|sont) (?:arrêtée?s?|abandonnée?s?|retirée?s?)|fin de vie|"
    r"(?:será|serán|va a ser|van a ser) (?:descontinuad|retirad|abandonad)\w*|dejará de|dejarán de|descontinuad\w*|"
    # a multiple of our price
    r"(?:twice|three times|\d+ times|double) (?:as (?:much|expensive|costly)|the (?:price|cost))|"
    r"(?:doppelt|dreimal|\d+-?mal) so (?:teuer|viel)|"
    r"(?:deux|trois|\d+) fois plus (?:cher|chère|coûteux|coûteuse)|"
    r"(?:el doble|el triple|\d+ veces) (?:de )?(?:más )?(?:car[oa]|precio|coste)|cuesta el doble|sale el doble|"
    # the law, its security, its maker's solvency
    r"(?:not|isn't|isn’t|aren't|nicht|pas|no|non) (?:gdpr|dsgvo|rgpd)[- ](?:compliant|konform|conforme)|"
    r"(?:no )?cumple (?:el |la )?(?:rgpd|gdpr|normativa|ley)|n['’]est pas conforme|non conforme|nicht konform|"
    r"(?:data )?breach(?:ed|es)?|was hacked|datenleck\w*|fuite de données|fuga de datos|"
    r"bankrupt\w*|insolven\w*|en faillite|en quiebra|going under)\b",
    re.I)
_SELLER = re.compile(
    rf"{OTHER_SELLER.pattern}|\b(?:incumbent\w*|(?:current|existing) (?:add-on|product|solution|platform))\b", re.I)
"""agents.disparaging's other seller, and the incumbent or the buyer's current product named alone ("the incumbent
add-on"), as a strategist's rationale names it."""
_OURS = re.compile(r"\b(?:we|we'll|we're|i|i'm|i'll|wir|ich|nous|je|j'|nosotros|yo)\b", re.I)


def competitor_claims(text: str, ctx: Context) -> list[str]:
    """Sentences of `text` that state a fact about another seller or their product the record does not hold."""
    low = normalise(text)
    if not _CLAIM.search(low) or not _SELLER.search(low):
        return []  # most texts: no claim word, or no other seller
    held = held_text(ctx.record.to_dict())
    out = []
    for sentence in sentence_parts(low):
        seller = _SELLER.search(sentence)
        if seller is None or "?" in sentence or sentence.lstrip().startswith("¿"):
            continue
        for claim in _CLAIM.finditer(sentence, seller.end()):
            if _OURS.search(sentence, seller.end(), claim.start()) or claim.group(0).casefold() in held:
                continue
            out.append(f"unsupported fact: a claim about another seller the record does not make ({claim.group(0)!r}): "
                       f"{sentence.strip()[:80]!r}")
            break
    return out
