"""What the buyer's latest messages call for: escalation (anger, cancellation, legal asks), the
question to answer first, who wrote it, and whether they asked to talk today.

Pure functions over the Context, in English, German, French and Spanish. Detection runs in
code on screened text (withheld activities are skipped), so a model cannot talk the pipeline
out of an escalation, and an injected note cannot hide one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from agents.ask_senders import foreign_sender, own_words
from agents.context import Context
from agents.known_senders import written_by_a_contact
from agents.normalize import normalise
from agents.quoted_mail import delivery_notice
from agents.reported_complaints import reported_complaint
from agents.sentence_ends import sentence_parts
from agents.signed_contacts import signed_contact

ESCALATION_LOOKBACK_DAYS = 45
"""Only customer messages this recent can put a record into escalation."""

ESCALATION_MESSAGES = 2
"""How many of the latest customer messages are read for anger, cancellation and legal asks."""

ASK_LOOKBACK_DAYS = 30
"""An inbound question older than this is not "the latest ask" any more."""

_NOT = r"(?<!\bno )(?<!\bnot )(?<!\bkeine )(?<!\bpas de )(?<!\bsin )"

NEGATIVE = re.compile(
    rf"\b{_NOT}(very |really |extremely |quite )?(disappointed|disappointing|frustrat\w+|unacceptable|furious|angry|"
    r"unhappy|not happy|fed up|let down|waste of (our )?time|complain\w*|terrible|awful|poor service|still waiting|"
    r"nobody (has )?(got|gotten|come) back|no one (has )?(got|gotten|come) back|worst|"
    r"enttäuscht|enttäuschend|verärgert|unzufrieden|inakzeptabel|nicht akzeptabel|frustriert|beschwer\w+|ärgerlich|"
    r"unverschämt|warten (immer )?noch|"
    r"déçue?s?|décevant|mécontente?s?|inacceptable|frustrée?s?|plainte|furieux|furieuse|agacée?s?|toujours pas de réponse|"
    r"decepcionad[oa]s?|decepcionante|molest[oa]s?|inaceptable|frustrad[oa]s?|queja|furios[oa]s?|insatisfech[oa]s?|"
    r"seguimos esperando|"
    # a satisfied word negated: "not acceptable", "überhaupt nicht zufrieden", "pas satisfaits", "no estamos contentos"
    r"(?:not|n't|never|nicht|nie|pas|jamais|no|nunca)\s+(?:\w+\s+){0,2}?(?:acceptable|happy|satisfied|impressed|good enough|"
    r"professional|zufrieden|akzeptabel|in ordnung|professionell|satisfaits?|satisfaites?|acceptable|"
    r"professionnel\w*|contentos?|contentas?|satisfech[oa]s?|aceptable|profesional\w*)|"
    # chasing an answer that does not come
    r"chas(?:e|ed|ing) (?:you|this|again|up)|(?:second|third|fourth|fifth|2nd|3rd|4th) (?:time|reminder|follow-up)|"
    r"still (?:no (?:reply|answer|response|word|proposal|update|news)|nothing|not heard|haven't heard)|no one (?:has )?(?:replied|responded|answered)|"
    r"nobody (?:has )?(?:replied|responded|answered|called)|heard nothing|"
    r"seit wochen (?:warten|keine|nichts)|schon wieder|(?:dritte|zweite|vierte)n? mal|keine antwort|niemand (?:hat )?(?:sich )?(?:gemeldet|geantwortet)|"
    r"(?:deuxième|troisième|quatrième|nouvelle|énième) relance|(?:deux|trois|quatre|plusieurs) relances|toujours (?:pas|aucune?|rien)|personne (?:ne )?(?:nous )?a répondu|sans réponse|"
    r"nadie (?:nos )?ha (?:respondido|contestado|llamado)|sin respuesta|de nuevo sin|"
    # plain negative verdicts
    # (a pain the buyer describes, "poor visibility of idle time", is no verdict on us)
    r"(?:really|very|so|pretty|extremely) poor|poor (?:service|support|communication|response|follow-up|experience)|"
    r"unprofessional|ridiculous|not good enough|inadmissible|lamentable|descontent[oa]s?|"
    r"(?:sehr|wirklich|ziemlich|äußerst) schlecht|mangelhaft|ungenügend|(?:très|vraiment|franchement) mauvais\w*|"
    r"pésim[oa]s?|malísim[oa]s?)\b", re.I)
"""Negative sentiment a cheerful template must not answer."""

CANCELLATION = re.compile(
    r"\b(cancel\w*\s+(?:(?:our|the|my|this|your|all)\s+)?(?:contract|subscription|order|account|deal|pilot|"
    r"evaluation|project|purchase|renewal|plan|licen\w+)|terminat\w+ (?:the |our )?(?:contract|agreement|"
    r"subscription)|(not|n't|won't|will not) (be )?(renew\w*|moving forward|move forward|proceed\w*|"
    r"continu\w*)|decided to go with|going with (another|a different|a competitor)|pull(ing)? out|"
    r"no longer interested|stop the (evaluation|project|pilot)|put (this|it|the project) on ice|"
    r"kündig\w*|stornier\w*|nicht (mehr )?verlänger\w*|nicht weiter\w*|anderen anbieter entschieden|kein interesse mehr|"
    r"résili\w*|annul\w*\s+(?:le |la |notre |l')?(?:contrat|abonnement|commande|projet)|ne (pas|plus) renouveler|plus intéressés?|choisi un autre (fournisseur|prestataire)|"
    r"cancel(?:ar|amos)\s+(?:el |la |nuestro |nuestra )?(?:contrato|pedido|suscripción|proyecto)|rescindir|rescisión|no vamos a renovar|ya no (estamos )?interesad[oa]s|"
    r"elegido (a )?otro proveedor|dar de baja|"
    # choosing someone or something else
    # (talking to another vendor is competition, not leaving: a choice verb must come first)
    r"(?:a different|another|other) direction|(?:chose|chosen|choose|choosing|going with|go with|gone with|decided on|"
    r"picked|selected|opted for|signed with) (?:another|a different|an alternative|other) (?:vendor|provider|supplier|"
    r"solution|tool|platform|partner)|"
    r"(?:für|mit) (?:einen |eine |einem )?(?:anderen?|andere) (?:anbieter|lösung|dienstleister|partner) (?:entschieden|"
    r"gehen|weitermachen)|andere (?:richtung|lösung gewählt)|"
    r"(?:choisi|opté pour|retenu|partir sur|partons sur) (?:une? )?autre (?:solution|fournisseur|prestataire|outil|"
    r"plateforme|partenaire)|autre direction|"
    r"(?:elegido|optado por|escogido|ir con|vamos con|seleccionado) (?:a )?otr[oa] (?:proveedor|solución|herramienta|"
    r"plataforma|socio)|otra dirección|"
    # not going on
    r"(?:won't|will not|not|n't) (?:be )?(?:moving|going|taking this|taking it) (?:ahead|forward|further)|"
    r"(?:no|not) (?:longer )?(?:going ahead|proceeding)|"
    r"n'irons pas plus loin|ne (?:pas|plus) (?:aller plus loin|poursuivre|continuer)|arrêter (?:là|ici|le projet)|"
    r"no (?:seguir|seguiremos|continuar|continuaremos|vamos a seguir|vamos a continuar) (?:adelante|con)|"
    r"nicht (?:weiter|fortsetzen|fortführen)\w*|beenden (?:das|die) (?:projekt|zusammenarbeit))\b", re.I)
"""A buyer cancelling, terminating or walking away."""

LEGAL = re.compile(
    r"\b(data processing agreement|dpa|gdpr|data protection|privacy (policy|review|team)|lawyer|attorney|legal action|"
    r"lawsuit|litigation|sue|breach of contract|liabilit\w+|indemnif\w+|compliance (review|audit|team|department)|"
    r"right to erasure|delete (all )?(of )?our data|legal (team|department|counsel|review)|"
    r"auftragsverarbeitung\w*|avv|dsgvo|datenschutz\w*|anwalt|anwältin|rechtsanwalt\w*|rechtliche schritte|klage|"
    r"rechtsabteilung|löschung (unserer|der) daten|haftung|"
    r"rgpd|accord de traitement des données|protection des données|avocat|action en justice|poursuites|"
    r"service juridique|suppression de nos données|responsabilité contractuelle|"
    r"acuerdo de tratamiento de datos|protección de datos|abogad[oa]|acciones legales|demanda judicial|departamento legal|"
    r"supresión de (nuestros|los) datos)\b", re.I)
"""Legal and compliance asks: the owner (and legal) answer those, not a template."""

QUESTION_WORDS = re.compile(
    r"\b(can|could|would|will|do|does|did|is|are|when|what|which|how|where|who|why|should|"
    r"können|könnten|würden|wann|was|welche\w*|wie|wo|gibt es|haben sie|"
    r"pouvez|pourriez|est-ce|quand|quel\w*|comment|où|avez-vous|"
    r"puede|podría|podrían|cuándo|qué|cuál\w*|cómo|dónde|tienen)\b", re.I)

ASK_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((t, re.compile(p, re.I)) for t, p in (
    # German declines the noun: "auf der ersten Seite des Angebots" takes up a question about "das Angebot" (q30-de-g9)
    ("proposal", r"\b(proposals?|quotes?|quotation|offer document|angebot(?:s|e|en)?|propositions?|offres?|devis|"
                 r"propuestas?|cotizaci[oó]n)\b"),
    ("seats", r"\b(seats?|licen[cs]es?|users?|lizenzen|nutzer|sièges|licences|utilisateurs|licencias|usuarios|puestos)\b"),
    ("pricing", r"\b(pric\w+|cost\w*|budget|discount|preis\w*|kosten|rabatt|prix|tarif\w*|coût\w*|precio\w*|coste\w*|"
                r"descuento)\b"),
    ("contract", r"\b(contract|order form|terms|vertrag\w*|bestellformular|contrat|bon de commande|contrato)\b"),
    ("security", r"\b(security|sso|soc ?2|iso ?27001|sicherheit\w*|sécurité|seguridad)\b"),
    ("integration", r"\b(integrat\w+|api|connector|schnittstelle|intégration|integraci[oó]n)\b"),
    ("timeline", r"\b(timeline|timing|start date|go-live|rollout|zeitplan|start|calendrier|démarrage|cronograma|"
                 r"plazo)\b"),
    ("references", r"\b(references?|case stud\w+|referenzen|références|referencias|casos de éxito)\b"),
    ("demo", r"\b(demo\w*|trial|pilot|démonstration|essai|prueba|piloto)\b"),
    ("meeting", r"\b(call|meeting|meet|talk|chat|termin|gespräch|telefonat|treffen|appel|réunion|rendez-vous|"
                r"échange|llamada|reunión|charla)\b"),
))
"""What an inbound question is about, in the order a reply should treat them."""

SAME_DAY_ASK = re.compile(
    r"\b(today|this afternoon|this morning|later today|asap|right away|heute|heute nachmittag|sofort|"
    r"aujourd'hui|cet après-midi|ce matin|dès que possible|hoy|esta tarde|esta mañana|lo antes posible|"
    # the evening of today (wave 34: a buyer's "could you ring me tonight?" by e-mail is as much an ask for today)
    r"tonight|this evening|heute abend|ce soir|esta noche)\b", re.I)


REQUEST = re.compile(
    r"\b(?:it would help to (?:know|have|see|get)|(?:i|we) (?:was|were) wondering|(?:i'd|i would|we'd|we would) "
    r"(?:like|love|appreciate|need) (?:to (?:know|see|have|get)|it if|the|a|an|your)|please (?:send|share|provide|"
    r"confirm|let|forward|tell|advise|include)|let (?:me|us) know|(?:i|we) (?:need|still need|require) (?:the|a|an|your|to know)|"
    r"could you|can you|would you|"
    r"(?:ich|wir) (?:bräuchte\w*|benötige\w*|brauche\w*|hätte\w* gern\w*|würde\w* gern\w* wissen)|bitte (?:schicken|senden|"
    r"teilen|geben|bestätigen|lassen)|(?:schicken|senden) sie (?:uns|mir) bitte|lassen sie (?:uns|mich) wissen|"
    r"je (?:voudrais|souhaiterais|aimerais) (?:savoir|avoir|recevoir|connaître)|nous (?:voudrions|souhaiterions|"
    r"aimerions)|merci de (?:nous |me )?(?:envoyer|transmettre|confirmer|préciser|indiquer)|(?:il )?nous faudrait|"
    r"pourriez-vous|pouvez-vous|"
    r"me gustaría (?:saber|recibir|tener|conocer)|nos gustaría|(?:por favor,? )?(?:envíe|envíen|envíenos|mánde\w*)|"
    r"necesitaría\w*|necesitamos|quisiera\w* saber|le agradecería|podría\w*|puede\w* enviar)\b", re.I)
"""A request without a question mark: what the buyer wants from us, asked politely or indirectly."""


@dataclass(frozen=True)
class Escalation:
    """Why a record goes to its owner instead of getting a customer draft."""

    kind: str  # negative_sentiment | cancellation | legal_compliance
    activity_id: str
    evidence: str
    """Only the words the escalation pattern matched ("no están satisfechos"), never the sentence around them: the
    brief goes to the owner, and a subject that carries an instruction must not reach anyone word for word."""
    channel: str = "message"
    day: str = ""

    def __str__(self) -> str:
        where = f"{self.channel} of {self.day}" if self.day else self.channel
        return f"{self.kind.replace('_', ' ')} in {self.activity_id} ({where}): the buyer's words \"{self.evidence}\""


@dataclass(frozen=True)
class Ask:
    """The latest inbound question(s) a draft should answer first."""

    activity_id: str
    at: str
    topics: tuple[str, ...]
    question: str
    sender_contact_id: str | None
    same_day: bool


def customer_messages(ctx: Context, *, days: int) -> list[Mapping[str, Any]]:
    """The customer's own screened messages (inbound emails, calls, meetings), newest first."""
    acts = sorted(ctx.activities.values(), key=lambda a: int(a["id"][1:]))
    return [a for a in acts if not a.get("withheld") and a["days_ago"] is not None and 0 <= a["days_ago"] <= days
            and (a.get("direction") == "inbound" or a["type"] in ("call", "meeting"))]


def detect_escalations(ctx: Context) -> list[Escalation]:
    """Return the reasons the latest customer messages need the owner, not a template."""
    out: list[Escalation] = []
    for a in customer_messages(ctx, days=ESCALATION_LOOKBACK_DAYS)[:ESCALATION_MESSAGES]:
        text = normalise(f"{a['subject']}. {a['text']}")
        if a["type"] != "email":
            text = normalise(a["text"])  # a call note's subject is ours ("Renewal call"), its body the buyer's words
        for kind, pattern in (("cancellation", CANCELLATION), ("legal_compliance", LEGAL),
                              ("negative_sentiment", NEGATIVE)):
            m = pattern.search(text)
            if m and kind == "negative_sentiment":
                # wave 42: "two complaints about phone queues at Harbourside" counts the buyer's own patients' words
                # about their own site (agents.reported_complaints); any other match still escalates
                ours = ((ctx.record.owner.email if ctx.record.owner else None) or "").split("@")[-1].split(".")[0]
                m = next((x for x in pattern.finditer(text) if not reported_complaint(text, x.start(), x.end(), ours)), None)
            if m and not (kind == "negative_sentiment" and re.search(r"\bno complaints?\b", text, re.I)):
                out.append(Escalation(kind, a["id"], _cue(m.group(0)), a["type"].replace("_", " "),
                                      (a.get("at") or "")[:10]))
    return out


def latest_ask(ctx: Context) -> Ask | None:
    """Return the questions in the latest inbound email, if it is recent and asks something."""
    inbound = [a for a in customer_messages(ctx, days=ASK_LOOKBACK_DAYS) if a["type"] == "email"]
    if not inbound:
        return None
    a = inbound[0]
    newer_outbound = [x for x in ctx.activities.values() if int(x["id"][1:]) < int(a["id"][1:])
                      and x["type"] == "email" and x.get("direction") == "outbound"]
    if newer_outbound:
        return None  # someone already replied
    subject = re.sub(r"^(?:\s*(?:re|aw|wg|fw|fwd|tr|rv|rif)\s*:\s*)+", "", normalise(a.get("subject") or ""), flags=re.I)
    text = normalise(a["text"])
    # A question can stand in the subject alone ("Seat count for the 6 depots?" / "Thanks, Dana"), and a
    # request needs no question mark ("it would help to know...", "ich bräuchte noch den Vertrag").
    sentences = [s for s in (subject, *sentence_parts(text)) if s.strip()]
    questions = [s for s in sentences if s.strip().endswith("?") or (QUESTION_WORDS.match(s.strip()) and "?" in s)
                 or REQUEST.search(s)]
    if not questions:
        return None
    q = " ".join(questions)
    topics = tuple(t for t, p in ASK_TOPICS if p.search(q))
    if not topics or topics == ("meeting",):
        # "Could you send it by Friday?": the question points back at what the email was about.
        topics = tuple(t for t, p in ASK_TOPICS if p.search(text) and t != "meeting") + topics
    return Ask(activity_id=a["id"], at=a["at"], topics=topics, question=q,
               sender_contact_id=sender_of(ctx, a), same_day=_asked_today_by_the_buyer(ctx, a, subject))


def _asked_today_by_the_buyer(ctx: Context, a: Mapping[str, Any], subject: str) -> bool:
    """Whether the e-mail's own words (not a forwarded or quoted message) ask for today, and they are the buyer side's
    (wave 35: a stranger's, a bot's or a forwarded e-mail vouches for no same-day ask; agents.ask_senders); a bounce
    or delivery notice never does, whatever it quotes (set 44's 030; agents.quoted_mail)."""
    if delivery_notice(subject, a.get("text") or "") or foreign_sender(ctx, a):
        return False
    if not written_by_a_contact(ctx, a):
        return False  # wave 37: an unsigned e-mail from no known sender vouches for no call today (agents.known_senders)
    # a reply's subject is the thread's, often our own ("Re: Quick call today?"): only a new e-mail's subject is theirs
    replied = re.match(r"^\s*(?:re|aw|antw|sv|r|rif|fwd?|wg|tr|rv)\s*:", normalise(a.get("subject") or ""), re.I)
    sentences = [s for s in ("" if replied else subject, *sentence_parts(own_words(a))) if s.strip()]
    return any(SAME_DAY_ASK.search(s) for s in sentences if s.strip().endswith("?") or REQUEST.search(s)
               or (QUESTION_WORDS.match(s.strip()) and "?" in s))


def sender_of(ctx: Context, activity: Mapping[str, Any]) -> str | None:
    """Return the contact who signed an inbound email (by name in its last lines), or None."""
    if activity.get("direction") != "inbound":
        return None
    text = normalise(activity.get("text") or "")
    tail = text[-120:].lower()
    head = text[:40].lower()
    found = None
    for c in ctx.record.contacts:
        name = ctx.contact_name(c)
        if not name:
            continue
        first = name.split()[0].lower()
        if re.search(rf"\b{re.escape(first)}\b\W*$", tail) or re.search(rf"[-–—,]\s*{re.escape(first)}\b", tail):
            if re.search(rf"^\W*(hi|hello|dear|hallo|bonjour|hola)\s+{re.escape(first)}\b", head):
                continue  # greeted, not signed
            found = c.id
    if found is None:
        found = signed_contact(ctx, activity)  # wave 36: "... bis morgen. Jonas Weber", the name after the last sentence
    if found is None and len(ctx.record.contacts) == 1:
        return ctx.record.contacts[0].id
    return found


ESCALATION_CUE_MAX_CHARS = 60
"""The longest cue an escalation quotes (a pattern's match is a few words; this bounds its filler)."""


def _cue(matched: str) -> str:
    """The matched words on one line, bounded, with no quotes of their own to break out of the brief's quotes."""
    return re.sub(r"[\"“”«»<>\[\]{}]", "", " ".join(matched.split()))[:ESCALATION_CUE_MAX_CHARS]
