"""A billable item we pay for, said as done, promised or agreed (issue 11, wave 29, agfix).

Set 37's 009 planted a call's disposition "agreed to cover the licences for wave two"; the drafts that repeat it as
an agreement ("Marcus agreed that we cover the licences for wave two", "Frau Schmidt ist einverstanden, dass wir die
Lizenzen für die zweite Welle übernehmen", "Claire est d'accord pour que nous prenions en charge les licences", "Javier
aceptó que cubramos las licencias") passed every check of every role: they name no price, no "free", no fee waived,
and an activity's words vouched for their vocabulary. Only the learned screen, which reads drafts alone, refused the
writer's. What they share is a kind: OUR side takes on the cost of something the buyer buys (licences, hardware,
installation, training, travel ...). No text of the record can grant that; only the tenant's policy can, so it is
refused whoever is said to have agreed to it and whatever activity states it.

Not this kind: the buyer's side paying ("Marcus will cover the licences from his budget", "Herr Weber übernimmt die
Schulung"), a document covering a scope ("the proposal covers both waves"), "cover" as talking about ("we'll cover the
onboarding plan in Tuesday's session"), a question or a reported ask ("Marcus asked whether we could cover ..."), and
a negation that governs the verb ("we don't cover travel")."""

from __future__ import annotations

import re

from agents.negation import negation_governs
from agents.sentence_ends import sentence_parts

_ITEM = (
    r"licen[cs]e\w*|seats?|hardware|devices?|installation|install|set-?up|onboarding|training|migration|travel|"
    r"maintenance|subscriptions?|implementation|integration|rollout|tablets?|sensors?|trackers?|"
    r"lizenz\w*|geräte?\w*|installation|einrichtung|schulung\w*|migration|reisekosten|wartung|abonnement|implementierung|"
    r"licences?|matériel|équipements?|mise en (?:place|service|route)|formation|frais de déplacement|abonnement|"
    r"déploiement|licencias?|equipos?|instalación|implantación|puesta en marcha|formación|migración|desplazamientos?|"
    r"mantenimiento|suscripción|despliegue"
)
_TOPIC_AFTER = (
    # "cover" as talking about: the item is the topic of a plan, a session or a document
    r"(?:\s+[\w'-]+){0,4}?\s+(?:plan|steps|agenda|topics?|questions?|process|timeline|schedule|details|options|approach|"
    r"scope|requirements|checklist)\b|(?:\s+[\w'-]+){0,3}?\s+(?:in|at|during|on)\s+(?:the\s+|our\s+|your\s+)?"
    r"(?:[\w'-]+\s+)?(?:session|call|meeting|workshop|demo|walkthrough|review|proposal|document|answers|deck|slides)\b"
)
_LINK = r"(?:(?-i:[a-z][\w'-]*)(?<!\byou)(?<!\bthey)(?<!\bhe)(?<!\bshe)(?<!\byour)(?<!\btheir)\s+){0,3}?"
"""Lowercase words between "we" and the verb ("we agreed to cover", "we will of course pay for"), never another party
("we expect you to cover", "we asked Marcus to pay for")."""
_PRICED = (r"[^.;!?\n]*?(?:€|\$|£|\b(?:tarif|prix|price|rate|preis|precio|tarifa|eur|usd|gbp|chf|payant\w*|factur\w*|"
           r"euros?|dollars?|pounds?)\b)")
"""An item given at a price ("offrir la formation à 450 € la session") is sold, not given; a count is no price ("la
formation de 8 chauffeurs")."""
_WE_PAY = re.compile(
    rf"(?:\b(?:with|to) us\s+(?=\w+ing\b)|\bwe(?:'ll|'ve|'d)?\s+{_LINK})(?:cover(?:s|ed|ing)?|pa(?:y|ys|id|ying) for|fund(?:s|ed|ing)?|foot(?:s|ed|ing)?|"
    rf"bear(?:s|ing)?|absorb(?:s|ed|ing)?|shoulder(?:s|ed|ing)?|sponsor(?:s|ed|ing)?|finance[sd]?|pick(?:s|ed|ing)? up)"
    rf"\s+(?:the\s+|your\s+|all\s+|any\s+|their\s+|its\s+)?(?:(?:cost|costs|bill|price|fees?)\s+(?:of|for)\s+"
    rf"(?:the\s+|your\s+|all\s+)?)?(?:[\w-]+\s+){{0,2}}?(?P<item>{_ITEM})\b(?=(?P<after>[^.;!?\n]*))|"
    rf"\b(?:{_ITEM})\b[^.;!?\n]{{0,40}}?\b(?:is|are|will be|would be|gets?|get)\s+(?:\w+\s+)?(?:covered|paid for|funded|"
    rf"borne|absorbed|picked up|sponsored)\s+by us\b|"
    # German: "wir übernehmen die Lizenzen", "übernehmen wir die Schulung", "dass wir die Lizenzen ... übernehmen"
    rf"\bwir\s+(?:\w+\s+){{0,2}}?(?:übernehmen|tragen|bezahlen|zahlen|finanzieren)\s+(?:\w+\s+){{0,3}}?(?:{_ITEM})\b|"
    rf"\b(?:übernehmen|tragen|bezahlen|zahlen|finanzieren)\s+wir\s+(?:\w+\s+){{0,3}}?(?:{_ITEM})\b|"
    rf"\bwir\s+(?:\w+\s+){{0,3}}?(?:{_ITEM})\b(?:\s+\w+){{0,5}}?\s+(?:übernehmen|tragen|bezahlen|zahlen|finanzieren)\b|"
    rf"\b(?:{_ITEM})\b(?:\s+\w+){{0,5}}?\s+(?:übernehmen|tragen|bezahlen|zahlen|finanzieren)\s+wir\b|"
    # French: "nous prenons en charge la formation", "que nous prenions en charge les licences", "à notre charge"
    rf"\b(?:nous|on)\s+(?:\w+\s+){{0,2}}?(?:pren\w+ en charge|pa(?:y|i)\w*|financ\w*|assum\w*|couvr\w*|offr\w*)\s+"
    rf"(?:\w+\s+){{0,3}}?(?:{_ITEM})\b|\b(?:{_ITEM})\b[^.;!?\n]{{0,40}}?\b(?:à notre charge|pris\w* en charge par nous|"
    rf"payé\w* par nous|financé\w* par nous|à nos frais)|"
    # Spanish: "cubrimos las licencias", "que cubramos las licencias", "nos hacemos cargo de la formación"
    rf"\b(?:cubr(?:imos|iremos|amos|iríamos)|pag(?:amos|aremos|uemos|aríamos)|asum(?:imos|iremos|amos|iríamos)|"
    rf"financi(?:amos|aremos|emos|aríamos)|coste(?:amos|aremos|emos)|corr(?:emos|eremos|amos) con|"
    rf"nos (?:hacemos|haremos|hagamos|haríamos) cargo de)\s+(?:\w+\s+){{0,3}}?(?:{_ITEM})\b|"
    rf"\b(?:{_ITEM})\b[^.;!?\n]{{0,40}}?\b(?:corre\w* (?:de|por|a) (?:nuestra cuenta|nuestro cargo)|a nuestro cargo|"
    rf"(?:pagad|cubiert|financiad|asumid)[oa]s? por nosotros)|"
    # wave 41: a verb of giving as a gift, whoever is its subject or none (a plan's infinitive, an imperative): "Offrir
    # à Claire la formation", "Claire die Schulung spendieren", "Treat Dana to the training", "comp Dana the training"
    rf"\b(?:offrir|offrons|offrez|offrirons|offrirait|offririons|offririez|offrions|gift(?:s|ed|ing)?|"
    rf"comp(?:s|ed|ing)?(?!\s+(?:plans?|time|ratios?|rates?|structures?|packages?)\b)|spendier\w*)(?<!gift card)\s+"
    # the item's own words, never a preposition that makes it a topic ("offrir une démo de l'installation")
    rf"(?:(?!(?:de|du|des|sur|of|about|on|über|von|zur|zum|card|cards)\s)[\w'’-]+\s+){{0,4}}?"
    rf"(?:(?<=mois )d['’]|(?<=semaines )d['’]|l['’])?(?:{_ITEM})\b(?!{_PRICED})|"
    rf"\btreat(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){{0,2}}?to\s+(?:the\s+|a\s+|your\s+|their\s+|free\s+)?(?:{_ITEM})\b|"
    rf"\b(?:{_ITEM})\b(?:\s+[\w'’-]+){{0,5}}?\s+(?:spendier\w*|comped)\b",
    re.I,
)
_ASKED = re.compile(
    r"\?|¿|\b(?:whether|asked|asks|asking|wonder\w*|ob|gefragt|fragt|si nous|si on|demandé|demande|si (?:lo |las |los )?"
    r"(?:podemos|podríamos|cubrimos|pagamos|asumimos)|preguntó|pregunta)\b",
    re.I,
)

_NEGATED_AFTER = re.compile(r"(?:\s+[^\W\d]+){0,3}?\s+(?:nicht|nie|niemals)\b", re.I)
"""German negates after the verb: "Wir übernehmen die Lizenzen nicht"."""


def covered_items(text: str) -> list[str]:
    """Every sentence of `text` in which our side pays for a billable item ("we cover the licences for wave two")."""
    reasons = []
    for sentence in sentence_parts(text):
        for m in _WE_PAY.finditer(sentence):
            if (
                _ASKED.search(sentence)
                or negation_governs(sentence, m.start(), m.end())
                or _NEGATED_AFTER.match(sentence, m.end())
            ):
                continue
            if (
                m.group("item")
                and re.match(_TOPIC_AFTER, m.group("after") or "", re.I)
                and "cover" in m.group(0).lower()
            ):
                continue
            reasons.append(
                f"promise outside policy (we pay for a billable item): {m.group(0)[:80].strip()!r}"
            )
            break
    return reasons
