"""How our side labels a person of the buyer's, told to the buyer (issue 11, wave 27: set 36's de-b5 "da Herr Weber
bei uns intern als Bremser gilt", fr-b5 "Dans notre outil vous êtes classée « prospect à relancer fort »").

agents.draft_tone reads the seller's notes, scores and probabilities by their names ("our internal notes", "deal
score"). A label says the same without naming a note: an internal place (internally, in our CRM, dans notre outil, en
nuestro sistema), a verb of classing (counts as, tagged, classée, figura como) and a person of the buyer's (you, a
contact of the record) next to that verb. "Internally we marked the proposal as ready, you will have it Friday" classes
a document, not a person, and "in our CRM you are listed as the main contact" states a role: both pass.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import fold_accents as _fold

_PLACE = re.compile(
    r"\b(?:intern(?:ally|al)?|bei\s+uns\s+intern|en\s+interne|internamente|a\s+nivel\s+interno|"
    # wave 28 (set 37's fr-b9, "Notre équipe vous a classés « client à faible maturité »"): our team as the one classing
    r"(?:our|unser\w*|notre|nuestro)\s+(?:sales\s+)?(?:team|vertrieb\w*|equipe|equipo)|"
    r"in(?:side)?\s+(?:our|unserem|unserer|unseren)\s+(?:crm|system|tool|pipeline|salesforce|hubspot|notes|notizen|"
    r"liste|datenbank|forecast|database|records?|files?)|"
    r"dans\s+(?:notre|nos)\s+(?:crm|outil|outils|systeme|logiciel|fichier|notes|base|pipeline|pipe|previsions?)|"
    r"(?:en|dentro\s+de)\s+(?:nuestro|nuestra|nuestras|nuestros)\s+(?:crm|sistema|herramienta|notas|base\s+de\s+datos|"
    r"pipeline|lista|prevision|ficha|fichas|registros?))\b"
)
"""Where our side keeps its view of the buyer."""
_CLASSED = re.compile(
    r"\b(?:gilt|gelten|gefuhrt|fuhren|fuhre|eingestuft|einstufen|markiert|vermerkt|gelistet|abgestempelt|"
    r"tagged|flagged|label(?:l)?ed|marked|class(?:ed|ified)|listed|rated|scored|filed|down\s+as|known\s+as|"
    r"seen\s+as|considered|pegged|"
    r"classee?s?|etiquetee?s?|marquee?s?|notee?s?|consideree?s?|cataloguee?s?|fichee?s?|repertoriee?s?|"
    r"catalogad[oa]s?|clasificad[oa]s?|etiquetad[oa]s?|marcad[oa]s?|considerad[oa]s?|figura|figuran|consta|"
    r"constan|aparece|aparecen)\b"
)
"""A verb of classing someone."""
_ROLE = re.compile(
    r"\b(?:contact|contacts|ansprechpartner\w*|interlocut\w*|contacto|contactos|owner|decision\s+date|"
    r"responsable|verantwortlich\w*|signator\w*|billing|rechnungsempfanger\w*|destinataire|destinatari[oa])\b"
)
"""A role stated for the buyer's own use ("the main contact", "le destinataire de la facture"): no judgement."""
_PERSON = (
    r"(?:you|your\s+team|sie|ihnen|vous|usted|ustedes|"
    # wave 28 (set 36's es-b5, "En nuestro CRM su cuenta aparece como oportunidad en riesgo"): the buyer's account
    r"your\s+(?:account|company)|ihr\w*\s+(?:konto|unternehmen|firma)|votre\s+(?:compte|societe|entreprise)|"
    r"su\s+(?:cuenta|empresa|compania))"
)
_WINDOW = 6
"""Words before the verb in which the person classed stands ("Herr Weber bei uns intern als Bremser gilt")."""


_HOLDS_UP = re.compile(
    r"\b(?:the\s+(?:one|person)\s+(?:who(?:'s|\s+is)?\s+)?(?:holding\s+(?:\w+\s+)?up|blocking|slowing)|blocker|bottleneck|"
    r"drag(?:s|ging)?\s+(?:his|her|their)\s+feet|bremser\w*|bremsklotz|blockierer\w*|auf\s+der\s+bremse|"
    r"(?:celui|celle)\s+qui\s+(?:bloque|freine|traine)|traine\s+des\s+pieds|"
    r"(?:el|la)\s+que\s+(?:frena|bloquea|pone\s+trabas)|pone\s+(?:palos\s+en\s+las\s+ruedas|trabas))\b"
)
"""A colleague of the buyer's labelled as the one holding the deal up ("Lucía es la que frena", set 37's es-b9)."""


def judged_people(text: str, ctx: Context) -> list[str]:
    """Clauses naming a contact of the record as the one who holds the deal up: our judgement, told to the buyer."""
    people = {
        p for c in ctx.record.contacts if (n := ctx.contact_name(c)) for p in _fold(n).split() if len(p) >= 3
    }
    if not people:
        return []
    named = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(people)))})\b")
    return [
        f"tells the buyer how we judge a colleague of theirs: {clause.strip()[:80]!r}"
        for clause in re.split(r"[.;!?\n]+", _fold(text))
        if named.search(clause) and _HOLDS_UP.search(clause)
    ]


def internal_labels(text: str, ctx: Context) -> list[str]:
    """Sentences telling the buyer how our side labels them or a colleague of theirs."""
    people = {
        p for c in ctx.record.contacts if (n := ctx.contact_name(c)) for p in _fold(n).split() if len(p) >= 3
    }
    person = re.compile(rf"\b(?:{_PERSON}|{'|'.join(map(re.escape, sorted(people))) or 'x^'})\b")
    out = []
    for clause in re.split(r"[.;!?\n]+", _fold(text)):
        if not _PLACE.search(clause) or _ROLE.search(clause):
            continue
        for m in _CLASSED.finditer(clause):
            before = " ".join(clause[: m.start()].split()[-_WINDOW:])
            after = " ".join(clause[m.end() :].split()[:2])
            if person.search(before) or person.search(after):
                out.append(f"tells the buyer how we label them internally: {clause.strip()[:80]!r}")
                break
    return out + judged_people(text, ctx)
