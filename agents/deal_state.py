"""A statement of the deal's or the buyer's decision state, decided by grammar and resolved against the record's stage
kind (issue 11, wave 13), rather than by the idioms agents.claims and agents.deal_closure list.

Every red team found a new way to say "won" ("die Sache ist geritzt", "c'est bouclé", "está atado", "the deal is
sealed"), and each was added as a phrase. What those sentences share is their grammar: a noun for the deal (or
"everything") as subject, a copula, and a past participle or a closing adjective as predicate — the deal stated as in a
completed state. The participle is recognised by its form in each language (English -ed and the irregular ones, German
ge-...-t/-en and the inseparable prefixes, French -é(e)(s), Spanish -ado/-ido), so a new verb is caught without being
listed. What is listed is the small, closed set the other way round: participles that describe a document without
deciding anything ("attached", "beigefügt", "prévu", "previsto"). A completed state on an open deal, or a cancellation
on an open or won deal, contradicts the record; plans, conditions, questions and negations state nothing.
"""

from __future__ import annotations

import re

from agents.clauses import future_clause_after
from agents.sentence_ends import clause_parts

_DEAL = (r"deal|bon|rfp|tender|bid|ausschreibung|appel d'offres|licitación|concurso|mandat(?: de prélèvement)?(?: sepa)?|"
         r"(?:sepa[- ])?(?:lastschrift)?mandat|mandato(?: sepa)?|(?:sepa |direct debit )?mandate|contract|agreement|order|order form|purchase order|po|paperwork|purchase|renewal|opportunity|sale|decision|"
         r"signatures?|business|vertrag|auftrag|bestellung|abschluss|kauf|geschäft|sache|ding|entscheidung|unterschrift|"
         r"vereinbarung|affaire|contrat|commande|bon de commande|accord|vente|marché|décision|dossier|trato|contrato|pedido|"
         r"orden de compra|acuerdo|negocio|venta|operación|oportunidad|decisión|firma|asunto")
_DETERMINER = (r"the|this|our|your|their|that|der|die|das|dieser|diese|dieses|unser\w*|ihr\w*|le|la|l'|ce|cette|notre|"
               r"votre|el|este|esta|nuestr[oa]|su")
_COPULA = (r"is|'s|was|has been|have been|are|were|got|gets|stays|remains|has|have|had|ist|sind|war|wurde|wurden|bleibt|"
           r"hat|est|a été|sont|était|reste|a|ont|está|están|es|fue|quedó|queda|ha quedado|ha sido|ha|han|c'est")
_PARTICIPLE = (r"[a-z]+ed|done|won|sold|bought|made|shut|struck|inked|final|official|complete|through|over|a go|in place|"
               r"(?:come|came|gone|went) through|firm|definite|"  # en
               r"\w*ge\w+(?:t|en)|(?:be|ent|er|ver|zer|über|unter|hinter|miss)\w+(?:t|en)|\w+iert|fix|durch|perfekt|fest|"
               r"definitiv|offiziell|"  # de
               r"\w+(?:é|ée|és|ées)|conclue?s?|faite?s?|acquise?s?|prise?s?|définitive?s?|officielle?s?|"  # fr
               r"\w+(?:ado|ada|ados|adas|ido|ida|idos|idas)|hech[oa]s?|resuelt[oa]s?|puest[oa]s?|en firme|definitiv[oa]s?")  # es
_ADVERB = r"(?:(?:already|now|finally|ya|bereits|schon|jetzt|nun|déjà|désormais|enfin|finalmente)\s+)?"
_DECIDED_EN = (r"(?:counter-?)?signed(?![ -]off)|committed|agreed|approved|accepted|green-?lit|okayed|ok'd|bought|"
               r"purchased|ordered|booked|decided|chosen|chose|selected|awarded|closed|ratified|rubber-?stamped|"
               r"sanctioned|authori[sz]ed|endorsed")
_DECIDED = (r"unterschrieben|unterzeichnet|gegengezeichnet|zugestimmt|zugesagt|freigegeben|bestellt|gekauft|beauftragt|"
            r"genehmigt|(?:contre)?signée?s?|acceptée?s?|validée?s?|approuvée?s?|commandée?s?|achetée?s?|choisie?s?|"
            r"décidée?s?|engagée?s?|firmad[oa]s?|aceptad[oa]s?|aprobad[oa]s?|comprad[oa]s?|elegid[oa]s?|decidid[oa]s?|"
            r"comprometid[oa]s?|contratad[oa]s?|abgesegnet|abgezeichnet|durchgewunken|entérinée?s?|ratifiée?s?|"
            r"avalisée?s?|ratificad[oa]s?|avalad[oa]s?|refrendad[oa]s?|visad[oa]s?")
"""The verbs of a buyer's decision (signing, agreeing, approving, buying, choosing), by sense: a closed class."""
_PARTY = (r"you|they|we|sie|vous|ils|usted|ustedes|ellos|(?:the\s+)?(?:customer|client|partners|board|procurement|"
          r"finance|legal|management)|"
          # a name, not a determiner: "The signed copy will be posted" names no party (wave 32)
          r"(?!(?-i:The|This|That|These|Those|A|An|Our|Your|Their|Its|Any|Every|Each|Der|Die|Das|Le|La|Les|El|Los|Las)\b)"
          r"[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?")
_DECISION_END = (r"(?=\s*(?:[.;:,!]|$|\b(?:to |for |on |zu |für |à |pour |a |para )?(?:the |your |our |this |a |den |die |das |le |la |el |su )?(?:\w+\s+)?(?:{deal})\b|"
                 r"(?:last|yesterday|today|this morning|on \w+day|gestern|heute|hier|ayer|hoy|verbally)\b|"
                 r"to (?:go ahead|proceed|buy|sign|purchase|move forward)\b))")
_NOUN_STATE = re.compile(
    rf"(?:\b(?:{_DETERMINER})\s*(?:\w+\s+)?(?:{_DEAL})|\b(?:everything|it all|alles|tout|todo))\s+{_ADVERB}"
    rf"(?:{_COPULA})\s+(?:(?!(?:not|nicht|pas|no|noch|yet|encore|todavía|aún)\b)[a-zäöüéèàç]+\s+){{0,3}}?"
    rf"(?P<state>{_PARTICIPLE})\b|"
    # the absolute construction, no copula: "with the order now locked", "mit dem Vertrag in der Tasche" is an idiom
    rf"\b(?:with|mit|avec|con)\s+(?:{_DETERMINER}|dem|den|le|el)\s*(?:\w+\s+)?(?:{_DEAL})\s+(?:now\s+|already\s+|all\s+|"
    rf"jetzt\s+|bereits\s+|déjà\s+|ya\s+)?(?P<absolute>{_PARTICIPLE})\b|"
    # a headline or a reduced clause: "Contract executed.", "Deal booked", "Oportunidad ganada", "Affaire conclue"
    rf"(?:^|(?<=[:;\-–(]\s))(?:{_DEAL})\s+(?:already\s+|now\s+|bereits\s+|déjà\s+|ya\s+)?(?P<headline>{_PARTICIPLE})\b|"
    # German word order: the participle before the verb at the end ("da der Auftrag bereits erteilt ist")
    rf"\b(?:{_DETERMINER})\s*(?:\w+\s+)?(?:{_DEAL})\s+{_ADVERB}(?:so gut wie\s+|quasi\s+)?(?P<final>{_PARTICIPLE})\s+"
    rf"(?:ist|sind|wurde|wurden|worden ist)\b|"
    # "everything" or "it" in a closing state: "wo alles freigezeichnet ist", "now that it's inked"
    rf"\balles\s+{_ADVERB}(?P<all_final>freigezeichnet|unterschrieben|unterzeichnet|gegengezeichnet|abgeschlossen|geritzt|"
    rf"besiegelt|fix|durch|genehmigt|freigegeben|abgesegnet|abgezeichnet|bestellt|gebucht|beauftragt|eingetütet)\s+"
    rf"(?:ist|wurde)\b|\bit(?:'s|’s| is| was| has been)\s+{_ADVERB}(?P<it_state>signed|countersigned|inked|sealed|closed|"
    rf"booked|official|a done deal|in the bag|a go)\b(?![ -]off)", re.I | re.M)
_PARTY_DECISION = re.compile(
    # a party's decision in the perfect or the past: "Northwind has countersigned the order", "the partners have
    # approved", "Tom signed last Tuesday", "Sie haben unterschrieben", "Paul a validé la commande", "han firmado"
    # (English may drop the auxiliary, "Tom signed"; German, French and Spanish nouns and weekdays are capitalised or
    # participles adjectives, so there the perfect's auxiliary is required)
    rf"(?-i:\b(?:{_PARTY}))\s+(?:(?:has|have|had)\s+)?(?:already\s+|now\s+|just\s+|verbally\s+|officially\s+)?"
    rf"(?P<decided>{_DECIDED_EN})\b{_DECISION_END.format(deal=_DEAL)}|"
    rf"(?-i:\b(?:{_PARTY}))\s+(?:hat|haben|a|ont|ha|han)\s+(?:(?:bereits|schon|déjà|ya|mündlich|verbal|verbalement|"
    rf"verbalmente|informell|offiziell|officiellement|oficialmente)\s+){{0,2}}"
    rf"(?:(?:{_DETERMINER}|den|dem)\s+(?:\w+\s+)?(?:{_DEAL}|angebot|offerte|proposition|devis|propuesta|oferta)\s+)?"
    rf"(?:bereits\s+|schon\s+|jetzt\s+)?"
    rf"(?P<decided_other>{_DECIDED})\b{_DECISION_END.format(deal=_DEAL)}", re.I)
_APPROVERS = (r"partners|board|directors|owners|owner|cfo|ceo|coo|finance|procurement|purchasing|legal|management|"
              r"leadership|exec(?:utive)? team|steering committee|investment committee|geschäftsführung|vorstand|"
              r"einkauf|rechtsabteilung|inhaber|aufsichtsrat|gesellschafter|direction|associés|comité de direction|"
              r"conseil|service juridique|achats|direction financière|dirección|socios|consejo|comité|"
              r"departamento legal|compras|junta|gerencia")
_SIGN_OFF = re.compile(
    # a sign-off by whoever decides the purchase is the decision itself ("the partners have signed off"); a step's
    # sign-off by security or IT is not, so the party is the closed class of approvers
    rf"\b(?:{_APPROVERS})\s+(?:(?:has|have|had)\s+)?(?:already\s+|now\s+|just\s+|formally\s+|officially\s+|finally\s+)?"
    rf"(?P<signed_off>signed[ -]off|given\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:final\s+)?(?:sign-?off|go-?ahead|"
    rf"approval|blessing|nod)|released\s+the\s+(?:po|purchase order|budget|funds))\b(?!\s+on\s+(?:the\s+)?"
    rf"(?:agenda|date|meeting|call|review))|"
    rf"\b(?:{_APPROVERS})\s+(?:hat|haben|a|ont|ha|han)\s+(?:bereits\s+|schon\s+|déjà\s+|ya\s+)?"
    rf"(?P<signed_off_other>grünes licht gegeben|(?:ihr|sein|das)\s+(?:ok|okay|go)\s+gegeben|donné\s+(?:son|leur)\s+"
    rf"(?:feu vert|aval|accord)|dado\s+(?:el\s+|su\s+)?(?:visto bueno|luz verde|aval))\b|"
    # voted through; a purchase order's number issued ("die Bestellnummer vergeben", "issued the PO number")
    rf"\b(?P<voted>voted\s+(?:it|this|the\s+\w+)\s+through|voted\s+(?:for|in favour of)\s+(?:the\s+)?(?:purchase|deal|"
    rf"contract|proposal))\b|\b(?:hat|haben|has|have|had|a|ont|ha|han)\s+(?:\w+\s+){{0,2}}?(?P<po_number>(?:die\s+)?"
    rf"bestellnummer\s+(?:vergeben|erteilt|geschickt|übermittelt|mitgeteilt)|(?:issued|sent|raised|émis|envoyé|transmis|"
    rf"emitido|enviado|generado)\s+(?:us\s+)?(?:the|a|your|le|el|su)\s+(?:po|purchase order|numéro de commande|"
    rf"número de pedido|número de orden de compra)(?:\s+number)?)\b", re.I)
_CUSTOMER = re.compile(
    # the buyer held to be a customer already: "welcome aboard", "now that you are a customer", "ravis de vous compter
    # parmi nos clients", "willkommen an Bord", "bienvenidos a bordo"
    r"(?P<customer>\b(?:aboard|an bord|à bord|a bordo)\b|\b(?:is|are|ist|sind)\s+(?:now\s+|officially\s+|jetzt\s+)?"
    r"on[- ]?board\b(?!\s+(?:with|for|to|about))|\b(?:among|parmi|unter|entre)\s+(?:our|nos|unseren|nuestros)\s+"
    r"(?:customers|clients|kunden|clientes)\b|(?:\b(?:are|is|sind|ist|êtes|est|es|son|sois)|'re|’re)\s+(?:now\s+|jetzt\s+|"
    r"désormais\s+|ya\s+|officially\s+|oficialmente\s+|officiellement\s+|offiziell\s+)?(?:a\s+|an\s+|our\s+|"
    r"one of our\s+|unser\w*\s+|notre\s+|nuestr[oa]\s+)?(?:new\s+|neue[rn]?\s+|nouveau\s+|nouvelle\s+|nuev[oa]\s+)?"
    r"(?:customers?|clients?|kunden?|kundin|clientes?|partners\s+now|partners officially)\b|"
    # "you're onboard", "great to have you as a customer", "Sie als Kunden begrüßen", "vous compter comme client",
    # "willkommen im Kundenkreis"
    r"(?:'re|’re|'s|’s)\s+(?:now\s+|officially\s+)?on-?\s?board\b(?!\s+with)|"
    r"\b(?:have|having|welcome|welcoming)\s+you\s+as\s+(?:a |an |our )?(?:new )?(?:customer|client)s?\b|"
    r"\bsie\s+als\s+(?:neue[nr]?\s+)?kund\w*\s+(?:\w+\s+)?(?:zu\s+)?(?:haben|begrüßen|gewonnen)|"
    r"\bvous\s+(?:avoir|compter|accueillir)\s+(?:comme|parmi)\s+(?:\w+\s+)?client\w*|"
    r"\b(?:tenerl[eo]s?|contar con (?:usted|ustedes)|darles? la bienvenida)\s+(?:[\w]+\s+){0,3}?como\s+(?:nuev[oa]s?\s+)?"
    r"client\w*|\b(?:willkommen|welcome|bienvenue|bienvenid\w*)\s+(?:\w+\s+)?(?:als|as|comme|como)\s+(?:(?:neue[rn]?|new|"
    r"nouveau|nouvelle|nuev[oa]s?)\s+)?(?:kund\w*|customers?|clients?|clientes?)\b|\bcompter\s+(?:désormais\s+)?parmi\s+nous\b|"
    r"\b(?:willkommen|bienvenue|bienvenid\w*|welcome)\s+(?:\w+\s+){0,2}?(?:kundenkreis|kundenstamm|kundenfamilie|clientèle|"
    r"cartera de clientes|customer base|customer family)|"
    # the buyer joined as a customer: "since you've come on board", "nous avez rejoints", "forman parte de nuestros clientes"
    r"\b(?:come|came|coming)\s+on-?\s?board\b|\b(?:have|'ve)\s+joined\s+us\b|\bnous\s+(?:avez|ont)\s+rejoint\w*|"
    r"\bse\s+han\s+unido\s+a\s+nosotros\b|\bforman?\s+parte\s+de\s+nuestr[oa]s\s+clientes\b|"
    r"\bsie\s+(?:nun|jetzt|ab sofort|inzwischen)\s+(?:unser\w*\s+)?(?:neue[rn]?\s+)?kund\w*\s+sind\b|"
    # officially on the platform: "Northwind is officially on the platform"
    r"\b(?:is|are|'re|’re|ist|sind|est|sont|está|están)\s+(?:(?:now|officially|offiziell|officiellement|oficialmente|jetzt|"
    r"désormais|ya)\s+)+(?:on|auf|sur|en)\s+(?:the|our|unserer|der|notre|la|nuestra)\s+(?:platform|plattform|plateforme|"
    r"plataforma)\b)", re.I)
_DEAL_CUES = ("deal", "contract", "agreement", "order", "paperwork", "purchase", "renewal", "opportunit", "sale",
              "decision", "signature", "business", "vertrag", "auftrag", "bestellung", "abschluss", "kauf", "geschäft",
              "sache", "ding", "entscheidung", "unterschrift", "vereinbarung", "affaire", "contrat", "commande", "accord",
              "vente", "marché", "décision", "dossier", "trato", "pedido", "acuerdo", "negocio", "venta", "operación",
              "oportunidad", "firma", "asunto", "everything", "it all", "alles", "tout", "todo", "po ", "bon ", "rfp", "tender", "ausschreibung", "appel d'offres", "licitaci", "mandat", "it's",
              "it’s", "it is", "it was", "it has")
_DECISION_CUES = ("sign", "commit", "ratif", "stamp", "sanction", "authori", "endors", "abgeseg", "abgezeich",
                  "durchgewunk", "entérin", "avalis", "avalad", "visad", "refrend", "agree", "approv", "accept", "green", "okay", "ok'd", "bought", "purchas", "order",
                  "book", "decid", "chos", "select", "award", "closed", "unterschrieb", "unterzeichn", "gezeichnet",
                  "zugestimmt", "zugesagt", "freigegeben", "bestellt", "gekauft", "beauftragt", "genehmigt", "signé",
                  "accepté", "validé", "approuvé", "commandé", "acheté", "choisi", "décidé", "engagé", "firmad",
                  "aceptad", "aprobad", "comprad", "elegid", "decidid", "comprometid", "contratad")
_CUSTOMER_CUES = ("onboard", "board", "bord", "among", "parmi", "unter", "entre", "custom", "client", "kund", "partners now", "partners officially", "joined", "parmi nous",
                   "the platform", "our platform", "der plattform", "unserer plattform", "la plateforme", "notre plateforme",
                   "la plataforma", "nuestra plataforma",
                   "rejoint", "unido")
_SIGN_OFF_CUES = ("sign", "given", "released", "gegeben", "donné", "dado", "voted", "bestellnummer", "po number",
                  "purchase order", "numéro de commande", "número de")
"""Substrings each pattern needs (lower-cased): the patterns run only on the few texts that have one."""
_DESCRIBES = frozenset("""
attached enclosed included scheduled planned expected based prepared drafted updated reviewed sent shared structured
designed priced built delayed postponed paused limited related required needed detailed outlined linked listed saved
stored organised organized tailored focused centred centered aimed intended meant estimated dated valued sized scoped
requested proposed discussed queued worded capped fixed-term renewed? described explained summarised summarized
angehängt beigefügt beigelegt geplant vorbereitet erwartet terminiert angefragt gewünscht besprochen befristet begrenzt
verschoben aktualisiert überarbeitet angepasst geprüft enthalten gesendet verschickt versandt entworfen erstellt
gedacht gemeint gedacht vorgesehen beschrieben erläutert gegliedert abgestimmt? zugeschnitten ausgelegt bestimmt
joint jointe prévu prévue prévus prévues préparé préparée envoyé envoyée attendu attendue planifié planifiée basé basée
reporté reportée limité limitée détaillé détaillée présenté présentée rédigé rédigée proposé proposée demandé demandée
destiné destinée adressé adressée daté datée structuré structurée pensé pensée
adjunto adjuntado adjuntada previsto prevista preparado preparada enviado enviada esperado esperada planificado
planificada programado programada incluido incluida basado basada pospuesto pospuesta limitado limitada actualizado
actualizada pensado pensada dirigido dirigida detallado detallada redactado redactada solicitado solicitada
propuesto propuesta fechado fechada estructurado estructurada pedido
""".replace("?", "").split())
"""Participles that describe a document or a plan without deciding anything: the closed list, the other way round."""
_MOVED = frozenset("""progressed moved advanced stalled slowed slipped evolved developed shifted continued started
narrowed matured""".split())
"""Participles of a deal's movement (wave 25, honest analyses: "the deal has progressed from discovery to a proposal
request", "has moved through discovery and a security review"): a movement is no completed state unless it ends in one
(_TO_CLOSE)."""
_TO_CLOSE = re.compile(r"\b(?:won|closed|close|closing|signed|signing|signature|contract|commit\w*|order\w*|purchase\w*|"
                       r"final|done|gewonnen|abschluss|unterschrift|gagn\w*|conclu\w*|ganad\w*|cierre|firma)\b", re.I)
_CANCELLED = re.compile(r"^(?:cancell?ed|terminated|withdrawn|lost|dead|off|rescinded|gekündigt|storniert|abgesagt|"
                        r"verloren|zurückgezogen|annulée?s?|résiliée?s?|perdue?s?|cancelad[oa]s?|anulad[oa]s?|"
                        r"rescindid[oa]s?|perdid[oa]s?)$", re.I)
_NOT_A_STATEMENT = re.compile(
    r"\?|\b(?:once|when|after|if|until|before|as soon as|will|would|could|should|can|may|might|must|needs? to|to be|"
    r"not|never|no|yet|sobald|wenn|falls|bevor|nachdem|wird|würde|könnte|soll|sollte|muss|nicht|kein\w*|noch|dès que|"
    r"une fois|lorsque|quand|si|sera|serait|pourrait|doit|pas|jamais|cuando|en cuanto|una vez|si|será|sería|podría|debe|"
    r"no|nunca|todavía|aún|hasta que)\b", re.I)


def asserted_states(text: str, stage_kind: str) -> list[str]:
    """Statements that the deal is completed or cancelled which the record's `stage_kind` (open/won/lost) contradicts."""
    low = text.lower()
    patterns = [p for p, cues in ((_NOUN_STATE, _DEAL_CUES), (_PARTY_DECISION, _DECISION_CUES), (_CUSTOMER, _CUSTOMER_CUES),
                                  (_SIGN_OFF, _SIGN_OFF_CUES))
                if any(c in low for c in cues)]
    out: list[str] = []
    if not patterns:
        return out
    for sentence in clause_parts(text):
        for m in (m for pattern in patterns for m in pattern.finditer(sentence)):
            state = next((g for g in m.groupdict().values() if g), "customer").lower()
            if state in _DESCRIBES or (state in _MOVED and not _TO_CLOSE.search(sentence[m.end():])):
                continue
            clause = sentence[max(sentence.rfind(",", 0, m.start()), sentence.rfind(":", 0, m.start()), 0):m.end()]
            if _NOT_A_STATEMENT.search(clause) or sentence.rstrip().endswith("?") \
                    or future_clause_after(sentence, m.start(), m.end()):
                continue
            claimed = "lost" if _CANCELLED.match(state) else "won"
            if claimed != stage_kind:
                out.append(f"claims the deal is {claimed} ({m.group(0)!r}); the record says {stage_kind}")
    return list(dict.fromkeys(out))
