"""How a decision and an event stand apart in a sentence (issue 11, wave 30), for agents.event_limits.

"pour"/"para"/"for" before a fair or a congress is a limit when the decision comes right before it ("signé pour le
salon"); but the decision usually takes its object first: "Dana should sign the order for the trade fair", "valider le
devis pour le salon", "aprobar el presupuesto para el congreso". `verb_before_object` finds the word before such an
object (a determiner, then at most three more words, none of which starts another clause), so the rule can ask
whether that word is the decision.

An event's name goes on past its noun: "le Salon de l'Agriculture", "the Festival of Speed", "la Feria de Abril".
Cut at the noun, the name kept only "Salon", which a record that speaks of another salon vouched for. `name_tail`
gives the capitalised words that continue the name, so every one of them must be on record.
"""

from __future__ import annotations

import re

_DETERMINER = re.compile(
    r"^(?:the|a|an|this|that|these|those|your|our|their|his|her|its|"
    r"le|la|les|un|une|ce|cet|cette|ces|votre|vos|notre|nos|leur|leurs|"
    r"el|los|las|uno?|una|su|sus|nuestr[oa]s?|este|esta|estos|estas|ese|esa|"
    r"der|die|das|den|dem|des|ein|eine|einen|einem|einer|ihr\w*|unser\w*|dies\w*)$|^[ld]['’]\w",
    re.I,
)
_CLAUSE_WORD = re.compile(
    r"^(?:and|or|but|that|which|who|to|is|are|was|were|will|would|be|not|"
    r"que|qui|et|ou|est|sont|sera|ne|pas|y|o|es|son|será|no|und|oder|dass|ist|sind|wird|nicht|"
    r"for|pour|para|with|avec|con|mit|by|par|por|in|en|on|at)$",
    re.I,
)
_WORD = re.compile(r"[\w'’-]+")


def verb_before_object(sentence: str, at: int) -> str | None:
    """The word right before an object phrase that ends at `at` ("sign" in "sign the order |for"), or None when the
    words before `at` are no determiner-led phrase of one to four words."""
    words = _WORD.findall(sentence[:at])[-6:]
    for i in range(len(words) - 2, -1, -1):
        obj = words[i + 1 :]
        if len(obj) > 4:
            break
        if _DETERMINER.match(obj[0]) and not any(_CLAUSE_WORD.match(w) for w in obj):
            return words[i]
    return None


_NAME_TAIL = re.compile(
    r"(?:\s+(?:de\s+la|de\s+l['’]|de|del|du|des|of\s+the|of|der|d['’]|de\s+los|de\s+las)\s*(?-i:[A-ZÀ-Ý])[\w'’-]*|"
    r"\s+(?-i:[A-ZÀ-Ý])[\w'’-]*)+",
    re.I,
)
_NAME_LINKS = frozenset("de la l du des del of the der d los las".split())


def name_tail(sentence: str, end: int) -> str:
    """The capitalised words that go on with the event's name after `end` (" de l'Agriculture"), or ""."""
    m = _NAME_TAIL.match(sentence, end)
    return m.group(0) if m else ""


def name_words(tail: str) -> list[str]:
    """The words of a name's tail that name something: "de l'Agriculture" -> ["Agriculture"]."""
    return [
        re.sub(r"^[dlDL]['’]", "", w)
        for w in re.findall(r"[^\W\d_][\w'’-]*", tail)
        if w.lower() not in _NAME_LINKS
    ]
