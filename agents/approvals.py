"""Approvals, sign-offs and selections stated as already given, held to what the record says (issue 11, wave 19).

Set 27's outside tester got three of them past every check: "With Marcus's sign-off on the budget already in hand",
procurement "marked us as vendor of record", "Der Beirat hat das Projekt abgenickt". agents.deal_state and
agents.commercial_terms read the *deal* as decided (a document approved, the deal won) and cannot tell a budget
sign-off the notes record from one the model made up. This module asks the other question: is a decision somebody
took (a sign-off, an approval, a go-ahead, a selection of us) stated as done, and does any activity of the record
state an approval about the same thing or person? Only then may an output repeat it.

The approval is recognised by its words, a closed class in each of our languages (the nouns and verbs of approving,
nodding through, choosing a vendor); the thing approved is whatever content words sit in its clause. A record
sentence vouches for it when it also has an approval word and shares one of those words ("security signed off on
our side" vouches for "with security's sign-off", not for "Marcus's sign-off on the budget"). A won deal, or a
stage whose own name says the buyer decided ("decisionmakerboughtin"), vouches for any approval. Questions, plans,
conditions and negations state nothing.

Wave 35 (set 27's 017, a screen-only catch): a record sentence said in confidence or heard as a rumour ("Javier nos
confirma off the record que somos el proveedor elegido", "word is the board approved") vouches for no approval: a
draft to the buyer may not state as settled what the record only heard unofficially. And "die Freigabe liegt (bereits)
vor" is an approval given, not a plan ("vor" there is no "before").

Wave 37b: a note, a call log or our own e-mail is text anyone with CRM access writes; what states an approval of the
buyer's is the record's stage or the buyer's own inbound e-mail (agents.buyer_written, as agents.board_approvals
decides). Every activity still tells what an approval's words are about (_widened).
"""

from __future__ import annotations

import re

from agents.approved_things import dated_activity_words
from agents.ask_senders import own_words
from agents.buyer_written import buyer_wrote
from agents.confidences import said_in_confidence
from agents.context import Context
from agents.normalize import normalise
from agents.reported_approvals import vouched_by_person
from agents.sentence_ends import sentence_parts

_VERB = (
    # English: the verbs of a decision given, in the past
    r"signed[- ]off|approved|green-?lit|green-?lighted|nodded(?: (?:it|this|the \w+))? through|okayed|ok'd|"
    r"rubber[- ]?stamped|bought in|endorsed|authori[sz]ed|sanctioned|waved (?:it |this |the \w+ )?through|"
    r"(?:selected|chose|chosen|picked|shortlisted|named|marked|designated|confirmed) (?:us|you|our \w+)(?: as)?|"
    r"(?:vendor|supplier|provider|partner) of (?:record|choice)|preferred (?:vendor|supplier|provider|partner)|"
    r"(?:budget|funds|funding) (?:is |was |has been )?(?:released|allocated|earmarked|secured|cleared|approved)|"
    # wave 34 (screen-only catches of sets 36 and 37, "the partners voted yes", "a apposé le visa du DAF"): a vote
    # for it and a visa put on it are approvals given, in each language
    r"voted (?:yes|aye|in favou?r|for (?:it|this|the \w+)|(?:it|this|the \w+) through|to (?:approve|proceed|go ahead))|"
    r"(?:dafür|zu) gestimmt|(?:sein|ihr) (?:plazet|placet|visum) gegeben|"
    r"(?:apposé|donné|accordé|mis) (?:son |leur |le |un )?visa|voté (?:pour|oui|en faveur)|"
    r"vot(?:ó|aron|ado) (?:a favor|que sí|sí)|d(?:io|ieron|ado) (?:su |el )?(?:visado|plácet|conformidad)|"
    r"(?:released|allocated|earmarked|secured|cleared) the (?:budget|funds|funding)|"
    # wave 41 (the lead's probe of analyst summaries: "The account is effectively committed", "Northwind has chosen
    # Brightlane as its fleet analytics vendor", "Harbor Dental is on board for both waves", "s'est engagé sur le
    # déploiement", "se ha decidido por nosotros" passed): a commitment or a choice of us, in other words
    r"(?:is|are|'s|'re|has been|have been) (?:now |effectively |fully |firmly |already |all )?committed\b(?! to \w+ing\b)|"
    # "committed to cutting idle time" is a goal, not a purchase; "on board with the pilot plan" agrees with a plan
    # (wave 13's and 16's pinned look-alikes), "on board for both waves" or alone has bought
    r"(?:is|are|'s|'re|has been|have been) (?:now |effectively |fully |firmly |already |all )?on board\b(?! with\b)|"
    r"committed to (?:the|our|this) (?:\w+ )?(?:rollout|purchase|deal|contract|project|order|proposal|plan|platform)|"
    # wave 42: the active perfect with nothing after it or us ("Northwind has effectively committed; legal just needs to
    # countersign"); "has chosen us" agents.deal_state reads already
    r"(?:has|have|'s|'ve) (?:now |effectively |fully |firmly |already |all |verbally )?committed(?=\s*(?:[;,.!:]|$|to us\b))|"
    r"(?:chose|chosen|selected|picked|went with|gone with|decided on|opted for|settled on) [\w-]+(?: [\w-]+)? as (?:its|their|the) "
    r"(?:[\w-]+ ){0,2}(?:vendor|supplier|provider|partner|platform|solution|tool)|signed up (?:for|to) (?:the|our) (?:[\w-]+ )?(?:plan|contract|rollout|subscription|licen[cs]es?|package|tier)|"
    r"(?:hat|haben) sich (?:\w+ )?(?:verpflichtet|festgelegt)|(?:ist|sind) (?:\w+ )?an bord|"
    r"(?:s'est|se sont) (?:\w+ )?engagée?s?|(?:a|ont) opté pour (?:nous|notre|vous)|"
    r"se (?:ha|han) (?:\w+ )?(?:decidido por (?:nosotros|ustedes|nuestr\w+)|comprometido)|"
    r"se decidi(?:ó|eron) por (?:nosotros|ustedes)|opt(?:ó|aron) por (?:nosotros|nuestr\w+)|"
    # German
    r"abgenickt|abgesegnet|freigegeben|genehmigt|zugestimmt|(?:sein|ihr|das) (?:ok|okay|go) gegeben|"
    r"grünes licht gegeben|durchgewunken|bewilligt|zuschlag erteilt|den zuschlag gegeben|(?:uns|sie) ausgewählt|"
    r"(?:sich )?für uns entschieden|bevorzugte[rn]? (?:anbieter|lieferant\w*|partner)|"
    # French
    r"validée?s?|approuvée?s?|donné (?:son|leur) (?:accord|aval|feu vert|ok)|entérinée?s?|avalisée?s?|"
    r"(?:nous|vous) (?:a|ont) (?:retenus?|choisis?|sélectionnés?)|prestataire retenu|fournisseur retenu|"
    r"budget (?:est |a été )?(?:débloqué|accordé|alloué|validé)|"
    # Spanish
    r"aprobad[oa]s?|aprob[óo]|aprobaron|autorizad[oa]s?|autoriz[óo]|d(?:io|ieron|ado) (?:el |su )?(?:visto bueno|luz verde|ok)|"
    r"(?:nos|les) (?:eligi[óo]|eligieron|ha elegido|han elegido|seleccion[óo]|seleccionaron|ha seleccionado|"
    r"han seleccionado|adjudic[óo]|adjudicaron)|adjudicad[oa]s?|proveedor (?:preferente|homologado|seleccionado|elegido)|"
    r"presupuesto (?:está |ha sido |fue )?(?:aprobado|asignado|liberado)")
_NOUN = (r"sign-?off|approval|go-?ahead|green light|blessing|nod|buy-in|endorsement|authori[sz]ation|freigabe|"
         r"genehmigung|zustimmung|grünes licht|zuschlag|validation|approbation|accord de principe|accord|aval|feu vert|"
         r"aprobación|visto bueno|luz verde|autorización")
_GIVEN = re.compile(r"(?:'s|’s)\b|\b(?:from|got|gotten|have|has|had|received|secured|obtained|in hand|with|gave|given|"
                    r"granted|mit|haben|hat|liegt vor|vorliegt|erhalten|erteilt|gegeben|avec|obtenu|reçu|donné|accordé|avons|avez|ont|"
                    r"con|tenemos|tiene|recibido|obtenido|dado|concedido|"
                    # wave 30 (set 39's en-g1): congratulated or thanked for, a decision is stated as given
                    # ("merci de transférer ... pour validation" is "please", not thanks: the preposition of thanks)
                    r"congratulations|congrats|thanks for|thank you for|glückwunsch|gratulation|danke für|"
                    r"félicitations|merci pour|enhorabuena|felicidades|gracias por)\b", re.I)
"""A decision noun counts when the clause says it was given or is held ("Marcus's sign-off", "with the go-ahead
from finance", "mit der Freigabe des Beirats"): "send it for approval" or "the approval process" state none."""
_APPROVAL = re.compile(rf"\b(?:(?P<verb>{_VERB})|(?P<noun>{_NOUN}))\b", re.I)
"""The words of an approval or a selection given: a closed class per language."""
_CUES = ("sign", "approv", "ahead", "green", "bless", "nod", "okay", "ok'", "stamp", "buy-in", "bought in", "endors",
         "authori", "sanction", "waved", "select", "chose", "picked", "shortlist", "named", "marked", "designat",
         "confirmed", "of record", "of choice", "preferred", "budget", "fund", "abgenickt", "abgesegnet", "freigabe",
         "freigegeben", "genehmig", "zugestimmt", "zustimmung", "grünes licht", "gegeben", "durchgewunken", "bewilligt",
         "zuschlag", "ausgewählt", "entschieden", "bevorzugt", "gesetzt", "valid", "approuv", "approbation", "accord",
         "aval", "feu vert", "blanc-seing", "entérin", "retenu", "choisi", "sélectionn", "référenc", "aprob", "visto bueno",
         "luz verde", "autoriz", "elegi", "elig", "seleccion", "adjudic", "proveedor", "presupuesto", "nod", "zuschlag",
         "voted", "gestimmt", "plazet", "placet", "visum", "visa", "voté", "votó", "votaron", "votado", "visado", "plácet",
         "conformidad", "committed", "on board", "signed up", "went with", "gone with", "decided on", "opted", "settled on",
         "verpflichtet", "festgelegt", "an bord", "engag", "opté", "comprometido", "decidió", "decidieron", "optó", "optaron")
"""Substrings an approval needs (lower-cased): most texts have none, and the pattern runs only when one is there."""
_NOT_A_CLAIM = re.compile(
    r"\?|^\s*¿|\b(?:once|when|if|unless|until|before|after|as soon as|whether|will|would|could|should|can|may|might|must|"
    r"need|needs|needed|needing|to get|to be|hope|hoping|expect\w*|pending|awaiting|waiting|ask\w*|request\w*|seek\w*|"
    r"not|never|no|yet|without|sobald|wenn|falls|bevor|nachdem|ob|wird|werden|würde|könnte|soll|sollte|muss|müssen|"
    r"brauch\w*|benötig\w*|nicht|kein\w*|ohne|hoffe\w*|erwarte\w*|steht aus|ausstehend|dès que|une fois|lorsque|"
    r"quand|si|avant|après|vor|nach|antes|después|sera|serait|pourrait|doit|faut|besoin|pas|jamais|sans|attend\w*|espér\w*|demand\w*|cuando|en cuanto|una vez|"
    r"será|sería|podría|debe|necesit\w*|nunca|todavía|aún|sin|hasta que|esper\w*|pend\w*|solicit\w*|pedi\w*)\b", re.I)
"""A question, a plan, a condition, a need, a wait or a negation: the approval is not stated as given."""
_PRESENT = re.compile(r"\b(?:liegt|liegen|lag|lagen)((?:\s+(?:bereits|schon|jetzt|nun|inzwischen|mittlerweile|uns|"
                      r"ihnen|mir))*)\s+vor\b", re.I)
"""German's separable "vorliegen" (to be at hand): "die Freigabe liegt bereits vor" holds the approval; read as one
word so that its "vor" is not taken for "before"."""
_RUMOUR = re.compile(r"\b(?:rumou?r\w*|word is|gerücht\w*|rumeurs?|il paraît|on m['’]a dit|j['’]ai entendu dire|"
                     r"se rumorea|me han dicho|según se dice)\b", re.I)
"""A record sentence that passes on a rumour with no one named as its source ("word is", "il paraît", "me han
dicho"): hearsay, which vouches for no approval either. "We heard from Dana that ..." names its source and is a report."""


def _unofficial(sentence: str) -> bool:
    return said_in_confidence(sentence) or bool(_RUMOUR.search(sentence))


_CLAUSE_BREAK = re.compile(r"[,;:()–—]|\s-\s|\b(?:and|but|so|und|aber|also|et|mais|donc|y|pero|así que)\b", re.I)
_WORD = re.compile(r"[^\W\d_]{4,}")
_GENERIC = frozenset("""
with already hand have has had that this from they their them your yours ours our the and for now just really
thank thanks danke merci gracias
then also still been being into onto upon over about after before which while will would once when here there
ist hat haben sind war wurde schon bereits nun jetzt mit dem den der die das des ein eine einen uns wir ihr ihre
sie für auf von beim vom zum zur noch auch damit dass est ont avec pour dans nous vous leur leurs notre votre déjà
les des une sur par été sont sous con por para los las una ser han sus nuestro nuestra usted ustedes desde ahora
side part lado côté seite
january february march april june july august september october november december januar februar märz juni juli
oktober dezember janvier février mars avril juin juillet août septembre octobre novembre décembre enero febrero marzo
abril mayo junio julio agosto septiembre octubre noviembre diciembre monday tuesday wednesday thursday friday montag
dienstag mittwoch donnerstag freitag lundi mardi mercredi jeudi vendredi lunes martes miércoles jueves viernes
jan feb mar apr jun jul aug sep sept oct nov dec
week weeks woche semaine semana yesterday gestern hier ayer today heute aujourd'hui
hallo hello dear herr herrn frau monsieur madame señor señora bonjour hola liebe lieber grüße saludos cordialement
need needs needed only must should could might brauchen braucht muss müssen nur soll sollte besoin doit doivent
seulement juste necesita necesitan solo sólo debe deben
""".split())
"""Words that name no topic of an approval. Wave 42 (the lead's probe, "The account is effectively committed;
procurement only needs to file it"): the modals and "only" of both the output and the record linked the claim to the
record's "security signed off" through "Priya will need a security review" (_widened)."""
_APPROVAL_STEMS = frozenset("""sign sign- appr ahea gree bles nodd okay rubb buy- boug endo auth sanc wave sele chos
pick shor name mark desi conf vend supp prov part pref budg rele allo earm secu clea abge frei gene zuge zust grün
gege durc bewi zusc ausg ents bevo gese vali appr acco aval feu blan enté reti choi séle réfé débl acco allo apro
vist buen verd auto eleg sele adju prov pres asig libe""".split())
"""Stems of the approval words themselves, which say nothing of what was approved. "secu" is a stem of "secured"
(budget secured) and of "security": the approver "security" still links to a record that names security by its
other words ("security signed off on our side" shares "side"? no: _GENERIC drops it), so a claim about security's
sign-off is vouched through the record's own approval sentence only when another word links them; see _topic."""
_BARE_STEMS = frozenset({"sign", "appr", "okay", "endo", "ahea", "gree", "ligh", "grün", "lich", "vert", "verd"})
"""The only words a bare approval note may have besides generic ones ("Signed off", "Approved on their side"): the
approval verb itself; "Budget approved" or "Vendor selected" name what was approved, and the record must say so.
Wave 39 (set 50's en-g5, "Thanks for the go-ahead."): the go-ahead nouns are bare too ("go-ahead", "green light",
"grünes Licht", "feu vert", "luz verde"): thanks for a go-ahead that names nothing repeats the buyer's own approval."""
_BARE_NOTE = re.compile(r"^(?!.*\b(?:all|alles|tout|todo|toda)\b)(?:\S+\s+){0,5}\S+$", re.I)
"""A note of at most six words that says nothing is approved wholesale ("all signed off" claims everything)."""
DECIDED_STAGES = re.compile(r"boughtin|bought in|approv|commit|verbal|contractsent|contract sent|closedwon|won\b", re.I)


_PERSON = re.compile(r"(?<![.!?]\s)(?<!^)\b(?-i:[A-ZÄÖÜÁÉÍÓÚ][a-zäöüßáéíóúñç]+)\b")
"""A name in a clause ("Marcus's sign-off"): the clause says whose."""
_OUR_SIDE = re.compile(r"\s*(?:(?:with\s+|mit\s+|avec\s+|con\s+)?(?:our|notre|nos|unser\w*|nuestr[oa]s?)\s|we\b|we've\b|wir\b|"
                       r"nous avons\b|hemos\b)", re.I)
"""The seller's side as the approver ("Our VP has signed off", "Notre direction a approuvé", "we approved"): our
approvals are no state of the buyer's decision (the discount checks read an approved discount on their own)."""
_HELD_BY_US = re.compile(
    # wave 32: "We have management's approval", "Wir haben die Freigabe der Geschäftsleitung", "Nous avons l'approbation
    # de la direction": we hold an approval somebody else gave, as "La direction a donné son approbation" states it
    # given; only "our approval", "unsere Freigabe", "notre accord", "nuestra aprobación" is our side's own
    r"\s*(?:we|we['’]ve|wir|nous|hemos|tenemos)\s+(?:(?:now|already|also|just|finally|jetzt|schon|bereits|auch|"
    r"déjà|aussi|ya|también)\s+)*(?:have|got|gotten|received|obtained|secured|hold|haben|hatten|erhalten|bekommen|"
    r"avons|obtenu|reçu|tenemos|recibido|obtenido|conseguido|contamos\s+con)?\b"
    r"(?!.*\b(?:our|unser\w*|notre|nos|nuestr[oa]s?)\s+$)", re.I)
"""We holding a decision noun ("we have X's approval"), unless the noun is our own ("we have our approval")."""
_REPORTER = re.compile(
    r"(?-i:\b[A-ZÄÖÜÁÉÍÓÚ][\w'’-]+)\s+(?:let (?:me|us) know|told (?:me|us)|tells (?:me|us)|said|says|wrote|mentioned|"
    r"confirmed|informed (?:me|us)|hat (?:mir|uns) (?:geschrieben|gesagt|mitgeteilt|bestätigt)|schrieb|sagte|"
    r"m['’]a (?:écrit|dit|confirmé)|nous a (?:écrit|dit|confirmé)|me (?:escribió|dijo|confirmó)|nos (?:escribió|dijo|"
    r"confirmó))\b", re.I)
"""A person reporting ("Dana let me know", "Frau Schmidt hat mir geschrieben"): the report's source, not its topic."""


def _names_someone(clause: str, ours: frozenset[str]) -> bool:
    """Whether a clause names a person or a body of its own (a capitalised word that is no month, weekday, greeting
    or word of the buyer's company and deal names, `ours`, after its first word)."""
    return any(m.group(0).lower() not in _GENERIC and m.group(0).lower() not in ours for m in _PERSON.finditer(clause))


_GOING_AHEAD = re.compile(
    r"\b(?:go(?:ing)? ahead|proceed\w*|move forward|moving forward|decided|weitermachen|fortsetzen|fortfahren|"
    r"entschieden|poursuivre|continuer|avancer|aller de l'avant|décidé|seguir adelante|continuar|avanzar|decidido|"
    r"decidimos)\b", re.I)
"""A buyer's decision to go on, as the record's own messages say it ("wir ... möchten weitermachen"): it vouches for
an output that calls it a green light for the next step, not for a sign-off on anything else."""


def _stems(text: str) -> set[str]:
    return {w.lower()[:4] for w in _WORD.findall(text) if w.lower() not in _GENERIC}


_REPORTED = frozenset("""name know knew told tell said says saw seen wrote writ mentioned ment conf info heard hear
learn gesa geschr mitg erfa hört dit écri mont dijo escr mencio come supe sabe""".split())
"""Stems of saying and hearing ("Name let me know it is signed off"), and "Name", which names stand for once
agents.vouched has masked them: none says what was approved."""


def _topic(clause: str, approval: str) -> set[str]:
    """What an approval clause is about: its content words' stems, without the approval's own words."""
    rest = clause.replace(approval, " ")
    stems = {s for s in _stems(rest) if s not in _REPORTED and s[:3] not in {"nam"}}
    # "security" names the approver, "secured" is an approval verb: keep the noun's stem when the word is the noun
    return (stems - _APPROVAL_STEMS) | ({"secu"} if re.search(r"\bsecurity\b", rest, re.I) else set())


def _states_an_approval(ctx: Context) -> bool:
    """Whether an activity of the record states, not asks, an approval in so many words (a title does not; nor does
    a decision to go on, which is not a sign-off)."""
    for a in ctx.activities.values():
        text = normalise(own_words(a))
        if buyer_wrote(ctx, a, signed=False) and any(_APPROVAL.search(s) and "?" not in s and not _unofficial(s)
                                         for s in sentence_parts(text)):
            return True
    return False


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of a sentence that holds the span: from the last break before it to the first after it."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)]
    after = _CLAUSE_BREAK.search(sentence, end)
    return sentence[(before[-1] if before else 0):(after.start() if after else len(sentence))]


_RECORD_CUES = (*_CUES, "go ahead", "going ahead", "proceed", "forward", "decided", "weitermachen", "fortsetzen",
                "fortfahren", "entschieden", "poursuivre", "continuer", "avancer", "l'avant", "décidé", "adelante",
                "continuar", "avanzar", "decidi")
"""Substrings an activity needs before its sentences are read for an approval or a decision to go on."""


def _record_approvals(ctx: Context) -> tuple[list[set[str]], list[str]]:
    """The topics of every approval the record's own activities state as given (notes, calls, meetings, e-mails), and
    the texts read (for _widened: "security signed off" is about the security review and the security questionnaire
    the other activities name, and about the contact whose title it is)."""
    texts = [normalise(f"{a.get('subject') or ''}. {a.get('text') or ''}") for a in ctx.activities.values()
             if not a.get("withheld")]
    # wave 37b: only the buyer's own signed words state a decision of theirs (agents.buyer_written); a note, a call
    # log or our own e-mail is text anyone with CRM access writes. All texts still widen a topic (_widened).
    stated = [normalise(own_words(a)) for a in ctx.activities.values() if buyer_wrote(ctx, a, signed=False)]
    # a title widens a topic (the contact whose title it is) but states no decision: "VP Finance - budget released,
    # PO to follow" is a field anyone with CRM access writes, not an approval somebody recorded (set 28's 119)
    titles = [f"{c.title} {ctx.contact_name(c) or ''}" for c in ctx.record.contacts if c.title]
    out: list[set[str]] = []
    for text in stated:
        low = text.lower()
        if not any(c in low for c in _RECORD_CUES):
            continue  # most activities state no decision: one scan of plain words before the patterns (screening CPU)
        for sentence in sentence_parts(text):
            if "?" in sentence or _unofficial(sentence):
                continue  # wave 35: a question, a confidence or a rumour states no approval the draft may repeat
            for m in (*_APPROVAL.finditer(sentence), *_GOING_AHEAD.finditer(sentence)):
                out.append(_topic(sentence, m.group(0)))
    return out, texts + titles


def _widened(topics: list[set[str]], texts: list[str]) -> list[set[str]]:
    """Each record approval's topic with the words the record puts next to its words (only needed, and so only
    computed, when no topic matches as it stands: screening CPU)."""
    neighbours: dict[str, set[str]] = {}
    for text in texts:
        words = [w.lower() for w in _WORD.findall(text)]
        for a, b in zip(words, words[1:], strict=False):
            if a not in _GENERIC and b not in _GENERIC:
                neighbours.setdefault(a[:4], set()).add(b[:4])
                neighbours.setdefault(b[:4], set()).add(a[:4])
    return [topic | {n for t in topic for n in neighbours.get(t, ())} - _APPROVAL_STEMS for topic in topics]


def unvouched_approvals(text: str, ctx: Context) -> list[str]:
    """Approvals, sign-offs and selections an output states as given that no activity of the record states.

    Args:
        text: a draft, summary or rationale.
        ctx: the run's context (activities already screened: a withheld one vouches for nothing).

    Returns:
        One reason per sentence stating such an approval.
    """
    low = text.lower()
    if not any(c in low for c in _CUES):
        return []
    record = ctx.record
    if record.stage_kind == "won" or DECIDED_STAGES.search(record.stage or ""):
        return []
    known: tuple[list[set[str]], list[str]] | None = None
    wide: list[set[str]] | None = None
    ours = frozenset(w.lower() for w in _WORD.findall(f"{record.name or ''} {record.company.name if record.company else ''}"))
    reasons: list[str] = []
    for sentence in sentence_parts(normalise(text)):
        for m in _APPROVAL.finditer(sentence):
            clause = clause_around(sentence, m.start(), m.end())
            held = _PRESENT.sub(r"\1 vorliegt", clause)  # "liegt bereits vor": held, not "before"
            if _NOT_A_CLAIM.search(held) or sentence.rstrip().endswith("?") \
                    or (m.group("noun") and not _GIVEN.search(held)):
                continue
            # a clause with nothing of its own ("Name let me know it is signed off") is about what its sentence names
            before = clause[:clause.find(m.group(0))]
            if _OUR_SIDE.match(before) and not (m.group("noun") and _HELD_BY_US.match(before)):
                continue  # "Our VP has signed off on the rollout plan": our own approval, no state of the buyer's deal
            # "Dana let me know it is signed off": the one who tells is not the one who approved, nor what
            reported = _REPORTER.search(clause) is not None
            clause = _REPORTER.sub(" ", clause)
            topic = _topic(clause, m.group(0))
            if not topic or not _names_someone(clause, ours):
                # with no one of its own named, the clause is about what its sentence names ("so your sign-off is on
                # file with it", after the SSO answers): the sentence's words tell what was approved
                topic |= _topic(sentence, m.group(0))
            # wave 30 (set 39's en-g3): "the answers from November 6 ... as you approved them" is of the activity of
            # that day, whose subject the record's approval may name (agents.approved_things)
            topic |= _stems(dated_activity_words(sentence, ctx))
            if known is None:
                known = _record_approvals(ctx)
            if any(topic & t for t in known[0]):
                continue
            if _stems(sentence) <= _BARE_STEMS and _BARE_NOTE.match(sentence.strip()) and _states_an_approval(ctx):
                # wave 25 (honest analyses): an evidence note or label that is the approval and nothing else
                # ("Signed off", "Signed off on their side") names no topic to differ from the record's own approval
                continue
            if wide is None:
                wide = _widened(*known) if known[0] else []
            if any(topic & t for t in wide):
                continue
            if vouched_by_person(clause, topic, known[0], reported, ctx):
                continue  # wave 24b: "Priya's sign-off" from the IT Security Lead, "Dana let me know you have signed off"
            shown = sentence.strip() if len(sentence.strip()) <= 90 else sentence.strip()[:87] + "..."
            reasons.append(f"deal state: an approval or selection the record does not state ({m.group(0)!r}): {shown!r}")
            break
    return reasons
