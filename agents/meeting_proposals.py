"""A meeting proposed on a day, about the document (issue 11, wave 36: set 45's de-g8 "für die Besprechung des
Angebots schlage ich zwei Termine vor: Mittwoch, 2. Dezember, 10 Uhr, oder Freitag, 4. Dezember, 14 Uhr" was refused
as the document promised for 2 December, after the day the buyer asked for it).

agents.late_promises reads a sentence that names the document and a day as the document's delivery when a word of
readiness stands in it; the German plural "Termine" read as French "terminé", and "to go through the proposal with
you" as "with you". A sentence that proposes a meeting (a word for a meeting or a slot, and a verb of proposing or a
question of what suits) gives the meeting's days. It promises the document for none of them, unless in it we also
send the document or say it is ready ("the proposal is ready by then, so I suggest a call on 2 December"): those
still count.
"""

from __future__ import annotations

import re

from agents.delivery_days import delivers_document

_MEETING = re.compile(
    r"\b(?:meeting|call|slots?|times?|walk-?through|session|appointment|"
    r"besprechung\w*|termin\w*|gespräch\w*|telefonat\w*|videocall|call|"
    r"réunion|rendez-vous|créneaux?|appel|échange|point|visio\w*|"
    r"reuni[oó]n|llamada|cita|horarios?|videollamada)\b", re.I)
_PROPOSE = re.compile(
    r"\b(?:propose|suggest|offer|would (?:\w+ )?suit|works? for you|could we (?:meet|talk|speak)|shall we|"
    r"schlage\w*|vorschlag\w*|vorschlagen|biete\w*|anbieten|passt|passen|"
    r"propose|proposons|suggère|vous convien\w*|vous irait|"
    r"propongo|proponemos|sugiero|le (?:va|viene|conviene)|le parece)\b", re.I)
_READY = re.compile(
    r"\b(?:ready|finished|final|complete|done|go(?:es)? out|in your inbox|on your desk|in your hands|expect|"
    r"fertig|bereit|fertiggestellt|abgeschlossen|geht\s+(?:\w+\s+){0,4}raus|vorliegen|liegt\s+(?:\w+\s+){0,4}vor|rechnen|"
    r"erwarten|prête?s?|finalisée?|bouclée?|partira|attendre|compter sur|"
    r"lista|listo|terminad[oa]|finalizad[oa]|saldr[aá]|esperar|contar con)\b", re.I)
"""The document said ready, going out or to be counted on, in so many words (agents.late_promises' words of readiness
less the two a meeting brings: "Termine" and "with you"): beside a meeting, still a promise of its day."""


def proposes_a_meeting(sentence: str) -> bool:
    """Whether `sentence` proposes a meeting and neither sends the document nor says it is ready."""
    return bool(_MEETING.search(sentence) and _PROPOSE.search(sentence)) \
        and not delivers_document(sentence, conditions=True) and not _READY.search(sentence)
