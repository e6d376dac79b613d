"""A document's arrival stated in the forms agents.stated_steps did not read (issue 11, wave 38: set 48's en-g5,
en-g10, de-g8, es-g2 and es-g10, good drafts with a dated step and no question, refused "0 ask(s)").

agents.stated_steps reads "due by Friday", "arrives", "llega" and "comes to you". Writers just as often put the day
straight after "due" ("the proposal, due Friday, November 27"; "due 27 November"), say the document comes in German
("das Angebot kommt bis 27. November", "kommt am Freitag") or put the arrival in the future tense ("la propuesta llegará
el 27 de noviembre", "la proposition arrivera vendredi", "will arrive on Friday"). Each is the same step; like the forms
stated_steps reads, it counts only with a document of the deal as its subject and a coming day or date in the sentence
(stated_steps' `_coming_day`, which also refuses a habit or a past marker).
"""

from __future__ import annotations

import re

_MONTHS = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|august|oktober|"
           r"dezember|janv|févr|mars|avr|juin|juil|août|sept|déc|ene|abr|ago|dic|enero|febrero|marzo|abril|mayo|junio|"
           r"julio|agosto|septiembre|octubre|noviembre|diciembre")
_DAYS = (r"monday|tuesday|wednesday|thursday|friday|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|"
         r"jeudi|vendredi|lunes|martes|miércoles|jueves|viernes")
ARRIVAL = re.compile(
    # "due" with its day and no preposition: "due Friday, November 27", "due 27 November" ("was due" is past, "due to"
    # a cause)
    rf"\b(?<!was )(?<!were )due,?\s+(?=(?:{_DAYS})\b|\d{{1,2}}\b|(?:{_MONTHS})\w*\b)|"
    # German: the document comes ("kommt bis 27. November", "kommt am Freitag", "kommen spätestens am")
    r"\b(?:kommt|kommen)\b(?:[^.?!\n]|(?<=\d)\.){0,30}?\b(?:bis|am|zum|spätestens|vor)\b|"
    # the arrival in the future tense, in each language
    r"\b(?:will|'ll|shall) (?:arrive|reach|land|come)\b|\b(?:wird|werden)\b(?:[^.?!\n]|(?<=\d)\.){0,50}?\b(?:kommen|eintreffen)\b|"
    r"\b(?:arrivera|arriveront|parviendra|parviendront)\b|\b(?:llegará|llegarán)\b|"
    # wave 38 (set 49's es-g3): in the buyer's inbox on a day, "estará en su correo el viernes 27 de noviembre", "will
    # be in your inbox", "liegt am Freitag in Ihrem Postfach", "sera dans votre boîte mail"
    r"\b(?:will|'ll) be in your (?:inbox|mailbox|e-?mail)\b|"
    r"\b(?:liegt|liegen|ist|sind)\b(?:[^.?!\n]|(?<=\d)\.){0,50}?\bin ihrem (?:postfach|posteingang|e-?mail-?postfach)\b|"
    r"\b(?:sera|seront)\s+dans votre (?:boîte|messagerie)\b|"
    r"\b(?:estará|estarán)\s+en su (?:correo|bandeja|buzón|e-?mail)\b", re.I)
"""The deal's document arriving or due on a day, in a form stated_steps' own patterns leave out."""


def arrives_on_a_day(sentence: str) -> bool:
    """Whether `sentence` states a document arriving or due in one of the forms above (the caller wants the document
    and the day)."""
    return bool(ARRIVAL.search(sentence))
