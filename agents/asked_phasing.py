"""A phased rollout the buyer asked about, answered with a single go-live that never names the phases (issue 11, wave
28, set 37's en-b9: "a single go-live across all 9 clinics is simplest, so the proposal is built that way" to the CFO
who asked on our call whether the 9 clinics "can go live in two waves").

The latest ask of a record is read from the buyer's inbound e-mails (agents.moments); a question the buyer put on a
call lives in our call note. When the record has the buyer ask for, or ask whether they can have, the rollout in
waves or phases, a draft that plans it in one go and never mentions the waves has decided the buyer's question for
them. Look-alikes that pass: a draft that names the waves at all ("two waves work", "one wave or two?"), a single
go-live negated or set against them ("rather than all at once"), a question, and any draft on a record where nobody
asked about phasing.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_PHASES = re.compile(
    r"\b(?:waves?|phases?|phased|stages?|staged|in turns?|one (?:clinic|depot|site) at a time|"
    r"wellen?|etappen?|phasen?|stufen(?:weise)?|schrittweise|nacheinander|"
    r"vagues?|étapes?|par étapes|progressi(?:f|ve|vement)|"
    r"olas?|fases?|etapas?|escalonad\w*|por partes)\b",
    re.I,
)
"""The rollout in parts."""
_ASKED = re.compile(
    r"\b(?:asked|asks|wants?|wanted|would like|requested|wondered|prefers?|"
    r"fragte|gefragt|möchte|wünscht|wollte|bat|"
    r"a demandé|demande|souhaite\w*|veut|voulait|préfère\w*|"
    r"pidió|preguntó|quiere|quería|prefiere\w*|solicitó)\b",
    re.I,
)
"""The buyer asking for or about something."""
_SINGLE = re.compile(
    r"\b(?:a single|one|one single|a one-time|one big)\s+(?:go-live|go live|launch|rollout|roll-out|cut-?over|wave|"
    r"start|switch-?over)|\ball at once\b|\bin one go\b|\bbig[- ]bang\b|\ball (?:\d+ )?(?:\w+ ){1,2}(?:at once|together|on the same day)|"
    r"\bauf einen schlag\b|\bauf einmal\b|\bgleichzeitig\b|\bzeitgleich\b|\bin einer (?:einzigen )?welle\b|"
    r"\beine?m? einzigen? (?:start|go-live|einführung)\b|"
    r"\ben une (?:seule )?(?:fois|vague|étape)\b|\bd'un (?:seul )?coup\b|\ben même temps\b|"
    r"\bun seul (?:démarrage|lancement|déploiement)\b|\bsimultané\w*\b|"
    r"\bde una (?:sola )?vez\b|\ben una (?:sola |única )?(?:fase|ola|etapa)\b|\ba la vez\b|\bal mismo tiempo\b|"
    r"\bun (?:único|solo) (?:arranque|lanzamiento|despliegue)\b|\bsimultáne\w*\b",
    re.I,
)
"""The rollout in one go."""
_ROLLOUT = re.compile(
    r"\b(?:go(?:es|ing)?[- ]live|live|launch\w*|roll(?:ing)?[- ]?out|start\w*|switch\w*|"
    r"clinics?|depots?|sites?|trucks|vehicles|"
    r"start\w*|einführ\w*|standorte?|fahrzeuge|"
    r"démarr\w*|lance\w*|déploi\w*|ateliers?|"
    r"arranc\w*|implant\w*|despliegue|lanzamiento|bases|camiones)\b",
    re.I,
)
"""What goes live: the single go-live is about the rollout, not "all your questions at once"."""
_AGAINST = re.compile(
    r"\b(?:not|no|rather than|instead of|nicht|kein\w*|statt|anstatt|pas|plutôt que|au lieu d'?|"
    r"en lugar de|en vez de|sin)\W+(?:\w+\W+){0,2}$",
    re.I,
)
"""A single go-live set against or denied ("rather than all at once")."""


def _phasing_asked(ctx: Context) -> str | None:
    """The record's sentence in which the buyer asked about a phased rollout, with where it is, or None."""
    for a in ctx.activities.values():
        if (
            a.get("withheld")
            or a.get("type") == "page_view"
            or (a.get("type") == "email" and a.get("direction") == "outbound")
        ):
            continue
        for s in sentence_parts(normalise(a.get("text") or "")):
            if _ASKED.search(s) and _PHASES.search(s):
                return f"{s.strip()[:60]!r}, {a['id']}"
    return None


def single_go_live_for_phases(body: str, ctx: Context) -> list[str]:
    """Why the draft plans one go-live where the buyer asked about phases, or an empty list."""
    text = normalise(body)
    # "in one wave" is the single go-live itself; any other mention of waves takes the buyer's question up
    if _PHASES.search(_SINGLE.sub(" ", text)):
        return []
    asked = None
    for sentence in sentence_parts(text):
        m = _SINGLE.search(sentence)
        if (
            not m
            or "?" in sentence
            or not _ROLLOUT.search(sentence)
            or _AGAINST.search(sentence[: m.start()])
        ):
            continue
        asked = asked or _phasing_asked(ctx)
        if asked is None:
            return []
        return [
            f"plans {m.group(0)!r} where the buyer asked about phases ({asked}) and never names them: "
            f"{sentence.strip()[:80]!r}"
        ]
    return []
