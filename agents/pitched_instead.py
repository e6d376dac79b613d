"""A question the buyer asked on a call, left for a pitch of something nobody asked about (issue 11, wave 32: set 41's
en-b11, "We can also add online booking for patients; would a demo next week help?" to a deal whose last call note
reads "Tom asked about the rollout order and whether the 9 clinics can go live in two waves").

agents.moments.latest_ask reads the buyer's e-mails; a question asked on a call reaches the record only through our
note of it ("Tom asked ...", "Er fragte, ob ...", "il a demandé si ...", "preguntó si ..."). When the newest of the
buyer's messages is such a call and no e-mail of ours has gone out since, the question is still open. A draft that
takes up none of its words or concepts (the waves, the rollout) and instead offers something more — an add-on, a new
demo, a webinar, a module — whose words the record nowhere holds answers a question nobody asked.

Look-alikes that pass: a draft that takes the question up and mentions an add-on beside it; a draft about what the
record holds that pitches nothing ("a short guide on cutting no-shows with reminder texts", labelled good in the
corpora: a call note's question does not bind every e-mail the way a buyer's own e-mail does).
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.known_record import topic_terms
from agents.moments import ASK_LOOKBACK_DAYS, customer_messages
from agents.normalize import normalise, unaccented
from agents.product_named import record_text
from agents.question_answers import STOPWORDS
from agents.sentence_ends import sentence_parts

_ASKED = re.compile(
    r"\b(?:asked|wanted to know|wants to know|wondered|fragte\w*|hat gefragt|wollte wissen|a demandé|demandait|"
    r"voulait savoir|pregunt[oó]|quer[ií]a saber)\b", re.I)
"""Our note of a question the buyer asked; what follows the verb is the question."""
_ASKING = frozenset(unaccented(w)[:5] for w in """whether could would should können könnten konnen konnten ob peuvent
pouvez pouvons pourrait pueden puede podemos podría podrian""".split())
"""Modal and asking words: the form of the question, not its topic."""
_PITCH = re.compile(
    r"\b(?:we|i)(?:'d| would| could| can|'ll| will)? (?:also|additionally|even) (?:add|offer|include|set up|show|bundle|"
    r"throw in|give)\b|\badd-?ons?\b|\bwebinars?\b|\b(?:another|a second|a new|a further) (?:demo|demonstration|trial|"
    r"presentation)\b|\b(?:our|the) new (?:[\w-]+ ){0,3}?(?:feature|module|product|tool|app)s?\b|"
    r"\b(?:können|könnten) (?:wir|ich) (?:ihnen )?(?:auch|zusätzlich|außerdem|ebenfalls)\b|"
    r"\b(?:wir|ich) (?:können|könnten) (?:ihnen )?(?:auch|zusätzlich|außerdem|ebenfalls)\b|"
    r"\bzusätzlich\w* (?:[\w-]+ ){0,4}?(?:anbieten|zeigen|vorstellen)\b|\b(?:neue|zweite|weitere) (?:demo|vorführung|"
    r"präsentation)\b|\bwebinar\w*|"
    r"\b(?:pouvons|pourrions|peux|pourrais) (?:aussi|également|en plus|par ailleurs) (?:vous )?(?:ajouter|proposer|"
    r"présenter|montrer|offrir)\b|\b(?:nouvelle|seconde|deuxième|autre) (?:démo|démonstration|présentation)\b|"
    r"\bwebinaire\w*|"
    r"\b(?:podemos|podríamos|puedo|podría) (?:también|además) (?:\w+ )?(?:añadir|ofrecer\w*|incluir|mostrar\w*|"
    r"presentar\w*)\b|\b(?:otra|nueva|segunda) (?:demo|demostración|presentación)\b|\bseminario web\b", re.I)
"""Offering something more than what was asked: an add-on, another demo, a webinar, a new module."""
_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = frozenset(unaccented(w) for w in STOPWORDS) | _ASKING
_UNRECORDED = 2
"""Words of the pitch the record must lack for it to offer something nobody spoke of (one may be an everyday word)."""


def noted_question(ctx: Context) -> tuple[str, str, str] | None:
    """(activity id, day, the question) of the buyer's question our note of their newest call or meeting records, when
    no e-mail of ours has gone out since; None when the newest message is an e-mail (agents.moments.latest_ask's)."""
    messages = customer_messages(ctx, days=ASK_LOOKBACK_DAYS)
    if not messages or messages[0]["type"] == "email":
        return None
    a = messages[0]
    if any(int(x["id"][1:]) < int(a["id"][1:]) and x["type"] == "email" and x.get("direction") == "outbound"
           for x in ctx.activities.values()):
        return None  # we have written since
    for sentence in sentence_parts(normalise(a.get("text") or "")):
        if m := _ASKED.search(sentence):
            return a["id"], (a.get("at") or "")[:10], sentence[m.end():].strip()
    return None


def pitched_instead(body: str, ctx: Context) -> str | None:
    """Why the draft leaves the question noted from the buyer's call for a pitch, or None."""
    noted = noted_question(ctx)
    if noted is None:
        return None
    activity, day, question = noted
    asked = topic_terms(question) - _ASKING
    if not asked or topic_terms(normalise(body)) & asked:
        return None  # no topic to take up, or taken up
    record = record_text(ctx)
    for sentence in sentence_parts(normalise(body)):
        if not _PITCH.search(sentence):
            continue
        unrecorded = {w for w in _WORD.findall(unaccented(sentence)) if w not in _COMMON and w[:5] not in _COMMON
                      and w[:5] not in record}
        if len(unrecorded) >= _UNRECORDED:
            return (f"takes up none of the question noted from the call ({activity}, {day}: {question[:60]!r}) and "
                    f"pitches what the record never mentions instead: {sentence.strip()[:80]!r}")
    return None
