"""Asking the buyer about a topic they already raised (issue 11, wave 22: set 30's b6 in four languages — "which costs do
you want to reduce most?" to Anna, whose demo notes say "Schwerpunkt: Leerlaufzeiten und Dieselkosten"; "whether you
would prefer all 9 clinics to go live at once or in stages?" to Elena, whose colleague asked on the call whether the
clinics can go live in two waves).

`agents.known_asks` reads counts only; this reads topics. Two kinds of question show that a rep has not read the
record:

- an open question for the buyer's priority ("what do you want to improve first?", "welche Kosten möchten Sie vor allem
  senken?", "quel problème souhaitez-vous d'abord résoudre ?", "¿qué quieren mejorar primero?") when a buyer-side
  activity (inbound e-mail, meeting, call or note) states a focus ("Biggest pain:", "Schwerpunkt:", "Problème
  principal :", "Prioridad:");
- a question for the buyer's preference ("would you prefer ...", "möchten Sie ...", "préférez-vous ...", "¿prefieren
  ...?", "whether ... or ...") whose topic — two content words or concepts, the object counted ("9 clinics") left out —
  is one the buyer raised themselves ("Tom asked ... whether the 9 clinics can go live in two waves").

Silent when the record states nothing of the kind, when the question names the stated focus itself (a confirmation:
"is idle time still the priority?"), quotes the buyer ("you mentioned two waves — is March still right?"), or chooses
among things on record ("which of the two depots should go first?").
"""

from __future__ import annotations

import re
import unicodedata

from agents.context import Context
from agents.normalize import SENTENCE_BREAK, normalise

_FOCUS = re.compile(
    r"\b(?:pain(?: points?)?(?=\s*:)|biggest (?:pain|problem|issue|concern)|main (?:pain|problem|issue|concern|goal|focus|priority)|"
    r"(?:top |first |key )?priority|focus(?:ed)? on|focus|"
    r"schwerpunkt|priorität|hauptproblem|hauptziel|hauptanliegen|größtes problem|wichtigstes ziel|"
    r"problème principal|principal problème|priorité|objectif principal|enjeu principal|"
    r"prioridad|problema principal|principal problema|objetivo principal|foco|enfoque)\b\s*:?", re.I)
"""A buyer-side note stating what matters most to them; the focus follows the marker."""
_ASKS = re.compile(r"\?|^\s*¿|\b(?:tell me|let me know|could you|can you|would you|please|"
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


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _terms(text: str) -> set[str]:
    """A text's concepts and its content words cut to five letters; the object counted ("9 clinics") left out: it is
    what the whole deal is about, not the topic asked."""
    counted = {_plain(w)[:5] for w in re.findall(r"\d+\s+([^\W\d_]+)", text)}
    concepts = {name for name, r in _CONCEPT_RES if r.search(text)}
    words = {_plain(w)[:5] for w in _WORD.findall(text) if _plain(w) not in _STOP}
    return concepts | (words - counted)


def _buyer_sentences(ctx: Context) -> list[tuple[str, str]]:
    """(sentence, where) of every activity in the buyer's voice or noted from them: not our own e-mails, not withheld."""
    out = []
    for a in ctx.activities.values():
        if a.get("withheld") or (a.get("type") == "email" and a.get("direction") == "outbound") \
                or a.get("type") == "page_view":
            continue
        for s in re.split(SENTENCE_BREAK, normalise(a.get("text") or "")):
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
    for sentence in re.split(SENTENCE_BREAK, normalise(body)):
        if not _ASKS.search(sentence) or _QUOTES_BUYER.search(sentence) or _AMONG_KNOWN.search(sentence):
            continue
        asked = _terms(sentence)
        if _PRIORITY_ASK.search(sentence) and _WANTS.search(sentence):
            # naming the stated focus in the question confirms it rather than asking it again
            stated = next(((f, w) for f, w in focus if f and not (_terms(f) & asked)), None)
            if stated:
                out.append(f"asks for the buyer's priority the record already states ({stated[0][:50]!r}, {stated[1]}): "
                           f"{sentence.strip()[:80]!r}")
                continue
        if _PREFERENCE.search(sentence):
            known = next(((s, w) for s, w in raised if len(_terms(s) & asked) >= 2), None)
            if known:
                out.append(f"asks about a topic the buyer already raised ({known[0].strip()[:60]!r}, {known[1]}): "
                           f"{sentence.strip()[:80]!r}")
    return out
