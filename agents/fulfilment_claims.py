"""A step that only follows a purchase, stated as done on a deal the record shows open (issue 11, wave 21; set 29's
021 "our implementation team has opened your customer account").

`agents.deal_state` reads the deal itself stated as decided ("the contract is signed"). A seller can say the same
thing by what comes after a sale: the customer account opened, onboarding started, licences provisioned, the order
placed or booked, the contract countersigned, the kick-off held, access set up. Each is a state the record's stage
decides: on an open deal none of it has happened, whoever the sentence says did it. The things are a closed class
(what a vendor sets up for a customer) and so are the completion verbs; a sentence is refused when one of the things
and a completed verb stand in one clause, unless it is a plan, a condition, a question or a negation ("once you sign,
we open your account", "could we set up the accounts next week?", "the account is not open yet").
"""

from __future__ import annotations

import re

_THING = (
    r"(?:customer |client |user |admin |company |tenant )?accounts?|workspaces?|tenants?|instances?|environments?|"
    r"onboarding|kick-?off|implementation|rollout|licen[cs]es?|seats?|logins?|access|provisioning|order|purchase order|"
    r"po|countersignature|invoices?|devices|hardware|units|welcome pack|"
    r"kundenkont\w*|kundenzugang|kundenkonto|konto|zugänge?|zugangsdaten|arbeitsbereich|mandant\w*|instanz|onboarding|"
    r"einführung|implementierung|lizenz\w*|bestellung|auftrag|kick-?off|rechnung|geräte|hardware|"
    r"comptes?(?: clients?)?|espaces?(?: clients?)?|accès|identifiants|instance|onboarding|déploiement|mise en place|"
    r"licences?|commande|bon de commande|lancement|factures?|boîtiers|matériel|"
    r"cuentas?(?: de cliente)?|espacio(?: de cliente)?|accesos?|credenciales|instancia|onboarding|implantación|"
    r"puesta en marcha|licencias?|pedido|orden de compra|alta|facturas?|equipos|dispositivos")
_DONE = (
    # en: a completed step, active perfect or passive
    r"opened|set up|created|provisioned|activated|enabled|issued|started|kicked off|launched|placed|booked|"
    r"countersigned|counter-signed|registered|configured|live|open|active|up and running|shipped|dispatched|raised|"
    r"delivered|installed|geliefert|ausgeliefert|installiert|montiert|livrée?s?|installée?s?|entregad[oa]s?|"
    r"instalad[oa]s?|"
    # de
    r"eröffnet|angelegt|eingerichtet|freigeschaltet|aktiviert|gestartet|aufgesetzt|bereitgestellt|erteilt|"
    r"gegengezeichnet|gebucht|ausgelöst|erstellt|angestoßen|angelaufen|live|ausgestellt|versandt|versendet|verschickt|"
    # fr
    r"ouverte?s?|créée?s?|activée?s?|lancée?s?|démarrée?s?|provisionnée?s?|passée?s?|contresignée?s?|configurée?s?|"
    r"enregistrée?s?|émise?s?|expédiée?s?|"
    # es
    r"abiert[oa]s?|cread[oa]s?|activad[oa]s?|dad[oa]s? de alta|iniciad[oa]s?|arrancad[oa]s?|realizad[oa]s?|"
    r"provisionad[oa]s?|contrafirmad[oa]s?|configurad[oa]s?|registrad[oa]s?|emitid[oa]s?|"
    r"despachad[oa]s?")
_AUX = (r"has|have|had|'ve|is|are|was|were|got|gets|now|already|just|hat|haben|habe|ist|sind|wurde|wurden|bereits|"
        r"schon|jetzt|ont|avons|ai|est|sont|été|déjà|désormais|ha|han|hemos|he|está|están|fue|fueron|quedó|quedaron|"
        r"ya|sido")
_CLAUSE = re.compile(r"[^.!?;:\n]+[.!?;:]?")
_COORDINATED = re.compile(r",\s*(?=(?:so|and|but|which|so that|damit|und|aber|sodass|so dass|denn|donc|et|mais|pour que|"
                          r"afin que|así que|y|pero|para que|de modo que)\b)", re.I)
"""Where a coordinated clause starts: "has opened your account, so nothing will hold up the start" is a done step
followed by a plan; the plan's "will" does not make the step a plan."""
_THING_RE = re.compile(rf"\b(?:{_THING})\b", re.I)
_DONE_RE = re.compile(rf"(?<![\w-])(?:{_DONE})\b", re.I)
_SAID_DONE = re.compile(rf"\b(?:{_AUX}|we|wir|nous|hemos|I|ich|je|j'ai)\b", re.I)
"""A subject or an auxiliary before the verb. English "a" and "'s" are left out of `_AUX` here: as an article or a
possessive they stand before every noun ("the rollout order and a two-wave go-live" read as a step done)."""
_FR_HAS = re.compile(r"\ba\s+(?:déjà\s+|bien\s+|maintenant\s+)?$", re.I)
_FR_PARTICIPLE = re.compile(r"ouverte?s?|\w+[ée]e?s?", re.I)
"""French "Paul a ouvert votre compte": the third person's auxiliary is "a", which `_SAID_DONE` cannot hold (the
English article); it counts only right before a French participle."""
_NEAR = 5
"""Words at most between the thing and the completed verb: "opened your customer account", "die Lizenzen für Ihre 120
Fahrzeuge schon freigeschaltet"; "we booked a call to go through the rollout" is about a call, not the rollout."""
_NOT_DONE = re.compile(
    r"\?|\b(?:if|once|when|whenever|as soon as|after|before|until|unless|will|'ll|would|could|can|shall|should|may|"
    r"might|going to|plan|planned|ready to|not|no|never|yet|wenn|sobald|falls|nachdem|bevor|werden|wird|würde|"
    r"könnte|können|kann|soll|sollen|möchte|nicht|kein\w*|noch nicht|si|dès que|une fois|quand|lorsque|après|avant|"
    r"sera|seront|serait|pourr\w+|peut|pouvons|allons|va|vont|pas|jamais|cuando|en cuanto|una vez|después|antes|"
    r"será|serán|sería|podr\w+|puede|podemos|vamos|van|todavía|aún|nunca)\b", re.I)
_NOT_OURS = re.compile(r"\b(?:opening hours|account manager|account executive|account team|accountmanager|"
                       r"gérant de compte|chargée? de compte|gestor de cuenta|ejecutiv[oa] de cuenta|order of|"
                       r"in order to|pour l'ordre|access to the (?:proposal|deck|recording|document)\w*)\b", re.I)


def fulfilment_claims(text: str, stage_kind: str) -> list[str]:
    """Post-sale steps (`text` normalised) stated as done while the record's deal is not won."""
    if stage_kind == "won":
        return []
    out: list[str] = []
    for clause in (c for sentence in _CLAUSE.findall(text) for c in _COORDINATED.split(sentence)):
        if not _THING_RE.search(clause) or _NOT_DONE.search(clause):
            continue
        c = _NOT_OURS.sub(" ", clause)
        things = [(m.start(), m.end()) for m in _THING_RE.finditer(c)]
        if any((_SAID_DONE.search(c, 0, d.start()) or (_FR_HAS.search(c, 0, d.start())
                                                          and _FR_PARTICIPLE.fullmatch(d.group(0)))) and any(_words_between(c, d.span(), t) <= _NEAR for t in things)
               for d in _DONE_RE.finditer(c)):
            out.append(f"a step after a purchase stated as done on an open deal: {clause.strip()!r}")
    return out


def _words_between(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
    return len(text[lo:hi].split()) if hi >= lo else 0
