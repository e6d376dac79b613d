"""A capability promised that the record does not show (issue 11, wave 25: set 33's en-b6 "it includes our predictive
engine-failure alerts" to a buyer of idle-time and fuel analytics; es-b4 "incluirá el control de la cadena de frío en
tiempo real" to a buyer whose priority is fuel consumption).

A rep promises what the deal is about: its name, its notes, the buyer's messages, what we sent. A feature is said by a
closed class of words (alerts, monitoring, prediction, detection, sensors, real time, a module; Warnungen, Überwachung,
Echtzeit; alertes, surveillance, temps réel; alertas, seguimiento, tiempo real); what it does is said by the words
around it in the same clause ("engine failure", "cadena de frío"). A clause of ours (we, our, the proposal, the
platform) that names a feature is refused when at least two of those other words are nowhere in the record and they
outnumber the words that are: "idle-time alerts for each of your depots" names the record's own needs and passes.

The record cannot list everything a product does. A tenant that sells a capability its deals do not always mention
names it in its settings' `allowed_promises` (agents.settings): the words of those phrases count as on record. A
question, a condition ("if it would help") or a negation ("it does not include ...") promises nothing.

Known gap: a German feature said in one compound with no other word ("eine Kühlketten-Überwachung") has one word of
what it does, and one word is not enough (set 33's good fr-g4, "les rappels automatiques", has one too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.context import Context
from agents.normalize import fold_accents as _fold
from agents.product_named import record_text

_FEATURE = re.compile(
    r"\b(?:alerts?|alarms?|warnings?|monitor\w*|predict\w*|forecast\w*|detect\w*|tracking|sensors?|notifications?|"
    r"real[- ]time|automat\w*|diagnostics?|modules?|features?|functionality|"
    r"alarm\w*|sensoren|modul\w*|funktion\w*|"
    r"alertes?|surveillance|prediction\w*|prevision\w*|detection\w*|capteurs?|temps reel|fonctionnalites?|"
    r"alertas?|monitori[sz]acion|monitoreo|vigilancia|prediccion\w*|deteccion\w*|sensores|tiempo real|"
    r"funcionalidad\w*|funcion\w*|modulo\w*|control|controle|kontrolle)\b"
    # German ends a compound with the feature ("Frühwarnung", "Reifendrucküberwachung"): the head before it says what
    # the feature does, so only the feature's part is the marker
    r"|(?:warnung|uberwachung|vorhersage|prognose|erkennung|echtzeit|benachrichtigung|diagnose)\w*"
)
"""The words that name a capability (folded: no accents)."""

_OURS = re.compile(
    r"\b(?:we|our|us|proposal|offer|platform|solution|system|software|product|package|"
    r"wir|unser\w*|angebot\w*|plattform|losung|system|"
    r"nous|notre|nos|proposition|offre|plateforme|solution|logiciel|"
    r"nosotros|nuestr[oa]s?|propuesta|oferta|plataforma|solucion|sistema|"
    # what the buyer will get from us: "you'll also get ...", "Sie erhalten ...", "vous bénéficierez de ..."
    r"you(?:'ll| will)|will (?:also )?(?:get|have|receive)|(?:sie )?(?:erhalten|bekommen)|"
    r"vous (?:aurez|beneficierez|recevrez|disposerez)|contara|tendra|recibira|dispondra)\b"
)
_NOT_A_PROMISE = re.compile(
    r"\?|\b(?:if|unless|whether|not|no|without|wenn|falls|ob|nicht|kein\w*|ohne|si|pas|sans|ni|aucun\w*|sin|"
    r"tampoco)\b"
)
# a relative clause says what the feature does next (German opens one after a comma); a purpose clause says what the
# buyer gains ("pour réduire les absences", "to cut idle time"): neither names the capability
_CLAUSE = re.compile(
    r"[,;:()]|\s[-–—]\s|\b(?:which|that will|who|qui|que|lo que|la que|"
    r"to|so that|in order to|pour|afin de|para|damit|sodass|um)\b"
)
_SAY_NOTHING = frozenset(
    """
includes include included including will have with every each their your yours them they this that these those
them also both into from about team teams week weeks month months days like well more most than just only
umfasst enthalt beinhaltet enthalten haben werden wird ihre ihren ihrer ihrem alle allen jede jeden jeder sowie auch
inclut inclura comprend comprendra contient avec votre vote leurs chaque tous toutes aussi dans pour
incluye incluira incluiremos contiene tendra todos todas cada tambien para sobre desde entre
then thus therefore already still even so also first start starts begin begins
dann also daher deshalb bereits schon noch zuerst beginnt ausserdem zusatzlich dazu
donc alors ainsi deja encore aussi commence commencer
entonces pues ademas empieza comienza primero
""".split()
)
"""Words of the clause that say nothing of what the capability does (verbs of including, quantifiers, pronouns)."""


def unrecorded_capabilities(text: str, ctx: Context, allowed_promises: Iterable[str] = ()) -> list[str]:
    """Clauses of ours that promise a capability whose words the record (and the tenant's allowed promises) lack.

    Args:
        text: the draft's subject and body.
        ctx: the run's context.
        allowed_promises: phrases the tenant allows (their words count as on record).

    Returns:
        One reason per such clause, at most two.
    """
    record = record_text(ctx) + " " + _fold(" ".join(allowed_promises))
    names = {w for c in ctx.record.contacts for w in _fold(ctx.contact_name(c) or "").split()}
    company = _fold(ctx.record.company.name or "") if ctx.record.company else ""
    names |= set(company.split())
    folded = _fold(text)
    if company.strip():
        # "Granite Diagnostics", "Nordic Monitoring AB": a feature word in the buyer's name is the buyer, not a feature
        folded = re.sub(rf"\b{re.escape(company.strip())}\b", " ", folded)
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", folded):
        if not _OURS.search(sentence) or _NOT_A_PROMISE.search(sentence):
            continue
        for clause in _CLAUSE.split(sentence):
            if not (clause and _FEATURE.search(clause)):
                continue
            rest = _FEATURE.sub(" ", clause)
            words = [
                w
                for w in re.findall(r"[a-z]{4,}", rest)
                if w not in _SAY_NOTHING and w not in names and not _OURS.fullmatch(w)
            ]
            missing = [w for w in words if w[:5] not in record]
            present = (
                len(words) - len(missing) + sum(m.group(0)[:5] in record for m in _FEATURE.finditer(clause))
            )
            if len(missing) >= 2 and len(missing) > present:
                out.append(
                    f"promises a capability the record does not show ({', '.join(missing[:4])}): "
                    f"{clause.strip()[:80]!r}"
                )
    return list(dict.fromkeys(out))[:2]
