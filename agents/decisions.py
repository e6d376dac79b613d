"""A buyer's choice of us stated as made when the record shows none (issue 11, wave 21: set 29's de-b9 "nachdem Sie
sich für uns entschieden haben" and es-b9 "Como ya han elegido nuestra plataforma", to buyers who had only asked for
the proposal).

agents.approvals reads sign-offs and approvals and lets a premise ("after", "nachdem") pass as a condition; a choice
of vendor stated as the ground of the draft ("now that you have chosen us", "puisque vous avez retenu notre solution")
is a state of the deal the rep invents, and the buyer reads it as pressure. The choice is recognised by its verbs
with the buyer as chooser and us or our offer as what was chosen, in four languages; it passes when the deal is won or
its stage says the buyer decided, when an activity of the record states a choice or a decision of the buyer, or when
the sentence asks, plans or conditions it ("once you have chosen", "si vous choisissez", "falls Sie sich ...
entscheiden").
"""

from __future__ import annotations

import re

from agents.approvals import DECIDED_STAGES, clause_around
from agents.context import Context
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_OURS = (r"(?:us|our\s+[\w-]+(?:\s+[\w-]+)?|to (?:go|work|move forward|partner) with us|"
         r"uns|unsere?[nmrs]?\s+[\wäöüß-]+|"
         r"nous|notre\s+[\wéèêàç-]+|nos\s+[\wéèêàç-]+|"
         r"nosotros|nuestr[oa]s?\s+[\wáéíóúñ-]+)")
_CHOICE = re.compile(
    # English: you / Northwind / the team ... chose us, have selected our platform, went with us, decided on us
    rf"\b(?:(?:have|has|had|'ve)\s+(?:now\s+|already\s+|finally\s+)?)?(?:chosen|chose|selected|picked|opted for|gone with|"
    rf"went with|decided (?:on|for)|settled on)\s+{_OURS}|"
    rf"\bdecided to (?:go|work|move forward|partner) with us\b|\bchoice of (?:us|our \w+)\b|"
    rf"\bdecision (?:in our favou?r|for us)\b|\b(?:are|'re) going with {_OURS}|"
    # German: sich für uns / unsere Lösung entschieden, uns ausgewählt, Ihre Entscheidung für uns
    rf"\bsich\s+(?:\w+\s+){{0,2}}für\s+{_OURS}\s+entschieden\b|\b{_OURS}\s+(?:aus)?gewählt\b|"
    rf"\bentscheidung (?:für|zugunsten) (?:uns|unsere?[nmrs]? \w+)\b|\bzuschlag an uns\b|"
    rf"\bwahl (?:ist )?auf {_OURS} gefallen\b|"
    # French: vous avez choisi / retenu / sélectionné notre solution, vous nous avez choisis, votre choix de notre offre
    rf"\b(?:avez|a|ont)\s+(?:déjà\s+|finalement\s+)?(?:choisi|retenu|sélectionné|opté pour|arrêté votre choix sur)\s+{_OURS}|"
    rf"\bnous (?:avez|a|ont)\s+(?:déjà\s+)?(?:choisis?|retenus?|sélectionnés?)\b|"
    rf"\bvotre (?:choix|décision) (?:de|en faveur de|pour) (?:notre|nos|nous)\b|"
    rf"\bchoix s'est porté sur {_OURS}|"
    # Spanish: han elegido / escogido / seleccionado nuestra plataforma, nos han elegido, su decisión de elegirnos
    rf"\b(?:ha|han|hemos)\s+(?:ya\s+)?(?:elegido|escogido|seleccionado|optado por|apostado por)\s+{_OURS}|"
    rf"\b(?:eligieron|escogieron|seleccionaron|eligió|escogió|seleccionó|optaron por|optó por)\s+{_OURS}|"
    rf"\b(?:se (?:han|ha|hayan|haya) (?:decidido|decantado)|se decidieron|se decidió|se decantaron|se decantó) por {_OURS}|"
    rf"\bnos (?:ha|han) (?:elegido|escogido|seleccionado)\b|\bsu (?:decisión|elección) de (?:elegirnos|trabajar con nosotros|"
    rf"nuestr[oa] \w+)\b|\b(?:por |de )?(?:elegirnos|escogernos)\b", re.I)
"""The buyer's choice of us or our offer, stated in the past or the perfect."""
_NOT_STATED = re.compile(
    r"\?|^\s*¿|\b(?:if|once|when|whether|unless|should you|in case|would|will|hope|not|never|yet|"
    r"wenn|falls|sobald|ob|sollten|würde\w*|hoffe\w*|nicht|noch nicht|kein\w*|"
    r"si|une fois|lorsque|quand|dès que|serait|pas|jamais|espère\w*|"
    r"cuando|en cuanto|una vez|sería|espero|no|nunca|todavía|aún)\b", re.I)
"""A question, a condition, a hope or a negation: the choice is not stated as made."""
_RECORD_CHOICE = re.compile(
    r"\b(?:chose|chosen|selected|picked|decided|decision|go(?:ing)? with|awarded|entschieden|entscheidung|ausgewählt|"
    r"zuschlag|choisi|retenu|sélectionné|décidé|décision|elegido|eligi\w*|escog\w*|seleccionad\w*|decidi\w*|decisión|"
    r"adjudic\w*)\b", re.I)
"""What a record's activity says when the buyer has decided (in any direction of speech: "we chose you", "they went
with us", "haben uns für Sie entschieden")."""


def _record_states_a_choice(ctx: Context) -> bool:
    record = ctx.record
    if record.stage_kind == "won" or DECIDED_STAGES.search(record.stage or ""):
        return True
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        text = normalise(f"{a.get('subject') or ''}. {a.get('text') or ''}")
        if any(_RECORD_CHOICE.search(s) and not _NOT_STATED.search(s) for s in sentence_parts(text)):
            return True
    return False


def invented_choices(body: str, ctx: Context) -> list[str]:
    """Sentences of a draft stating that the buyer chose us when the record states no such decision.

    Args:
        body: the draft's body.
        ctx: the run's context (stage, activities; a withheld activity vouches for nothing).

    Returns:
        One reason per such sentence (empty when none, or when the record states a decision).
    """
    found = []
    for sentence in sentence_parts(normalise(body)):
        m = _CHOICE.search(sentence)
        # the clause, not the sentence: "Now that you have chosen us, I will send ..." states the choice as made
        if m and "?" not in sentence and not _NOT_STATED.search(clause_around(sentence, m.start(), m.end())):
            found.append(f"states a decision the record does not show ({m.group(0).strip()!r}): {sentence.strip()[:80]!r}")
    return found if found and not _record_states_a_choice(ctx) else []
