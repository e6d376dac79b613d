"""A reply's subject that names what the buyer wrote or asked about (set 33's good drafts, wave 24b): "Re: nombre de
licences" to a buyer whose e-mail asked for "le nombre de licences", "Re: flexibility on a 2-year term" where the
record's call note says Marcus asked about "flexibility on price for a 2-year term". The thread is real even though no
activity's subject carries those words: the buyer's own topic is the thread. A made-up thread ("Re: Your webinar seat
is confirmed") still has a word no sentence of the buyer's side of the record writes, so it stays refused."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from agents.sentence_ends import sentence_parts


def _prefixes(words: Iterable[str]) -> set[str]:
    # four letters, as agents.draft_conduct compares a subject's words with the record's ("licences"/"licence")
    return {w[:4] for w in words}


def names_a_buyer_topic(subject_words: set[str], activities: Mapping[str, Mapping[str, Any]],
                        words_of: Callable[[str], set[str]]) -> bool:
    """True when ONE sentence of an activity that is not ours (an inbound e-mail, or a logged call or note reporting
    what the buyer said) holds every word naming the subject's thread. One sentence, not the whole record: words picked
    from several messages ("Re: fleet webinar seat") make a subject no buyer wrote about. An outbound message is ours:
    our own wording cannot make a thread the buyer is on."""
    if len(subject_words) < 2:
        # one word ("Re: Pricing") is too little to say the subject is the buyer's topic and not a chance match
        return False
    wanted = _prefixes(subject_words)
    return any(wanted <= _prefixes(words_of(sentence)) for sentence in _buyer_sentences(activities))


_REPORTED_ASK = re.compile(
    r"\b(?:asked|asks|wants|wanted|requested|raised|wondered|would like|"
    r"fragte|gefragt|fragt|möchte|wollte|wünscht\w*|bat|"
    r"a demandé|demande|demandait|souhaite|souhaitait|voulait|veut|"
    r"preguntó|pregunta|quiere|quería|pidió|pide|desea|planteó)\b", re.I)
"""A logged call or meeting reporting what the buyer asked: "Tom asked about the rollout order"."""


def _buyer_sentences(activities: Mapping[str, Mapping[str, Any]]) -> Iterator[str]:
    """Sentences of the buyer's side: every sentence of an activity that is not ours, and (wave 27, set 36's en-g6)
    the sentences of a call or meeting we logged that report the buyer asking ("Tom asked ... whether the 9 clinics can
    go live in two waves"): our call, the buyer's words."""
    for a in activities.values():
        if a.get("withheld"):
            continue
        ours = a.get("direction") == "outbound"
        if ours and a.get("type") not in ("call", "meeting"):
            continue
        for sentence in sentence_parts(a.get("text") or ""):
            if not ours or _REPORTED_ASK.search(sentence):
                yield sentence


def quotes_a_buyer_phrase(subject: str, activities: Mapping[str, Mapping[str, Any]]) -> bool:
    """True when the subject (its reply marker taken off) is a phrase of two words or more that one sentence of the
    buyer's side writes as it stands ("Re: Two waves" where Tom asked whether the clinics "can go live in two waves").
    Short words count here, as "two" does: a phrase quoted whole is no chance match of single words."""
    phrase = " ".join(re.findall(r"\w+", subject.casefold()))
    if len(phrase.split()) < 2:
        return False
    return any(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ".join(re.findall(r"\w+", s.casefold())))
               for s in _buyer_sentences(activities))
