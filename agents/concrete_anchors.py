"""Whether a draft says anything concrete (issue 11, wave 37: set 47's de-b9, "anbei das Angebot. Melden Sie sich bei
Fragen." to Anna Schmidt: no vehicles, no date, no word of the payback calculation, yet referring to "activity a5").

The reference check took the buyer's e-mail as referred to for two readings that hold for every draft of a deal in
its proposal stage: the e-mail's subject ("Re: Angebot Flottenanalyse") was read as named when the draft shared its one
word left after the deal's own names, "Angebot"; and a draft taking up the buyer's ask for the proposal was read as
referring to that ask, when all it took up was the word for the document. The document's name is what any draft of
the stage says; it anchors the draft only with a fact of the record beside it: a count, a figure, a date, a day.
"""

from __future__ import annotations

import re

from agents.counted_things import counted_things
from agents.document_in_other_words import DOCUMENT_TOPICS
from agents.facts import find_dates
from agents.next_steps import COMING_DAY

DOCUMENT_WORDS = frozenset({
    "proposal", "proposals", "quote", "quotation", "offer", "contract", "contracts",
    "angebot", "angebots", "angebote", "vertrag", "vertrags", "offerte",
    "proposition", "propositions", "devis", "offre", "contrat", "contrats",
    "propuesta", "propuestas", "oferta", "ofertas", "presupuesto", "cotización", "contrato", "contratos",
})
"""The documents a deal's later stages send: every draft of the stage names one."""


_DETERMINERS = frozenset({
    "the", "our", "your", "this", "that", "der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "unser",
    "unsere", "unseren", "ihr", "ihre", "ihren", "dieses", "diese", "une", "les", "notre", "votre", "cette", "nos", "vos",
    "una", "los", "las", "nuestra", "nuestro", "esta", "este", "sus",
})
"""Words that only point at the document ("das Angebot", "the proposal"): a phrase of one of them and the document's
name names nothing more than the document."""


def only_the_document(shared: set[str] | tuple[str, ...]) -> bool:
    """Whether the words (or the phrase) a draft shares with an activity are nothing but a document's name."""
    words = set(shared) - _DETERMINERS
    return bool(words) and words <= DOCUMENT_WORDS


def more_than_the_document(why: str, body: str, question: str) -> bool:
    """Whether what a draft took up of the buyer's ask ("takes up proposal, security") is more than the document asked
    for: a topic of the ask besides it, a word of the question's own besides it ("¿Nos puede enviar la propuesta con
    el calendario de implantación?"), or an answer read some other way."""
    if not why.startswith("takes up "):
        return True
    if {t.strip() for t in why.removeprefix("takes up ").split(",")} - DOCUMENT_TOPICS:
        return True
    asked = {w for w in re.findall(r"[^\W\d_]{6,}", question.lower()) if w not in DOCUMENT_WORDS}
    return bool(asked & set(re.findall(r"[^\W\d_]{6,}", body.lower())))


def holds_a_fact(body: str) -> bool:
    """Whether the draft states something concrete: a figure, a date, a coming day or a count of things."""
    return bool(re.search(r"\d", body) or find_dates(body) or COMING_DAY.search(body) or counted_things(body))
