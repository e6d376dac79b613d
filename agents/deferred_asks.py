"""The buyer's request put off behind another step (issue 11, wave 27: set 36's de-b10 "bevor ich ein Angebot
schreibe, zeige ich Ihnen die Plattform gern noch einmal", es-b10 "el calendario de implantación lo definiremos juntos
una vez firmado el contrato", where the buyer asked for the proposal, and for it with the calendar).

Naming what the buyer asked for is not answering it when the same clause puts it behind something else: before a
second demo, after the signature. A clause is read as putting the request off when it holds a deferral ("before I
write / send", "bevor ich", "avant de", "antes de"; "once signed", "nach der Unterzeichnung", "une fois signé", "una
vez firmado") and the thing asked for (the ask's topic, or a word of the buyer's question), and gives that thing no
coming day: "Before I send the proposal on Friday, one question" still sends it, and passes; so does a question
asked to get the thing right ("before I finish the proposal: should it cover all 120 vehicles?").
"""

from __future__ import annotations

import re

from agents.facts import find_dates
from agents.moments import ASK_TOPICS, Ask
from agents.next_steps import COMING_DAY
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise

_DEFER = re.compile(
    r"\b(?:before\s+(?:i|we)\s+(?:\w+\s+)?(?:write|send|prepare|draft|put\s+together|do)|"
    r"(?:once|after|when)\s+(?:the\s+|our\s+|your\s+)?(?:contract|order|agreement)?\s*(?:is\s+|has\s+been\s+)?signed|"
    r"after\s+(?:the\s+)?signature|after\s+signing|"
    r"bevor\s+(?:ich|wir)\b|nach\s+(?:der\s+)?(?:unterzeichnung|unterschrift|vertragsunterzeichnung|vertragsabschluss)|"
    r"sobald\s+(?:der\s+)?vertrag\s+(?:\w+\s+)?unterschrieben|"
    r"avant\s+de\s+(?:vous\s+)?(?:envoyer|rediger|preparer|faire|ecrire)|avant\s+que\s+(?:je|nous)\b|"
    r"une\s+fois\s+(?:le\s+contrat\s+|la\s+commande\s+)?signee?|apres\s+(?:la\s+)?signature|"
    r"antes\s+de\s+(?:enviar\w*|preparar\w*|redactar\w*|hacer\w*|escribir\w*)|"
    r"una\s+vez\s+firmad[oa]|tras\s+la\s+firma|despues\s+de\s+(?:la\s+)?firma\w*|"
    # wave 41 (set 53's es-b7 "el calendario lo veremos más adelante, cuando hayan firmado"): the signature as the
    # buyer's own act, in a clause of time ("once you've signed", "sobald Sie unterschrieben haben", "quand vous aurez
    # signé", "cuando firmen")
    r"(?:once|after|when|as\s+soon\s+as)\s+(?:you|they|the\s+\w+)(?:'ve|\s+have|\s+has|\s+had)?\s+"
    r"(?:both\s+|all\s+)?(?:signed|sign|signs)\b|"
    r"(?:wenn|sobald|nachdem)\s+sie\s+(?:\w+\s+){0,3}?(?:unterschrieben|unterzeichnet|unterschreiben|unterzeichnen)\b|"
    r"(?:quand|lorsque|une\s+fois\s+que|des\s+que|apres\s+que)\s+vous\s+(?:aurez|avez|l'aurez|l'avez)?\s*"
    r"(?:signe|signerez)\b|"
    r"(?:cuando|una\s+vez\s+que|en\s+cuanto|despues\s+de\s+que|tan\s+pronto\s+como)\s+(?:ustedes\s+|usted\s+)?"
    r"(?:(?:hayan|haya)\s+firmado|firmen|firme)\b)"
)
"""A clause that puts something behind another step."""
_GENERIC = frozenset(
    "could would please send enviar envoyer schicken senden nous puede pourriez konnten ihnen usted vous gracias merci "
    "danke thanks".split()
)


def deferred_ask(ask: Ask | None, body: str) -> str:
    """Why the draft puts the buyer's latest request off, or an empty string."""
    if ask is None:
        return ""
    topics = [p for t, p in ASK_TOPICS if t in ask.topics and t != "meeting"]
    asked = {w[:5] for w in re.findall(r"[^\W\d_]{5,}", _fold(ask.question)) if w not in _GENERIC}
    for clause in re.split(r"(?<=[.;!?\n])", normalise(body)):
        folded = _fold(clause)
        m = _DEFER.search(folded)
        # "Eine Rückfrage, bevor ich das Angebot fertig mache: Soll es alle 120 Fahrzeuge abdecken?" (set 19's de-g9):
        # a question asked to get the thing right puts nothing off
        if not m or "?" in clause or find_dates(clause) or COMING_DAY.search(clause):
            continue
        words = {w[:5] for w in re.findall(r"[^\W\d_]{5,}", folded)}
        if any(p.search(clause) for p in topics) or words & asked:
            return (
                f"puts what the buyer asked for behind another step ({m.group(0)!r}): {clause.strip()[:80]!r}"
            )
    return ""
