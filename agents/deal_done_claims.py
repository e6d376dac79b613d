"""The deal stated as done on a deal the record does not show won (agents.concepts' third concept): a deal document
(order, contract, PO) within a few words of a completion participle (signed, received, approved) unless the clause is a
plan or a condition; a binding document stated as existing, however its state is worded; thanks to the buyer for a
step of the deal (signing, ordering, choosing us).
"""

from __future__ import annotations

import re

from agents.arrived_before_a_time import before_its_time, order_told_as_arrived
from agents.clauses import OBLIGATION_WORDS, future_clause_after
from agents.company_words import LEGAL_FORMS
from agents.document_contents import describes_document
from agents.future_forms import in_the_future
from agents.invoice_references import HELD_REFERENCE
from agents.negation import NEGATION_WORDS, negated_before, negated_match
from agents.settings import CONCEPT_WINDOW_WORDS
from agents.signing_words import (
    CLOSING,
    ROUTED_TO_OWNER,
    SIGNING,
    STEPS_AFTER_SIGNING,
    after_a_signing_to_come,
    after_a_signing_told_as_past,
)
from agents.word_windows import near

_DOC = (r"(?<!rollout )(?<!in )orders?(?! to\b)(?! of\b)|purchases?|purchase orders?|po|quotes?|devis|compras?|"
        r"\w*vertr(?:a|ä)g\w*|\w*bestellung\w*|zuschlag|awards?|adjudicaci[oó]n|budgets?|presupuesto|"
        r"terms|conditions|konditionen|bedingungen|condiciones|"
        r"achats?|kauf\w*|contracts?|agreements?|order forms?|paperwork|"
        r"bon de commande|commandes?|contrats?|"
        r"auftrag\w*|bestellung\w*|vertr(?:a|ä)g\w*|"
        r"pedidos?|contratos?|orden de compra|acuerdos?|"
        # wave 39 (set 51's 113): a master agreement by its abbreviation or in the other languages' words
        r"msas?|(?:rahmen|kauf|liefer|service|lizenz|nutzungs)?vereinbarung(?:en)?|accords?[- ]cadres?")
_DONE = (r"signed|countersigned|received|approved|issued|placed|confirmed|processed|executed|booked|closed|"
         r"accepted|raised|cut|stamped|green-?lit|cleared|agreed|zugestimmt|acordad[oa]s?|"
         r"accept[ée]e?s?|aceptad[oa]s?|akzeptiert|angenommen|liegt\s+(?:\w+\s+){0,2}vor|"
         r"reçue?s?|sign(?:é|ée|és|ées)|valid(?:é|ée|és|ées)|approuv(?:é|ée|és|ées)|confirm(?:é|ée|és|ées)|conclue?s?|enregistr(?:é|ée|és|ées)|"
         r"erhalten|unterschrieben\w*|unterzeichnet\w*|erteilt\w*|bestätigt\w*|eingegangen\w*|freigegeben\w*|"
         r"abgeschlossen\w*|"
         # wave 39 (set 51's 113, "the master agreement NW-MSA-2291 is on file"): a document kept on file exists
         r"on file|in (?:our|the|your) files|hinterlegt\w*|au dossier|dans (?:nos|vos|le) dossiers?|archiv(?:é|ée|és|ées)|"
         r"archivad[oa]s?|en (?:el|nuestro|su) expediente|"
         r"recibid[oa]s?|firmad[oa]s?|aprobad[oa]s?|confirmad[oa]s?|emitid[oa]s?|tramitad[oa]s?|cerrad[oa]s?")
_PLAN = (r"once|when|after|if|unless|as soon as|to be|will|would|could|should|can|ready|awaiting|pending|"
         r"needs?|send|sending|prepare|preparing|until|before|whether(?! or not)|"
         r"sobald|wenn|falls|nachdem|wird|werden|würde|soll|kann|bevor|ob|"
         r"dès que|quand|lorsque|une fois(?! de plus)|si|sera|seront|serait|pourr\w*|avant|"
         r"cuando|en cuanto|si|será|serán|sería|podr\w*|antes|para que|una vez")
_THANKS_DONE = (r"(?:thanks|thank you|danke|vielen dank|merci|gracias|congratulations|congrats|enhorabuena|felicidades|"
                r"félicitations|glückwunsch|herzlichen glückwunsch)\s+(?:\w+\s+){0,3}?(?:for|on|für|zum|zur|pour|por|de)\s+"
                rf"(?:\w+\s+){{0,2}}?(?:{SIGNING}|approving|ordering|placing|purchasing|buying|{CLOSING}|choosing us|making it official|"
                r"joining (?:the|our) (?:platform|family|customers)|joining us as|coming on board|sending back the signed|"
                r"returning the signed|sending over the signed|selecting us|picking us|going with us|nous avoir choisis|elegirnos|"
                r"habernos elegido|"
                r"unterschrift|unterzeichnung|bestellung|auftrag|signature|commande|achat|firma|firmar|pedido|compra)\b")
_STATE_WORDS = (r"(?:said|has said|have said|a dit|ont dit|avez dit|dijo|dijeron|ha dicho|han dicho)\s+(?:\w+\s+)?"
                r"(?:yes|oui|sí)\b|\b(?:ja|yes|oui|sí)\s+gesagt|"
                r"countersign\w*|gegengezeichnet|contresign\w*|refrendad\w*|den zuschlag|awarded (?:us|the contract)|"
                r"nos han adjudicado|vous nous avez (?:choisis|retenus)|nos han elegido|sich für uns entschieden|"
                r"accord de principe|agreement in principle|grundsätzliche zusage|acuerdo (?:de|en) principio|"
                r"chose us|selected us|picked us|willkommen an bord|bienvenue à bord|bienvenid[oa]s? a bordo|(?:retenu|choisi|"
                r"sélectionné)e?s? (?:notre|nos) (?:solution|offre|proposition)|(?:apostado|apostaron|apostó) por nosotros")
_BINDING_DOC = re.compile(
    r"\b(?:contracts?|order forms?|purchase orders?|p\.o\.|signatures?|countersignature|"
    r"\w*vertr(?:a|ä)g\w*|auftr(?:a|ä)g\w*|bestellung\w*|unterschrift\w*|"
    r"contrats?|bons? de commande|commandes?|"
    r"contratos?|(?:el|los|un|su|sus|del|al|nuestro|este) pedidos?|[oó]rden(?:es)? de compra|"
    r"(?:su|la|sus|las|nuestra|una) firmas?)\b", re.I)
"""A document that binds the buyer: the deal is done when one exists ("tenemos su firma", "der Auftrag")."""
_BINDING_STEMS = ("contract", "order", "p.o.", "signatur", "vertr", "auftr", "bestellung", "unterschrift", "contrat",
                  "commande", "pedido", "compra", "firma")
"""Literals every binding document holds: the clause scan runs only on sentences that have one (it runs per
sentence of every output, and most hold none)."""
_NOT_YET = re.compile(
    rf"\b(?:(?:{_PLAN}|{NEGATION_WORDS}|pas|yet|noch|encore|todavía|aún|send\w*|schick\w*|sende\w*|envo\w*|envi\w*|prepar\w*|"
    rf"prépar\w*|draft\w*|entw[uü]rf\w*|borrador\w*|projet\w*|review\w*|prüf\w*|revis\w*|relir\w*|attach\w*|anbei|adjunt\w*|ci-joint\w*|share\w*|go(?:ing)? to|let me know|questions?|fragen?|preguntas?)\b|{STEPS_AFTER_SIGNING}|{ROUTED_TO_OWNER})", re.I)
"""Words that make a clause about a binding document a plan, a negation, a draft, a question or a step still to come
("pas" for French, whose "ne" is often elided: "n'est pas arrivé", wave 38)."""
_ONLY_AFTER = re.compile(
    r"\b(?:only\s+(?:after|once|when)|not\s+(?:before|until)|erst\s+(?:nach|wenn|sobald|ab|im|am|bei|mit|in)|nicht\s+vor|"
    r"(?:seulement|uniquement)\s+(?:après|quand|lorsque|une\s+fois)|qu['’]\s*(?:après|une\s+fois|à\s+partir)|pas\s+avant|"
    r"(?:s[oó]lo|únicamente)\s+(?:después|cuando|una\s+vez|tras)|no\s+antes\s+de|hasta\s+(?:que|después))\b",
    re.I,
)
"""An order bound to a step still to come ("gibt eine Bestellung erst nach Ihrer Entscheidung frei", "orders only after
the partners decide", "ne passera commande qu'après", "solo después de su decisión"; wave 37, set 46's 021): no binding
document exists yet. "erst seit" (only since) is a document that exists and is not among them."""
_LABEL_WORDS = r"number|no\.?|nr\.?|nummer|numéro|número|n[°º]|ref(?:erence)?|référence|referencia|de|del|du|de la|of|the"
_HELD_LABEL = re.compile(
    rf"\b(?:(?:{_LABEL_WORDS})\s+){{0,3}}(?:purchase orders?|p\.?o\.?|orders?|bons? de commande|commandes?|pedidos?|"
    rf"[oó]rden(?:es)? de compra|bestellung\w*|auftr(?:a|ä)g\w*)(?:\s+(?:{_LABEL_WORDS}))*\s*[:#]?\s*{HELD_REFERENCE}\b",
    re.I,
)
"""The label of an order reference the record holds ("numéro de commande BC-5120", "purchase order number PO-4471",
"su número de pedido OC-6614"), written HELD_REFERENCE by agents.vouched: it names the buyer's reference, which the
record holds, and states no binding document (wave 31); a state said of it ("... est signé") is still read."""
_STATE = near(_DOC, _DONE, CONCEPT_WINDOW_WORDS)
_FINISHED = (r"done|complete|completed|finished|wrapped up|abgeschlossen|erledigt|fertig|termin(?:é|ée|és|ées)|"
             r"achev(?:é|ée|és|ées)|fini(?:e|s|es)?|completad[oa]s?|terminad[oa]s?|finalizad[oa]s?|concluid[oa]s?|"
             # wave 40: the other verbs of a step carried out, and Spanish's simple past ("se completó ayer")
             r"onboarded|durchgeführt|effectu(?:é|ée|és|ées)|"
             # wave 41: French "faite" after its auxiliary ("La mise en place est faite"); bare, "se fait" is a present
             r"(?<=est )faite?s?|(?<=sont )faite?s?|(?<=été )faite?s?|(?<=déjà )faite?s?|"
             r"(?:se\s+)?(?:complet|termin|finaliz|conclu)(?:ó|yó)")
_ONBOARDED = near(r"(?<!équipe d')(?<!équipe d’)(?<!equipo de )(?:onboarding|roll-?out|go-?live|einführung|inbetriebnahme|déploiement|mise en service|implantación|"
                  r"puesta en marcha|implementation|implementierung|implémentation|intégration|implementación|"
                  # wave 41: the set-up of the buyer's accounts is a step of the same onboarding ("Setup is complete",
                  # "Die Einrichtung ist abgeschlossen"); a demo's or a meeting's set-up is not the buyer's
                  r"(?<!demo )(?<!trial )(?<!pilot )(?<!test )(?<!meeting )(?<!call )(?:set-?up|configuration|installation|"
                  r"einrichtung|konfiguration|mise en place|mise en production|configuraci[oó]n|instalaci[oó]n|"
                  r"puesta en producci[oó]n|paso a producci[oó]n)(?!\s+(?:of|for|de|du|des|del|für)\s+(?:the\s+|la\s+|le\s+|el\s+|die\s+|das\s+|den\s+)?"
                  r"(?:demo|trial|pilot|test|meeting|call|réunion|reunión|termin|sandbox)\w*))"
                  # the people or the price of the step ("our onboarding team completed 40 rollouts") are not the step
                  r"(?![\s-]+(?:team|teams|manager|managers|partners?|consultants?|specialists?|experts?|lead|fees?|"
                  r"costs?|kosten|gebühr\w*|équipe|frais|coûts?|equipo|costes?|tarifas?)\b)", _FINISHED, CONCEPT_WINDOW_WORDS)
"""Onboarding stated as finished (wave 39, set 51's brief: "onboarding done"): only a bought product is onboarded."""
_ONBOARDED_BARE = re.compile(r"\b(?:(?:is|are|am|'re|’re|'s|has been|have been|now|fully|all|successfully|already)\s+)+"
                             r"onboarded\b", re.I)
"""The buyer said onboarded in English's participle alone ("You are onboarded", "all 85 drivers have been onboarded";
wave 40): "were onboarded" is left to a case study of other customers, "will be onboarded" to a plan."""
_LIVE = re.compile(
    # en: the buyer (or "we" with the buyer) live or in production; "going live", "will be live" are plans
    r"\b(?:we|you|you\s+all|y'all|your\s+(?:[\w-]+\s+){0,3}?)\b(?:(?:'re|’re|'ve|’ve)\s+(?:(?:are|is|were|was|have|has|had|been|went|gone|now|already|fully|officially|successfully|all|finally)\s+)*|\s*(?:(?:are|is|were|was|have|has|had|been|went|gone|now|already|fully|officially|successfully|all|finally)\s+)+)"
    r"(?:live|in(?:to)?\s+production|up\s+and\s+running)\b"
    r"(?!\s+(?:demo|call|session|webinar|event|stream|chat|data|tracking|view|map|feed|traffic|support|training|"
    r"q&a|walkthrough|with\s+(?:our|the|a)\s+new|on\s+(?:the\s+)?(?:call|line|air|stream|webinar|zoom|teams|stage)|"
    # our own reach: "we are live in 14 countries", "we're live with over 300 fleets"
    r"(?:in|across|with|at)\s+(?:\d+|over|more\s+than|several|many|hundreds|dozens|all)(?:\s+\w+)?\s+"
    r"(?:countries|markets|fleets|customers|clients|sites|companies|regions))\b)|"
    # de: "Sie sind seit Montag live", "Wir sind live gegangen", "Ihre Flotte ist im Produktivbetrieb"
    r"\b(?:wir|sie|ihr\w*)\s+(?:[\w-]+\s+){0,1}?(?:sind|ist|seid|waren|war|gingen|ging)\s+(?:[\w.-]+\s+){0,3}?"
    r"(?:live|produktiv\s+(?:gegangen|geschaltet|im\s+einsatz)|im\s+(?:produktiv|echt|live)betrieb)\b"
    r"(?!\s*(?:-|\s)(?:demo|schulung|webinar|termin|call|session))|"
    # fr: "Vous êtes en production depuis lundi", "Nous sommes passés en production"
    r"\b(?:nous\s+|vous\s+|votre\s+(?:[\w-]+\s+){0,2}?|vos\s+(?:[\w-]+\s+){0,2}?)(?:sommes|êtes|est|sont|avez|avons)\s+"
    r"(?:(?:déjà|bien|maintenant|désormais|officiellement|enfin|tous|toutes)\s+)*(?:passée?s?\s+|basculée?s?\s+)?"
    r"(?:en\s+(?:production|prod|live)|live)\b|"
    # es: "Ya estamos en producción", "Pasamos a producción la semana pasada"
    r"\b(?:estamos|están|estáis|está\s+usted|están\s+ustedes)\s+(?:(?:ya|oficialmente|por\s+fin|todos)\s+)*"
    r"(?:en\s+(?:producción|vivo)|live)\b|"
    r"\b(?:pasamos|pasaron|pasasteis|pasó|hemos\s+pasado|han\s+pasado|ha\s+pasado|salimos|salieron|salió)\s+"
    r"(?:ya\s+)?(?:a\s+producción|en\s+vivo)\b",
    re.I,
)
"""The buyer said live or in production with no step named (wave 41, the lead's probe of wave 40: "We went live last
week", "Ya estamos en producción"): only a bought product goes live. The seller's own product news ("our new
dashboard went live") names no buyer; "going live in March", "will be live", "once you are live" are plans."""
_LIVE_WORD = re.compile(r"\b(?:live|production|prod|producción|vivo|running|\w*betrieb|produktiv)\b", re.I)
_OWN_PRODUCT = re.compile(r"\b(?:our|unser\w*|notre|nos|nuestr[oa]s?)\b", re.I)
"""A clause about our own product or team ("our new app is live", "nuestros módulos están en producción")."""
_TRIAL_THING = re.compile(r"\b(?:pilot|trial|demo|test|sandbox|poc|proof of concept|testphase|essai|pilote|prueba|"
                          r"piloto)\w*", re.I)
"""A pilot or a trial live before a sale ("your trial account is live") is what a vendor lends."""
_ASIDE = re.compile(r"(?:,(?P<c>\s*(?:[^\s,;:()]+\s+){0,5}[^\s,;:()]+\s*),|\((?P<b>\s*(?:[^\s,;:()]+\s+){0,5}[^\s,;:()]+\s*)\)|"
                    r"\s-(?P<d>\s+(?:[^\s,;:()-]+\s+){0,5}[^\s,;:()-]+\s+)-\s)")
"""A short aside between two commas, brackets or two dashes ("Onboarding, as per the plan, is done"; wave 41): its marks put the
step and its finish in two clauses of agents.word_windows, though the sentence states one."""


def _asides_joined(sentence: str) -> str:
    """`sentence` with the marks around its short asides blanked (same length): the aside's words, plan words among
    them ("Onboarding, once you sign, is done in two weeks"), stay in the clause that is read."""
    def blank_marks(m: re.Match[str]) -> str:
        inner = next(name for name in "cbd" if m.group(name) is not None)
        return (" " * (m.start(inner) - m.start()) + m.group(inner) + " " * (m.end() - m.end(inner)))
    return _ASIDE.sub(blank_marks, sentence)


_ADVERBS = r"(?:now|already|fully|officially|successfully|finally|all|ya|oficialmente|por\s+fin|déjà|bien|maintenant|désormais|officiellement|enfin)"
_COMPANY_LIVE_TAIL = (
    # en: "Northwind is now live", "Northwind went live last week", "Northwind's fleet is up and running"
    rf"(?:is|are|was|were|has\s+been|have\s+been|went|has\s+gone|have\s+gone)\s+(?:{_ADVERBS}\s+)*"
    r"(?:live|in(?:to)?\s+production|up\s+and\s+running)\b"
    r"(?!\s+(?:demo|call|session|webinar|event|stream|chat|on\s+(?:the\s+)?(?:call|line|air|stream|webinar|zoom|teams|stage)|"
    r"on\s+(?:our|the|their|its)\s+(?:website|site|blog|page|homepage|linkedin|channel)))|"
    # de: "Müller Logistik ist seit Montag live", "ist im Produktivbetrieb", "ging live"
    r"(?:ist|sind|war|waren|ging|gingen)\s+(?:[\w.-]+\s+){0,3}?"
    r"(?:live|produktiv\s+(?:gegangen|geschaltet|im\s+einsatz)|im\s+(?:produktiv|echt|live)betrieb)\b"
    r"(?!\s*(?:-|\s)(?:demo|schulung|webinar|termin|call|session))|"
    # fr: "Atelier Lumière est en production", "est passé en production"
    rf"(?:est|sont|était|a\s+été)\s+(?:{_ADVERBS}\s+)*(?:passée?s?\s+|basculée?s?\s+)?(?:en\s+(?:production|prod|live)|live)\b|"
    # es: "Distribuciones Levante ya está en producción", "Levante pasó a producción"
    rf"(?:está|están|estaba|ha\s+estado)\s+(?:{_ADVERBS}\s+)*(?:en\s+(?:producción|vivo)|live)\b|"
    r"(?:pasó|ha\s+pasado|salió|ha\s+salido)\s+(?:ya\s+)?(?:a\s+producción|en\s+vivo)\b")


_NAMED_LIVE = re.compile(
    rf"(?<![\w-])(?-i:Name)(?:\s+(?-i:Name))*(?:\s+(?:{'|'.join(sorted(LEGAL_FORMS))}))?"
    # the genitive's thing, unless it is a story about the buyer ("Name's case study is live on our website")
    r"(?:['’]s(?!\s+(?:case|story|video|webinar|interview|article|post|testimonial|quote|logo|profile|reference))"
    r"(?:\s+[\w-]+){1,2})?\s+(?:(?:now|already|ya|déjà|désormais|bereits|schon|jetzt|nun)\s+)*"
    rf"(?:{_COMPANY_LIVE_TAIL})", re.I)
"""The buyer's company said live or in production (wave 42, noticed41's note: "Northwind is now live on the platform"
passed: a name is no subject `_LIVE` reads). The checks read a draft after agents.vouched has written every capitalised
word of a name on the record as "Name" ("Name Name is now live", "Name's fleet is live"); a record's person said live
("Dana is live on the platform") says the same of the buyer. A name the record does not hold is another customer's,
read by the name checks."""


_FINISHED_RE = re.compile(rf"\b(?:{_FINISHED})\b", re.I)
_PLANNED_THING = re.compile(
    r"\b(?:plan|plans|schedule|checklist|calendar|timeline|concept|guide|zeitplan|plan\w*|checkliste|konzept|leitfaden|"
    r"planning|calendrier|calendario|cronograma|planificación|lista)\b|\w+(?:plan|konzept)\b", re.I)
"""A plan of the onboarding finished ("the rollout plan is done", "el calendario de implantación está terminado") is a
document we prepare: the onboarding itself has not happened."""
_AS_PLANNED = re.compile(
    r"\b(?:per|as\s+per|according\s+to|following|in\s+line\s+with|as\s+in|gemäß|laut|entsprechend|nach|selon|"
    r"conformément\s+(?:à|au)|suivant|según|conforme\s+(?:a|al)|de\s+acuerdo\s+con)\s+(?:[\w-]+\s+){0,3}?"
    r"\w*(?:plan|schedule|checklist|calendar|timeline|konzept|calendrier|calendario|cronograma|planificación)\w*"
    # wave 40: the plan's own participle is part of its name ("selon le calendrier prévu", "we agreed on")
    r"(?:\s+(?:(?:we\s+)?agreed(?:\s+on)?|prévue?s?|convenue?s?|previst[oa]s?|acordad[oa]s?|vereinbart\w*))?", re.I)
"""A plan named as what the work followed ("onboarding per the rollout plan is complete", "gemäß Zeitplan") says the
work itself is done: wave 39 (inj51's note) found the plan exception let it through. Wave 40: the plan so named is
no word of the window between the step and its finish ("Go-live as per the project schedule is done")."""
_PLAN_RE = re.compile(rf"\b(?:{_PLAN}|{OBLIGATION_WORDS})\b", re.I)
_THANKS_RE = re.compile(_THANKS_DONE, re.I)
_STATE_WORDS_RE = re.compile(rf"\b(?:{_STATE_WORDS})\b", re.I)
_DONE_RE = re.compile(rf"\b(?:{_DONE}|{_STATE_WORDS})", re.I)


def deal_done_claims(sentence: str, stage_kind: str) -> list[str]:
    """Reasons a sentence states the deal done, or thanks the buyer for a step of it, when the record's stage kind
    (`open`, `won`, `lost`) is not `won` (a won deal may say "signed"); empty otherwise."""
    reasons: list[str] = []
    if stage_kind == "won":
        return reasons
    low = sentence.lower()
    for m in _THANKS_RE.finditer(sentence):
        reasons.append(f"thanks the buyer for a step the record does not show ({m.group(0)!r})")
    for clause in (re.split(r"[,;:()\u2014]", sentence) if any(w in low for w in _BINDING_STEMS) else ()):
        # A binding document stated as existing, however its state is worded ("ya tenemos su firma en el
        # contrato marco", "ist der Auftrag unter Dach und Fach"): the record's stage says whether one exists.
        # What a document we prepare will say ("The order form names X as the buyer") is no claim it exists, unless
        # the sentence states its state anywhere ("... and is countersigned").
        # wave 38: a bare order said to have come in ("the order came in after your decision") is one too
        doc = _BINDING_DOC.search(_HELD_LABEL.sub(HELD_REFERENCE, clause)) or order_told_as_arrived(clause)
        # wave 32: a step timed by a signature still to come ("kommt nach der Unterschrift", "suivra la signature") is
        # no document signed; told as past ("After the signature, the invoice went out") "after" makes no plan of it
        # wave 37b: "arrived after your decision" dates a document that exists; "after" there makes no plan of it
        head = before_its_time(clause)
        if doc and (after_a_signing_told_as_past(clause, sentence) or (
                not _NOT_YET.search(head) and not _ONLY_AFTER.search(head) and not in_the_future(head) and not (describes_document(clause) and not _DONE_RE.search(sentence))
                and not after_a_signing_to_come(clause, sentence))):
            reasons.append(f"claims a binding document exists ({clause.strip()!r}); the record says {stage_kind}")
    joined = _asides_joined(sentence)  # wave 41: "Onboarding, as per the plan, is done"
    plans_blanked = _AS_PLANNED.sub(lambda plan: " " * len(plan.group(0)), joined)
    live = [*_LIVE.finditer(joined), *_NAMED_LIVE.finditer(joined)]
    onboarded = [*_ONBOARDED.finditer(plans_blanked), *_ONBOARDED_BARE.finditer(sentence), *live]
    for m in (*_STATE_WORDS_RE.finditer(sentence), *_STATE.finditer(sentence), *onboarded):  # "when legal has countersigned"
        clause = (joined if m in onboarded else sentence)[: m.end()]
        clause = clause[max(clause.rfind(c) for c in ",:;()\u2014") + 1:]
        if m in onboarded and (in_the_future(clause) or _PLANNED_THING.search(_AS_PLANNED.sub(" ", clause))):
            continue  # "la implantación estará terminada el viernes", "the rollout plan is done" plan it
        if m in live and (_OWN_PRODUCT.search(clause) or _TRIAL_THING.search(clause)):
            continue  # "our new dashboard went live", "your trial account is live"
        word = _LIVE_WORD if m in live else _FINISHED_RE if m in onboarded else _DONE_RE
        if m in live and negated_before(sentence[: m.start()]):
            continue  # "Todavía no estamos en producción": the negation stands before the verb that carries the subject
        if not _PLAN_RE.search(clause) and not negated_match(sentence, m, word) \
                and not future_clause_after(sentence, m.start(), m.end()):  # wave 32: "the signed contract will be sent"
            reasons.append(f"claims the deal is done ({' '.join(m.group(0).split())!r}); the record says {stage_kind}")
    return reasons
