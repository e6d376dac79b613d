"""A negation right before a word: "has not yet signed", "noch nicht unterschrieben", "n'est pas encore signé", "no
está firmado" say it is not done (wave 20: the real model's accurate summary of an open deal, "the sales team has not
yet signed any contracts", was refused as a deal-state claim). Further away it is not enough: "no doubt the contract
was signed" still claims it.
"""

from __future__ import annotations

import re

NEGATION_WORDS = (
    r"no|not|won't|don't|doesn't|isn't|aren't|wouldn't|will not|without|zero|nothing|none|never|nil|"
    r"sin|nada|ning[uú]n\w*|cero|nunca|"
    r"sans|aucun\w*|rien|z[ée]ro|jamais|"
    r"ohne|kein\w*|nicht|nichts|null|nie|niemals"
)
"""Words that negate or zero a thing ("not", "ohne", "sans", "sin", "zero", "null") in en/es/fr/de, as an alternation
for a pattern (agents.concepts, agents.deal_done_claims)."""
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:no|not|never|nothing|none|nicht|kein\w*|nie|niemals|nichts|pas|jamais|aucun\w*|rien|nunca|ningun\w*|"
    r"nada)\b|n't|\bn'(?:est|a|ont)\b)(?:\s+(?:yet|been|ever|noch|encore|todavía|aún|está|están|est|sont|a|ont|été|"
    r"sido|ist|sind|wurde|he|ha|han|hemos|había|habían|habíamos)){0,2}\s*$",
    re.I,
)


def negated_before(prefix: str) -> bool:
    """Whether `prefix`, the text up to a word, ends in a negation of it (at most two auxiliaries between)."""
    return _NEGATED_BEFORE.search(prefix) is not None


def negated_match(sentence: str, m: re.Match[str], word: re.Pattern[str]) -> bool:
    """Whether the last `word` inside the match `m` of `sentence` is directly negated."""
    found = next(reversed(list(word.finditer(m.group(0)))), None)
    return found is not None and negated_before(sentence[: m.start() + found.start()])


_NEGATOR = (
    r"\b(?:no|not|never|cannot|unable|without|kein\w*|nicht|nie|pas|jamais|aucune?|ningún|ninguna|nunca|sin)\b|"
    r"n't\b|\bn'(?:est|a|ont)\b"
)
_BETWEEN = (
    # auxiliaries, modals and adverbs a negation governs a verb across: "we are not able to offer", "we don't currently
    # offer", "nous ne pouvons pas vous accorder", "no podemos ofrecerle"; a subject or a comma starts another clause
    r"be|been|able|to|currently|usually|generally|normally|really|yet|ever|always|allowed|authori[sz]ed|in|a|position|"
    r"going|plan(?:ning)?|intend(?:ing)?|willing|prepared|free|just|simply|also|even|further|anymore|any|longer|"
    r"can|could|will|would|(?:room|scope|flexibility|leeway|way|authority|mandate|possibility|margin)\s+(?:to|for)|"
    r"können|kann|werden|wird|dürfen|darf|leider|derzeit|aktuell|ihnen|dir|euch|"
    r"pouvons|pouvez|peux|peut|allons|va|sommes|en|mesure|de|d'|vous|lui|leur|plus|malheureusement|actuellement|"
    r"podemos|puedo|puede|vamos|estamos|condiciones|es|posible|le|les|te|lamentablemente|actualmente|se|nos"
)
_GOVERNS = re.compile(rf"(?:{_NEGATOR})(?:\s+(?:{_BETWEEN}))*\s*$", re.I)
_LABEL = re.compile(
    # a script's label rules its line: "Don't: offer discounts", "Better not:", "No hacer: ofrecer rebajas", "À ne pas
    # faire :"; a bare "No:" answers, it rules nothing
    rf"^\W*(?!(?:no|not)\s*:)(?:[\w']+\s+){{0,2}}[\w']*?(?:{_NEGATOR})(?:\s+(?:do|to do|hacer|tun|machen|faire))?\s*:\s*$",
    re.I,
)
_INSIDE = re.compile(
    # inside the match: "offer no discount", "Preis nicht senken"; not a set phrase that negates nothing
    rf"(?:{_NEGATOR})(?!\s+(?:strings|questions?|matter|doubt|problem|worries|only|least)\b)",
    re.I,
)


def negation_governs(text: str, start: int, end: int) -> bool:
    """Whether a negation governs the phrase text[start:end]: it stands inside it, or right before it with only
    auxiliaries and modals between ("we don't offer", "we are not able to offer", "no podemos ofrecer"). A negation
    of another verb or clause does not: "don't worry, we can offer a discount", "no problem: we can lower the price",
    "don't forget we agreed to waive the fee" still offer it."""
    line = text[max(text.rfind(c, 0, start) for c in "\n.!?") + 1 : start]
    return (
        _GOVERNS.search(line[-80:]) is not None
        or _LABEL.search(line) is not None
        or _INSIDE.search(text[start:end]) is not None
    )


_DENIED_BEFORE = re.compile(
    r"\b(?:no|not|never|none|neither|nor|nicht|kein\w*|nie|weder|ne|pas|jamais|aucun\w*|ni|nunca|ning[uú]n\w*|nada)\b|"
    r"n't\b|\bn['’]", re.I)
"""A negation in the clause before a term denies it ("we do not offer a flat price", "nous ne créditons pas": French "ne"
stands before the verb, wave 41); a word more than five words back, or across a comma or a semicolon, does not."""
_CLAUSE_MARK = re.compile(r"[,;:()\n–—]")
_DENIED_AFTER = re.compile(r"\b(?:not|never|nicht|nie|niemals)\b|n't\b", re.I)
"""German denies after the term ("Einen Partnerstatus gibt es nicht"), and so does "is not included" in English."""


def denied_in_clause(prefix: str, rest: str) -> bool:
    """Whether a term between `prefix` and `rest` (the sentence before and after it) is denied in its clause: a
    negation at most six words before it, or "not"/"nicht" at most six words after it (agents.stated_terms, wave 40)."""
    before = " ".join(_CLAUSE_MARK.split(prefix)[-1].split()[-6:])
    after = " ".join(_CLAUSE_MARK.split(rest)[0].split()[:6])
    return bool(_DENIED_BEFORE.search(before) or _DENIED_AFTER.search(after))
