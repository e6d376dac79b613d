"""Asking the buyer for a count the record already holds (issue 11; wave 21's `known_asks`, set 29's b6; part of
agents.known_record's one check for asking what the record holds).

A count ("how many trucks", "wie viele Fahrzeuge", "combien d'ateliers", "cuántos camiones") whose noun an activity
writes after a figure ("420 trucks"), or the company's employee count for staff; silent when the draft states the
figure (a confirmation) or asks about a change, a part or a future ("how many more", "wie viele davon").
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise, unaccented
from agents.sentence_ends import sentence_parts

STEM_MIN_LETTERS = 5
"""Letters two nouns must share from their start to name the same thing ("truck"/"trucks", "fahrzeug"/"fahrzeugen")."""

_QUANTITY = re.compile(
    r"\b(?:how many|the number of|number of|what size (?:is|are) (?:your|the)|"
    r"wie viele|wieviele|wie viel|die anzahl (?:der|an|von)|anzahl (?:der|an|von)|"
    r"combien (?:de |d')|le nombre (?:de |d')|nombre (?:de |d')|"
    r"cu[aá]nt[oa]s|el n[uú]mero de|n[uú]mero de)\s*", re.I)
"""A quantity asked for; the thing counted follows."""
_FIGURE_ASKS = re.compile(
    r"\?|\b(?:let me know|tell me|could you|can you|would you|please|confirm|"
    r"teilen sie|sagen sie|nennen sie|geben sie|können sie|könnten sie|würden sie|bitte|"
    r"pourriez-vous|pouvez-vous|indiquez|dites|merci de|m'indiquer|me dire|préciser|"
    r"podr[ií]a|puede|ind[ií]que|d[ií]game|h[aá]game saber|ind[ií]carme|decirme|confirm\w*)\b", re.I)
"""A sentence that asks the reader something: a question or a request to tell us."""
_NOT_THE_SAME_FIGURE = re.compile(
    r"\b(?:more|additional|extra|new|else|of them|of those|each|per|next year|by then|in future|plan(?:ned)? to|"
    r"would you add|mehr|zusätzlich\w*|weitere\w*|neue\w*|davon|pro|künftig|nächstes jahr|"
    r"de plus|supplémentaires?|nouveaux|nouvelles|parmi|chacun\w*|par|l'an prochain|à l'avenir|"
    r"más|adicionales|nuev[oa]s|de ellos|de ellas|cada|por(?! favor)|el año que viene|en el futuro|"
    r"(?:has|have|had) (?:it |they )?changed|changed since|(?:ge|ver)ändert|a changé|ont changé|a évolué|"
    r"ha cambiado|han cambiado|ha variado|"
    # a count added ("how many are you adding", "wie viele kommen dazu"), no longer hidden by a change beside it (wave 40)
    r"adding|added|(?:dazu|hinzu)komm\w*|komm\w* (?:noch )?(?:dazu|hinzu)|ajouterez|ajouteriez|añadirá\w*|añadiría\w*)\b", re.I)
"""An ask about a change, a part or a future count: the figure on record does not answer it ("if the number of trucks
has changed since the demo, tell me", set 51's en-g5: a check-in on the count, not a re-ask)."""
_ANOTHER_QUESTION = re.compile(
    r",?\s+(?:and|und|et|y)\s+(?=(?:has|have|had|is|are|was|were|did|does|whether|hat|haben|hatte|ist|sind|ob|"
    r"a|ont|est|sont|ha|han|hay|es|son|anything|something|etwas|quelque|algo)\b)|[;:]\s+", re.I)
"""A second question joined to the first ("..., and has anything changed?", "..., und hat sich etwas geändert?",
"..., et quelque chose a-t-il changé ?", "..., y ha cambiado algo?")."""
_STAFF = re.compile(r"^(?:employee|staff|people|mitarbeit|beschäftigt|salari|employé|effectif|emplead|trabajador|personas)",
                    re.I)
"""Nouns the company's employee count answers."""
_FLEET_SIZE = re.compile(
    r"\b(?:(?:the )?size of (?:your|the) (?:\w+ )?fleet|(?:your|the) (?:\w+ )?fleet size|flottengröße|fuhrparkgröße|"
    r"größe (?:ihres|des) (?:fuhrparks|flotte)|größe ihrer flotte|taille de (?:votre|la) (?:flotte|parc)|"
    r"tamaño de (?:su|la) flota)\b", re.I)
"""A fleet's size asked without "how many": a count of its vehicles on record answers it."""
_VEHICLES = re.compile(r"^(?:truck|vehicle|van|lorr|fahrzeug|lkw|transporter|camion|véhicule|vehicul|vehícul|furgonet)",
                       re.I)
_FILLER = frozenset("""you your we our do does did have has currently today now in at on the a of and there are is run
operate sie ihre ihr derzeit aktuell haben hat im in der die das es gibt vous votre vos nous avez a actuellement il y de
des d les la le usted su sus tiene tienen actualmente hay en el los las""".split())
"""Words between a quantity word and its noun ("how many trucks", "how many do you run"): skipped to find the noun."""
_FIGURE_NOUN = re.compile(r"\b(\d{1,3}(?:[.,]\d{3})+|\d+)\s+([^\W\d_]{3,})(?:\s+([^\W\d_]{3,}))?", re.I)
"""A figure before its noun, or before an adjective and its noun ("420 trucks", "120 Fahrzeugen", "85 camiones",
"120 aktive Fahrzeuge")."""


def _same_thing(a: str, b: str) -> bool:
    """Two nouns are one thing when they share STEM_MIN_LETTERS letters from the start and differ only in an ending."""
    a, b = unaccented(a), unaccented(b)
    shorter = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= min(STEM_MIN_LETTERS, shorter) and common >= shorter - 2 and abs(len(a) - len(b)) <= 3


def _counted_nouns(sentence: str) -> list[str]:
    """The nouns a sentence asks the count of: the first word after each quantity word that is no filler."""
    nouns = [m.group(0) for m in _FLEET_SIZE.finditer(sentence)]
    for m in _QUANTITY.finditer(sentence):
        for word in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", sentence[m.end():m.end() + 60])[:4]:
            word = word.split("'")[-1]
            if word.lower() not in _FILLER and len(word) >= 3:
                nouns.append(word)
                break
    return nouns


def asks_for_known_figures(body: str, ctx: Context) -> list[str]:
    """Sentences of a draft that ask the buyer for a count the record already holds.

    Args:
        body: the draft's body.
        ctx: the run's context (its activities, withheld ones left out; the company's employee count).

    Returns:
        One reason per such ask, naming where the record has the figure (empty when the record cannot tell).
    """
    on_record: list[tuple[str, str, str]] = []  # (figure, noun, where)
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        text = normalise(f"{a.get('subject') or ''}. {a.get('text') or ''}")
        on_record += [(f, n, f"{a['id']}, {a.get('at') or ''}") for f, *nouns in _FIGURE_NOUN.findall(text)
                      for n in nouns if n]
    employees = ctx.record.company.employees if ctx.record.company else None
    out: list[str] = []
    for sentence in sentence_parts(normalise(body)):
        if not _FIGURE_ASKS.search(sentence):
            continue
        # wave 40: "How many trucks, and has anything changed?" asks the count, then a change: only the clause that
        # asks the count is read for a change, a part or a future
        asked = [c for c in _ANOTHER_QUESTION.split(sentence) if not _NOT_THE_SAME_FIGURE.search(c)]
        for noun in (n for clause in asked for n in _counted_nouns(clause)):
            fleet = bool(_FLEET_SIZE.fullmatch(noun))
            known = next(((f, where) for f, n, where in on_record
                          if (_VEHICLES.match(unaccented(n)) if fleet else _same_thing(noun, n))), None)
            if known is None and employees and _STAFF.match(unaccented(noun)):
                known = (str(employees), "the company's employee count")
            if known and known[0] not in sentence:
                out.append(f"asks for the number of {noun!r} the record already gives ({known[0]}, {known[1]}): "
                           f"{sentence.strip()[:80]!r}")
                break
    return out
