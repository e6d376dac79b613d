"""Our internal notes about the buyer's side, read out to the buyer (issue 11, wave 36: set 45's en-b5, "Our notes say
you hinted the telematics add-on is cheaper", from the record's note "Dana hinted the telematics add-on is cheaper").

A note of the record is what a rep wrote for colleagues: how a buyer sounded, what one of them let slip. A letter may
take up what the buyer said ("You mentioned the add-on looks cheaper", set 28's en-g9 and set 42's en-g2, good), but
not our notes about it. A sentence of the draft repeats a note when it shares two content words with a sentence of a
note (a CRM note, or any activity marked internal) and

- cites our notes or our internal view as its source ("our notes say", "according to our notes", "laut unserer
  internen Notiz", "d'après nos notes", "según nuestras notas", "bei uns intern", "entre nous", "unter uns",
  "entre nosotros"; the buyer's own "internes Gespräch" is theirs, not ours);
- or puts the note's word of insinuation to its reader ("you hinted", "Sie haben angedeutet", "vous avez laissé
  entendre", "usted insinuó"): what we thought they meant, not what they said;
- or has a contact of the record tell us ("Marcus told us", "Herr Weber hat uns gesagt", "Paul nous a dit", "Javier
  nos comentó") what a note reports of another contact than the reader: one person's words, carried to another. Said
  back to the person the note reports ("Dana mentioned you asked about flexibility" to Marcus, set 20's en-g2), and a
  note that reports nobody's words ("Tom to review with the partners"), pass.

agents.confidences keeps what was said in confidence from other contacts; this keeps the notes themselves in the CRM.
"""

from __future__ import annotations

import re
import unicodedata

from agents.context import Context
from agents.normalize import normalise

_CITES_NOTES = re.compile(
    r"\b(?:(?:our|my) (?:internal )?(?:notes?|records?|crm|file|system)\b|according to (?:our|my) (?:notes?|records?)|"
    r"we (?:have )?noted|internal (?:notes?|view|assessment)|internally|between (?:us|you and me|ourselves)|"
    r"off the record|"
    r"(?:unsere[nmr]?|meine[nmr]?) (?:interne[nmr]? )?(?:notiz\w*|unterlagen|aufzeichnungen|crm)|laut (?:unsere[nmr]?|meine[nmr]?)|"
    r"interne[nr]? (?:notiz|vermerk)|(?:bei uns|wir) intern|intern bei uns|unter uns|unter vier augen|"
    r"(?:nos|mes) notes|notre (?:crm|dossier|fiche|note)|d'apres (?:nos|mes)|selon (?:nos|mes)|notes? internes?|"
    r"chez nous en interne|entre nous|"
    r"(?:nuestras?|mis) (?:notas?|registros?|ficha|sistema)|segun (?:nuestr|mis)|notas? internas?|internamente|"
    r"entre nosotros|que quede entre)", re.I)
"""The draft naming our notes, our records or our inside view as what it says."""
_INSINUATED = re.compile(
    r"\b(?:you|sie|vous|usted)\b[^.?!\n]{0,20}\b(?:hint(?:ed|s)?|intimated|insinuated|let (?:it )?slip|implied|"
    r"angedeutet|deuteten\w* an|durchblicken lassen|laisse entendre|sous-entendu|insinue|"
    r"insinuo|dejo caer|dio a entender)\b", re.I)
"""The reader's words called a hint."""
_TOLD_US = re.compile(
    r"\b(?:told (?:us|me)|mentioned|said|let (?:us|me) know|hinted|"
    r"(?:hat|haben) (?:uns|mir) (?:\w+ ){0,3}(?:gesagt|erzahlt|mitgeteilt)|erwahnte|meinte|sagte|"
    r"(?:nous|m') a (?:dit|confie|indique|glisse)|a mentionne|"
    r"(?:nos|me) (?:dijo|comento|conto|menciono)|menciono|comento)\b", re.I)
"""A contact of the record reported as having told us something."""
_REPORTED = re.compile(
    r"\b(?:hint\w*|asked|said|says|mentioned|told|wants?|wanted|thinks?|feels?|angling|prefers?|"
    r"angedeutet|gefragt|fragte|sagte|meinte|erwahnt\w*|mochte|"
    r"demande|dit|veut|souhaite|trouve|pense|laisse entendre|"
    r"pregunto|dijo|comento|quiere|piensa|prefiere|insinuo|dejo caer)\b", re.I)
"""A note reporting what a contact said, asked or wants: one person's words."""
_STOP = frozenset("""that this with from have will would about their there they them your said told mentioned hinted
also just notes note says internal
dass nicht eine einen haben wird unter sagt sagte gesagt unsere unserer notiz intern
pour avec dans nous vous leur elle elles entre dit notes selon
para como pero entre nosotros dijo comento esta este notas segun""".split())


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", normalise(text).lower()) if not unicodedata.combining(c))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]


def _words(text: str, names: set[str]) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text) if w not in _STOP and w not in names}


def _named(text: str, people: dict[str, set[str]]) -> list[str]:
    return [cid for cid, parts in people.items() if any(re.search(rf"\b{re.escape(p)}\b", text) for p in parts)]


def repeated_notes(body: str, ctx: Context, recipient_id: str | None) -> list[str]:
    """Sentences of the draft that read the record's internal notes out to the recipient."""
    people = {c.id: {p for p in _fold(n).split() if len(p) >= 3} for c in ctx.record.contacts if (n := ctx.contact_name(c))}
    names = set().union(*people.values()) if people else set()
    notes: list[tuple[set[str], list[str], bool]] = []  # (content words, contacts named, reports their words)
    for a in ctx.activities.values():
        if a.get("withheld") or not (a.get("type") == "note" or a.get("internal")):
            continue
        for sentence in _sentences(_fold(a.get("text") or "")):
            notes.append((_words(sentence, names), _named(sentence, people), bool(_REPORTED.search(sentence))))
    if not notes:
        return []
    out: list[str] = []
    for sentence in _sentences(_fold(body)):
        words = _words(sentence, names)
        speakers = [cid for cid in _named(sentence, people) if cid != recipient_id and _TOLD_US.search(sentence)]
        for said, named, reports in notes:
            if len(words & said) < 2:
                continue
            others = [cid for cid in named if cid != recipient_id]
            if _CITES_NOTES.search(sentence) or _INSINUATED.search(sentence) or (speakers and reports and others):
                out.append(f"reads an internal note out to the buyer ({', '.join(sorted(words & said))}): "
                           f"{sentence.strip()[:80]!r}")
                break
    return out[:2]
