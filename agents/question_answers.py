"""Whether a draft takes up the buyer's latest question (issue 11), moved out of agents.quality in wave 27 so that
module stays under 400 lines; `agents.quality` re-exports `answers_question` and `STOPWORDS`.

Wave 27 (set 36's fr-g6, es-g6): a short reply may name the document only in its subject and refer to it in the body
by a pronoun ("Subject: Proposition vendredi / Merci ! Vous l'aurez vendredi.", "Subject: Propuesta el viernes /
Gracias. La tendrá el viernes."). The subject names what the buyer asked for and the pronoun of its receiving
(agents.stated_steps) points at it: the draft takes up the question.
"""

from __future__ import annotations

import re
from datetime import date

from agents.acknowledged_days import acknowledged_day
from agents.document_in_other_words import takes_up_the_document
from agents.moments import ASK_TOPICS, Ask
from agents.next_steps import WEEKDAY_NAMES, dated_next_step
from agents.normalize import normalise
from agents.stated_steps import receives_it, stated_step

STOPWORDS = frozenset(
    """
about after again also been before being call could does done email from have here into just know like
made make meeting more next note only other over page said same some than that their them then there
these they this those today very want were what when where which while will with would your yours you
team thanks thank week follow following quick time update updates call good great happy send sent
for and the our you are was has had not but all any can may its his her how who why out one two get got
let see use new now per via off own too yet
danke vielen viele grüße hallo guten ihnen ihre ihrer ihrem ihren haben wird werden sind eine einen einem einer
nicht noch auch wenn dass oder aber sich bitte gerne sehr schon heute woche termin gespräch projekt kurz
merci bonjour cordialement votre vous nous avec pour dans cette sont être avoir fait plus bien très semaine projet appel échange souhaite pouvons pourrions
gracias hola saludo saludos usted nosotros para como esta este esto pero también sobre desde cuando semana
proyecto llamada reunión podemos podríamos quería
""".split()
)
"""Words too common to show that a draft refers to a specific activity."""


def answers_question(
    body: str, ask: Ask | None, subject: str = "", to_contact_id: str | None = None
) -> tuple[bool, str]:
    """Tell whether a draft takes up the buyer's latest question (its topic, in any supported language). The subject
    counts with the body for the buyer's own words (wave 24b, set 33's es-g9: "Re: calendario de implantación" over a
    body about "el calendario" and "la implantación") when the body names the phrase's words too. With
    `to_contact_id`, a reply to the asker may take up the document as "it" (agents.document_in_other_words)."""
    if ask is None:
        return True, "no open question from the buyer"
    topics = [t for t in ask.topics if t != "meeting"] or list(ask.topics)
    if not topics:
        return True, "question without a recognised topic"
    patterns = dict(ASK_TOPICS)
    hit = [t for t in topics if patterns[t].search(normalise(body))]
    if not hit:
        # The buyer's own words for what they asked ("el calendario de implantación" of "la propuesta con el calendario
        # de implantación"): a draft that works on that thing takes up the question whatever it calls the document.
        echoed = _phrases(normalise(ask.question)) & _phrases(normalise(body))
        if echoed:
            return True, f"takes up the buyer's {' '.join(sorted(echoed)[0])!r}"
        body_words = set(re.findall(r"[^\W\d_]+", normalise(body).lower()))
        titled = [
            p
            for p in _phrases(normalise(ask.question)) & _phrases(normalise(subject))
            if set(p) <= body_words
        ]
        if titled:
            return True, f"takes up the buyer's {' '.join(sorted(titled)[0])!r} (subject and body)"
        # wave 27: the subject names the thing asked for, the body receives "it" on a day (a short reply)
        titled_topics = [t for t in topics if patterns[t].search(normalise(subject))]
        if titled_topics and receives_it(normalise(body)):
            return True, f"takes up {', '.join(titled_topics)} (named in the subject, 'it' in the body)"
        # wave 28: "je vous l'envoie vendredi" to the asker, "avant l'envoi du 27 novembre"
        if other_words := takes_up_the_document(body, ask, to_contact_id):
            return True, f"takes up {', '.join(topics)}: {other_words}"
    return (
        bool(hit),
        f"takes up {', '.join(hit)}" if hit else f"ignores the question about {', '.join(topics)}",
    )


_TIME_WORD = re.compile(
    rf"(?:{WEEKDAY_NAMES}|end|ende|fin|final|next|nächst\w*|kommend\w*|prochaine?s?|próxim[oa]s?|siguiente|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre)$",
    re.I,
)
"""Words of a date or deadline: "Ende nächster Woche" in the question and the draft is a time, not a thing asked for."""


def _phrases(text: str) -> set[tuple[str, str]]:
    """Pairs of content words next to each other or joined by one short word ("calendario de implantación",
    "order form", "coût par atelier"): a phrase two texts share is one thing named, not a coincidence of words."""
    tokens = re.findall(r"[^\W\d_][^\W\d_'-]*", text.lower())
    content = [len(t) >= 4 and t not in STOPWORDS and not _TIME_WORD.match(t) for t in tokens]
    out = set()
    for i, t in enumerate(tokens):
        if not content[i]:
            continue
        if i + 1 < len(tokens) and content[i + 1]:
            out.add((t, tokens[i + 1]))
        elif i + 2 < len(tokens) and len(tokens[i + 1]) <= 3 and content[i + 2]:
            out.add((t, tokens[i + 2]))
    return out


SHORT_REPLY_MIN_WORDS = 6
"""Fewest words of a complete short reply: a greeting with the name, the document, the day, the sign-off."""


def complete_short_reply(body: str, subject: str, ask: Ask | None, to_contact_id: str) -> str | None:
    """Why a draft under the length floor is still a complete reply, or None (wave 27, set 36's fr-g6, es-g6). The
    floor keeps "Thanks, will do" and "any update?" failing; "Merci ! Vous l'aurez vendredi." under "Proposition
    vendredi" is the whole answer to the recipient's own latest request: it takes up what they asked for and tells them
    the day they have it ("Noté, la proposition part vendredi." says as much). So it passes only as an answer to a question of the recipient's, with no question of its
    own, and with the buyer receiving the document on a coming day."""
    if (
        ask is None
        or ask.sender_contact_id != to_contact_id
        or "?" in body
        or len(body.split()) < SHORT_REPLY_MIN_WORDS
    ):
        return None
    answered, why = answers_question(body, ask, subject, to_contact_id)
    step = (
        receives_it(normalise(body))
        or stated_step(body)
        or dated_next_step(body)
        or acknowledged_day(body, date.fromisoformat(ask.at[:10]))
    )  # wave 30: "ist notiert. Freitag, 27. November."
    return f"a complete short reply: {why}; {step!r}" if answered and step else None
