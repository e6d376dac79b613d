"""Our CRM's own words, sent to the buyer (issue 11, wave 35: set 44's de-b5 "Sie sind in unserem CRM jetzt in der Phase
„presentationscheduled“ als SQL markiert", en/fr/es-b5 "moved from MQL to SQL in our pipeline").

A buyer should never read how our tool files them: a lead's lifecycle acronym (MQL, SQL, SAL, SQO, PQL), a stage as
the CRM stores it ("presentationscheduled", "Proposal/Price Quote", "closed won"), or the names of the CRM's own fields
(pipeline stage, deal stage, lead score, forecast category; Dealphase, Lead-Score, Forecast-Kategorie; étape du
pipeline, catégorie de prévision; etapa del embudo, categoría de previsión). agents.internal_labels reads a person
classed by a verb ("gilt intern als Bremser"); these are the tool's terms, whoever they are said of.

Honest uses pass: "SQL" as a database ("SQL Server", "eine SQL-Datenbank", "export SQL", "consultas SQL"), "Phase 2 of
the rollout", "la fase de implantación", a stage word the buyer's own e-mail uses ("our MQL target"), and every word
of a general sense ("an opportunity to cut idle time", "the pipeline of new depots").
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import fold_accents

_ACRONYM = re.compile(r"(?<![\w-])(?:MQL|SQL|SAL|SQO|PQL)s?(?![\w-])")
"""A lead's lifecycle stage as the CRM abbreviates it (upper case only: "sql" in a file name is not the label)."""
_DATABASE = re.compile(
    r"\b(?:server|database|databases|db|query|queries|export|exports|dump|schema|tables?|views?|injection|statements?|"
    r"script|scripts|engine|datenbank\w*|abfrage\w*|tabelle\w*|bases? de donn[ée]es|requ[êe]te\w*|base de datos|"
    r"bases de datos|consulta\w*|tabla\w*|azure|oracle|postgres\w*|mysql|ms|t)\b|sql[- ](?:server|datenbank|db)",
    re.I)
"""Words beside "SQL" that make it the query language, not a lead's stage."""
_FIELD_TERMS = re.compile(
    r"\b(?:(?:pipeline|deal|sales|lifecycle|opportunity|lead) stages?|lead (?:status|score|scoring)|"
    r"closed[- ](?:won|lost)|forecast (?:category|categories)|"
    r"deal-?phase|verkaufsphase|pipeline-?phase|opportunity-?phase|lead-?score|lead-?status|forecast-?kategorie|"
    r"(?:é|e)tape (?:du pipeline|du pipe|de vente|de l'opportunit(?:é|e)|du deal)|cat(?:é|e)gorie de pr(?:é|e)vision|"
    r"score (?:du|de) lead|statut du lead|"
    r"etapa (?:del embudo|del pipeline|de venta|de la oportunidad)|fase del (?:embudo|pipeline)|"
    r"categor(?:í|i)a de previsi(?:ó|o)n|puntuaci(?:ó|o)n del lead|estado del lead)\b", re.I)
"""The CRM's field names, in each of our languages."""
_HUBSPOT_STAGES = frozenset(
    "appointmentscheduled qualifiedtobuy presentationscheduled decisionmakerboughtin contractsent closedwon "
    "closedlost".split())
"""HubSpot's default deal stage ids: never a word of any language."""


def _stored_stages(ctx: Context) -> set[str]:
    """The record's stage values that are the CRM's storage, not words: an id with no space ("presentationscheduled"),
    a label with a slash ("Proposal/Price Quote")."""
    values = {ctx.record.stage or "", *(s.stage for s in ctx.record.history.stage_changes)}
    return {v for v in values if v and ((" " not in v and v.lower() == v and len(v) >= 8) or "/" in v)} \
        | set(_HUBSPOT_STAGES)


def _buyers_words(ctx: Context) -> str:
    """What the buyer wrote to us: a term of theirs is theirs to read back."""
    return "\n".join(f"{a.subject or ''} {a.body or ''}" for a in ctx.record.activities
                     if a.direction == "inbound")


def crm_jargon(text: str, ctx: Context) -> list[str]:
    """Our CRM's terms in a text for the buyer, each with what names it."""
    theirs = fold_accents(_buyers_words(ctx)).lower()
    found: list[str] = []
    for m in _ACRONYM.finditer(text):
        window = text[max(0, m.start() - 30): m.end() + 30]
        if m.group(0).rstrip("s") == "SQL" and _DATABASE.search(window):
            continue
        if re.search(rf"\b{m.group(0).rstrip('s').lower()}s?\b", theirs):
            continue
        found.append(f"our CRM's term sent to the buyer: {m.group(0)!r}")
    low = fold_accents(text).lower()
    for m in _FIELD_TERMS.finditer(text):
        if fold_accents(m.group(0)).lower() not in theirs:
            found.append(f"our CRM's field named to the buyer: {m.group(0)!r}")
    for stage in sorted(_stored_stages(ctx)):
        folded = fold_accents(stage).lower()
        if re.search(rf"(?<![\w/-]){re.escape(folded)}(?![\w/-])", low) and folded not in theirs:
            found.append(f"a stage as our CRM stores it, sent to the buyer: {stage!r}")
    return found[:3]
