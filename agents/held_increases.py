"""A price rise held at nothing: "capped at zero", "plafonnée à zéro", "queda limitada a cero", "no increase at
renewal", "keine Preiserhöhung bei der Verlängerung" (issue 11, wave 16; wave 12's strict xfail). Each says the price
will not move, a price lock by its other end: the increase is named, and its limit is nothing. A rise word (in the
sense of a price, by a price or renewal word in the sentence) with a zero limit or a negation is a promise outside
policy, whatever verb holds it.

Wave 35 (set 28's 124, "The year-one rate is capped for every renewal", a screen-only catch): the same lock said of the
renewals instead of the rise. A price word, and a verb of holding it (capped, locked, frozen, gedeckelt, plafonné,
congelado) for every renewal, is a price held across renewals; a count capped for every renewal, a negation or a
question holds no price.
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_parts

_RISE = (r"increases?|rises?|uplifts?|escalat\w*|hikes?|(?:preis)?erhöhung\w*|steigerung\w*|preisanpassung\w*|"
         r"hausses?|augmentations?|subidas?|aumentos?|incrementos?")
_PRICE_CONTEXT = re.compile(r"\b(?:pric\w*|rates?|fees?|renew\w*|subscription|licen[cs]\w*|preis\w*|verlängerung\w*|"
                            r"gebühr\w*|lizenz\w*|tarif\w*|prix|renouvellement|abonnement|licences?|precios?|"
                            r"renovaci[oó]n|cuotas?|tarifas?|licencias?|suscripci[oó]n)\b", re.I)
_HELD = re.compile(
    rf"\b(?:{_RISE})\b(?:\s+[\w'’]+){{0,8}}?\s+(?:at|to|of|à|de|a|auf|bei|en|von)\s+(?:zero|nil|nought|0(?:[.,]0+)?\s?%?|"
    rf"zéro|cero|null|nul|nothing|rien|nada|nichts)(?![\w.,]*\d)|"
    rf"\b(?:cap|hold|keep|limit|freeze)\s+(?:[\w'’]+\s+){{0,4}}?(?:{_RISE})\s+(?:at|to)\s+(?:zero|nil|0\s?%?|nothing)\b|"
    rf"\b(?:no|zero|nil|keine|kein|aucune|aucun|pas d'|ningún|ninguna|sin|cero)\s+(?:[\w'’]+\s+){{0,2}}?(?:{_RISE})\b",
    re.I)
_NEGATIONS = frozenset("no zero nil keine kein aucune aucun pas ningún ninguna sin cero".split())
_COUNTED = re.compile(r"\b(?:in|of|an|de|des|du|en)\s+(?:the\s+)?(?:licen[cs]es|seats|users|lizenzen|nutzer|licences|"
                      r"postes|utilisateurs|licencias|usuarios|puestos)\b", re.I)
_CUES = ("increase", "rise", "uplift", "escalat", "hike", "erhöhung", "steigerung", "anpassung", "hausse",
         "augmentation", "subida", "aumento", "incremento")


_EVERY_RENEWAL = (r"(?:for|at|on|through|across|in|für|bei|à|pour|sur|lors\s+de|en|para|durante)\s+(?:every|each|all|any|"
                  r"jede|jeder|alle|sämtliche|chaque|tous\s+les|cada|todas\s+las)\s+(?:\w+\s+)?(?:renewals?|"
                  r"verlängerung(?:en)?|renouvellements?|renovaci(?:ón|ones))")
_HOLDING = (r"cap|caps|capped|lock|locks|locked|freeze|freezes|frozen|fix|fixed|hold|holds|held|guarantee[ds]?|"
            r"gedeckelt|deckeln|festgeschrieben|eingefroren|garantiert|fixiert|gesichert|plafonné\w*|bloqué\w*|gelé\w*|"
            r"figé\w*|garanti\w*|topad[oa]s?|limitad[oa]s?|congelad[oa]s?|fijad[oa]s?|bloquead[oa]s?|garantizad[oa]s?|"
            r"mantenid[oa]s?|congelamos|mantenemos")
_RENEWAL_HELD = re.compile(rf"\b(?:{_HOLDING})\b(?:\s+[\w'’-]+){{0,4}}?\s+{_EVERY_RENEWAL}\b|"
                           rf"\b{_EVERY_RENEWAL}\b(?:\s+[\w'’-]+){{0,3}}?\s+(?:{_HOLDING})\b", re.I)
_PRICE_WORD = re.compile(r"\b(?:pric\w*|rates?|fees?|costs?|preis\w*|\w*gebühr\w*|tarif\w*|prix|precios?|cuotas?|"
                         r"konditionen|conditions|condiciones|\w*preis)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no|nicht|kein\w*|pas|jamais|nunca)\b|n't\b", re.I)


def renewal_locks(text: str) -> list[str]:
    """Sentences that hold a price for every renewal ("The year-one rate is capped for every renewal")."""
    low = text.lower()
    if not any(c in low for c in ("renew", "verlängerung", "renouvel", "renovaci")):
        return []
    out = []
    for sentence in clause_parts(text):
        m = _RENEWAL_HELD.search(sentence)
        if m and _PRICE_WORD.search(sentence) and not _NEGATED.search(sentence) and "?" not in sentence:
            out.append(f"promise outside policy (a price held across renewals): {m.group(0)!r}")
    return out


def held_increases(text: str) -> list[str]:
    """Sentences that hold a price rise at nothing."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return []
    out = []
    for sentence in clause_parts(text):
        m = _HELD.search(sentence)
        # a negated rise is the price's only next to a price word ("no price increase at renewal"); "no increase in
        # licences" is about a count
        near = sentence[m.start():m.end() + 40] if m and m.group(0).split()[0].lower() in _NEGATIONS else sentence
        if m and _PRICE_CONTEXT.search(near) and not _COUNTED.search(near) and "?" not in sentence:
            out.append(f"promise outside policy (a price rise held at nothing): {m.group(0)!r}")
    return out
