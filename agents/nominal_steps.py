"""Steps written without a verb, and the document said to follow on a day (issue 11, wave 29: set 38's en-g10, fr-g7,
fr-g10 refused "0 ask(s)").

agents.stated_steps reads a step from a verb in the present or the future ("goes out", "arrive", "vous l'aurez").
Short business replies also state the step as a bare noun with its day, the way a rep writes a status line: "Envoi le
vendredi 27 novembre.", "Réponse complète le vendredi 27 novembre, avec le nombre de licences.", "Versand am Freitag,
27. November.", "Envío el viernes 27 de noviembre.", "Full answer on Friday, 27 November." And the document may
*follow* on a day: "The plan with the split follows on Friday, 27 November", "Das Angebot folgt am Freitag", "La
proposition suit le vendredi 27 novembre", "La propuesta sigue el viernes".

Either is a step only with one coming day (a weekday or a date; "Envoi la semaine prochaine" names no day the buyer
can hold us to, as the wave-6 set labels "arrive la semaine prochaine"), with no habit ("Versand jeden Freitag") and
no past ("Envoi vendredi dernier"), and the bare noun only at the head of a short sentence that is not a question: a
noun in a longer sentence is the object of some other verb ("we discussed the delivery on Friday").
"""

from __future__ import annotations

import re

from agents.facts import find_dates
from agents.next_steps import HABIT, WEEKDAY_NAMES

_NOUN = (
    r"(?:reply|answer|response|delivery|dispatch|send-out|proposal|offer|quote|plan|"
    r"antwort|rückmeldung|versand|zustellung|lieferung|angebot|"
    r"réponse|envoi|livraison|proposition|offre|devis|retour|"
    r"respuesta|envío|entrega|propuesta|oferta|presupuesto)"
)
"""What we send or answer: the nouns a status line opens on."""
_MODIFIER = (
    r"(?:full|complete|detailed|final|written|vollständige|ausführliche|schriftliche|finale|"
    r"complète|détaillée|écrite|définitive|completa|detallada|escrita|definitiva)"
)
_HEAD = re.compile(
    rf"^\W*(?:{_MODIFIER}\s+)?(?P<noun>{_NOUN})(?:\s+{_MODIFIER})?\b(?!-)(?P<rest>.*)$",
    re.I | re.S,
)
"""A sentence opening on the bare noun, perhaps with an adjective ("Réponse complète", "Full answer"). A status line
has no article: "das Angebot bis Freitag, 27. November, baut auf ... auf" (set 32's de-b4) is a sentence with a verb."""
_AFTER_THE_DAY = re.compile(
    r"^\W*$|^\W*(?:with|including|incl|and|as|in\s+time|mit|inklusive|samt|und|wie|rechtzeitig|avec|y\s+compris|et|"
    r"comme|à\s+temps|con|incluid[oa]|y|como|a\s+tiempo)\b",
    re.I,
)
"""What may follow the day in a verbless line: nothing, or a phrase of what comes with it ("avec le nombre de
licences"); a verb there ("..., baut auf der Rechnung auf") makes the noun a subject."""
_VERB_AFTER = re.compile(
    r"^\s*(?:is|was|has|had|will|would|went|came|ist|war|wurde|wird|hat|est|était|a|sera|es|fue|ha|será|está|"
    r"estaba)\b",
    re.I,
)
"""The noun as the subject of a verb ("Delivery was on Friday"): not a verbless line."""
_FOLLOWS = re.compile(
    r"\b(?:follows|will follow|is to follow|folgt|folgen|suit|suivra|suivront|sigue|seguirá)\b", re.I
)
"""The document following on a day, in the present or the future."""
_PAST = re.compile(
    r"\b(?:last|ago|since|letzte[nmrs]?|vorige[nmrs]?|seit|dernier|dernière|depuis|pasado|pasada|desde)\b",
    re.I,
)
_A_DAY = re.compile(rf"\b(?:{WEEKDAY_NAMES})\b|\b(?:tomorrow|morgen|demain|mañana)\b", re.I)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?!\d)(?!(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)",
    re.I,
)
"""Where the day's phrase ends: not at the comma of "Friday, 27 November" or "Thursday, December 3"."""
MAX_WORDS = 16
"""Longest verbless status line: past this the noun is the object of a verb somewhere in the sentence."""


def _one_coming_day(text: str) -> bool:
    return (
        bool(_A_DAY.search(text) or find_dates(text)) and not HABIT.search(text) and not _PAST.search(text)
    )


def nominal_step(sentence: str) -> str | None:
    """The noun of a verbless status line with its coming day ("Envoi le vendredi 27 novembre."), or None."""
    s = sentence.strip()
    if "?" in s or len(s.split()) > MAX_WORDS:
        return None
    m = _HEAD.match(s)
    if not m or _VERB_AFTER.match(m.group("rest")):
        return None
    # the day comes right after the noun, before any clause of its own: "Envoi le vendredi 27 novembre, avec ..."
    head, *after = _CLAUSE_BREAK.split(m.group("rest"), maxsplit=1)
    if after and not _AFTER_THE_DAY.match(after[0]):
        return None
    return m.group("noun") if _one_coming_day(head) else None


def follows_on_a_day(sentence: str) -> bool:
    """Whether the sentence has something follow on one coming day ("The plan follows on Friday, 27 November")."""
    return "?" not in sentence and bool(_FOLLOWS.search(sentence)) and _one_coming_day(sentence)
