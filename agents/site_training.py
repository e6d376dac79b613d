"""Organising the training or the installation at the buyer's sites: an operations question (issue 11, wave 29: set
38's fr-b7 "Pourriez-vous organiser les créneaux de formation des équipes dans chacun des 6 ateliers ?" to Paul, the
CFO, when Claire runs operations).

agents.question_owner faults a question put to a contact whose role does not own it while the record names the
colleague who does. Who organises the teams' training, the onboarding sessions or the installation slots at each
site is the operations lead's work, as the order of the sites is (agents.rollout_order): "could you schedule the
training sessions for each depot?", "Könnten Sie die Schulungstermine an den Standorten planen?", "¿podría organizar
la formación de los equipos en cada base?". Its cost is a finance question ("what budget do you set for training?")
and stays with the finance role's own words. The pattern reads folded text (lower case, no accents), as
agents.question_owner does.
"""

from __future__ import annotations

import re

_ORGANISE = (
    r"(?:organi[sz]e|schedule|plan|arrange|coordinate|set\s+up|book|line\s+up|"
    r"organisieren|planen|koordinieren|einplanen|festlegen|ansetzen|"
    r"organiser|planifier|caler|coordonner|prevoir|fixer|"
    r"organizar|planificar|coordinar|programar|agendar|fijar|cuadrar)"
)
_TRAINING = (
    r"(?:training|trainings|onboarding|instal+ation|rollout\s+sessions?|"
    r"schulung\w*|einweisung\w*|einarbeitung|installation\w*|einbau\w*|"
    r"formation\w*|installation\w*|prise\s+en\s+main|"
    r"formacion\w*|capacitacion\w*|instalacion\w*|puesta\s+en\s+marcha)"
)
TRAINING_AT_SITES = re.compile(
    rf"\b{_ORGANISE}\b[^?.!\n]{{0,50}}\b{_TRAINING}|"
    rf"\b{_TRAINING}[^?.!\n]{{0,30}}\b(?:termine|slots?|sessions?|creneaux|dates|horaires|planning|calendario|horarios|"
    r"sesiones|turnos)\b|"
    rf"\b(?:termine|slots?|sessions?|creneaux|dates|horaires|horarios|sesiones|turnos)\s+(?:de\s+|d'|for\s+(?:the\s+)?|"
    rf"of\s+(?:the\s+)?|fur\s+(?:die\s+)?)?(?:la\s+)?{_TRAINING}"
)
"""Organising the buyer's training or installation, or its slots and sessions (folded text)."""
