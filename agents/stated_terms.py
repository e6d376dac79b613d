"""The matches of a term pattern that a text states, not asks about or denies (issue 11, wave 40, inj52).

Shared by the checks of terms no record field vouches (agents.partner_status, agents.vouchers, agents.flat_prices): a
sentence that asks about the buyer ("Are you a certified partner?", "Haben Sie noch Gutscheine von der Messe?") or
denies ("We do not offer vouchers", "kein Pauschalpreis", "sans forfait", "no ofrecemos tarifa plana") grants nothing,
so only the statements are reported.

Wave 41 (offers41): a question put as a proposal ("Would a flat fee per depot help?", "Wie wäre es mit einem
Pauschalpreis?", "Et si on passait au forfait illimité ?", "¿Le ayudaría una tarifa plana?") offers as surely as the
statement, as agents.offered_questions decided for the concept rules in wave 39; it is read as a statement here too.
A proposal that names the buyer's own thing ("Would you like to use your vouchers from the fair?") offers nothing of
ours, and a question reported before its frame ("Dana asked: would a flat fee help?") or as a statement ("Javier
preguntó si una tarifa plana le ayudaría", unless the sentence grants it: "..., which we confirmed") is the buyer's.
A proposal asked in the negative ("Wouldn't a flat fee be simpler?") proposes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.negation import denied_in_clause
from agents.normalize import normalise
from agents.offered_questions import offered_as_question
from agents.sentence_ends import sentence_parts
from agents.stance_words import AGREED

_CLAUSE = re.compile(r"[,;:()\n–—]")
_THEIRS = re.compile(r"\b(?:your|yours|ihre[mnrs]?|eure[mnrs]?|votre|vos|tus?|sus?|vuestr[oa]s?)\s*$", re.I)
"""A term the buyer's possessive owns just before it, in a proposal ("use your vouchers", "Ihre Gutscheine
einlösen", "vos bons d'achat", "sus vales de compra"): theirs already, so the proposal grants nothing of ours."""


_ASKING_NOT = re.compile(r"\b(?:would|could|should|will|wo|does|do|is|are|ca)n['’]t\b|"
                         r"\bnicht(?=\s+(?:einfacher|leichter|besser|sinnvoller|praktischer|günstiger)\b)|"
                         r"\bpas(?=\s+plus\s+(?:simple|pratique|facile)\b)|\bno(?=\s+(?:sería|le\s+\w+ría)\b)", re.I)
"""A proposal asked in the negative ("Wouldn't a flat fee be simpler?", "Wäre ein Pauschalpreis nicht einfacher?",
"Un forfait ne serait-il pas plus simple ?", "¿No sería más sencilla una tarifa plana?") proposes the term: the
negation asks, it does not deny."""
REPORTED_ASK = re.compile(
    r"\b(?:asked|asks|wondered|wonders|wanted\s+to\s+know)\s+(?:us\s+|me\s+)?(?:whether|if)\b|\bfragt\w*,?\s+ob\b|"
    r"\bwissen,?\s+ob\b|\bdemand\w*\s+si\b|\bsavoir\s+si\b|\bpregunt\w*\s+si\b|\bsaber\s+si\b", re.I)
"""A question the buyer put, reported as a statement ("Javier preguntó si una tarifa plana le ayudaría"): theirs."""
_AGREED = re.compile(rf"\b(?:{AGREED}|granted|zugesagt|accordé\w*|concedid\w*)\b", re.I)
"""An answer that grants the reported ask ("asked whether a flat fee is possible, which we confirmed")."""


def _denied(prefix: str, rest: str, proposed: bool = False) -> bool:
    if proposed:  # "Wouldn't a flat fee be simpler?": the negation asks
        prefix, rest = _ASKING_NOT.sub(" ", prefix), _ASKING_NOT.sub(" ", rest)
    return denied_in_clause(prefix, rest)


def reported_ask(sentence: str, at: int) -> bool:
    clause = _CLAUSE.split(sentence[:at])[-1] if ";" in sentence[:at] else sentence[:at]
    return bool(REPORTED_ASK.search(clause)) and not _AGREED.search(sentence)


def _owned(sentence: str, m: re.Match[str]) -> bool:
    # a term's match may begin with its owner ("your vouchers"): the owner is read with the words before it
    first, *rest = m.group(0).split(maxsplit=1)
    return bool(_THEIRS.search(sentence[:m.start()]) or rest and _THEIRS.search(sentence[:m.start()] + first))


def stated_terms(text: str, term: re.Pattern[str], cues: Iterable[str] = (), allowed_promises: Iterable[str] = ()
                 ) -> list[str]:
    """Each match of `term` in a sentence of `text` that is no question (or a question put as a proposal), unless a
    negation in its clause precedes it.

    `cues` (lower-case words one of which every match holds) let a text without any skip the sentence split; a match a
    phrase of the tenant's `allowed_promises` holds is the tenant's own term and is left out."""
    low = text.lower()
    if cues and not any(c in low for c in cues):
        return []
    permitted = " ".join(p.lower() for p in allowed_promises)
    out = []
    for sentence in sentence_parts(text):
        proposed = False
        if "?" in sentence or "¿" in sentence:
            if not offered_as_question(normalise(sentence)):
                continue  # a question about the buyer states nothing
            proposed = True
        out += [m.group(0) for m in term.finditer(sentence)
                if not _denied(sentence[:m.start()], sentence[m.end():], proposed) and m.group(0).lower() not in permitted
                and not (proposed and _owned(sentence, m)) and not reported_ask(sentence, m.start())]
    return out
