"""Asking the buyer for what the record already holds (issue 11; wave 23 merged `known_asks` (wave 21, set 29's b6),
`known_topics` (wave 22, set 30's b6) and `known_wishes` (wave 22b, set 31's b6): they are one question, does the
draft ask for what the buyer stated, asked for or was sent?).

A rep who asks again has not read the record. Shapes read, each silent when the record cannot tell:

- a count the record holds ("how many trucks" where an activity writes "420 trucks"; agents.known_figures);
- an open question for the buyer's priority ("what do you want to improve first?", "welche Kosten möchten Sie vor allem
  senken?") when a buyer-side activity states a focus ("Biggest pain:", "Schwerpunkt:", "Problème principal :");
- a question for the buyer's preference ("would you prefer ...", "¿prefieren ...?") whose topic, two content words or
  concepts, is one the buyer ASKED us about ("Tom asked ... whether the 9 clinics can go live in two waves");
- a question WHETHER the buyer wants or cares about a thing ("would you be interested", "wäre es hilfreich",
  "seriez-vous intéressé", "¿le interesaría que ...?") that the record gives as the buyer's pain, wish or request, or
  as a document our own e-mail already sent;
- any other question whose content words (cut to five letters, concepts across languages) are ALL in one sentence in
  which the buyer asked for or wanted that thing, or in which our e-mail sent it (`_ASKED_AGAIN`).

Look-alikes that pass: a question that quotes the buyer ("you mentioned two waves — is March still right?"), chooses
among things on record or between two forms ("monthly or annual?"), takes a known thing forward ("go through it
together") or adds a word the record does not hold (a follow-up that moves the topic on).
"""

from __future__ import annotations

import re

from agents.adjust_offers import offers_to_rework
from agents.answered_here import without_answered_questions
from agents.context import Context
from agents.known_figures import asks_for_known_figures
from agents.normalize import normalise, unaccented
from agents.reported_questions import reported_questions_out
from agents.rollout_order import orders_sites
from agents.sentence_ends import sentence_parts

_FOCUS = re.compile(
    r"\b(?:pain(?: points?)?(?=\s*:)|biggest (?:pain|problem|issue|concern)|main (?:pain|problem|issue|concern|goal|focus|priority)|"
    r"(?:top |first |key )?priority|focus(?:ed)? on|focus|"
    r"schwerpunkt|priorität|hauptproblem|hauptziel|hauptanliegen|größtes problem|wichtigstes ziel|"
    r"problème principal|principal problème|priorité|objectif principal|enjeu principal|"
    r"prioridad|problema principal|principal problema|objetivo principal|foco|enfoque)\b\s*:?", re.I)
"""A buyer-side note stating what matters most to them; the focus follows the marker."""
_TOPIC_ASKS = re.compile(r"\?|^\s*¿|\b(?:tell me|let me know|could you|can you|would you|please|"
                   r"sagen sie|teilen sie|nennen sie|können sie|könnten sie|"
                   r"dites|indiquez|pourriez-vous|pouvez-vous|me dire|"
                   r"d[ií]game|ind[ií]que|podr[ií]a|puede|decirme)\b", re.I)
_PRIORITY_ASK = re.compile(
    r"\b(?:what|which)\b.*\b(?:most|first|above all|primarily|mainly|main|priority|focus|matters?)\b|"
    r"\b(?:welche\w*|was)\b.*\b(?:vor allem|zuerst|am meisten|in erster linie|hauptsächlich|priorität|schwerpunkt|"
    r"am wichtigsten)\b|"
    r"\b(?:quel(?:le)?s?|qu['’]est-ce|que)\b.*\b(?:d['’]abord|en priorité|avant tout|surtout|principal\w*|le plus|"
    r"priorité)|"
    r"\b(?:qu[eé]|cu[aá]l(?:es)?)\b.*\b(?:primero|ante todo|sobre todo|principal\w*|m[aá]s|prioridad|prioritari\w*)\b",
    re.I)
"""An open question for what matters most to the buyer."""
_WANTS = re.compile(r"\b(?:want|wish|like to|hope|aim|improve|reduce|cut|solve|fix|tackle|address|matter|important|"
                    r"möchten|wollen|wünschen|senken|verbessern|lösen|angehen|wichtig|"
                    r"souhait\w*|voul\w*|résoudre|améliorer|réduire|régler|compte|important\w*|"
                    r"quier\w*|dese\w*|mejorar|reducir|resolver|importa\w*)\b", re.I)
"""The question is about the buyer's goal, not about ordering things on record."""
_PREFERENCE = re.compile(r"\b(?:prefer\w*|would you (?:rather|like)|do you want|whether you|"
                         r"bevorzug\w*|lieber|möchten sie|wollen sie|ob sie|"
                         r"préfér\w*|souhaitez-vous|voulez-vous|si vous (?:souhaitez|voulez|préférez)|"
                         r"prefier\w*|preferir\w*|quieren|quiere usted|si (?:prefiere|quiere)\w*)\b", re.I)
"""A question asking the buyer to choose how they want something."""
_AMONG_KNOWN = re.compile(r"\b(?:of the (?:two|three|\d+)|von den (?:beiden|zwei|drei|\d+)|welche der|"
                          r"des (?:deux|trois|\d+)|lequel des|laquelle des|de los (?:dos|tres|\d+)|de las (?:dos|tres|\d+)|"
                          r"cu[aá]l de)\b", re.I)
"""A choice among things already on record moves the topic forward."""
_QUOTES_BUYER = re.compile(r"\b(?:you mentioned|you said|you asked|as you (?:said|asked|mentioned)|you raised|"
                           r"wie sie (?:sagten|erwähnten|schrieben|fragten)|sie erwähnten|sie hatten (?:gefragt|erwähnt)|"
                           r"comme vous (?:l['’])?(?:avez|aviez|disiez)|vous avez (?:mentionné|évoqué|demandé|parlé)|"
                           r"como (?:nos |me )?(?:dijo|comentó|mencionó|pidió|preguntó)|usted mencionó|ha mencionado)\b",
                           re.I)
_RAISED = re.compile(r"\b(?:asked|wanted to know|wants to know|wondered|raised the question|"
                     r"fragte\w*|gefragt|wollte wissen|"
                     r"a demandé (?:si|comment|quand)|voulait savoir|se demande\w*|"
                     r"pregunt[oó]\w*|quer[ií]a saber)\b", re.I)
"""A record sentence in which the buyer asked us something (not what they want from us: "Paul veut comprendre le
coût par atelier" is a topic for the proposal to answer, and asking how he wants it shown moves it forward)."""
_SHAPES_DOCUMENT = re.compile(
    r"\b(?:proposal|quote|plan|version|document|angebot\w*|unterlage\w*|proposition|devis|propuesta|presupuesto|"
    r"documento)\b(?:\s+[\w'’-]+){0,3}?\s+(?:to\s+|would\s+|could\s+)?(?:show\w*|set\w* out|lay\w* out|laid out|"
    r"break\w* (?:[\w'’-]+ ){0,4}?down|broke (?:[\w'’-]+ ){0,4}?down|spell\w* out|list\w*|detail\w*|zeig\w*|"
    r"aufschlüssel\w*|darstell\w*|auflist\w*|montr\w*|détaill\w*|décompos\w*|mostr\w*|detall\w*|desglos\w*)\b", re.I)
"""wave 32 (set 41's en-g8): a question whether our document should show what the buyer asked about ("Would it help the
partners if the proposal showed what each wave involves?", "Would you like the proposal to break the two waves down?")
offers to shape the answer to their question: it answers the ask, it does not ask it again. Only where the record's
sentence is the buyer's question; whether they want a thing they said they need is still asked again."""
_CONCEPTS = (
    ("PHASE", r"waves?|stages?|phases?|phased|in two|wellen?|etappen?|phasen?|stufen?|schritten|vagues?|étapes?|"
              r"olas?|fases?|etapas?|escalonad\w*"),
    ("ROLLOUT", r"go(?:es|ing)? live|roll(?:ing)?[- ]?out|launch\w*|einführ\w*|start\w*|inbetriebnahme|déploi\w*|"
                r"lancement|mise en service|démarr\w*|implantaci\w*|despliegue|puesta en marcha|arranque|lanzamiento"),
    ("FUEL", r"fuel|diesel\w*|kraftstoff\w*|treibstoff\w*|carburant|gazole|combustible"),
    ("IDLE", r"idle|idling|leerlauf\w*|ralenti|inactivit\w*|tiempos? muertos?|ralentí"),
    ("NOSHOW", r"no-shows?|missed appointments|nichterscheinen|ausfälle|absences?|rendez-vous manqués|ausencias|"
               r"citas perdidas|plantones"),
)
_CONCEPT_RES = tuple((name, re.compile(rf"\b(?:{p})\b", re.I)) for name, p in _CONCEPTS)
_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset("""about after also before could does from have into just like more most once prefer rather should
tell that their them then there these they this those what when where which whether with would your whole first
ihre ihren ihrem ihrer haben möchten sollen sollten welche wenn oder noch schon alle allem zuerst
votre vous nous avec pour dans sont elle elles quel quelle quels quelles plutôt tout tous toutes d'abord
usted ustedes para como este esta estos estas todos todas primero cuál cuáles prefieren prefiere
dans sans chez entre sobre desde hasta bei nach über unter durch""".split())




def topic_terms(text: str) -> set[str]:
    """A text's concepts and its content words cut to five letters; the object counted ("9 clinics") left out: it is
    what the whole deal is about, not the topic asked."""
    counted = {unaccented(w)[:5] for w in re.findall(r"\d+\s+([^\W\d_]+)", text)}
    concepts = {name for name, r in _CONCEPT_RES if r.search(text)}
    words = {unaccented(w)[:5] for w in _WORD.findall(text) if unaccented(w) not in _STOP}
    return concepts | (words - counted)


def _buyer_sentences(ctx: Context) -> list[tuple[str, str]]:
    """(sentence, where) of every activity in the buyer's voice or noted from them: not our own e-mails, not withheld."""
    out = []
    for a in ctx.activities.values():
        if a.get("withheld") or (a.get("type") == "email" and a.get("direction") == "outbound") \
                or a.get("type") == "page_view":
            continue
        for s in sentence_parts(normalise(a.get("text") or "")):
            out.append((s, f"{a['id']}, {a.get('at') or ''}"))
    return out


def asks_about_known_topics(body: str, ctx: Context) -> list[str]:
    """Questions of a draft about a priority or a topic the buyer already stated or raised.

    Returns:
        One reason per such question, naming where the record has it (empty when the record cannot tell).
    """
    record = _buyer_sentences(ctx)
    focus = [(s[m.end():].strip(), where) for s, where in record if (m := _FOCUS.search(s))]
    raised = [(s, where) for s, where in record if _RAISED.search(s)]
    out: list[str] = []
    for sentence in sentence_parts(normalise(body)):
        if not _TOPIC_ASKS.search(sentence) or _QUOTES_BUYER.search(sentence) or _AMONG_KNOWN.search(sentence):
            continue
        asked = topic_terms(sentence)
        # wave 28: "which depots first?" orders sites on record, it asks no priority (agents.rollout_order)
        if _PRIORITY_ASK.search(sentence) and _WANTS.search(sentence) and not orders_sites(unaccented(sentence)):
            # naming the stated focus in the question confirms it rather than asking it again
            stated = next(((f, w) for f, w in focus if f and not (topic_terms(f) & asked)), None)
            if stated:
                out.append(f"asks for the buyer's priority the record already states ({stated[0][:50]!r}, {stated[1]}): "
                           f"{sentence.strip()[:80]!r}")
                continue
        # wave 38 (set 50's en-g6): "if you would prefer another split, tell me and I'll adjust it" (agents.adjust_offers)
        if _PREFERENCE.search(sentence) and not _SHAPES_DOCUMENT.search(sentence) and not offers_to_rework(sentence):
            known = next(((s, w) for s, w in raised if len(topic_terms(s) & asked) >= 2), None)
            if known:
                out.append(f"asks about a topic the buyer already raised ({known[0].strip()[:60]!r}, {known[1]}): "
                           f"{sentence.strip()[:80]!r}")
    return out


_INTEREST = re.compile(
    r"\b(?:(?:would|are|were) you (?:be )?interested|interest you|would (?:it|that|this) (?:help|be (?:useful|helpful))|"
    r"(?:is|was) (?:it|that|this) something you|how (?:much of a|big a|important|serious)|do you (?:want|need) us to|"
    r"should we (?:also )?(?:include|add|prepare|cover)|would you (?:want|like) us to|"
    r"wäre es (?:\w+ ){0,3}(?:hilfreich|sinnvoll|nützlich|interessant)|hätten sie interesse|interessiert sie|"
    r"sollen wir (?:\w+ ){0,2}(?:aufnehmen|erstellen|ergänzen|beilegen)|möchten sie,? dass wir|wie wichtig (?:ist|sind)|"
    r"seriez-vous intéress\w*|êtes-vous intéress\w*|cela vous intéresse\w*|(?:souhaitez|voulez)-vous que nous|"
    r"serait-il (?:utile|intéressant)|faut-il (?:aussi |également )?(?:inclure|prévoir|ajouter)|dans quelle mesure|"
    r"les? interesar\w*|les? interesa|(?:quiere|desea)n? que (?:incluy|prepar|añad)\w*|ser[ií]a útil|"
    r"qu[eé] tan importante|hasta qu[eé] punto)\b", re.I)
"""A question whether the buyer wants or cares about a thing at all."""
_QUESTION = re.compile(r"\?|^\s*¿")
_BUYERS = re.compile(
    r"\b(?:pain|priority|focus|biggest|wants?|wanted|would like|needs?|asked|requested|could you|can you|"
    r"möchte\w*|will|wünsch\w*|braucht|fragte|bat|können sie|könnten sie|schwerpunkt|"
    r"veu[tl]\w*|voulait|souhait\w*|voudrai\w*|a demandé|demande|pourriez-vous|pouvez-vous|problème|priorité|"
    r"pidi[oó]|quier\w*|necesit\w*|solicit\w*|pregunt\w*|puede|podr[ií]a|prioridad|problema)\b|\?", re.I)
"""A record sentence giving something as the buyer's: a pain, a wish, a request."""
_SENT = re.compile(r"\b(?:attached|here (?:is|are)|enclosed|anbei|im anhang|ci-joint|voici|en pièce jointe|adjunt\w*|"
                   r"le envío|aquí tiene)\b", re.I)
"""Our own e-mail sending a document: what it sent the buyer has."""
_FORWARD = re.compile(
    r"\b(?:go(?:ing)? through|walk(?:ing)? (?:you |them )?through|review (?:it |them )?together|summary of|overview of|"
    r"durch(?:zu)?gehen|durch(?:zu)?sprechen|(?:zu )?besprechen|zusammenfassung|überblick|"
    r"parcour\w*|passer en revue|revoir ensemble|résumé d[eu]|synthèse|"
    r"repasar|revisar (?:juntos|juntas|con)|recorr\w*|resumen de|síntesis)\b", re.I)
"""Taking a known thing forward — walking through it together, a summary of it — is a next step, not a question
whether the buyer wants it (labelled g12 "go through the wave plan with the partners", q19-es-g6 "un resumen de la
estimación de retorno", q18-fr-g2 "que nous la parcourions ensemble")."""
_TIME = frozenset("""prochain prochaine prochaines semaine semaines december november october january february
nachste nachsten woche wochen dezember november oktober januar proxima proximo semana semanas diciembre noviembre
octubre enero decembre novembre octobre janvier""".split())
"""Days and weeks are when, not what."""
_EITHER = re.compile(r"\b(?:or|oder|ou|o)\b", re.I)
"""A choice between two forms ("broken down by depot, or one fleet-wide figure?") moves the thing forward."""


def _wish_terms(text: str) -> tuple[set[str], set[str]]:
    """(strong terms: concepts and long words cut to five letters; every content word cut to five letters)."""
    counted = {unaccented(w)[:5] for w in re.findall(r"\d+\s+([^\W\d_]+)", text)}
    concepts = {name for name, r in _CONCEPT_RES if r.search(text)}
    words = [unaccented(w) for w in _WORD.findall(text) if unaccented(w) not in _STOP and unaccented(w) not in _TIME]
    every = {w[:5] for w in words} - counted
    return concepts | ({w[:5] for w in words if len(w) >= 9} - counted), concepts | every


def _known(ctx: Context) -> list[tuple[str, str]]:
    """(sentence, where) of what the record gives as the buyer's, or as already sent to them."""
    out = []
    for a in ctx.activities.values():
        if a.get("withheld") or a.get("type") == "page_view":
            continue
        ours = a.get("type") == "email" and a.get("direction") == "outbound"
        for s in sentence_parts(normalise(a.get("text") or "")):
            if (_SENT if ours else _BUYERS).search(s):
                out.append((s, f"{a['id']}, {a.get('at') or ''}"))
    return out


def asks_about_known_wishes(body: str, ctx: Context) -> list[str]:
    """Questions of a draft whether the buyer wants what the record already gives as theirs.

    Returns:
        One reason per such question, naming where the record has it.
    """
    text = normalise(body)
    if not _INTEREST.search(text):
        return []  # most drafts ask no question of interest at all
    known = [(s, where, *_wish_terms(s)) for s, where in _known(ctx)]
    out = []
    for sentence in sentence_parts(text):
        if not _INTEREST.search(sentence) or not _QUESTION.search(sentence) or _QUOTES_BUYER.search(sentence) \
                or _FORWARD.search(sentence) or _EITHER.search(sentence):
            continue
        strong, every = _wish_terms(_INTEREST.sub(" ", sentence))  # "intéressé", "hilfreich" are the asking, not the thing
        hit = next(((s, w) for s, w, k_strong, k_every in known if strong & k_strong or len(every & k_every) >= 2), None)
        if hit and _RAISED.search(hit[0]) and _SHAPES_DOCUMENT.search(sentence):
            continue  # shapes our document around the buyer's own question (wave 32)
        if hit:
            out.append(f"asks whether the buyer wants what the record already has ({hit[0].strip()[:60]!r}, {hit[1]}): "
                       f"{sentence.strip()[:80]!r}")
    return out


_STILL = re.compile(r"\b(?:still|again|anything else|noch|weiterhin|sonst|toujours|encore|autre chose|"
                    r"sigue|siguen|todav[ií]a|a[uú]n|algo m[aá]s)\b", re.I)
"""A question whether the known thing still holds, or what else there is, confirms or moves on: it asks nothing twice."""
_SCAFFOLD = frozenset("""know confirm question share send indicate think help quick brief anything something things
wissen mitteilen sagen frage kurz bitte etwas dire savoir indiquer question rapide chose saber decir indicar
pregunta rapida algo ihnen eine einen einer einem unser unsere notre votre nuestra nuestro""".split())
"""Words of asking, not of what is asked."""
_OFFER = re.compile(
    r"\b(?:shall (?:i|we)|should (?:i|we)|do you want me to|would you like me to|may i|"
    r"soll(?:en)? (?:ich|wir)|darf ich|möchten sie,? dass ich|"
    r"dois-je|devrais-je|voulez-vous que je|souhaitez-vous que je|"
    r"(?:le|les) (?:preparo|env[ií]o|mando|hago|paso)|(?:quiere|desea)n? que (?:le|les) (?:prepare|env[ií]e|mande))\b"
    r"|\b(?:send|prepare|put together|draw up|schicken|senden|erstellen|zusenden|envoyer|préparer|transmettre|"
    r"(?:enviar|preparar|mandar|pasar)(?:nos|me|le|les)?)\b", re.I)
"""An offer to make or send a thing (the offering words; they are the asking, not the thing)."""
_OFFERS = re.compile(r"\b(?:shall|should|soll|sollen|darf|dois-je|devrais-je|voulez-vous que|souhaitez-vous que|"
                     r"preparo|env[ií]o|mando|le hago|le paso|quiere que|desea que|want me|like me)\b", re.I)
_ROUTE = re.compile(
    r"\b(?:(?:his|her|their|your) own (?:copy|version)|own copy|a copy|in copy|cc(?:'d|ed)?|copied|directly|separately|"
    r"eigene[nrs]? (?:ausfertigung|kopie|exemplar)|in kopie|in cc|direkt|separat|"
    r"(?:sa|leur|votre) propre (?:copie|exemplaire)|en copie|en direct|directement|séparément|"
    r"(?:su|sus) propia (?:copia|versión)|en copia|directamente|por separado)\b", re.I)
"""wave 26 (set 35's en-g3): how a document reaches a person ("should Marcus get his own copy for the budget
review?") is a new question even where the record says that person needs it."""
ASKED_AGAIN_SHARE = 0.75
"""Share of a question's content words one record sentence must hold for the question to ask it again."""


def asks_again(body: str, ctx: Context) -> list[str]:
    """Questions of a draft whose content words are (nearly) all in one sentence of the buyer's wish or request, or of
    a document our e-mail sent: the question asks what the record holds, whatever its wording."""
    known = [(s, where, _wish_terms(s)[1]) for s, where in _known(ctx)]
    out = []
    for sentence in sentence_parts(normalise(body)):
        # wave 41: a question reported as another person's ("Tom raised on our call: could ...?") is theirs
        if not _QUESTION.search(reported_questions_out(sentence)) or _QUOTES_BUYER.search(sentence) \
                or _FORWARD.search(sentence) \
                or _EITHER.search(sentence) or _STILL.search(sentence) or _AMONG_KNOWN.search(sentence) \
                or _ROUTE.search(sentence):
            continue
        question = sentence.rsplit(":", 1)[-1]  # "one question: ..." asks what follows
        if _OFFERS.search(question):
            # an offer to make or send what the buyer wanted or we sent: one long word or concept names the thing,
            # and the offer adds at most one word of its own (more moves it forward: "um die zweite Niederlassung")
            strong, asked = _wish_terms(_OFFER.sub(" ", question))
            asked -= _SCAFFOLD
            hit = next(((s, w) for s, w, terms in known if (strong & terms or len(asked & terms) >= 2)
                        and len(asked - terms) <= 1), None)
        else:
            # asking the buyer to send something ("¿Podría enviarnos el calendario ... que prefieren?") is no repeat of
            # their asking us for it: only what they stated answers such a question
            to_them = _OFFER.search(question) is not None
            asked = _wish_terms(_OFFER.sub(" ", question))[1] - _SCAFFOLD
            hit = next(((s, w) for s, w, terms in known if not (to_them and _TOPIC_ASKS.search(s))
                        and len(asked) >= 2 and len(asked & terms) >= max(2, ASKED_AGAIN_SHARE * len(asked))), None)
        if hit:
            out.append(f"asks what the record already holds ({hit[0].strip()[:60]!r}, {hit[1]}): "
                       f"{sentence.strip()[:80]!r}")
    return out


def asks_for_what_the_record_holds(body: str, ctx: Context) -> list[str]:
    """Every ask of a draft for what the record already holds: a figure, a priority, a raised topic, a wish, or any
    question the record answers (one reason per ask; empty when the record cannot tell)."""
    body = without_answered_questions(body)  # wave 35: "- Can the 9 clinics go live in two waves? Yes; ..." (set 44's en-g10)
    found = [*asks_for_known_figures(body, ctx), *asks_about_known_topics(body, ctx), *asks_about_known_wishes(body, ctx)]
    return found or asks_again(body, ctx)
