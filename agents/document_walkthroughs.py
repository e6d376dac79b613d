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
