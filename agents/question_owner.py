"""A question put to the contact whose role does not own it, while the record names the colleague who does (issue 11,
wave 27: set 35's en-b4 asks Priya, the IT security lead, which contract term Northwind will take, when Marcus (VP
Finance) owns the budget and asked about the 2-year term; fr-b3 asks Paul, the CFO, how many seats each workshop
needs, when Claire (operations) asked for the licence count).

A question's topic is read from closed word classes in en/de/fr/es: money (budget, price, contract term, payment,
invoice, discount), security (SSO, data protection, the security review) and operations (seats, licences, users,
vehicles or sites counted, the rollout). A contact's role is read from the record's title. A question is faulted when
its topic is one role's, the recipient's title is another role's, another contact's title is that topic's role, and
the record never has the recipient raise the topic (a note or a letter of theirs with its words: "Dana hinted the
add-on is cheaper" lets Dana be asked about price). A general manager or owner may be asked about money and security
(wave 27: not the operational detail an operations contact of the record owns, "die Liste der 120 Fahrzeuge je
Standort"); a contact with
no title, or a title of no known role, is never faulted; a question that names the colleague ("could you check the
term with Marcus?") sends it to its owner.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.moments import sender_of
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.rollout_order import ORDER_OF_SITES
from agents.sentence_ends import sentence_parts
from agents.site_training import TRAINING_AT_SITES

_ROLES = {
    "finance": re.compile(
        r"\b(?:cfo|finance|financial|financ\w*|finanz\w*|controll\w*|treasur\w*|tresorer\w*|"
        r"kaufmannisch\w*|einkauf\w*|procurement|purchasing|achats?|compras|tesorer\w*)\b"
    ),
    "security": re.compile(
        r"\b(?:it|security|cio|ciso|cto|infosec|information|sicherheit\w*|datenschutz\w*|"
        r"it-\w+|securite|informatique|dsi|seguridad|sistemas|informatica|tecnolog\w*|technolog\w*)\b"
    ),
    "operations": re.compile(
        r"\b(?:operations?|ops|fleet|logistics|practice|clinic\w*|depot\w*|site|sites|betrieb\w*|"
        r"fuhrpark\w*|flotte\w*|logistik\w*|standort\w*|werk\w*|operationnel\w*|operations|"
        r"exploitation|atelier\w*|flota|operacion\w*|logistica|almacen\w*|planta)\b"
    ),
}
"""A title's role family (folded)."""

_HEAD = re.compile(
    r"\b(?:ceo|chief\s+executive|managing\s+director|geschaftsfuhr\w*|inhaber\w*|vorstand\w*|owner|"
    r"founder|president\w*|gerant\w*|directeur\s+general|directrice\s+generale|pdg|"
    r"director\s+general|directora\s+general|gerente\s+general|consejer\w*\s+delegad\w*|propietari\w*)\b"
)
"""A title that owns every question."""

_FIRST_EN = r"(?:go|goes|come|comes|start|starts|launch|enter|join|first|in\s+(?:the\s+)?(?:first|second)\s+(?:wave|phase))\b"
_FIRST_DE = r"(?:zuerst|starten|beginnen|anfangen|als\s+erste|in\s+(?:die\s+)?erste)"
_FIRST_FR = r"(?:en\s+premier|d'abord|demarrer|commencer|partir|dans\s+la\s+premiere)"
_FIRST_ES = r"(?:primero|entrar|empezar|arrancar|comenzar|en\s+la\s+primera)"
"""Going first in a rollout: "which clinics go first", "welche Standorte zuerst", "qué bases entran primero"."""

_TOPICS = {
    "finance": re.compile(
        # "before the budget review", "join the budget meeting": the buyer's event is a date, not a money question
        r"\b(?:(?<!revue\s)(?<!comite\s)(?!budget(?:runde|sitzung|planung|termin|gesprach)\b)budget\w*(?!\s+(?:review|meeting|cycle|round|committee|call|presentation|planning|season))|"
        r"pric(?:e|es|ing)|cost\s+approval|invoic\w*|payment\s+terms?|purchase\s+order|"
        r"discount\w*|(?:\d|one|two|three|multi)[- ]?year\s+(?:term|contract|deal)|(?:contract\s+)?term\s+length|"
        r"(?:1|2|3|one|two|three)[- ]year\s+or|"
        r"preis\w*|rabatt\w*|rechnung\w*|zahlungs\w*|bestellung|(?:vertrags)?laufzeit\w*|"
        r"prix|tarif\w*|remise\w*|factur\w*|paiement\w*|bon\s+de\s+commande|duree\s+(?:du\s+contrat|d'engagement)|"
        r"engagement\s+(?:sur|de)\s+(?:un|deux|trois|\d)\s+ans?|"
        r"presupuest\w*|precio\w*|descuent\w*|factura\w*|pago\w*|orden\s+de\s+compra|"
        r"duracion\s+del\s+contrato|plazo\s+del\s+contrato|contrato\s+(?:a|de)\s+(?:uno|dos|tres|\d)\s+anos?)\b"
    ),
    "security": re.compile(
        r"\b(?:sso|single\s+sign-on|security\s+(?:review|questionnaire|requirements?)|data\s+retention|encryption|"
        r"gdpr|dsgvo|rgpd|penetration\s+test\w*|pen\s*test\w*|sicherheitspruf\w*|datenschutz\w*|verschlusselung|"
        r"questionnaire\s+de\s+securite|conservation\s+des\s+donnees|chiffrement|"
        r"cuestionario\s+de\s+seguridad|proteccion\s+de\s+datos|cifrado|retencion\s+de\s+datos)\b"
    ),
    "operations": re.compile(
        r"\b(?:how\s+many\s+(?:seats|licen[cs]es|users|trucks|vehicles|drivers|clinics|sites|depots|staff|people)|"
        r"(?:seats|licen[cs]es|users)\s+(?:per|for\s+each|at\s+each|in\s+each)|rollout\s+order|which\s+(?:clinics|"
        r"depots|sites)\s+(?:go|first)|"
        r"wie\s+viele\s+(?:lizenzen|nutzer\w*|fahrzeuge|fahrer\w*|standorte|arbeitsplatze|platze|mitarbeit\w*)|"
        r"(?:lizenzen|nutzer|arbeitsplatze)\s+(?:pro|je)\b|"
        r"combien\s+d(?:e\s+|')(?:postes|licences|utilisateurs|vehicules|camions|ateliers|sites|collaborateurs|personnes)|"
        r"(?:postes|licences|utilisateurs)\s+(?:par|pour\s+chaque|dans\s+chaque)|combien\s+(?:de\s+)?postes?\s+compte|"
        r"cuant[oa]s\s+(?:licencias|usuarios|puestos|camiones|vehiculos|conductores|sedes|almacenes|personas)|"
        r"(?:licencias|usuarios|puestos)\s+(?:por|para\s+cada|en\s+cada)|"
        # wave 30 (set 39's fr-b5, "le nombre de licences dont chaque atelier a besoin"): the count as a noun
        r"(?:the\s+)?number\s+of\s+(?:seats|licen[cs]es|users|drivers)|"
        r"(?:die\s+)?(?:anzahl|zahl)\s+(?:der\s+)?(?:lizenzen|nutzer\w*|arbeitsplatze|fahrer\w*)|"
        r"(?:le\s+)?nombre\s+(?:de\s+|d')(?:postes|licences|utilisateurs|chauffeurs)|"
        r"(?:el\s+)?numero\s+de\s+(?:licencias|usuarios|puestos|conductores)|"
        # wave 27 (set 36's de-b8, es-b8): which sites go into a phase, a list of the fleet by site
        rf"which\s+(?:clinics|depots|sites|locations|routes|bases|branches)\s+(?:\w+\s+){{0,3}}?{_FIRST_EN}|"
        r"lists?\s+of\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?:vehicles|trucks|drivers|users|sites|depots)|"
        r"(?:vehicles|trucks|drivers)\s+(?:per|by|for\s+each|at\s+each)\s+(?:site|depot|location|clinic)|"
        rf"welche[nrs]?\s+(?:standorte|depots|niederlassungen|filialen|routen|werke|touren)\s+(?:\w+\s+){{0,3}}?{_FIRST_DE}|"
        r"liste\s+(?:der|aller|ihrer)\s+(?:\d+\s+)?(?:fahrzeuge|fahrer\w*|nutzer\w*|standorte)|"
        r"(?:fahrzeuge|fahrer\w*|lkw)\s+(?:pro|je)\s+(?:standort|depot|niederlassung)|"
        rf"quel(?:le)?s?\s+(?:ateliers|sites|depots|agences|tournees|etablissements)\s+(?:\w+\s+){{0,3}}?{_FIRST_FR}|"
        r"liste\s+des\s+(?:\d+\s+)?(?:vehicules|camions|chauffeurs|utilisateurs|ateliers|sites)|"
        rf"(?:que|cuales)\s+(?:bases|sedes|almacenes|rutas|centros|delegaciones|talleres)\s+(?:\w+\s+){{0,3}}?{_FIRST_ES}|"
        r"lista\s+de\s+(?:los\s+|las\s+)?(?:\d+\s+)?(?:camiones|vehiculos|conductores|usuarios|bases|sedes)|"
        # wave 28 (set 37's es-b8): the order the sites go in ("en qué orden implantamos las bases")
        + ORDER_OF_SITES.pattern
        + "|"  # wave 29 (set 38's fr-b7): organising the teams' training at the sites
        + TRAINING_AT_SITES.pattern
        + r")\b"
    ),
}
"""A question's topic family (folded): what a role owns."""
_RAISED = {
    "finance": re.compile(
        r"\b(?:cheap\w*|expensive|billig\w*|teuer\w*|gunstig\w*|moins\s+cher|trop\s+cher|"
        r"barat\w*|car[oa]s?)\b"
    )
}
"""More words by which the record has a contact raise a topic ("Dana hinted the add-on is cheaper": price)."""

_ASKING = re.compile(
    r"\?|\b(?:please\s+(?:confirm|let\s+me\s+know|tell|send)|let\s+me\s+know|"
    r"bitte\s+(?:bestatigen|teilen|sagen|geben)|merci\s+de\s+(?:me\s+|m')?(?:confirmer|dire|indiquer)|"
    r"(?:le\s+)?ruego\s+(?:me\s+)?(?:confirme|indique))\b"
)


def _role(title: str | None) -> str | None:
    folded = _fold(title or "")
    if not folded:
        return None
    if _HEAD.search(folded):
        return "head"
    found = [name for name, pattern in _ROLES.items() if pattern.search(folded)]
    return found[0] if len(found) == 1 else None


_LOGGED = frozenset({"call", "meeting", "note", "task"})
"""Activities a rep logs about a conversation, whatever their direction."""


def _raised_by(contact_id: str, names: list[str], ctx: Context) -> tuple[str, str]:
    """The record's sentences in which the contact speaks or is said to speak, as (their own letters and the notes
    naming them, our logged outbound calls and meetings naming them)."""
    parts: list[str] = []
    logged: list[str] = []
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        text = _fold(a.get("text") or "")
        if a.get("direction") == "inbound" and sender_of(ctx, a) == contact_id:
            parts.append(text)
        # our logged calls and meetings are notes of a conversation ("Call with Anna: she asked about SSO"), and
        # HubSpot logs the calls we placed as outbound; only our own letters say nothing of what the contact raised
        elif names and (a.get("direction") != "outbound" or a.get("type") in _LOGGED):
            named = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b")
            sentences = [s for s in map(_fold, sentence_parts(normalise(a.get("text") or ""))) if named.search(s)]
            (parts if a.get("direction") != "outbound" else logged).extend(sentences)
    return "\n".join(parts), "\n".join(logged)


def _same_question(asked: str, pattern: re.Pattern[str], logged: str) -> bool:
    """Whether a logged call has the contact raise the question's own topic, not only its family: it shares a word
    of four letters or more with it ("SSO" / "SSO", "rollout order" / "in which order"; not "rollout order" / "how many
    users per clinic")."""
    words = {w for w in re.findall(r"[^\W\d_]{3,}", asked) if len(w) >= 4 or w == "sso"}
    return any(words & set(re.findall(r"[^\W\d_]{3,}", m.group(0))) for m in pattern.finditer(logged))


def questions_for_someone_else(body: str, contact_id: str | None, ctx: Context) -> list[str]:
    """Questions the recipient's role does not own, whose owner the record names in another contact."""
    recipient = next((c for c in ctx.record.contacts if c.id == contact_id), None)
    if recipient is None or (mine := _role(recipient.title)) is None:
        return []
    # a note may name the contact by first or last name ("Anna asked", "Herr Weber fragte")
    names = [_fold(n) for n in (ctx.contact_name(recipient) or "").split() if len(n) >= 3]
    raised, logged = _raised_by(recipient.id, names, ctx)
    owners: dict[str, list[str]] = {}
    for c in ctx.record.contacts:
        if c.id != recipient.id and (role := _role(c.title)) and (name := ctx.contact_name(c)):
            owners.setdefault(role, []).append(name)
    out: list[str] = []
    for sentence in sentence_parts(normalise(body)):
        folded = _fold(sentence)
        # a question that is also the recipient's own ("does the budget cover the depots that go first?") is theirs
        if not _ASKING.search(folded) or (mine in _TOPICS and _TOPICS[mine].search(folded)):
            continue
        for topic, pattern in _TOPICS.items():
            m = pattern.search(folded)
            if (
                not m
                or topic == mine
                # a general manager decides money and approves, but the fleet's detail (which sites first, the list of
                # vehicles by site) is the operations lead's when the record names one (wave 27, set 36's de-b8)
                or (mine == "head" and topic != "operations")
                or topic not in owners
                or pattern.search(raised)
                or _same_question(m.group(0), pattern, logged)
                or (topic in _RAISED and _RAISED[topic].search(raised))
            ):
                continue
            # "could you check the term with Marcus?": the question goes on to its owner
            if any(
                re.search(rf"\b{re.escape(_fold(part))}\b", folded)
                for n in owners[topic]
                for part in n.split()
                if len(part) >= 3
            ):
                continue
            out.append(
                f"asks {ctx.contact_name(recipient)} ({recipient.title}) about {m.group(0)!r}, which the record "
                f"gives {', '.join(owners[topic])}: {sentence.strip()[:80]!r}"
            )
            break
    return out[:2]
