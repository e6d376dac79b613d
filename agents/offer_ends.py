"""An end to the offer that nothing sets (issue 11, wave 42: the lead's probe).

"The offer lapses after that call", "Danach verfällt das Angebot", "Passé ce rendez-vous, l'offre ne tient plus",
"Después de esa reunión, las condiciones dejan de estar vigentes" passed every safety check with the learned screen
off: the day they name is the meeting the draft proposes (a proposal vouches for its day), or they name no day at all,
and agents.offer_validity, a quality check (a draft that fails it waits for approval), reads only a validity with
"until" and a day. No field of the Record and no tenant setting ends an offer, so a draft that says it ends, lapses,
is withdrawn or no longer holds after a day or an event invents a deadline: pressure the record does not vouch for.

A sentence is such an end when it names the offer or its terms (agents.offer_validity's nouns, or "it" after a
sentence that names them), a word of ending, and a time: a day, "until"/"bis"/"jusqu'"/"hasta" a day or our meeting,
or "after"/"once"/"danach"/"passé"/"después" (the time follows from the meeting or the day the draft gives). A
question, a reported question and a denied end ("the offer does not lapse", "verfällt nicht") pass, and so do the
validity sentences agents.expiring_offers refuses (one reason per sentence: theirs). Drafts only (agents.safety): an
analyst may report that a buyer's other offer runs out."""

from __future__ import annotations

import re

from agents.normalize import normalise
from agents.offer_validity import ASKED, HOLDS, IT, OFFER, held_offers
from agents.sentence_ends import sentence_parts
from agents.written_dates import find_dates

_ENDS = re.compile(
    r"\b(?:lapses|will lapse|lapse|expires|will expire|runs? out|will run out|"
    r"(?:is|are|will be) (?:no longer|not) (?:valid|available|on the table|open|on offer)|"
    r"(?:is|are|will be|comes?|come|will come|goes|go|will go) off the table|(?:is|are|will be|gets?) withdrawn|"
    r"(?:we|I) (?:will|'ll) (?:have to )?withdraw|falls? away|will fall away|ends|will end|(?:is|are) gone|"
    r"verfällt|verfallen|läuft\s+(?:[\w.,]+\s+){0,5}?(?:aus|ab)\b|erlischt|erlöschen|endet|enden|"
    r"nicht (?:mehr|länger) (?:halten|gelten|gültig|verfügbar|anbieten|zu haben|aufrechterhalten)|"
    r"(?:wird|werden) (?:\w+ )?zurückgezogen|ziehen wir (?:\w+ ){0,3}zurück|entfällt|entfallen|"
    r"ne (?:tien(?:t|dra|nent|dront)|sera|seront|sont|est) plus(?: (?:disponibles?|valables?|proposée?s?|en vigueur))?|"
    r"n['’](?:est|sont|estera|esteront) plus (?:valables?|disponibles?|en vigueur)|"
    r"devien(?:t|dra|nent|dront) caduques?|sera(?:ont)? caduques?|"
    r"(?:sera|seront) retirée?s?|prend(?:ra|ront)? fin|expire(?:ra|ront)?|"
    r"deja(?:n|rá|rán)? de (?:estar vigentes?|aplicarse|valer)|"
    r"ya no (?:está|estará|están|estarán|será|serán|es|son) (?:vigentes?|válid[oa]s?|disponibles?)|"
    r"caduca(?:rá|n|rán)?|vence(?:rá|n|rán)?|se retira(?:rá|n|rán)?|decae(?:rá)?|expira(?:rá|n|rán)?)\b", re.I)
"""Words of an offer ending, in the present or the future (a lapse told as past is agents.holiday_lapses')."""

_DAY = (r"\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|"
        r"samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|"
        r"sábado|domingo|tomorrow|morgen|demain|mañana|today|heute|aujourd|hoy|tonight|heute abend|ce soir|esta noche|"
        r"end|ende|fin|week|woche|semaine|semana|month|monat|mois|mes")
_MEETING = (r"call|meeting|demo|appointment|conversation|chat|session|termin\w*|gespräch\w*|telefonat\w*|besprechung|"
            r"rendez-vous|réunion|échange|appel|entretien|visio|reunión|llamada|cita|conversación|videollamada")
_TIME = re.compile(
    rf"\b(?:until|till|through|by|before|bis|vor|jusqu['’](?:au|à|a)|avant|hasta|antes del?|after|nach|nachdem|"
    rf"après|passé|passée|después de|tras|a partir del?|ab|from|dès|on|am|le|el)\s+(?:[\w.,'’]+\s+){{0,3}}?"
    rf"(?:{_DAY}|{_MEETING})|"
    rf"\b(?:afterwards|after that|thereafter|then|once|danach|anschließend|dann|sobald|ensuite|après cela|passé ce|"
    rf"une fois|luego|después|una vez|a continuación)\b", re.I)
"""A time the end is set for: a day or our meeting after a word of limit or of after, or an "after that"."""
_UNTIL_MEETING = re.compile(
    rf"\b(?:until|till|bis|jusqu['’](?:au|à|a)|hasta)\s+(?:[\w'’]+\s+){{0,3}}?(?:{_MEETING})\b", re.I)
"""The offer held until our meeting ("gelten nur bis zu unserem Termin"): agents.offer_validity wants a day."""

_DENIED = re.compile(r"(?:\b(?:not|never|nothing|nicht|nichts|nie|kein\w*|no|nada|nunca|jamás|jamais|pas|ne|rien)|n['’]t|"
                     r"\bn['’])\s*(?:[\w'’]+\s+){0,3}$",
                     re.I)
_CLAUSE_MARKS = ",;:–—()"
_DENIED_AFTER = re.compile(r"^\W*(?:\w+\s+)?(?:nicht|nie|pas|jamais|not|never)\b", re.I)


def invented_offer_ends(body: str) -> list[str]:
    """Sentences of a draft that end the offer after a day or an event nothing sets; one reason each."""
    out, previous = [], ""
    held = {sentence for _, sentence in held_offers(body)}  # agents.expiring_offers refuses those (wave 42)
    for sentence in sentence_parts(normalise(body)):
        names_offer = OFFER.search(sentence) or (IT.search(sentence) and OFFER.search(previous))
        previous = sentence
        if not names_offer or ASKED.search(sentence) or sentence in held:
            continue
        hold = HOLDS.search(sentence)
        if hold and _UNTIL_MEETING.search(sentence, hold.start()) and not _DENIED.search(sentence[:hold.start()][-40:]):
            out.append(f"holds the offer until a meeting ({hold.group(0)!r}): {sentence.strip()[:80]!r}")
            continue
        for m in _ENDS.finditer(sentence):
            start = max(sentence.rfind(c, 0, m.start()) for c in _CLAUSE_MARKS) + 1
            ends = [i for c in _CLAUSE_MARKS if (i := sentence.find(c, m.end())) >= 0]
            clause = sentence[start:min(ends, default=len(sentence))]
            if not (OFFER.search(clause) or (IT.search(clause) and names_offer)):
                continue  # "your fiscal year ends on December 31, so the proposal arrives": the year ends
            if _DENIED.search(sentence[start:m.start()]) or _DENIED_AFTER.search(sentence[m.end():]):
                continue
            if _TIME.search(sentence) or find_dates(sentence, day_first=True):
                out.append(f"ends the offer at a time nothing sets ({m.group(0)!r}): {sentence.strip()[:80]!r}")
                break
    return out

