"""The words the worded rule checks read a sentence's stance by, in English, German, French and Spanish: a negation
("not", "kein", "pas", "nunca"), a question ("asked whether", "ob", "preguntó"), an agreement ("confirmed",
"vereinbart", "convenu"), a "but" that gives back what was declined ("aber", "mais", "pero"), the edges of a sentence
and of a clause.

Wave 36's rule modules (agents.board_approvals, agents.dropped_terms, agents.legacy_rates, agents.holiday_lapses,
agents.negated_promises, agents.passed_holidays, ...) each wrote these lists again, each a little differently. They
share them here; where one module reads more words than another, its extra words are named in that module, so a
difference between two checks stays a visible choice and never a copy that drifted. Each constant is an alternation
(regex text, no group) to put inside `\\b(?:...)\\b`; `either` joins several. agents.negation keeps the negation that
must govern the very next word.
"""

from __future__ import annotations

import re

NEGATORS = r"no|not|never|nicht|kein\w*"
"""The negations every stance check reads."""
NEVER = r"nie|jamais|nunca"
NOTHING = r"nothing|nichts|rien|nada"
NONE_OF = r"aucun\w*|ning[uú]n\w*"
"""French and Spanish "none" ("aucune remise", "ningún descuento")."""

BUT = r"but|aber|mais|pero"
GIVEN_BACK = rf"{BUT}|however|instead|sondern|jedoch|dafür|cependant|sino"
"""A turn after a refusal that may give back what it refused ("no launch price, but a founder's rate applies")."""

REPORTING_VERBS = r"asked|asks|wondered|preguntó"
"""The verbs of a reported question without its conjunctions ("whether", "ob"): agents.asked_concessions never read
those, and starts from these (wave 39)."""
ASKED = rf"{REPORTING_VERBS}|whether|ob"
"""A question reported: the buyer asked about it, nobody granted it."""
ASKED_IF = r"gefragt|demandé|demande\s+si|pregunta\s+si"
"""A question reported as "asked whether" in German, French and Spanish."""
AGREED = r"confirm\w*|agreed|bestätig\w*|vereinbart\w*|zugesagt|convenu\w*|acordad\w*"
"""An agreement stated: a question answered yes is no longer only a question."""

CLAUSE_JOINERS = r"but|so|und|aber|et|mais|donc|y|pero"
"""Conjunctions that start another clause; English "and" is left to each check ("come and gone" is one clause)."""

ADJECTIVE_ENDINGS = r"ig|ige[nmrs]?|lich|liche[nmrs]?|al|ale|ales|aux|ique|iques|if|ive|ivo|iva|ivos|ivas|ial|iales|ed|en|er|es|e"
"""Endings of the adjectives a negation may reach across ("keine mehrjährige Gründerkondition", "no special rate")."""
OFFERING = r"hay|existe\w*|tenemos|ofrecemos|offer|have|give|grant"
"""Verbs of having or offering a negation may stand before ("we do not offer", "no tenemos")."""
DECLINERS = (r"no|not\s+an?|not\s+any|never\s+an?|without|kein\w*|ohne|nie|pas\s+de|aucun\w*|sans|sin|ning[uú]n\w*|"
             r"nunca")
"""Negations that decline the noun after them ("keine", "without", "pas de", "sin")."""
ARTICLES = r"an?|the|un\w*"

SENTENCE_EDGE = re.compile(r"[.!?\n]")


def either(*alternations: str) -> str:
    """One alternation (regex text) of several; an empty one adds nothing."""
    return "|".join(a for a in alternations if a)


def question(*extra: str) -> re.Pattern[str]:
    """A question mark, or a word of `ASKED` or of `extra` (a check's own question words)."""
    return re.compile(rf"\?|\b(?:{either(ASKED, *extra)})\b", re.I)


def words(*alternations: str) -> re.Pattern[str]:
    """A whole word of any of `alternations`, case folded."""
    return re.compile(rf"\b(?:{either(*alternations)})\b", re.I)


def adjectives(*extra_endings: str) -> str:
    """Regex text for one adjective and its space, by `ADJECTIVE_ENDINGS` and `extra_endings`."""
    return rf"(?:[\w-]*(?:{either(ADJECTIVE_ENDINGS, *extra_endings)})\s+)"


def declined_before(adjective: str, *, offering: str = "", decliners: str = "", articles: str = "",
                    also: str = "") -> re.Pattern[str]:
    """A negation at the end of a text, declining what comes right after it: a decliner (`DECLINERS` and
    `decliners`) or "not"/"no" and a verb of offering (`OFFERING` and `offering`), then at most an article and two
    `adjective`s; or "pas d'", or a check's own `also` alternatives."""
    tails = either(r"\bpas\s+d['’]", also)
    return re.compile(
        rf"(?:\b(?:(?:no|not)\s+(?:{either(OFFERING, offering)})|{either(DECLINERS, decliners)})\s+"
        rf"(?:(?:{either(ARTICLES, articles)})\s+)?{adjective}{{0,2}}|{tails})$", re.I)


def bounds(text: str, start: int, end: int, edge: re.Pattern[str] = SENTENCE_EDGE) -> tuple[int, int]:
    """Where the sentence (or, by `edge`, the clause) holding text[start:end] begins and ends."""
    edges = [m.end() for m in edge.finditer(text, 0, start)]
    after = edge.search(text, end)
    return (edges[-1] if edges else 0), (after.start() if after else len(text))
