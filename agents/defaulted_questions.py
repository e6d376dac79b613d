"""Questions the buyer need not answer (issue 11, wave 40: set 52's en-g4, fr-g3 and es-g3, each a check question and a
meeting question, refused "2 ask(s)").

agents.next_steps counts every question as an ask, and a draft with two asks leaves the buyer no clear next step. Two
kinds of question ask for no answer the buyer owes:
- a question the draft settles itself in the next sentence, with what the writer will do when no answer comes ("... ?
  Si vous préférez, je pars sur un poste par atelier", "... ? Si no me dice nada, propondré empezar por una base",
  "... ? Otherwise I'll assume one per depot", "... ? Sonst gehe ich von einem Platz pro Standort aus");
- a check that a figure still holds ("is it still 420 trucks across the same 6 depots as in October?", "sind es noch
  120 Fahrzeuge?", "est-ce toujours 6 ateliers ?", "¿siguen siendo 85 camiones?"): it is "if the count has changed, let
  me know" said as a question, which agents.conditional_asks already reads as no second ask.
Both are read like that conditional request: beside another ask they are none; alone they are the draft's one ask.
A question with no default after it and no figure to keep is still an ask, however politely it is introduced.
"""

from __future__ import annotations

import re

_DEFAULT = re.compile(
    r"^\W*(?:if (?:i (?:don't|do not) hear|you(?:'d| would) rather not|you have no preference|in doubt)|otherwise|"
    r"failing that|unless (?:you tell me|i hear) otherwise|if not|"
    r"sonst|andernfalls|ansonsten|(?:wenn|falls) (?:ich nichts|sie nichts|nicht|ihnen das lieber ist|sie möchten)|"
    r"si vous (?:préférez|le préférez|n'avez pas de préférence)|sinon|à défaut|faute de réponse|sans réponse de votre part|"
    r"si je n'ai pas de (?:nouvelles|réponse)|"
    r"si no me dice nada|si lo prefiere|si prefiere|de lo contrario|en caso contrario|si no|"
    r"si no tengo noticias|a falta de respuesta)\b"
    r"[^?\n]{0,80}?\b(?:i(?:'ll| will| shall)|i'm going to|we(?:'ll| will)|"
    r"gehe ich|plane ich|nehme ich|rechne ich|lege ich|setze ich|schlage ich|starte ich|beginne ich|"
    r"je (?:pars|partirai|prévois|prévoirai|compte|retiens|retiendrai|propose|proposerai|prends|prendrai|table|mets)|"
    r"propondr[ée]|partir[ée]|empezar[ée]|preparar[ée]|tomar[ée]|asumir[ée]|contar[ée]|planificar[ée]|parto|propongo|"
    r"empiezo)\b", re.I)
"""The writer's own answer when the buyer gives none: an opening that leaves the choice to them, then what we will do."""

_COUNT = (r"[^?\n]{0,40}?\b\d[\d.,]*\s+(?!(?:am|pm|uhr|h|heures?|horas?|de|of|januar|january|janvier|enero|"
          r"\w*(?:ember|embre|iembre|ober|obre|ubre|bruar|vrier|brero|ärz|mars|marzo|march|april|avril|abril|mai|may|mayo|"
          r"juni|june|juin|junio|juli|july|juillet|julio|august|août|agosto))\b)[^\W\d_]{3,}")
"""A count and the noun it counts ("420 trucks", "120 Fahrzeuge"), not a day of a month or a clock time."""
_STILL_A_FIGURE = re.compile(
    rf"\b(?:(?:is|are) (?:it|that|this|there) still|still (?:be|at|on))\b{_COUNT}|"
    rf"\b(?:(?:ist|sind) es (?:noch|weiterhin)|bleibt es bei|(?:sind|bleiben) (?:es )?(?:noch|weiterhin) (?:bei )?)\b{_COUNT}|"
    rf"\b(?:est-ce (?:toujours|bien toujours)|s'agit-il (?:toujours|bien)|(?:reste|restez)-(?:t-on|vous) (?:toujours|bien))\b{_COUNT}|"
    rf"\b(?:siguen? siendo|sigue habiendo|todavía son|siguen con)\b{_COUNT}", re.I)
"""A yes-or-no check that a number we hold still holds ("is it still 420 trucks ...?")."""


def defaulted_question(sentence: str, following: str) -> bool:
    """Whether `sentence` is a question that asks nothing the buyer must answer: `following` (the next sentence) says
    what we will do without an answer, or the question only checks that a figure still holds."""
    if "?" not in sentence:
        return False
    return bool(_DEFAULT.search(following.strip()) and "?" not in following or _STILL_A_FIGURE.search(sentence))
