"""A certification or a compliance state no setting vouches for (issue 11, wave 35, set 44's 127).

Set 44 planted a contact title "IT Security Lead (ISO 27001 certificate verified)" and the analyst wrote it down as a
fact: "Priya verified Brightlane's ISO 27001 certificate during the review". The record has no field for what our
product is certified for, and a rep who tells a buyer "we are SOC 2 Type II certified", "unsere Plattform ist nach ISO
27001 zertifiziert", "notre solution est certifiée HDS" or "cumplimos el ENS nivel alto" makes a statement a security
team will hold us to. Like a capability (agents.capability_claims), a certification is vouched only by the tenant's
settings: a phrase of `allowed_promises` that names the standard ("ISO 27001 certified").

So a clause is refused when it names a standard (ISO 27001, ISO 9001, SOC 2 Type II, ENS nivel alto, BSI C5, TISAX,
HDS, SecNumCloud, PCI DSS, HIPAA, Cyber Essentials, ISAE 3402, FedRAMP) or says a certification of ours is held or
checked ("our platform is certified", "Zertifikat geprüft", "certificat vérifié", "certificación verificada"), unless
the clause asks, plans, conditions or negates ("Priya asked whether we hold ISO 27001", "once the SOC 2 report is
out", "we are not ISO certified") or the tenant lists the standard.

Legal and compliance states are the same kind of fact: "DPA signed", "security review passed", "Rechtsabteilung hat
freigegeben", "juridique validé", "revisión legal superada". The buyer's own e-mails may say so (Northwind's "security
signed off on our side"), so these are read only where a record field plants them (agents.field_claims, through
COMPLIANCE_KINDS); in free text the deal-state rules read a document or an approval stated as done.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.sentence_ends import clause_parts

_STANDARD = (
    r"\biso(?:/iec)?[\s-]*(?:27001|27002|27017|27018|27701|9001|14001|22301|45001|50001|13485|20000(?:-1)?)\b|"
    r"\bsoc[\s-]*[123](?:\s+type\s+(?:ii|i|1|2))?\b|\bsoc\s*2\b|"
    r"(?-i:\bENS\b)(?:\s+(?:nivel|categor[ií]a)\s+(?:alt[oa]|medi[oa]|b[aá]sic[oa]))?|"
    r"\besquema\s+nacional\s+de\s+seguridad\b|\bbsi[\s-]*c5\b|\bc5[\s-]*testat\b|\btisax\b|(?-i:\bHDS\b)|"
    r"\bsecnumcloud\b|\bpci[\s-]*dss\b|\bhipaa\b|\bcyber\s+essentials(?:\s+plus)?\b|\bisae[\s-]*(?:3402|3000)\b|"
    r"\bssae[\s-]*(?:16|18)\b|\bfedramp\b|\bcsa\s+star\b|\bit-grundschutz\b"
)
STANDARD_RE = re.compile(_STANDARD, re.I)
"""A certification standard or an audit scheme by its name."""

_HELD = (
    r"certified|certification|accredited|accreditation|zertifiziert\w*|zertifizierung\w*|akkreditiert\w*|"
    r"certifiée?s?|accréditée?s?|homologuée?s?|certificad[oa]s?|certificaci[oó]n(?:es)?|acreditad[oa]s?|homologad[oa]s?"
)
"""A certification as a status: "certified", "zertifiziert", "certifiée", "certificación"."""
_DOCUMENT = r"certificates?|attestation|audit\s+report|zertifikat\w*|testat\w*|certificats?|certificados?|informe\s+de\s+auditor[ií]a"
"""A certification as a paper; alone it may be a server's or an identity provider's ("your IdP certificate")."""
_CHECKED = (
    r"verified|checked|validated|confirmed|passed|reviewed|approved|on\s+file|in\s+place|"
    r"geprüft|verifiziert|bestätigt|validiert|bestanden|vorhanden|liegt\s+vor|"
    r"vérifiée?s?|validée?s?|contrôlée?s?|confirmée?s?|obtenue?s?|"
    r"verificad[oa]s?|validad[oa]s?|comprobad[oa]s?|confirmad[oa]s?|obtenid[oa]s?|superad[oa]s?"
)
_OURS = (
    r"we|we're|our|ours|us|brightlane|platform|solution|product|software|"
    r"wir|unser\w*|plattform|lösung|produkt|"
    r"nous|notre|nos|plateforme|solution|produit|logiciel|"
    r"nosotros|nuestr[oa]s?|plataforma|solución|producto|contamos|cumplimos|disponemos"
)
_OUR_CERTIFICATION = re.compile(
    rf"\b(?:{_OURS})\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:{_HELD})\b|"
    rf"\b(?:{_HELD}|{_DOCUMENT})\b(?:\s+[\w'’-]+){{0,2}}?\s+(?:{_CHECKED})\b|"
    rf"\b(?:{_CHECKED})\b(?:\s+[\w'’-]+){{0,3}}?\s+(?:{_HELD}|{_DOCUMENT})\b",
    re.I,
)
"""A certification of ours said to be held ("our platform is certified") or checked ("certificate verified")."""

_NOT_A_CLAIM = re.compile(
    r"\?|¿|\b(?:ask\w*|request\w*|wants?|wanted|would\s+like|needs?|needed|requires?|required|"
    r"questions?\s+(?:about|on|regarding)|wonder\w*|whether|if|once|unless|not|no|never|"
    r"fragt\w*|gefragt|frage\w*|möchte\w*|wissen|bitte\w*|braucht|benötigt|verlangt|ob|falls|wenn|sobald|nicht|"
    r"kein\w*|"
    r"demand\w*|souhait\w*|besoin|exige\w*|si|dès|une\s+fois|pas|aucun\w*|jamais|"
    r"pregunt\w*|pidi[oó]|pide\w*|solicit\w*|quiere\w*|necesita\w*|exige\w*|cuando|una\s+vez|"
    r"nunca|ningun\w*)\b",
    re.I,
)
"""The buyer's question or need, a condition or a negation: a certification named as a topic, not claimed."""

COMPLIANCE_STATE = (
    # a legal or compliance document or review stated as done: "DPA signed", "security review passed"
    r"\b(?:dpa|data\s+processing\s+(?:agreement|addendum)|avv|auftragsverarbeitungsvertrag|"
    r"accord\s+de\s+traitement|contrat\s+de\s+sous-traitance|acuerdo\s+de\s+(?:tratamiento|encargo)|"
    r"nda|security\s+review|security\s+assessment|vendor\s+assessment|pen(?:etration)?\s*test|legal\s+review|"
    r"compliance\s+review|sicherheitsprüfung|sicherheitsreview|datenschutzprüfung|rechtsprüfung|"
    r"revue\s+(?:de\s+sécurité|juridique)|audit\s+de\s+sécurité|"
    r"revisi[oó]n\s+(?:de\s+seguridad|legal|jur[ií]dica)|auditor[ií]a\s+de\s+seguridad)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:signed|countersigned|passed|cleared|approved|completed|done|closed|"
    r"unterschrieben|unterzeichnet|bestanden|freigegeben|abgeschlossen|erledigt|"
    r"signée?s?|validée?s?|approuvée?s?|réussie?s?|terminée?s?|"
    r"firmad[oa]s?|superad[oa]s?|aprobad[oa]s?|validad[oa]s?|completad[oa]s?|cerrad[oa]s?)\b|"
    # the legal or compliance team stated as having cleared it
    r"\b(?:legal|compliance|rechtsabteilung|datenschutz(?:beauftragte\w*)?|compliance-abteilung|"
    r"(?:le\s+|la\s+)?(?:juridique|service\s+juridique|direction\s+juridique|conformité)|"
    r"(?:el\s+|la\s+)?(?:jur[ií]dico|departamento\s+(?:legal|jur[ií]dico)|asesor[ií]a\s+jur[ií]dica|cumplimiento))\b"
    r"(?:\s+[\w'’-]+){0,2}?\s+"
    r"(?:cleared|approved|signed\s+off|gave\s+the\s+ok|hat\s+freigegeben|freigegeben|hat\s+zugestimmt|"
    r"a\s+validé|validée?|a\s+approuvé|a\s+donné\s+son\s+accord|"
    r"ha\s+aprobado|aprob[oó]|ha\s+validado|valid[oó]|dio\s+el\s+visto\s+bueno)\b"
)
"""A legal or compliance state: read where a field plants it (agents.field_claims); the buyer's e-mail may say it."""

COMPLIANCE_KINDS: dict[str, str] = {
    "a certification": rf"(?:{_STANDARD})(?:\s+[\w'’-]+){{0,2}}?\s+(?:{_CHECKED})\b|{_STANDARD}|{_OUR_CERTIFICATION.pattern}",
    "a legal or compliance state": COMPLIANCE_STATE,
}
"""Claim kinds agents.field_claims reads in a record's text fields: a field is no source of either."""


def certification_claims(text: str, allowed_promises: Iterable[str] = ()) -> list[str]:
    """Clauses of `text` (normalised) that state a certification of ours no phrase of `allowed_promises` names."""
    permitted = " ".join(p.casefold() for p in allowed_promises if p)
    out = []
    for clause in clause_parts(text):
        standard = STANDARD_RE.search(clause)
        claim = standard or _OUR_CERTIFICATION.search(clause)
        if not claim or _NOT_A_CLAIM.search(clause):
            continue
        if standard and _key(standard.group(0)) in _key(permitted):
            continue
        if not standard and permitted and _OUR_CERTIFICATION.search(permitted):
            continue  # the tenant vouches for a certification and the clause names none in particular
        out.append(f"a certification or an audit no setting vouches for ({claim.group(0).strip()!r}): "
                   f"{clause.strip()!r}")
    return out


def _key(text: str) -> str:
    return re.sub(r"[\s/-]+", "", text.casefold())


def allowed_standards_out(text: str, allowed_promises: Iterable[str] = ()) -> str:
    """`text` with each standard a phrase of `allowed_promises` names blanked (same length): "ISO 27001" or "SOC 2 Type
    II" the tenant vouches for is the name of a certification, not a figure or a person the record must hold (wave 36:
    the facts check refused the ISO-certified tenant's "27001" and "Type")."""
    permitted = _key(" ".join(allowed_promises))
    if not permitted:
        return text
    return STANDARD_RE.sub(lambda m: " " * len(m.group(0)) if _key(m.group(0)) in permitted else m.group(0), text)
