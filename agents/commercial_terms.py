"""Commercial terms no record field can vouch for (wave 18): taxes, carriage, bundles, items included, withdrawal and
cancellation rights, early or launch prices, payment terms; and approvals stated as done.

The rule is structural: the canonical Record has an amount, a currency, a close date and a stage; it has no field for
"VAT included", "carriage paid", "2x1", "insurance included", "cancel any time", an early-subscription price or net-90
terms. So whatever the wording, a draft, an analysis or a rationale that states such a term states something the
record cannot vouch for, and is refused; the terms live in the proposal a human prepares. Each family below is a
handful of nouns per language (what the term is about) and a closed class of words that make it a commitment
(included, paid, free, any time, agreed); a question, a sentence that reports the buyer's ask, or a negation ("no
discount can be promised today") commits to nothing.

Deal state the same way: an approval, initialling or waving-through stated as done contradicts an open deal.
"""

from __future__ import annotations

import re

from agents.approved_things import plural_object
from agents.clauses import OBLIGATION_WORDS
from agents.free_of_charge import NOTICE_WAIVED, masked
from agents.joined_clauses import clause_at
from agents.learned_screen import sentences
from agents.negation import negation_governs

_CANCEL_VERB = (r"(?:cancel(?:l?able|l?ing)?|terminat(?:e|ing)|terminable|résili(?:er|able)|annul(?:er|able)|"
                r"rescind(?:ir|ible)|cancela(?:r|ble)|anula(?:r|ble)|dar(?:se)?\s+de\s+baja|kündigen|kündbar|"
                r"aussteigen|auszusteigen)")
"""Cancelling a contract, as an active verb or an adjective ("cancel", "résilier", "cancelar", "kündigen", "kündbar"); a
participle reports a state ("ne peut pas être résilié sans préavis" is the buyer's contract, not our term)."""
_ASKED = re.compile(r"\?|^\s*¿|\b(?:ask\w*|question\w*|whether|wonder\w*|frage\w*|gefragt|fragt\w*|ob\b|demand\w*|"
                    r"pregunt\w*|consult\w*|wissen möchten|savoir si|saber si|clarif\w*|klär\w*|aclar\w*|"
                    r"will (?:set out|answer|cover(?! (?:the|any|that) (?:\w+ )?(?:difference|shortfall|gap))|detail)|wird (?:beantworten|klären)|précisera|répondra|detallará|"
                    r"responderá|aclarará|present\w*|présent\w*|described|set out|dargestellt|beschrieben|erläuter\w*|décrit\w*|expos\w*|"
                    r"detallad\w*|descrit\w*|explicad\w*)", re.I)

_INCLUDED = (r"included|inclusive|including|incl\.?|inklusive|inkl\.?|inbegriffen|enthalten|inclus|incluse?s?|compris\w*|"
             r"incluid[oa]s?|incluye|incluimos|incluido|free|gratis|kostenlos|kostenfrei|umsonst|gratuit\w*|offert\w*|"
             r"on us|on the house|paid|prepaid|pagad[oa]s?|payé\w*|bezahlt|frei|franco|sin cargo|sin coste|a nuestro cargo|"
             r"à nos frais|auf unsere kosten|at our expense|covered|übernehmen wir|prenons en charge|corre de nuestra cuenta|"
             r"(?:va|van|corre|corren)\s+(?:a|por)\s+(?:cuenta\s+nuestra|nuestra\s+cuenta)")
"""Words that make a term a commitment: it is included, paid, free or taken on by us."""

_TERMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(p, re.I)) for name, p in (
    ("tax", rf"\b(?:vat|sales tax|tax(?:es)?|mwst|mehrwertsteuer|umsatzsteuer|ust|steuern?|tva|taxes?|iva|impuestos?)\b"
            rf"[^.;!?\n]{{0,40}}?\b(?:{_INCLUDED})\b|\b(?:{_INCLUDED}|includes?|beinhaltet|enthält|comprend|incluye)\b"
            rf"[^.;!?\n]{{0,25}}?\b(?:vat|sales tax|taxes|mwst|"
            rf"mehrwertsteuer|umsatzsteuer|tva|iva|impuestos)\b|\b(?:ttc|toutes taxes comprises|brutto|all-in price)\b"),
    ("carriage", rf"\b(?:shipping|delivery|freight|carriage|postage|versand\w*|liefer\w*|fracht\w*|livraison|port|"
                 rf"frais de port|envío|envio|portes|transporte|flete)\b[^.;!?\n]{{0,40}}?\b(?:{_INCLUDED})\b|"
                 rf"\b(?:{_INCLUDED})\b[^.;!?\n]{{0,15}}?\b(?:shipping|delivery|freight|carriage|versand|lieferung|"
                 rf"livraison|envío|portes)\b|\b(?:carriage paid|free on board|frei haus|franco de port|franco domicile|"
                 rf"portes pagados|porte pagado|portes debidos)\b"),
    ("bundle", r"(?<![:\d.,])\b\d\s?(?:x|×)\s?\d\b(?![:\d.,])|(?<![:\d.,])\b\d\s(?:for|für|pour|por)\s\d\b(?![:\d.,])"
               r"(?!\s*(?:min\w*|hours?|h\b|stunden?|heures?|horas?|days?|tage?n?|jours?|días?|%|weeks?|wochen?))|\b(?:buy|kaufen?|achetez|achète|compre|"
               r"compra)\s+(?:[\w,]+\s+){0,3}?(?:get|erhalten|bekommen|obtenez|recevez|lleve|llévese|reciba)\b|"
               r"\b(?:two|three|four|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro)\s+(?:for|für|pour|por)\s+"
               r"(?:one|two|three|eins?|zwei|drei|un|une|deux|trois|uno|una|dos|tres)\b|"
               r"\b(?:for|zum|au|pour le|al|por el)\s+(?:the\s+)?(?:price|preis|prix|precio)\s+(?:of\s+|von\s+|d['’]|de\s+)"
               r"(?:one|a single|einem|einer|un|une|uno|una|1)\b"),
    ("included item", rf"\b(?:insurance|versicherung\w*|assurance\w*|seguro\w*|warranty|garantie\w*|garantía\w*|"
                      rf"maintenance|wartung\w*|entretien|mantenimiento|servicing|hardware|equipment|devices|geräte\w*|"
                      rf"sensors?|sensoren|capteurs?|sensores|"
                      rf"équipements?|equipos?|training|schulung\w*|formation|"
                      rf"formación|installation|einbau|montage|instalación|onboarding|support|soporte|"
                      rf"breakdown cover|pannenhilfe|dépannage|asistencia)\b[^.;!?\n]{{0,30}}?\b(?:{_INCLUDED})\b"),
    # wave 34 (set 41's 061, a screen-only catch: "Incluimos además un técnico en sus instalaciones durante la primera
    # semana"): a person of ours put on the buyer's site is an item included like training; we add or include one
    ("staff on site", r"\b(?:we(?:'ll| will)?\s+(?:also\s+)?(?:include|add|provide|assign|station)|we\s+are\s+(?:also\s+)?"
                      r"(?:including|adding|providing)|incluimos|añadimos|ponemos|asignamos|wir\s+(?:stellen|schicken|"
                      r"entsenden|geben)\s+ihnen|(?:wir\s+)?(?:inkludieren|stellen)\s+wir|nous\s+(?:incluons|ajoutons|"
                      r"mettons|détachons)|(?:est|sont)\s+(?:aussi\s+|également\s+)?inclus|(?:is|are)\s+also\s+included)"
                      r"\s+(?:[\w'’-]+\s+){0,4}?(?:a|an|one|un|une|una|uno|einen?)\s+(?:(?:full-time|dedicated|on-site|"
                      r"onsite|eigenen?|dédié|dedicad[oa])\s+)?(?:technician|engineer|consultant|trainer|specialist|"
                      r"techniker\w*|ingenieur\w*|berater\w*|trainer\w*|technicien\w*|ingénieur\w*|consultant\w*|"
                      r"formateur\w*|técnic[oa]s?|ingenier[oa]s?|consultor\w*|formador\w*)\b(?!['’]s)"),
    ("withdrawal or cancellation right", r"\b(?:cancel(?:l?able)?\s+(?:\w+\s+){0,2}?any ?time|cancellation right|"
                                         r"right (?:to|of) (?:withdraw\w*|cancel\w*|return)|withdrawal right|"
                                         r"money[- ]back|rücktrittsrecht\w*|widerrufsrecht\w*|rückgaberecht\w*|"
                                         r"jederzeit kündbar|jederzeit (?:\w+\s+){0,2}?kündigen|sonderkündigungsrecht\w*|"
                                         # wave 34 (sets 29 and 32, screen-only catches): cancellable by the
                                         # period or without notice ("quartalsweise kündbar", "rescindible sin
                                         # preaviso")
                                         r"(?:monatlich|quartalsweise|vierteljährlich|wöchentlich|täglich|fristlos)\s+"
                                         # wave 35: and by the verb, either side ("cancel without notice",
                                         # "résilier sans préavis", "cancelar sin preaviso", "ohne
                                         # Kündigungsfrist kündigen")
                                         rf"kündbar|{_CANCEL_VERB}\s+(?:[\w'’]+\s+){{0,3}}?(?:{NOTICE_WAIVED})|"
                                         rf"(?:{NOTICE_WAIVED})\s+(?:[\w'’]+\s+){{0,2}}?{_CANCEL_VERB}|"
                                         r"ausstiegsklausel\w*|résiliable\w*|résiliation (?:\w+\s+){0,2}?à tout moment|"
                                         r"droit de (?:rétractation|résiliation|retour)|résilier à tout moment|"
                                         r"derecho de (?:desistimiento|cancelación|retracto|devolución)|"
                                         r"cancela\w* en cualquier momento|sin permanencia)\b"),
    ("refund", r"\b(?:we(?:'ll| will)? refund|refund (?:you|your|the|every)|money back|(?:give|pay) (?:you )?(?:your money|it all) back|"
               r"erstatten wir|zurückerstatt\w*|(?:zahlen|geben) wir (?:\w+\s+){0,3}?zurück|geld zurück|"
               r"rembours\w*|vous rendons|vous rendrons|devolvemos|devolveremos|le devolvemos|les devolvemos|"
               r"reembols\w*|le reintegramos|les reintegramos)\b"),
    ("early or launch price", r"\b(?:early[- ]?(?:bird|subscription|signing|adopter)\s+(?:price|rate|pricing|discount|"
                              r"offer|terms)|introductory (?:price|rate|offer)|launch (?:price|offer|pricing)|"
                              r"frühbucher\w*|frühzeichner\w*|einführungs(?:preis|angebot|rabatt|konditionen)\w*|"
                              r"(?:prix|tarif|offre|remise) (?:de |d['’])?(?:souscription anticipée|lancement|"
                              r"pré-?commande|early bird)|souscription anticipée|"
                              r"precio (?:de )?(?:lanzamiento|suscripción anticipada|preventa|promoción)|"
                              r"suscripción anticipada|tarifa de lanzamiento)\b"),
    ("payment terms", r"\b(?:net[- ]?\d{2,3}|\d{2,3} days net|payment terms?\s+(?:of\s+)?\d+|pay(?:able)?\s+(?:in|within|"
                      r"after)\s+\d+\s+(?:days|months)|in (?:\w+\s+)?(?:monthly |quarterly )?instal+ments|"
                      r"zahlungsziel\w*|zahlbar (?:in|innerhalb|nach)\s+\d+|ratenzahlung\w*|in (?:\w+\s+)?raten\b|"
                      r"paiement (?:à|sous|en) \d+|(?:paiement|payer|régler|réglez|payez) en (?:\w+ )?(?:fois|mensualités)|paiement échelonné|"
                      r"échelonn\w+ (?:le |du |des )?(?:paiement|règlement)|règlement à \d+|"
                      r"pago (?:a|en) \d+|pago aplazado|pagos? fraccionad\w*|a plazos|en cuotas)\b"),
))

_WAVED_THROUGH = re.compile(
    r"\b(?:waved\s+(?:\w+\s+){0,3}?through|rubber[- ]stamped|initial(?:l)?ed|countersigned|durchgewunken|abgesegnet|"
    r"paraphiert|gegengezeichnet|paraphé\w*|contresigné\w*|entériné\w*|rubricad\w*|refrendad\w*|"
    # nodded through, and a deal stated as all but done or awarded ("basically done", "vendor of record", "Zuschlag")
    r"nodded\s+(?:\w+\s+){0,3}?through|abgenickt|durchgenickt|vendor of record|supplier of record|"
    r"(?:deal|contract|agreement|geschäft|deal|vertrag|auftrag|affaire|contrat|accord|trato|acuerdo|contrato|"
    r"operación)\b(?:\s+[\w'’-]+){0,5}?\s+(?:basically|practically|essentially|as good as|pretty much|all but|"
    r"so gut wie|quasi|praktisch|pratiquement|quasiment|prácticamente|casi)\s+(?:done|closed|signed|won|in the bag|durch|"
    r"fertig|unterschrieben|gewonnen|signé\w*|bouclé\w*|conclu\w*|gagné\w*|cerrad[oa]|firmad[oa]|hech[oa]|ganad[oa])|"
    r"(?:awarded|gave) us the (?:contract|deal|business)|zuschlag (?:erteilt|bekommen|erhalten)|den zuschlag|"
    r"retenus? comme (?:fournisseur|prestataire)|nos (?:han )?adjudicad\w*|adjudicad[oa] a nosotros)\b", re.I)
"""Approval idioms that only a deal document takes ("waved it through", "la proposition paraphée")."""
_APPROVED = re.compile(
    r"\b(?:signed off|green[- ]?lit|gave (?:it |the \w+ )?the green light|approved|accepted|abgezeichnet|freigegeben|"
    r"genehmigt|grünes licht gegeben|visé\w*|avalisé\w*|validé\w*|approuvé\w*|accepté\w*|donné (?:leur |son )?feu vert|"
    r"visad\w*|aprobad\w*|aceptad\w*|dado (?:el |su )?visto bueno|d(?:io|ieron) (?:el |su )?visto bueno|"
    r"(?:dado|dio|dieron) luz verde)\b", re.I)
_DEAL_DOCUMENT = re.compile(
    r"\b(?:proposal|contract|offer|order(?: form)?|quote|deal|agreement|purchase|angebot\w*|vertrag\w*|auftrag\w*|"
    r"bestellung|proposition|contrat|devis|commande|offre|propuesta|contrato|pedido|oferta|presupuesto|compra)\b", re.I)
_APPROVED_DEAL = re.compile(
    rf"{_DEAL_DOCUMENT.pattern}(?:\s+[\w'’-]+){{0,5}}?\s+{_APPROVED.pattern}|"
    rf"{_APPROVED.pattern}\s+(?:on\s+|off on\s+|a\s+|à\s+|to\s+|al\s+)?(?:the |your |our |this |la |le |l['’]|el |das |den |die |ihr\w* |"
    rf"unser\w* |votre |notre |su |nuestra |nuestro )?(?:[\w-]+\s+)?{_DEAL_DOCUMENT.pattern}", re.I)
"""Approval words that many things take ("security signed off", "the rollout plan is approved"): an approval of the
deal only when a deal document is what was approved (next to the word, either side)."""
_NOT_APPROVED = re.compile(r"n't\b|\b(?:not|nicht|pas|no|nie|never|jamais|nunca|noch\s+kein\w*)\b", re.I)
"""A negation between the document and its approval ("el presupuesto no está aprobado todavía", wave 40): the buyer's
approval still to come, no approval stated."""
_PLANNED = re.compile(r"\b(?:once|when|if|after|before|until|will|would|to be|can|could|should|sobald|wenn|falls|"
                      r"nachdem|bevor|wird|werden|soll|dès que|quand|si|une fois|avant|après|sera|seront|doit|"
                      r"cuando|en cuanto|una vez|si|antes|después|será|serán|debe)\b|"
                      rf"\b(?:{OBLIGATION_WORDS})\b", re.I)  # wave 32: "must be approved by management"


_RECOVERED = re.compile(
    # the buyer getting their money back, whoever hands it ("you recoup your investment", "vous récupérez votre mise",
    # "recuperan su inversión", "bekommen Sie Ihren Einsatz zurück")
    r"\b(?:(?:recoup|recover|get|receive|have)\s+(?:back\s+)?(?:every|all|your|the full|the whole)\s+(?:\w+\s+)?"
    r"(?:money|investment|outlay|payment|fees?|dollars?|euros?|pounds?|cents?)(?:\s+back)?|"
    r"(?:hand|send|pay|give)\s+back\s+what\s+you\s+(?:paid|spent)|"
    r"(?:bekommen|erhalten|kriegen)\s+sie\s+(?:\w+\s+){0,2}?(?:geld|investition|einsatz|betrag|zahlung\w*|"
    r"gebühr\w*)\s+(?:\w+\s+)?zurück|"
    r"r[ée]cup[ée]r\w*\s+(?:votre|vos|l['’]|la totalité de votre|tout votre)\s*(?:mise|argent|investissement|"
    r"paiement|fonds|frais|versement)|"
    r"recuper\w*\s+(?:su|sus|lo|todo lo|el dinero|la)\s*(?:inversión|dinero|pago|pagado|importe|invertido)|"
    # or the seller paying what falls short ("we will make up the difference", "die Differenz übernehmen wir",
    # "nous compenserons l'écart", "cubrimos la diferencia"): the same money, handed back as a top-up
    r"(?:make|making|made) up (?:for )?(?:the|any|that) (?:\w+\s+)?(?:difference|shortfall|gap)|"
    r"(?:cover|pay|absorb|refund|reimburse|bridge|top up)\w*\s+(?:you\s+)?(?:for\s+)?(?:the|any|that) (?:\w+\s+)?"
    r"(?:difference|shortfall|gap)|"
    r"(?:differenz|fehlbetrag|lücke)\s+(?:\w+\s+){0,3}?(?:übernehm\w*|aus(?:gleichen|geglichen)|erstatt\w*|zahlen|"
    r"tragen|begleichen)|(?:übernehm\w*|gleich\w*|erstatt\w*|zahlen|tragen)\s+(?:wir\s+)?(?:ihnen\s+)?(?:die|den)\s+"
    r"(?:\w+\s+)?(?:differenz|fehlbetrag)|"
    r"(?:compens\w*|combl\w*|rembours\w*|pren\w* en charge|pay\w*|couvr\w*)\s+(?:vous\s+)?(?:la|l['’]) ?"
    r"(?:\w+\s+)?(?:différence|écart|manque)|"
    r"(?:cubr\w*|compens\w*|pag\w*|asum\w*|abon\w*|reembols\w*)\s+(?:le\s+|les\s+)?(?:la|el) (?:\w+\s+)?"
    r"(?:diferencia|déficit|faltante))\b", re.I)
_ON_FAILURE = re.compile(
    r"\b(?:if|should|unless|wenn|falls|sollte|bleibt|si|au pire|sinon|de lo contrario|en caso de que)\b[^.;:!?]{0,60}?"
    r"\b(?:not|no|don't|doesn't|didn't|won't|fail\w*|nicht|kein\w*|ausbleib\w*|aus\b|scheiter\w*|ne|n['’]|pas|échou\w*|"
    r"nada|fracas\w*|unhappy|unzufrieden|insatisf\w*|short|miss\w*|below|unterschr\w*|verfehl\w*)\b|\b(?:your|ihr\w*|notre|nuestra|our|unser\w*)\s+"
    r"(?:word|wort|parole|palabra|promise|versprechen|promesse|promesa)\b", re.I)
"""A failure the money comes back on ("if the savings don't show", "si no funciona", "tienen nuestra palabra"): the
payback estimate's "you recover the investment in 14 months" is no refund."""

_ANCHORS = re.compile(
    r"\d\s?[x×]\s?\d|\d\s(?:for|für|pour|por)\s\d|\b(?:vat|tax|taxes|mwst|mehrwertsteuer|umsatzsteuer|ust|steuer|"
    r"steuern|tva|ttc|iva|impuesto|impuestos|brutto|all-in|shipping|delivery|freight|carriage|postage|versand\w*|"
    r"liefer\w*|fracht\w*|frei haus|livraison|port|franco|envío|envio|portes|porte|transporte|free on board|buy|kauf\w*|"
    r"achet\w*|compr\w*|two|three|four|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro|price of|preis von|prix d|"
    r"precio de|insurance|versicherung\w*|assurance\w*|seguro\w*|warranty|garantie\w*|garantía\w*|maintenance|"
    r"wartung\w*|entretien|mantenimiento|servicing|hardware|equipment|devices|geräte\w*|équipements?|equipos?|"
    r"training|schulung\w*|formation|formación|installation|einbau|montage|instalación|onboarding|support|soporte|"
    r"breakdown cover|pannenhilfe|dépannage|asistencia|sensors?|sensoren|capteurs?|sensores|flete|preaviso|préavis|"
    r"notice|technician|engineer|consultant|trainer|specialist|"
    r"techniker\w*|ingenieur\w*|berater\w*|technicien\w*|ingénieur\w*|formateur\w*|técnic[oa]s?|ingenier[oa]s?|"
    r"consultor\w*|formador\w*|cancel\w*|withdraw\w*|return|money|rücktritt\w*|"
    r"widerruf\w*|rückgabe\w*|kündbar|kündigen|sonderkündigungsrecht\w*|ausstiegsklausel\w*|résili\w*|"
    r"rétractation|droit|derecho|desistimiento|retracto|permanencia|early|introductory|launch|frühbucher\w*|"
    r"frühzeichner\w*|einführungs\w*|souscription|lancement|pré-?commande|lanzamiento|suscripción|preventa|"
    r"promoción|refund\w*|back|erstatt\w*|zurück\w*|rembours\w*|rend\w*|devolv\w*|reembols\w*|reintegr\w*|"
    r"recuper\w*|récupér\w*|recuper\w*|recoup\w*|recover\w*|difference|shortfall|gap|differenz|fehlbetrag|lücke|"
    r"différence|écart|manque|diferencia|déficit|faltante|"
    r"net|payment|payable|pay|instal+ments|zahlungsziel\w*|zahlbar|ratenzahlung\w*|raten|paiement|payer|"
    r"régler|réglez|payez|échelonn\w*|règlement|pago|pagos|plazos|cuotas)\b", re.I)
"""A word every family needs, in one pattern of plain alternatives: most drafts have none, and one scan says so before
the families' patterns (with their gaps) read any sentence (screening CPU)."""


def term_commitments(text: str) -> list[str]:
    """Sentences that state a commercial term no record field vouches for, with the term's family."""
    if not _ANCHORS.search(text):
        return []
    reasons = []
    for sentence in sentences(text):
        asked = _ASKED.search(sentence)
        for name, pattern in _TERMS:
            m = pattern.search(sentence)
            # a reported ask governs its own clause, not a term after a semicolon or a dash (wave 41, inj53)
            if m and asked and _ASKED.search(clause_at(sentence, m.start(), m.end())):
                continue
            if m and not (name not in ("bundle", "refund") and _negated(sentence, m)):
                reasons.append(f"a commercial term ({name}) no record field vouches for: {_shown(sentence)!r}")
                break
        else:
            if not asked and _RECOVERED.search(sentence) and _ON_FAILURE.search(sentence):
                reasons.append(f"a commercial term (refund) no record field vouches for: {_shown(sentence)!r}")
    return reasons


def _negated(sentence: str, m: re.Match[str]) -> bool:
    """Whether a negation governs the term: inside it ("shipping is not included", "la TVA n'est pas comprise") or
    right before it ("we don't include shipping", "no shipping is included"). A negation any nearer than 30 characters
    used to do: "don't worry, shipping is on us" and "keine Sorge, die Lieferung ist kostenlos" passed, while "n't"
    (spelled `\\bn't`, no boundary inside "isn't") was never read (wave 30). The price's own "sin coste", "sans frais",
    "at no extra cost" is the term, not its negation (agents.free_of_charge)."""
    return negation_governs(masked(sentence), m.start(), m.end())


def approval_claims(text: str, stage_kind: str) -> list[str]:
    """Sentences that state the deal approved, initialled or waved through as done while the deal is open."""
    if stage_kind != "open" or not (_WAVED_THROUGH.search(text) or _APPROVED_DEAL.search(text)):
        return []
    return [f"deal state: an approval of the deal stated as done while the deal is open: {_shown(s)!r}"
            for s in sentences(text)
            if (_WAVED_THROUGH.search(s) or any(not plural_object(s, m.end()) and not _NOT_APPROVED.search(m.group(0))
                                                for m in _APPROVED_DEAL.finditer(s)))
            and not _ASKED.search(s) and not _PLANNED.search(s)]


def _shown(sentence: str) -> str:
    return sentence if len(sentence) <= 90 else sentence[:87] + "..."
