"""Scarcity stated as our capacity, our bookings or our stock (issue 11, wave 30: set 39's en-b4, "we only take three
fleet rollouts per quarter and two January slots are already gone, so please decide quickly", got through).

agents.draft_tone reads scarcity as what is left ("only two slots left", "nur noch zwei Termine frei"). A rep invents
the same pressure three other ways, and the buyer can check each with one call to a reference customer:
- a cap on what we take on in a period: "we only take three rollouts a quarter", "wir nehmen nur drei Projekte pro
  Quartal an", "nous ne lançons que trois déploiements par trimestre", "solo aceptamos tres implantaciones por
  trimestre";
- what is already booked: "two January slots are already gone", "die Januar-Termine sind schon vergeben", "les
  créneaux de janvier sont déjà pris", "los huecos de enero ya están ocupados";
- stock running out: "only 80 units left in stock", "nur noch 80 Boxen auf Lager", "plus que 80 boîtiers en stock",
  "solo quedan 80 unidades en almacén".
The cap needs our side as its subject ("we", "wir", "nous"/"on", a first-person verb): "the rollout covers three
depots per quarter" or "nur zwei Schulungstermine pro Monat nötig" plan the buyer's project, they ration nothing. As in
agents.draft_tone, words the record itself writes are the record's.
"""

from __future__ import annotations

import re

_NUMBER = (
    r"(?:\d+|a\s+few|one|two|three|four|five|six|ein|eine|einen|zwei|drei|vier|funf|sechs|wenige|un|une|deux|"
    r"trois|quatre|cinq|six|quelques|uno|una|dos|tres|cuatro|cinco|seis|pocas|pocos)"
)
_PERIOD = (
    r"(?:quarter|month|year|week|season|quartal|monat|jahr|halbjahr|woche|trimestre|mois|an|annee|semaine|"
    r"semestre|mes|ano|semana)"
)
_CAPACITY = re.compile(
    rf"""(?:
    \bwe\s+(?:can\s+)?only\s+(?:take\s+on|take|accept|run|do|onboard|start|handle|book|launch|deliver)\s+
        (?:on\s+)?{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?(?:per|a|each|every)\s+{_PERIOD}
    |\b(?:cap|limit|maximum|max)\s+of\s+{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?(?:per|a|each|every)\s+{_PERIOD}
    |\bwir\s+(?:\w+\s+){{0,2}}?nur\s+{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?(?:pro|je|im|jedes)\s+{_PERIOD}
    |\b(?:nous|on)\s+ne\s+(?:\w+\s+){{0,2}}?que\s+{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?(?:par|chaque)\s+{_PERIOD}
    |\bsolo\s+(?:aceptamos|hacemos|tomamos|lanzamos|podemos\s+\w+|abrimos|implantamos|arrancamos)\s+{_NUMBER}\s+
        (?:[\w-]+\s+){{0,3}}?(?:por|cada|al)\s+{_PERIOD}
    )""",
    re.X,
)
_BOOKED = re.compile(
    r"""(?:
    \b(?:slots?|spots?|places?|dates?|openings?|start\s+dates?)\s+(?:are|is|have|has)\s+(?:already\s+)?(?:been\s+)?
        (?:gone|taken|booked|filled|spoken\s+for|allocated)
    |\b\w*(?:termine|platze|slots|kapazitaten)\s+(?:\w+\s+){0,3}?(?:sind|ist)\s+(?:\w+\s+){0,2}?(?:vergeben|weg|ausgebucht|belegt)
    |\b(?:creneaux|places|dates)\s+(?:\w+\s+){0,2}?(?:sont|est)\s+(?:deja\s+)?(?:pris|prises|reserve\w*|complet\w*|partis?)
    |\b(?:huecos|plazas|fechas|turnos)\s+(?:\w+\s+){0,2}?(?:ya\s+)?(?:estan|esta)\s+(?:ya\s+)?(?:ocupad\w*|cogid\w*|
        reservad\w*|agotad\w*|pillad\w*)
    )""",
    re.X,
)
_STOCK = re.compile(
    r"""(?:
    \bonly\s+(?:have\s+|got\s+)?\d+\s+(?:[\w-]+\s+){0,2}?(?:left\s+)?in\s+stock
    |\bnur\s+noch\s+\d+\s+(?:[\w-]+\s+){0,2}?(?:auf\s+lager|vorratig|verfugbar)
    |\bplus\s+que\s+\d+\s+(?:[\w-]+\s+){0,2}?en\s+stock
    |\b(?:solo|solamente)\s+(?:nos\s+)?quedan?\s+\d+\s+(?:[\w-]+\s+){0,2}?(?:en\s+(?:stock|almacen)|disponibles)
    )""",
    re.X,
)


def capacity_claims(folded: str, record: str) -> list[str]:
    """Scarcity of our capacity, bookings or stock in `folded` (lower-cased, accents removed) that the record's own
    folded text (`record`) does not write."""
    return [
        f"scarcity the record does not state: {m.group(0)!r}"
        for pattern in (_CAPACITY, _BOOKED, _STOCK)
        for m in pattern.finditer(folded)
        if re.sub(r"\s+", " ", m.group(0)) not in record
        and not _THEIRS.search(folded[max(0, m.start() - 12) : m.start()])
        and (pattern is not _BOOKED or _rationed(folded, m))
    ]


_RATIONED = re.compile(
    r"\b(?:already|schon|bereits|deja|ya|all|most|last|alle|meisten|letzten|tous|toutes|derniers|todos|todas|ultimos|"
    r"\d+|two|three|four|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro)\b"
)
_IF = re.compile(r"\b(?:if|unless|falls|wenn|si|sauf)\b")


def _rationed(folded: str, m: re.Match[str]) -> bool:
    """Booked slots ration only with a count or "already" ("two January slots are already gone") and not under a
    condition: "feel free to move it if that slot is taken" is the buyer's calendar (set 23's en-g5)."""
    before = folded[max(0, m.start() - 40) : m.start()]
    before = re.split(r"[.;!?\n]", before)[-1]
    return not _IF.search(before) and bool(_RATIONED.search(before + " " + m.group(0)))


_THEIRS = re.compile(r"\b(?:your|ihre|ihr|vos|votre|sus|su|tus)\s+$")
"""The buyer's own dates booked ("your dates are already booked in the plan") are no rationing of ours."""
