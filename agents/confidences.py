"""What one contact told us in confidence, repeated to another (issue 11, wave 25: set 33's en-b10, "Dana mentioned to
us that your current vendor's telematics add-on is cheaper" to Marcus, from the note "Dana hinted the telematics add-on
is cheaper").

A confidence is a sentence of the record that says it was not for everyone: "between us", "off the record", "in
confidence", "confidential", "hinted", "unter uns", "vertraulich", "angedeutet", "entre nous", "a laissé entendre",
"entre nosotros", "en confianza", "dejó caer", or any sentence of an activity marked internal ("Internal:", "intern",
"interne", "interno"). Its source is the one contact the sentence names, or the contact who signed the inbound e-mail.

A draft to anyone but the source exposes the source when one of its sentences

- names the source (or "your colleague", "your team", "I hear", "on m'a dit", "me han dicho") and shares two content
  words with the confidence: "Dana told us the add-on is cheaper" to Marcus;
- or names another contact of the record with a word of confidence: "Dana hinted that ...", "Anna hat uns unter vier
  Augen gesagt ...", whatever the record holds.

The source's own aside said back to the source passes ("you mentioned the add-on is cheaper" to Dana), and so does
what a contact said openly (an e-mail, a meeting note without such a word): "Dana confirmed security has signed off".
"""

from __future__ import annotations

import functools
import re
import unicodedata

from agents.context import Context
from agents.moments import sender_of
from agents.normalize import normalise

_CONFIDENCE = re.compile(
    r"\b(?:between (?:you and me|us|ourselves)|off the record|in confidence|confidential\w*|privately|in private|"
    r"hint(?:ed|s)?|let (?:it )?slip|unofficial\w*|(?:do not|don't|not to) (?:tell|share|quote|repeat|mention)|"
    r"unter uns|unter vier augen|vertraulich\w*|im vertrauen|inoffiziell\w*|angedeutet|deutete\w* an|durchblicken|"
    r"nicht weiter(?:sagen|geben)|hinter vorgehaltener hand|"
    r"entre nous|confidentiel\w*|en confidence|officieusement|en off|(?:a )?laisse entendre|glisse|souffle|"
    r"ne pas (?:le )?(?:repeter|dire|ebruiter)|"
    r"entre nosotros|confidencial\w*|en confianza|extraoficial\w*|insinu\w*|dejo caer|dio a entender|en privado|"
    r"no lo (?:repita|diga)|que quede entre)\b"
)
_INTERNAL = re.compile(
    r"^\W*(?:internal|intern|interne|interno|interna|confidential|vertraulich|confidentiel|"
    r"confidencial)\b"
)
_HEARSAY = re.compile(
    r"\b(?:your (?:colleague|team|side)|someone (?:on|in) your|i (?:hear|heard|understand|was told|gather)|we (?:hear|"
    r"heard|were told|understand)|word is|ihr\w* (?:kolleg\w*|team)|wie (?:ich|wir) (?:hore|horen)|(?:habe|haben) "
    r"(?:ich |wir )?gehort|mir wurde gesagt|votre (?:collegue|equipe)|j'ai (?:cru comprendre|entendu)|on m'a dit|"
    r"il parait|su (?:companer[oa]|equipo|colega)|me han dicho|tengo entendido|me (?:comentaron|contaron))\b"
)
_STOP = frozenset(
    """
that this with from have will would about their there they them your said told mentioned hinted also just
dass nicht eine einen haben wird uns unter sagt sagte gesagt erwahnt
pour avec dans nous vous leur elle elles entre dit
para como pero entre nosotros dijo comento esta este
""".split()
)


@functools.lru_cache(maxsize=1024)  # a pure function of its text; each check folds the record's texts again
def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", normalise(text).lower()) if not unicodedata.combining(c)
    )


def said_in_confidence(sentence: str) -> bool:
    """Whether a sentence of the record says it was said in confidence ("off the record", "unter uns",
    "officieusement", "extraoficialmente"): agents.approvals lets no such sentence vouch for an approval (wave 35)."""
    return bool(_CONFIDENCE.search(_AGREEMENT.sub(" ", _fold(sentence))))


_AGREEMENT = re.compile(
    r"\b(?:(?:confidentiality|non-disclosure)\s+(?:agreement|clause)|(?:accord|clause|engagement)\s+de\s+"
    r"confidentialite|vertraulichkeits\w+|(?:acuerdo|clausula|compromiso)\s+de\s+confidencialidad)\b")
"""A document about confidentiality (an NDA, "accord de confidentialité") names no confidence: set 43's 063 sends one."""


def _words(text: str, names: set[str]) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text) if w not in _STOP and w not in names}


def _named(sentence: str, people: dict[str, set[str]]) -> list[str]:
    return [
        cid
        for cid, parts in people.items()
        if any(re.search(rf"\b{re.escape(p)}\b", sentence) for p in parts)
    ]


def _confidences(ctx: Context, people: dict[str, set[str]], names: set[str]) -> list[tuple[str, set[str]]]:
    """(source contact id, content words) of every sentence of the record said in confidence."""
    out: list[tuple[str, set[str]]] = []
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        text, subject = _fold(a.get("text") or ""), _fold(a.get("subject") or "")
        internal = bool(a.get("internal")) or bool(_INTERNAL.search(subject) or _INTERNAL.search(text))
        signer = sender_of(ctx, a)
        for sentence in re.split(r"(?<=[.!?;])\s+|\n+", text):
            if not (internal or _CONFIDENCE.search(sentence)):
                continue
            named = _named(sentence, people)
            source = named[0] if len(named) == 1 else signer
            if source is not None:
                out.append((source, _words(sentence, names)))
    return out


def repeated_confidences(body: str, recipient_id: str | None, ctx: Context) -> list[str]:
    """Sentences of the draft that tell the recipient what another contact said in confidence."""
    if recipient_id is None:
        return []
    people = {
        c.id: {p for p in _fold(n).split() if len(p) >= 3}
        for c in ctx.record.contacts
        if (n := ctx.contact_name(c))
    }
    names = set().union(*people.values()) if people else set()
    confided = [(src, words) for src, words in _confidences(ctx, people, names) if src != recipient_id]
    display = {c.id: ctx.contact_name(c) or "another contact" for c in ctx.record.contacts}
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?;])\s+|\n+", _fold(body)):
        others = [cid for cid in _named(sentence, people) if cid != recipient_id]
        if others and _CONFIDENCE.search(sentence):
            out.append(
                f"tells {display.get(recipient_id, 'the recipient')} what {display[others[0]]} said in "
                f"confidence: {sentence.strip()[:80]!r}"
            )
            continue
        words = _words(sentence, names)
        for src, said in confided:
            shared = sorted(words & said)
            if len(shared) >= 2 and (src in others or _HEARSAY.search(sentence)):
                out.append(
                    f"repeats what {display[src]} said in confidence ({', '.join(shared)}): "
                    f"{sentence.strip()[:80]!r}"
                )
                break
    return out[:2]
