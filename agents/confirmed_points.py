"""A confirmation to a contact who asked nothing open (issue 11, wave 30: set 39's en-g8, de-g5, de-g8, fr-g8, es-g5 and
es-g8 refused "0 ask(s)").

The "one clear call to action" rule reads a draft as a step when it asks something or commits to one. Honest drafts to
the deal's other people also confirm and stop there: to the CFO, "der Betrag im Angebot bleibt bei 36.000 EUR", "Le
montant reste de 28 000 EUR", "El importe sigue siendo de 42.000 EUR"; to whoever asked for the payback figures, "die
Amortisationsrechnung vom 28. Oktober steht unverändert im Anhang des Angebots", "La estimación de retorno ... va tal
cual en el anexo de la propuesta"; to the buyer who liked a feature, "The reminder texts your team singled out ...
start in wave one". A sales manager accepts those: the recipient has no question open, and the draft settles a point
that is theirs or a figure the record holds, so there is nothing to ask of them.

Only then, and narrowly:
- the recipient is not the one whose latest question is open (to the asker, the draft must answer or commit);
- a sentence says the thing stays, stands or is carried into the deal's document ("bleibt bei", "reste de", "sigue
  siendo", "steht ... im Angebot", "va tal cual en", "appear in the proposal", "start in wave one");
- and what it settles is on record: the record's amount in figures, or a phrase of the recipient's own recorded point
  (an activity that names them, or their own e-mail) with the deal's document named in the draft.
A friendly note with nothing settled ("I have been thinking about the rollout") stays a draft with no step, and so does
one whose settled thing is not the recipient's ("the reminder texts start in wave one", to the CFO who never raised them).
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.moments import Ask
from agents.sentence_ends import sentence_parts

_SETTLED = re.compile(
    r"(?<!-)\b(?:stays?|remains?|is unchanged|are unchanged|(?:is|are) (?:still|exactly|now) (?:in|at)|"
    r"appears? (?:\w+ ){0,2}?in|(?:is|are) (?:included|carried) in|goes? (?:straight |unchanged )?into|"
    r"starts? (?:in|with)|begins? (?:in|with)|comes? first in|"
    r"bleibt|bleiben|steht|stehen|(?:ist|sind) (?:\w+ ){0,3}?enthalten|unverändert|"
    r"reste|restent|demeure|demeurent|figurent?|tel(?:le)?s? quel(?:le)?s?|(?:est|sont) (?:repris|reprise)s?|"
    r"sigue siendo|siguen siendo|se mantiene|se mantienen|queda en|quedan en|tal cual|figuran?|(?:va|van) (?:\w+ )?en|"
    r"(?:está|están) (?:incluid|recogid)[oa]s?|"
    # wave 34 (set 43's en-g9, fr-g7, es-g7): the document showing or following the point ("the revised proposal shows
    # that clinic by clinic", "La proposition montre comment ...", "El calendario de la propuesta sigue esa prioridad")
    r"shows?|sets? out|lays? out|follows|reflects|zeigt|zeigen|folgt|folgen|montre|montrent|suit|suivent|reflète|"
    r"reflètent|muestra|muestran|sigue|siguen|refleja|reflejan|recoge|recogen)\b",
    re.I,
)
"""The thing said to stay as it is, or to be carried into (or shown by) the deal's document."""
_SETTLED_LATER = re.compile(
    r"\b(?:(?:will|'ll|shall) (?:\w+ )?(?:follow|show|appear|reflect|set out|be (?:in|included in|part of))|"
    r"wird (?:\w+ ){0,4}?(?:folgen|zeigen|enthalten sein)|suivra|suivront|figurera|figureront|montrera|reprendra|"
    r"seguirá|seguirán|figurará|figurarán|mostrará|recogerá|irá en|irán en)\b", re.I)
"""wave 35 (set 44's en-g5, to Priya: "The appendix with the SSO and data retention answers will follow with the
proposal"): the same verbs in the future settle the same point, to a contact with no question open only. To the asker
a future carries the request forward and must answer it (set 34's en-b4 "will follow as soon as Priya has finished",
set 35's fr-b4 "ne montrera que celle-ci" to Claire stay refused)."""
_DOCUMENT = re.compile(
    r"\b(?:proposal|quote|offer|contract|annex|appendix|plan|wave|angebot\w*|anhang|anlage|vertrag\w*|proposition|"
    r"offre|devis|annexe|contrat|propuesta|oferta|anexo|contrato|presupuesto)\b",
    re.I,
)
"""The deal's document (or its plan's wave), which the settled thing is carried into."""
_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = frozenset(
    """this that with from your their have will what when which about after before there these those them they
    demo call email mail proposal plan team clinics trucks depots vehicles fahrzeuge angebot proposition propuesta
    thanks danke merci gracias hallo hola bonjour dear herr frau""".split()
)
"""Words too common in every record to make a point the recipient's own."""


def _figures(text: str) -> set[int]:
    """Whole amounts written in figures, with their thousands separators read ("36.000", "28 000", "24,000")."""
    out = set()
    for m in re.finditer(r"\d{1,3}(?:[.,\s\u202f]\d{3})+|\d{4,}", text):
        out.add(int(re.sub(r"\D", "", m.group(0))))
    return out


def _recipients_points(ctx: Context, to_contact_id: str, *, own_emails: bool = True) -> list[set[str]]:
    """The content words of each activity that is the recipient's: one that names them, or (for the primary contact,
    whose unsigned e-mails they are, unless `own_emails` is False) their inbound e-mail."""
    contact = next((c for c in ctx.record.contacts if c.id == to_contact_id), None)
    name = ctx.contact_name(contact) if contact is not None else None
    if not name:
        return []
    names = [re.escape(n) for n in name.split() if len(n) > 2]
    named = re.compile(rf"\b(?:{'|'.join(names)})\b", re.I) if names else None
    out = []
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        text = f"{a.get('subject') or ''}. {a.get('text') or ''}"
        if (
            own_emails
            and bool(getattr(contact, "is_primary", False))
            and a.get("direction") == "inbound"
            and a.get("type") == "email"
        ):
            out.append({w.lower() for w in _WORD.findall(text)} - _COMMON)
            continue
        # a meeting they attended is theirs whole ("Claire et Paul présents. Problème principal : les absences aux
        # rendez-vous", wave 34); elsewhere a sentence that names them is theirs ("Jonas möchte eine
        # Amortisationsrechnung") and the rest may be someone else's ("the reminder texts were the highlight. Tom ...")
        if a.get("type") == "meeting" and named is not None and named.search(text):
            out.append({w.lower() for w in _WORD.findall(text)} - _COMMON)
            continue
        for sentence in sentence_parts(text):
            if named is not None and named.search(sentence):
                out.append({w.lower() for w in _WORD.findall(sentence)} - _COMMON)
    return out


def _shared_phrase(sentence: str, points: list[set[str]]) -> bool:
    """Two content words of the sentence in one of the recipient's activities (a phrase, not a stray word)."""
    words = {w.lower() for w in _WORD.findall(sentence)} - _COMMON
    return any(len(words & point) >= 2 or any(len(w) >= 12 and w in point for w in words) for point in points)


def confirmed_point(body: str, ctx: Context, to_contact_id: str, ask: Ask | None) -> str | None:
    """The sentence that settles a point of the recipient's or the record's amount, in a draft to a contact with no
    question open, or None. To the contact whose question is open, only the deal's document shown to carry a point of
    theirs that their asking e-mail does not make (wave 34, set 43's fr-g7: the demo's priority in the proposal)."""
    asker = ask is not None and ask.sender_contact_id == to_contact_id
    sentences = sentence_parts(body)
    amount = int(ctx.record.amount) if ctx.record.amount else None
    document = any(_DOCUMENT.search(s) for s in sentences)
    points: list[set[str]] | None = None
    for i, sentence in enumerate(sentences):
        if "?" in sentence or not (_SETTLED.search(sentence) or not asker and _SETTLED_LATER.search(sentence)):
            continue
        if not asker and amount is not None and amount in _figures(sentence):
            return sentence.strip()[:80]
        if document and (not asker or _DOCUMENT.search(sentence)):
            points = _recipients_points(ctx, to_contact_id, own_emails=not asker) if points is None else points
            # the point may be stated in the sentence before ("... su prioridad era X. La propuesta sigue esa prioridad.")
            if _shared_phrase(sentence, points) or (i > 0 and _shared_phrase(f"{sentences[i - 1]} {sentence}", points)):
                return sentence.strip()[:80]
    return None
