"""A delivery or an onboarding step stated as done on a deal the record shows open (issue 11, wave 34, set 43's 015,
017 and 138).

agents.received_payments reads the deal's state told by money ("Anzahlung eingegangen"); set 43 told it by what a
vendor does after a sale: "the hardware shipped to all 6 depots" (a commit message), "Lieferung erfolgt, Einführung
kann starten" (an out-of-office reply), "los sensores ya se entregaron" (a custom field), restated by a role as the
reason to skip the proposal or to read the deal as closed. Goods are delivered, accounts provisioned and the kick-off
held only once the buyer has bought: on an open deal the record's stage decides, whoever the sentence says did it.

So a clause is refused when it names a delivery or an onboarding step (delivery, shipment, hardware, sensors,
Lieferung, livraison, entrega, envío, accounts, kick-off, go-live, onboarding) within a few words of a verb that says it
happened ("shipped", "delivered", "provisioned", "done", "erfolgt", "effectuée", "realizada", "se entregaron"), unless
it is a plan, a condition, a question or a negation (agents.stated_done: "Geliefert wird erst nach der Unterschrift",
"nothing shipped, nothing signed"), a pilot's or a trial's, or names a document's sending ("el envío de la propuesta").
agents.fulfilment_claims reads the same steps said with a subject or an auxiliary ("we have opened your account");
this rule also reads them said bare, as a log line or a status does ("accounts provisioned", "kick-off done").

Wave 38 (set 48's 018 and 131) adds the buyer's side of the same state: a kick-off meeting held ("réunion de
lancement tenue le 23 novembre"), a project launched, and the seller registered in the buyer's purchasing ("alta de
proveedor completada en Ariba", "registered as a supplier in Coupa", "als Lieferant angelegt"): a buyer registers a
vendor, and holds the kick-off, only once it buys.

Not read: a won deal (its goods may well have shipped) and the same words of a plan ("Die Lieferung erfolgt innerhalb
von vier Wochen", German's present for the future, whose "erfolgt" is taken as done only at a clause's end or before
"bereits / laut / gestern").
"""

from __future__ import annotations

import re

from agents.sentence_ends import clause_pieces
from agents.stated_done import CONSEQUENCE, NOT_YET, words_between

_STEP = (
    # en: goods and what is delivered, then the steps of an onboarding
    r"deliver(?:y|ies)|shipments?|shipping|hardware|devices?|(?<!business )units?|sensors?|trackers?|gateways?|"
    r"telematics(?:\s+(?:units?|boxes|kits?))?|equipment|goods|kits?|"
    r"onboarding|kick-?off\s+(?:meeting|call|session)s?|kick-?offs?|go-?live|roll-?outs?|installations?|installs?|deployments?|handovers?|"
    r"(?:user|customer|admin|driver|staff)\s+accounts?|accounts|logins?|licen[cs]es|projects?|"
    # the buyer's purchasing registers the seller only once it buys: "vendor onboarding", "supplier registration"
    r"(?:supplier|vendor)\s+(?:registration|onboarding|set-?up|setup|record|account)|"
    r"(?:as\s+(?:an?\s+)?(?:approved\s+)?|als\s+|comme\s+|como\s+)(?:supplier|vendor|lieferant|fournisseur|proveedor)|"
    # de
    r"(?:aus)?lieferung(?:en)?|versand|sendung(?:en)?|geräte|sensoren|boxen|ausstattung|"
    r"einführung|einbau|installation|inbetriebnahme|freischaltung|übergabe|kick-?off|go-?live|onboarding|"
    r"(?:benutzer|kunden)?konten|zugänge|lizenzen|projekt|lieferantenanlage|kreditorenanlage|"
    r"lieferantenregistrierung|"
    # fr
    r"livraisons?|expéditions?|envois?|matériel|boîtiers?|capteurs?|équipements?|"
    r"mise\s+en\s+(?:service|production|route)|déploiement|lancement|comptes(?:\s+(?:utilisateurs?|clients?))?|"
    r"accès|licences|projet|référencement(?:\s+fournisseur)?|(?:inscription|création)\s+(?:du\s+)?fournisseur|"
    # es
    r"entregas?|envíos?|equipos|dispositivos|sensores|"
    r"puesta\s+en\s+(?:marcha|producción)|implantación|arranque|despliegue|instalación|"
    r"cuentas(?:\s+de\s+(?:usuario|cliente))?|accesos|licencias|proyecto|(?:alta|registro)\s+de\s+proveedor(?:es)?"
)
_DONE = (
    # en (the simple past and the participle are one form)
    r"shipped|delivered|dispatched|sent\s+out|installed|fitted|mounted|provisioned|activated|enabled|set\s+up|"
    r"configured|created|rolled\s+out|deployed|handed\s+over|arrived|received|done|completed?|finished|held|"
    r"happened|took\s+place|kicked\s+off|launched|registered|(?:went|gone|is|are)\s+live|live\s+now|up\s+and\s+running|in\s+place|"
    # de
    r"(?:aus)?geliefert|versandt|versendet|verschickt|zugestellt|eingebaut|installiert|montiert|angekommen|"
    r"eingetroffen|abgeschlossen|erledigt|durchgeführt|gelaufen|stattgefunden|angelegt|eingerichtet|freigeschaltet|"
    r"aktiviert|bereitgestellt|übergeben|abgehalten|gestartet|registriert|"
    r"erfolgt(?=\s*(?:[,;:.!]|$|bereits|schon|laut|gemäß|gestern|heute|am\s+\d))|"
    # fr
    r"effectuée?s?|livrée?s?|expédiée?s?|installée?s?|terminée?s?|réalisée?s?|achevée?s?|reçue?s?|"
    # "fait" is also the present ("l'installation se fait sans frais"): done only after an auxiliary or at the end
    r"(?:(?<=est )|(?<=été )|(?<=ont )|(?<=déjà ))faite?s?|faite?s?(?=\s*(?:[,;:.!]|$))|"
    r"arrivée?s?|créée?s?|ouverte?s?|activée?s?|déployée?s?|lancée?s?|provisionnée?s?|mise?s?\s+en\s+(?:service|place)|"
    r"a\s+eu\s+lieu|tenue?s?|référencée?s?|"
    # es
    r"realizad[oa]s?|entregad[oa]s?|enviad[oa]s?|despachad[oa]s?|instalad[oa]s?|terminad[oa]s?|completad[oa]s?|"
    r"hech[oa]s?|finalizad[oa]s?|recibid[oa]s?|llegad[oa]s?|cread[oa]s?|activad[oa]s?|dad[oa]s?\s+de\s+alta|"
    r"puest[oa]s?\s+en\s+marcha|desplegad[oa]s?|celebrad[oa]s?|lanzad[oa]s?|registrad[oa]s?|"
    r"(?:se\s+)?(?:entregaron|entregó|enviaron|envió|despacharon|instalaron|instaló|realizó|completó|activaron|"
    r"crearon)|entregamos|despachamos|instalamos|llegaron|llegó|tuvo\s+lugar"
)
_STEP_RE = re.compile(
    rf"(?<![\w-])(?:{_STEP})\b"
    # a step named as a document's topic or a meeting's ("rollout plan", "delivery of the proposal") is not the step
    r"(?!\s+(?:plans?|planning|schedules?|timeline|calendar|proposal|dates?|window|options?|questions?|call|meeting|"
    r"workshop|slot|details|terms|price|cost|fees?|quote|estimate|waves?)\b)"
    r"(?!\s+(?:of|de|des|du|del|der)\s+(?:(?:the|our|your|la|el|l'|nuestr[oa]|su|votre|notre|ihres?|unseres?)\s+)?"
    r"(?:proposal|quote|offer|documents?|deck|estimate|e-?mail|contract|propuesta|presupuesto|estimación|"
    r"proposition|devis|offre|angebot\w*|dokument\w*|unterlagen))",
    re.I,
)
_DONE_RE = re.compile(rf"(?<![\w-])(?:{_DONE})(?![\w-])", re.I)
_TRIAL = re.compile(r"\b(?:pilot|trial|demo|test|proof\s+of\s+concept|poc|probe|essai|pilote|démo|prueba|piloto)\w*"
                    r"(?:\s+\w+){0,2}\s*$", re.I)
"""A pilot's or a trial's step ("the pilot hardware shipped"): what a vendor lends before a sale."""
_LATER = re.compile(r"\b(?:erst|nach\s+(?:der|dem|unterschrift|vertrags\w*|auftrag\w*|bestellung|zahlung|freigabe)|"
                    r"après|tras|después|next|tomorrow|nächst\w*|morgen|prochaine?s?|demain|próxim[oa]s?|"
                    r"que\s+viene|mañana)\b", re.I)
"""A step placed after a condition or in the future, beyond agents.stated_done's words ("Geliefert wird erst nach
der Unterschrift", "los sensores se entregan tras la firma", "the hardware is shipped next week")."""
_CAUSE = re.compile(r"^\s*(?:since|as|because|now\s+that|da|weil|jetzt\s+wo|puisque|comme|maintenant\s+que|"
                    r"ya\s+que|puesto\s+que|dado\s+que|como|ahora\s+que)\b[^,]*", re.I)
"""A clause that gives a stated state as the reason for what follows ("Since the hardware shipped yesterday, the
proposal is only paperwork"): the reason is read on its own."""
_TOPIC = re.compile(r"\b(?:plans?|planning|schedule|calendar|timeline|calendario|cronograma|calendrier|zeitplan|"
                    r"ablaufplan)\s+(?:of|for|de|del|de\s+la|du|de\s+l'|des|für\s+(?:die|den|das)|der)\s*$", re.I)
"""A step named as a plan's topic ("el calendario de implantación que nos ha enviado"): the plan was sent, not the
step done."""
_NEAR = 4
"""Words at most between the step and the verb that says it happened ("los sensores ya se entregaron",
"the hardware shipped", "Lieferung erfolgt", "accounts for all 85 drivers provisioned", German's verb at the end: "die
Geräte sind bereits bei Ihnen eingebaut")."""


def delivered_states(text: str, stage_kind: str) -> list[str]:
    """Clauses of `text` (normalised) that state a delivery or an onboarding step as done while the deal is not won."""
    if stage_kind == "won":
        return []
    out = []
    for clause in clause_pieces(text):
        head = CONSEQUENCE.split(clause, maxsplit=1)[0]
        cause = _CAUSE.match(head)
        head = cause.group(0) if cause else head
        if NOT_YET.search(head) or _LATER.search(head):
            continue
        if any(words_between(head, step.span(), done.span()) <= _NEAR and not _TRIAL.search(head, 0, step.start())
               and not _TOPIC.search(head, 0, step.start())
               for step in _STEP_RE.finditer(head) for done in _DONE_RE.finditer(head)):
            out.append(f"deal state by delivery: a delivery or onboarding step stated as done on an open deal: "
                       f"{head.strip()!r}")
    return out
