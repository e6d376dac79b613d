"""The document the buyer asked for, taken up without its name (issue 11, wave 28: set 37's fr-g8, es-g8, de-g8,
fr-g9, es-g9 refused "ignores the question about proposal").

agents.question_answers reads a draft as taking up a request for the proposal when it names the proposal (or its
subject does and the body receives "it"). Honest drafts also take it up in two other ways:

- a one-line reply to the person who asked, with the document as a pronoun of our sending or their having it on a
  coming day: "Parfait, je vous l'envoie vendredi.", "Hecho, el viernes se la mando.", "Freitag ist es bei Ihnen.",
  "Will do, I'll send it Friday." Only the asker's own request gives the pronoun its antecedent: to anyone else, or
  with no coming day ("I'll send it soon"), it refers to nothing the record holds;
- the document's dispatch as a noun with its coming day: "avant l'envoi du 27 novembre", "antes del envío del 27 de
  noviembre", "nach dem Versand am Freitag", "before the send-out on Friday". The dispatch of the pending document is
  the proposal's; a day already past (before the request was written) is an earlier mailing, not this one.

Both count only for a request of a document (proposal or contract): "I'll send it Friday" answers nothing about SSO.
"""

from __future__ import annotations

import re
from datetime import date

from agents.acknowledged_days import acknowledged_day
from agents.calendar_days import resolve_day
from agents.facts import find_dates
from agents.moments import Ask
from agents.next_steps import COMING_DAY
from agents.nominal_steps import nominal_step
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts
from agents.stated_steps import receives_it

DOCUMENT_TOPICS = frozenset({"proposal", "contract"})
"""Requests for a document: the only ones a pronoun of sending can answer."""

_SENDS_IT = re.compile(
    r"\b(?:send|sending|forward|email|e-mail|get|have|receive)\s+(?:it|them)\b|"
    r"\b(?:schicke|sende|maile|übermittle|schicken|senden)\s+(?:ich|wir)\s+(?:ihnen\s+)?(?:es|ihn)\b|"
    r"\b(?:ich|wir)\s+(?:schicke|sende|schicken|senden)\s+(?:ihnen\s+)?(?:es|ihn)\b|"
    r"\bist\s+es\b[^.?!\n]{0,30}\bbei\s+ihnen\b|\b(?:bekommen|erhalten|haben)\s+sie\s+es\b|"
    r"\bsie\s+(?:bekommen|erhalten|haben)\s+es\b|"
    r"\bvous\s+l['’]\s*(?:envoie|enverrai|envoyons|enverrons|transmets|transmettrai|adresse|adresserai|aurez|recevrez)\b|"
    r"\b(?:je|nous)\s+vous\s+(?:la|le|les)\s+(?:envoie|enverrai|envoyons|enverrons|transmets|transmettrai)\b|"
    r"\bse\s+(?:la|lo|las|los)\s+(?:mando|mandaré|mandamos|envío|enviaré|enviamos|hago llegar|haré llegar|remito|"
    r"remitiré|paso|pasaré)\b|\b(?:la|lo)\s+(?:tendrá|tiene|recibirá|recibe)\b",
    re.I,
)
"""The document as the pronoun of our sending it or of the buyer's having it."""
_DISPATCH = re.compile(
    r"\b(?:the\s+)?(?:send-out|sending|dispatch|mail-out)\s+(?:on|of|this|next|by)\b|"
    r"\b(?:dem|den|der)\s+versand\s+(?:am|vom|bis|diese|nächste)\b|"
    r"\bl['’]\s*envoi\s+(?:du|de|le|prévu)\b|"
    r"\b(?:el|del)\s+envío\s+(?:del|el|de\s+este|previsto)\b|"
    # wave 30 (set 39's fr-g9, "proposer un point après réception, le 2 décembre"): its receipt, the day after it
    r"\bafter (?:its )?receipt\b|\bnach (?:dem )?erhalt\b|\baprès (?:sa |la )?réception\b|\btras (?:su |la )?recepción\b",
    re.I,
)
"""The dispatch (or its receipt) named as a noun, its day after it."""
_DISPATCH_NOUN = re.compile(
    r"^(?:dispatch|send-out|delivery|versand|zustellung|lieferung|envoi|livraison|envío|entrega)$", re.I
)
"""wave 29 (set 38's fr-g7, "Envoi le vendredi 27 novembre."): the dispatch as a verbless status line."""
_ANSWER_NOUN = re.compile(r"^(?:reply|answer|response|antwort|rückmeldung|réponse|retour|respuesta)$", re.I)
"""An answer as a verbless status line ("Réponse complète le vendredi 27 novembre"): to the asker, the answer to them."""
_IT_ARRIVES = re.compile(
    r"^\W*(?:it|they|es|elle|ella)?\s*(?:lands|arrives|comes|follows|goes out|is on its way|"
    r"will (?:land|arrive|come|follow|go out|reach you|be with you)|"
    r"kommt|folgt|geht raus|ist unterwegs|arrive|arrivera|part|partira|suit|suivra|llega|llegará|sale|saldrá)\b",
    re.I,
)
"""wave 29 (set 38's en-g5, "Will do. It lands Friday, November 27"): the asked-for document as the subject of its
arriving, in a reply to the asker."""
_DAY_AFTER = 40
"""Characters after the dispatch noun in which its day is written."""


def _coming(text: str, after: date) -> bool:
    """A weekday or week in words, or a date later than `after`, in `text`."""
    if COMING_DAY.search(text):
        return True
    return any(
        (d := resolve_day(y, m, day, after)) is not None and d > after for _, (y, m, day) in find_dates(text)
    )


def takes_up_the_document(body: str, ask: Ask | None, to_contact_id: str | None) -> str | None:
    """How the draft takes up the buyer's request for a document without naming it, or None."""
    if ask is None or not DOCUMENT_TOPICS & set(ask.topics):
        return None
    text = normalise(body)
    asked = date.fromisoformat(ask.at[:10])
    for m in _DISPATCH.finditer(text):
        if _coming(text[m.end() : m.end() + _DAY_AFTER], asked):
            return f"the document's dispatch on a coming day ({text[m.start() : m.end() + _DAY_AFTER].strip()!r})"
    sentences = sentence_parts(text)
    for sentence in sentences:
        noun = nominal_step(sentence)
        if noun and _DISPATCH_NOUN.match(noun) and _coming(sentence, asked):
            return f"the document's dispatch on a coming day ({sentence.strip()[:60]!r})"
    if to_contact_id is None or ask.sender_contact_id != to_contact_id:
        return None
    # wave 30 (set 39's de-g6, fr-g6): "ist notiert. Freitag, 27. November." (agents.acknowledged_days)
    if acknowledged := acknowledged_day(body, asked):
        return f"the asker's request acknowledged with its day ({acknowledged!r})"
    for sentence in sentences:
        noun = nominal_step(sentence)
        if (
            "?" not in sentence
            and (
                _SENDS_IT.search(sentence)
                or receives_it(sentence)
                or _IT_ARRIVES.search(sentence)
                or (noun and _ANSWER_NOUN.match(noun))
            )
            and _coming(sentence, asked)
        ):
            return f"the asker's document as 'it' on a coming day ({sentence.strip()[:60]!r})"
    return None
