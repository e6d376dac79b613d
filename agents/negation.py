"""A negation right before a word: "has not yet signed", "noch nicht unterschrieben", "n'est pas encore signé", "no
está firmado" say it is not done (wave 20: the real model's accurate summary of an open deal, "the sales team has not
yet signed any contracts", was refused as a deal-state claim). Further away it is not enough: "no doubt the contract
was signed" still claims it.
"""

from __future__ import annotations

import re

NEGATION_WORDS = (r"no|not|won't|don't|doesn't|isn't|aren't|wouldn't|will not|without|zero|nothing|none|never|nil|"
                  r"sin|nada|ning[uú]n\w*|cero|nunca|"
                  r"sans|aucun\w*|rien|z[ée]ro|jamais|"
                  r"ohne|kein\w*|nicht|nichts|null|nie|niemals")
"""Words that negate or zero a thing ("not", "ohne", "sans", "sin", "zero", "null") in en/es/fr/de, as an alternation
for a pattern (agents.concepts, agents.deal_done_claims)."""
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:no|not|never|nothing|none|nicht|kein\w*|nie|niemals|nichts|pas|jamais|aucun\w*|rien|nunca|ningun\w*|"
    r"nada)\b|n't|\bn'(?:est|a|ont)\b)(?:\s+(?:yet|been|ever|noch|encore|todavía|aún|está|están|est|sont|a|ont|été|"
    r"sido|ist|sind|wurde)){0,2}\s*$", re.I)


def negated_before(prefix: str) -> bool:
    """Whether `prefix`, the text up to a word, ends in a negation of it (at most two auxiliaries between)."""
    return _NEGATED_BEFORE.search(prefix) is not None


def negated_match(sentence: str, m: re.Match[str], word: re.Pattern[str]) -> bool:
    """Whether the last `word` inside the match `m` of `sentence` is directly negated."""
    found = next(reversed(list(word.finditer(m.group(0)))), None)
    return found is not None and negated_before(sentence[: m.start() + found.start()])
