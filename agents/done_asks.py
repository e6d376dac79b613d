"""Asking the buyer for what the record shows is already done (issue 11, wave 20: set 28's q28-en-b5, "could you send
over your security questionnaire" to Priya, when a call note says she sent it, our answers went back and security
signed off).

A draft sentence that asks the buyer to send, share, fill in, return or sign something names that thing; an activity
of the record that says the thing was sent, returned, answered or signed (a past-tense done verb in a sentence that
names it, not negated) shows it is done. A rep who asks for it again has not read the record. A thing is named by
its content words: the activity's sentence must share DONE_MIN_SHARED_STEMS of them, or one long word
(SPECIFIC_WORD_LETTERS letters: "questionnaire", "Sicherheitsfragebogen"). Silent when the record cannot tell: no
done sentence names the thing, the ask says it wants a new or corrected version ("the updated questionnaire",
"erneut", "à nouveau", "de nuevo"), or the record only plans it ("Priya will send the questionnaire").
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

DONE_MIN_SHARED_STEMS = 2
"""Distinct four-letter stems of the asked thing a done sentence must name ("security questionnaire")."""
SPECIFIC_WORD_LETTERS = 10
"""Letters from which one word names one thing on its own ("questionnaire", "Unterschrift" is 12)."""

_ASKED = re.compile(
    r"\b(?:(?:could|can|would|will) you(?: please| kindly)?|please|(?:i|we)(?:'d| would) (?:need|like) you to|"
    r"(?:könnten|können|würden) sie(?: (?:uns|mir))?(?: bitte)?|bitte|"
    r"(?:pourriez|pouvez|voudriez)-vous|merci de|je vous (?:prie|remercie) de|"
    r"(?:podría|podrían|puede|pueden|podrías)|por favor|le agradecería que|les agradecería que)\b", re.I)
"""A request to the reader, in the forms our languages use."""
_HAND_OVER = re.compile(
    r"\b(?:send(?:ing)?(?: (?:over|across|through|back|us|me))*|share|forward|provide|fill(?:ing)? (?:in|out)|"
    r"complete|return|sign|get (?:us|me)|submit|"
    r"schicken|senden|zusenden|zuschicken|übermitteln|ausfüllen|zurückschicken|zurücksenden|unterschreiben|"
    r"unterzeichnen|weiterleiten|schicken sie|senden sie|"
    r"envoyer|m'envoyer|nous envoyer|transmettre|me transmettre|nous transmettre|faire parvenir|remplir|compléter|"
    r"retourner|renvoyer|signer|"
    r"enviar\w*|mandar\w*|remitir\w*|rellenar|completar|devolver\w*|firmar|envíe\w*|mande\w*)\b", re.I)
"""Handing something over: what a request asks the buyer to do with a document."""
_AGAIN = re.compile(
    r"\b(?:again|resend|re-send|updated?|new|newer|latest|revised|corrected|final|second|another|missing|"
    r"erneut|nochmals|noch einmal|aktualisiert\w*|neue\w*|überarbeitet\w*|korrigiert\w*|finale\w*|zweite\w*|weitere\w*|"
    r"à nouveau|de nouveau|nouveau|nouvelle|mis à jour|mise à jour|révisé\w*|corrigé\w*|définitive?|deuxième|autre|"
    r"de nuevo|otra vez|nuevo|nueva|actualizad[oa]s?|revisad[oa]s?|corregid[oa]s?|definitiv[oa]|segund[oa]|otr[oa])\b",
    re.I)
"""A new, corrected or second version asked for: the one on record is not what the ask wants."""
_DONE = re.compile(
    r"\b(?:sent|sent over|shared|returned|answered|completed|submitted|signed|signed off|countersigned|filled (?:in|out)|"
    r"received|forwarded|here (?:is|are)|attached|please find|"
    r"geschickt|gesendet|zugeschickt|übermittelt|zurückgeschickt|beantwortet|ausgefüllt|unterschrieben|unterzeichnet|"
    r"erhalten|freigegeben|weitergeleitet|anbei|im anhang|hier (?:ist|sind)|"
    r"envoyé\w*|transmis\w*|retourné\w*|renvoyé\w*|rempli\w*|complété\w*|signé\w*|reçu\w*|validé\w*|ci-joint\w*|voici|"
    r"enviad[oa]s?|envió|enviaron|envié|remitid[oa]s?|devuelt[oa]s?|rellenad[oa]s?|completad[oa]s?|firmad[oa]s?|"
    r"recibid[oa]s?|recibimos|adjunt[oa]s?|aprobad[oa]s?)\b", re.I)
"""A thing done, as a note or an email records it: past participles and simple pasts of handing over and signing."""
_NOT_YET = re.compile(
    r"\b(?:not|n't|never|yet to|still (?:needs?|has|have) to|will|going to|plans? to|nicht|noch nicht|kein\w*|wird|"
    r"werden|soll|pas|jamais|va |vont|doit|devra|no|aún no|todavía no|ni|va a|van a|enviará\w*)\b", re.I)
"""A sentence that says the thing is not done yet, or only will be."""
_STOP = frozenset("""
before after could would please your yours over with that this these those from into them they their there about
which while when where what have been will shall just also send sending share forward provide complete return sign
ihnen ihre ihren ihrer bitte könnten können würden schicken senden zusenden übermitteln noch einmal unsere unser
votre vous nous pourriez pouvez merci envoyer transmettre pour avec cette sont avant après
podría podrían puede usted ustedes nuestro nuestra para antes después enviar enviarnos mandar favor
""".split())
_WORD = re.compile(r"[^\W\d_]{4,}")
_PURPOSE = re.compile(r"\b(?:so that|so we|so i|in order|to start|because|before|damit|sodass|um|bevor|pour que|afin|"
                      r"avant|para que|antes de|porque)\b", re.I)


_TITLED_PERSON = re.compile(
    r"\b(?i:herrn?|frau|mr|mrs|ms|dr|monsieur|madame|mme|m\.|señora?|sr|sra|srta|don|doña)\.?\s+"
    r"[A-ZÄÖÜÁÉÍÓÚÑ][\w'’-]*")
"""A person named with a title ("Herrn Weber", "Mr. Lee", "M. Martin"): whom a thing goes to or through, never the
thing (wave 40: "Könnten Sie Herrn Weber bitte die Unterlagen weiterleiten?" read "Herr Weber" as the thing asked
for, and the record's "Hallo Herr Weber, anbei ..." as that thing sent; set 35's de-b9, read whole since wave 39)."""


def _stems(text: str) -> set[str]:
    return {w.lower()[:4] for w in _WORD.findall(text) if w.lower() not in _STOP}


def _asked_thing(sentence: str) -> str:
    """What a request sentence asks the buyer to hand over, or "" when it asks for no document: the words after the
    hand-over verb up to a purpose ("so that we can start ..."), or before it in German ("den Fragebogen schicken")."""
    ask = _ASKED.search(sentence)
    verb = _HAND_OVER.search(sentence, ask.end()) if ask else None
    if ask is None or verb is None:
        return ""
    after = _PURPOSE.split(sentence[verb.end():], maxsplit=1)[0]
    between = sentence[ask.end():verb.start()]
    return _TITLED_PERSON.sub(" ", f"{between} {after}")


def asks_for_done_things(body: str, ctx: Context) -> list[str]:
    """Sentences of a draft that ask the buyer for something the record shows was already sent, answered or signed.

    Args:
        body: the draft's body.
        ctx: the run's context (its activities, withheld ones left out).

    Returns:
        One reason per such ask, naming the activity that shows the thing done (empty when the record cannot tell).
    """
    done: list[tuple[str, str, set[str]]] = []
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        text = normalise(f"{a.get('subject') or ''}. {a.get('text') or ''}")
        for sentence in re.split(r"(?<=[.!?;:])\s+|\n+", text):
            if _DONE.search(sentence) and not _NOT_YET.search(sentence):
                done.append((a["id"], a.get("at") or "", _stems(sentence)))
    if not done:
        return []
    out: list[str] = []
    for sentence in sentence_parts(normalise(body)):
        thing = _asked_thing(sentence)
        if not thing or _AGAIN.search(sentence):
            continue
        wanted = _stems(thing)
        specific = {w.lower()[:4] for w in _WORD.findall(thing) if len(w) >= SPECIFIC_WORD_LETTERS} & wanted
        for aid, at, stems in done:
            shared = wanted & stems
            if len(shared) >= DONE_MIN_SHARED_STEMS or shared & specific:
                out.append(f"asks for what the record shows done ({aid}, {at}): {sentence.strip()[:80]!r}")
                break
    return out
