"""Times of the buyer's working day (issue 11, wave 14): the end of a shift, a return from the depot or a meeting,
a meal. With no other day named, a call set at one of them is today's; with another day named ("Monday after
lunch"), a meal is that day's."""

from __future__ import annotations

import re

from agents.wish_conditions import wish_conditions_out

TODAYS_ROUTINE = re.compile(
    # the buyer's own working day, with no day named: "at the end of your shift", "when you're back from the depot run",
    # "nach Schichtende", "à votre retour du dépôt", "al terminar su turno"; a return from a holiday or a trip is no
    # part of today
    r"\b(?:(?:at |by |before |after )?the end of (?:your|the|today's) (?:shift|workday|working day|rounds?|route)|"
    r"(?:after|before) (?:your|the) (?:shift|stand-?up|morning meeting|dispatch meeting|yard check|route)|"
    r"(?:when|once|as soon as) you(?:'re| are| get| come)? back(?: (?:from|at|to) (?:the |your )?(?!vacation|holiday|"
    r"leave|trip|travels?|conference|annual|christmas|break\b)[\w-]+(?: [\w-]+)?)?|"
    r"(?:nach|vor|zum|bei) (?:ihrem |dem |der )?schicht(?:ende|wechsel|beginn|übergabe)|(?:am |zum )?ende ihrer schicht|"
    # any shift of theirs, in one word or two: "nach Ihrer Spätschicht", "after your night shift", "après votre
    # service du soir", "después de su turno de tarde"
    r"(?:nach|vor) (?:ihrer|der) \w*schicht|(?:sobald|wenn|nachdem) (?:ihre|die) \w*schicht|(?:after|before) (?:your|the) (?:\w+ )?shift|"
    r"(?:après|avant) (?:votre|le) (?:service|poste) du (?:soir|matin)|(?:después|antes) de (?:su|el) turno(?: de \w+)?|"
    r"nach (?:ihrem|ihrer|dem|der) (?:\w+ )?(?:jour fixe|\w*meeting|\w*besprechung|\w*runde|standup|stand-up|"
    r"telefonat|call)|while (?:it's|it is) (?:still )?fresh|while you(?:'re| are) (?:still )?(?:at your desk|in the office|around|"
    r"online)|solange sie (?:noch )?(?:im büro|am platz|da) sind|tant que vous êtes (?:encore )?(?:au bureau|là)|"
    r"mientras (?:siga|esté|sigue) en (?:la oficina|su mesa)|solange es (?:ihnen )?(?:noch )?frisch|tant que c'est (?:encore )?"
    r"frais|mientras (?:lo )?tenga (?:fresco|reciente)|"
    r"wenn sie (?:wieder )?(?:zurück|da) sind|sobald sie (?:wieder )?(?:im büro|zurück|da) sind|"
    r"(?:à|en) (?:la )?fin de (?:votre|ton) (?:service|poste|tournée)|(?:à|dès) votre retour(?! de (?:congés?|vacances|"
    r"voyage|déplacement))|quand vous (?:serez|êtes) (?:de )?retour(?! de (?:congés?|vacances|voyage))|"
    r"(?:al )?(?:final|terminar|acabar) (?:de )?(?:su|el) turno|cuando (?:usted )?(?:vuelva|regrese|esté de vuelta)"
    r"(?! de (?:vacaciones|viaje))|a su (?:regreso|vuelta)(?! de (?:vacaciones|viaje)))", re.I)
"""The buyer's own working day marks a time of today when no other day is named."""
MEAL_PHRASE = re.compile(
    r"\b(?:before|after|over|by|nach|vor|après|avant|después de|antes de|tras)\s+(?:your |the |der |dem |ihrer |ihrem |la |"
    r"le |votre |su |el )?(?:\w+\s+)?(?:lunch\w*|mittag\w*|mittagspause|pause(?: déjeuner)?|déjeuner|comer|comida|almuerzo|"
    r"break|kaffeepause|pausa)\b", re.I)
"""A part of some day around a meal; with another day named ("Monday after lunch") it is that day's, not today's."""
_EVENT_ANCHOR = re.compile(
    # (German "nach" and "vor" also ask about and look back: "Frage nach", "vor zwei Wochen")
    r"\b(?:once|when|as soon as|after|before|by the time|right when|the moment|sobald|wenn|nachdem|bevor|beim|quand|lorsque|dès|après|avant|à la sortie|à la fin|au moment où|cuando|en cuanto|tras|después|antes|"
    r"a la vuelta|al (?:salir|terminar|acabar|volver|regresar|llegar))\b", re.I)
_MILESTONE = re.compile(
    # what a buyer finishes on some later day: a document read, a review, a decision, an absence; a call after one of
    # these is no call today
    r"\b(?:review\w*|read|reading|look(?:ed)? (?:at|over)|gone through|had a chance|proposal|quote|estimate|contract|"
    r"approv\w*|decision|decid\w*|budget|security|pilot|signed|vacation|holiday|leave|trip|travels?|conference|"
    r"christmas|new year|board|committee|partners?|gesellschafter|associés|socios|quarter|month|year|week|quartal\w*|monat\w*|jahr\w*|woche|trimestre|mois|"
    r"année|semaine|mes|año|semana|"
    r"gelesen|geprüft|prüfung|angebot|vertrag|entscheidung|budget\w*|urlaub|reise|messe|weihnacht\w*|"
    r"lu|relu|examiné|proposition|devis|contrat|décision|budget|congés?|vacances|voyage|salon|noël|"
    r"leído|revisad\w*|propuesta|presupuesto|contrato|decisión|vacaciones|viaje|feria|navidad|"
    # a consent or a permission, the buyer's or a third party's (set 50's 105 "sobald der Kunde zustimmt")
    r"agree[sd]?|agreement|consent\w*|permission|zustimm\w*|einverstanden|zusag\w*|erlaubnis|"
    r"accord|accept\w*|acepte\w*|acepta\w*|consentimiento|autoriz\w*|permiso)\b", re.I)


def anchored_to_today(sentence: str) -> bool:
    """A meeting set at a moment of the buyer's day ("once your drivers clock out", "sobald Ihre Fahrer zurück im
    Depot sind", "à la sortie de votre réunion", "al salir de su reunión") rather than after a step that takes days
    (a review, a decision, a holiday). The caller has found no day named in the sentence."""
    return bool(_EVENT_ANCHOR.search(_CARE_AFTER.sub(" ", wish_conditions_out(sentence)))) and not _MILESTONE.search(sentence)


_CARE_AFTER = re.compile(r"\b(?:look(?:s|ed|ing)?|ask(?:s|ed|ing)?|take(?:s|n)?|took|taking|named|sought)\s+after\b",
                         re.I)
""""After" of a verb, not of a time: "As you look after practice operations, would you like to join that call?"
(an honest vendor draft, vb-sf-wri-12), "ask after", "named after". Not "call after" or "go after", which can set a
time ("a call after your stand-up")."""


OFFER_TO_MEET = re.compile(r"\b(?:i|we) (?:can|could)\b|\b(?:happy|glad) to\b|\bgern(?:e)?\b|\b(?:kann|könnte) ich\b|"
                           r"\bmelde (?:ich )?mich\b|\bwir telefonieren\b|\bje vous (?:téléphone|appelle)\b|\bon s'appelle\b|"
                           r"\b(?:hablamos|nos llamamos|hablemos|llamémonos)\b|\bwe(?:'ll)? talk\b|\blassen sie uns\b|"
                           r"\b(?:parlons|appelons)\b|"
                           r"\bje (?:peux|pourrais)\b|\b(?:puedo|podría|podríamos)\b", re.I)
"""An offer to meet in the first person ("I can walk you through it"): a proposal as much as a question is."""


def meal_of_named_day(timed: str, has_dates: bool, day_words: str) -> str:
    """`timed` without its meal phrases when a day is named outside them ("Monday after lunch" is Monday's), as it is
    otherwise ("nach Ihrer nächsten Kaffeepause" names no other day: today's)."""
    meal_free = MEAL_PHRASE.sub(" ", timed)
    return meal_free if has_dates or re.search(rf"\b(?:{day_words})", meal_free, re.I) else timed
