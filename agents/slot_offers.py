"""A meeting slot we offer by saying it suits us (issue 11, wave 31: set 40's 034 and 035, "Tuesday, December 1 at 10 am
Central works for me as well", "el martes 1 de diciembre a las 9:30 también me va bien"). A rep offering the buyer a
second slot says that it works for them, with no question and no meeting word; the day is then a proposal, judged by
the meeting rules (a business day after the send day, in business hours, in the buyer's zone: agents.meeting_hours,
agents.timing), not a fact the record must hold. A condition on the first slot ("if the Thursday slot is tight") is
the buyer's choice, not a term."""

from __future__ import annotations

import re

SUITS_US = re.compile(
    r"\b(?:works?|would work|suits?|would suit|is fine|would be fine)\s+(?:for\s+)?(?:me|us)\b|"
    r"\b(?:i am|i'm|we are|we're)\s+(?:also\s+)?(?:free|available)\b|"
    r"\bpasst\s+(?:mir|uns)\b|\b(?:ginge|geht)\s+(?:es\s+)?(?:bei\s+)?(?:mir|uns)\b|\b(?:mir|uns)\s+(?:auch\s+|ebenfalls\s+)?"
    r"recht\b|\bich\s+(?:habe|hätte)\s+(?:auch\s+|ebenfalls\s+)?zeit\b|"
    r"\b(?:me|nous)\s+(?:convient|conviendrait|irait|va)\b|\bje\s+(?:suis|serais)\s+(?:aussi\s+|également\s+)?disponible\b|"
    r"\b(?:me|nos)\s+(?:va|viene|iría|vendría|cuadra)\s+bien\b|\b(?:estoy|estaría)\s+(?:también\s+)?disponible\b|"
    # a slot said to be possible as well, or another option (wave 32, set 41's 034 "le vendredi 4 décembre à 14 h est
    # aussi possible", 035 "Alternativ ginge auch Donnerstag, 3. Dezember, um 14 Uhr")
    r"\b(?:is|are|would\s+be|could\s+be|will\s+be)\s+(?:also|equally)\s+(?:possible|an\s+option|fine)\b|"
    r"\b(?:possible|an\s+option)\s+(?:as\s+well|too)\b|\b(?:would|could)\s+also\s+work\b|"
    r"\b(?:is|would\s+be|could\s+be)\s+(?:another|a\s+second|an\s+alternative)\s+(?:option|possibility|slot)\b|"
    r"^\W*(?:alternatively|failing\s+that|otherwise)\b|"
    r"\b(?:ginge|geht|ginge\s+es|geht\s+es)\s+(?:\w+\s+){0,2}?(?:auch|ebenfalls|alternativ)\b|"
    r"\b(?:auch|ebenfalls|alternativ)\b[^.?!]{0,60}\bmöglich\b|\bkäme\s+(?:\w+\s+)?(?:auch\s+|ebenfalls\s+)?in\s*frage\b|"
    r"^\W*alternativ\b|\bals\s+alternative\b|"
    r"\b(?:est|serait|sera)\s+(?:aussi|également|tout\s+aussi)\s+possible\b|\bautre\s+(?:possibilité|option)\b|"
    r"^\W*(?:sinon|à\s+défaut|autrement)\b|"
    r"\btambién\s+(?:es|sería|será)\s+posible\b|\b(?:es|sería)\s+también\s+posible\b|"
    r"\botra\s+(?:opción|posibilidad|alternativa)\b|\bcomo\s+alternativa\b|\balternativamente\b|"
    # wave 34 (set 43's 034): a slot said to work as well ("2 December at 14:00 UK time works as well", "passt ebenfalls",
    # "convient aussi", "también funciona")
    r"\b(?:works?|would\s+work|suits?|would\s+suit|is\s+fine|would\s+be\s+fine)\s+(?:just\s+)?(?:as\s+well|too)\b|"
    r"\b(?:passt|ginge|geht|funktioniert)\b[^?!;]{0,50}?\b(?:auch|ebenfalls|genauso)\b|"
    r"\b(?:convient|conviendrait|marche|marcherait|fonctionne|irait)\s+(?:aussi|également)\b|"
    r"\btambién\s+(?:me\s+|nos\s+|le\s+)?(?:funciona|funcionaría|sirve|serviría|va\s+bien|vendría\s+bien|viene\s+bien)\b|"
    r"\b(?:funciona|sirve)\s+también\b|"
    # wave 35 (set 44's 034): two slots said to both work ("... or Tuesday, December 1 at 2 pm Central both work",
    # "passen mir beide", "me conviennent tous les deux", "me van bien los dos", "me vienen bien ambos")
    r"\b(?:both|either(?:\s+one)?)\s+(?:of\s+(?:them|those)\s+)?(?:would\s+)?(?:works?|suits?|is\s+fine|are\s+fine)\b|"
    r"\b(?:passen|gehen)\s+(?:mir|uns)\b[^?!;]{0,90}?(?<!sie )(?<!ihnen )\bbeide\b|\b(?:passen|gehen)\s+(?:(?:mir|uns)\s+)?"
    r"beide\b|\bbeide\s+(?:termine\s+)?(?:passen|gehen)\b|\bbeides\s+(?:passt|geht)\b|"
    r"\b(?:me|nous)\s+(?:conviennent|conviendraient|vont|iraient)\b|\bles\s+deux\s+(?:me|nous)\s+(?:conviennent|vont)\b|"
    r"\b(?:me|nos)\s+(?:van|vienen|irían|vendrían|cuadran)\s+bien\b|\b(?:ambos|ambas|los\s+dos|las\s+dos)\s+"
    r"(?:me\s+|nos\s+)?(?:funcionan|sirven|van\s+bien|vienen\s+bien)\b",
    re.I,
)
"""We say a time suits us, or is possible as well, in each of our languages: with a clock time, that offers the buyer a
slot."""

OTHERWISE = re.compile(r"^\s*(?:if\s+not|otherwise|failing\s+that|sinon|à\s+défaut|si\s+no|(?:wenn|falls)\s+nicht)\s*,",
                       re.I)
"""A second slot's opener ("Si no, el viernes 4 de diciembre a las 12:00 también sería posible"): the buyer's choice
between two slots, not a condition that makes the date a term."""

FIRST_SLOT_HARD = (
    r"is (?:busy|tight|difficult|hard|tricky|full)|(?:is )?too (?:tight|busy|early|late)|"
    r"knapp (?:wird|ist)|eng (?:wird|ist)|schwierig (?:wird|ist)|voll ist|"
    r"(?:est|semble) (?:trop )?(?:juste|chargé|compliqué|difficile)|"
    r"(?:le )?resulta (?:complicado|difícil)|(?:es|está) complicado|le viene mal"
)
"""The buyer's first slot said to be hard for them ("if the Thursday slot is tight"): the condition of a second offer."""
