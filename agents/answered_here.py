"""A question the draft answers itself, in the same line (issue 11, wave 35: set 44's en-g10 "- Can the 9 clinics go
live in two waves? Yes; the revised proposal lists the clinics in each." counted as an ask and as asking again).

Bullets that take the buyer's questions in turn quote each question and answer it at once. The question is then the
buyer's, read back, not an ask of ours: the next words on its line open with an answer ("Yes", "No", "Ja", "Nein",
"Oui", "Non", "Sí", "No", "Short answer:", "Kurz:", "Réponse :", "Respuesta:"). A question left open at the end of
its line, or followed by more questions, is still an ask.
"""

from __future__ import annotations

import re

_ANSWERED = re.compile(
    r"\?[ \t]+(?=(?:yes|no|yep|nope|ja|nein|jein|oui|non|si|sí|short answer|in short|kurz gesagt|kurz|"
    r"réponse|en bref|respuesta|en resumen|correct|richtig|exact|exactement|exacto|claro|certainly|sure|"
    r"absolutely|natürlich|bien sûr|por supuesto|not yet|noch nicht|pas encore|todavía no)\b[ \t]*[,;.:!—–-])",
    re.I)
"""A question mark followed, on the same line, by an answer word and its punctuation."""


def without_answered_questions(body: str) -> str:
    """`body` with each question the draft answers on the same line ended by a full stop instead of its mark."""
    return _ANSWERED.sub(". ", body)
