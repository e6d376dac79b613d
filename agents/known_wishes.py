"""Asking whether the buyer wants what they already asked for, named as their pain, or received (issue 11, wave 22b:
set 31's b6 in four languages — "how much of a concern is idle time ..., and is it something you would want the
proposal to address?" to Dana, who wrote that idle time is their biggest cost leak; "Wäre es ... hilfreich, wenn wir
zusätzlich eine Amortisationsrechnung erstellen?" to Herr Weber, who asked for one at the demo and received it;
"seriez-vous intéressé par un chiffrage du coût atelier par atelier ?" to Paul, who wanted to understand the cost per
workshop; "¿le interesaría que incluyéramos un calendario de implantación?" to Javier, who asked for the proposal with
that very timeline).

`agents.known_topics` reads a question for the buyer's PRIORITY or PREFERENCE; wave 22 kept out what the buyer
wants, because asking HOW they want it ("préférez-vous un montant mensuel ou annuel ?") moves it forward. This reads
the other shape: a question WHETHER the buyer is interested in, would find useful or cares about a thing ("would you
be interested", "would it help if we", "how much of a concern is", "wäre es hilfreich", "seriez-vous intéressé",
"¿le interesaría que ...?") — asked of a thing the record already gives as the buyer's: a pain or focus they named,
something they wanted, requested or asked (in an inbound e-mail, a meeting, call or note), or a document our own
e-mail already sent. The thing is matched by one concept (idle time, fuel, phases, go-live, no-shows) or one long
word (nine letters or more, cut to five: "Amortisationsrechnung", "implantación"), or by two shorter content words.
A question that quotes the buyer ("as you asked, ...") passes.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.known_topics import _CONCEPT_RES, _QUOTES_BUYER, _STOP, _plain
from agents.normalize import SENTENCE_BREAK, normalise

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
_ASKS = re.compile(r"\?|^\s*¿")
_BUYERS = re.compile(
    r"\b(?:pain|priority|focus|biggest|wants?|wanted|would like|needs?|asked|requested|could you|can you|"
    r"möchte\w*|will|wünsch\w*|braucht|fragte|bat|können sie|könnten sie|schwerpunkt|"
    r"veu[tl]\w*|voulait|souhait\w*|voudrai\w*|a demandé|demande|pourriez-vous|pouvez-vous|problème|priorité|"
    r"pidi[oó]|quier\w*|necesit\w*|solicit\w*|pregunt\w*|puede|podr[ií]a|prioridad|problema)\b|\?", re.I)
"""A record sentence giving something as the buyer's: a pain, a wish, a request."""
_SENT = re.compile(r"\b(?:attached|here (?:is|are)|enclosed|anbei|im anhang|ci-joint|voici|en pièce jointe|adjunt\w*|"
                   r"le envío|aquí tiene)\b", re.I)
"""Our own e-mail sending a document: what it sent the buyer has."""
_WORD = re.compile(r"[^\W\d_]{4,}")
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


def _terms(text: str) -> tuple[set[str], set[str]]:
    """(strong terms: concepts and long words cut to five letters; every content word cut to five letters)."""
    counted = {_plain(w)[:5] for w in re.findall(r"\d+\s+([^\W\d_]+)", text)}
    concepts = {name for name, r in _CONCEPT_RES if r.search(text)}
    words = [_plain(w) for w in _WORD.findall(text) if _plain(w) not in _STOP and _plain(w) not in _TIME]
    every = {w[:5] for w in words} - counted
    return concepts | ({w[:5] for w in words if len(w) >= 9} - counted), concepts | every


def _known(ctx: Context) -> list[tuple[str, str]]:
    """(sentence, where) of what the record gives as the buyer's, or as already sent to them."""
    out = []
    for a in ctx.activities.values():
        if a.get("withheld") or a.get("type") == "page_view":
            continue
        ours = a.get("type") == "email" and a.get("direction") == "outbound"
        for s in SENTENCE_BREAK.split(normalise(a.get("text") or "")):
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
    known = [(s, where, *_terms(s)) for s, where in _known(ctx)]
    out = []
    for sentence in SENTENCE_BREAK.split(text):
        if not _INTEREST.search(sentence) or not _ASKS.search(sentence) or _QUOTES_BUYER.search(sentence) \
                or _FORWARD.search(sentence) or _EITHER.search(sentence):
            continue
        strong, every = _terms(_INTEREST.sub(" ", sentence))  # "intéressé", "hilfreich" are the asking, not the thing
        hit = next(((s, w) for s, w, k_strong, k_every in known if strong & k_strong or len(every & k_every) >= 2), None)
        if hit:
            out.append(f"asks whether the buyer wants what the record already has ({hit[0].strip()[:60]!r}, {hit[1]}): "
                       f"{sentence.strip()[:80]!r}")
    return out
