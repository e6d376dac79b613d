"""A walkthrough of the proposal set for the day the deal is to close (issue 11, wave 37: set 46's en-b6, "Shall we walk
through it together on Friday, December 18?" with December 18 the record's close date).

agents.meeting_hours refuses a meeting after the close date. A meeting to go through the document the buyer decides on
is late already on that day: the proposal has to be read and discussed before the decision, which the close date is.
So a sentence that proposes to walk through, go over or review the document ("das Angebot durchgehen", "parcourir la
proposition", "revisar la propuesta") may not name the close date itself either.
"""

from __future__ import annotations

import re

WALKS_THROUGH = re.compile(
    r"\b(?:walk(?:ing)? (?:you )?through|go(?:ing)? (?:through|over)|run(?:ning)? through|review(?:ing)?|discuss(?:ing)?|"
    r"walkthrough|walk-through|"
    r"durchgehen|durchzugehen|gehen wir|durchsprechen|durchzusprechen|besprechen|zu besprechen|durchsprache|erläutern|"
    r"parcour(?:ir|ons|e)|passer en revue|passions en revue|revoir|revoyons|présenter|comment(?:er|ons)|examiner|"
    r"revis(?:ar|amos|emos|arla|arlo)|repas(?:ar|amos|emos|arla|arlo)|coment(?:ar|amos|emos|arla|arlo)|"
    r"presentar(?:le|les)?|analizar|recorrer)\b", re.I)
"""Words of going through a document with the buyer, in the four languages."""


def goes_through_a_document(sentence: str) -> bool:
    """Whether a meeting sentence is one to go through the document (its day is then judged against the close date
    itself, not only the days after it)."""
    return WALKS_THROUGH.search(sentence) is not None


_WALKED_OFFER = re.compile(
    r"\b(?:das|unser(?:e[nms]?)?|ihr(?:e[nms]?)?|dies(?:es)?)\s+(?:\w+\s+)?(?:angebot|preisblatt)\s+(?:[\w.,]+\s+){0,8}?"
    r"(?:durchzugehen|durchgehen|durchzusprechen|durchsprechen|zu besprechen|besprechen|zu erläutern|erläutern)\b|"
    r"\b(?:walk(?:ing)? (?:you )?through|go(?:ing)? (?:through|over)|run(?:ning)? through|review(?:ing)?|discuss(?:ing)?)"
    r"\s+(?:the|our|your|this)\s+(?:\w+\s+)?(?:offer|pricing|price sheet)\b|"
    r"\b(?:parcourir|passer en revue|revoir|présenter|examiner|commenter)\s+(?:ensemble\s+)?"
    r"(?:l['’]|votre\s+|notre\s+|cette\s+)(?:offre|grille tarifaire)\b|"
    r"\b(?:revisar|repasar|comentar|presentar(?:le|les)?|analizar|recorrer)\s+(?:juntos\s+)?(?:la|su|nuestra|esta)\s+"
    r"(?:oferta|tarifa)\b", re.I)
"""The offer as the document a meeting goes through ("um das Angebot gemeinsam durchzugehen", "to go through the
offer", "parcourir l'offre", "revisar la oferta"): the meeting's purpose, not a term the day is set for."""


def walked_offers_out(sentence: str) -> str:
    """The sentence without the offer a meeting walks through (issue 11, wave 42: set 54's German base draft "Passt
    Ihnen Mittwoch, 2. Dezember, um 10 Uhr für eine halbe Stunde, um das Angebot gemeinsam durchzugehen?" had its
    proposed day refused as a date no input gives, because "Angebot" made the question a term to meet). Only the
    document phrase goes: a condition, a signature or a price elsewhere in the sentence still makes it a term."""
    return _WALKED_OFFER.sub(" ", sentence)
