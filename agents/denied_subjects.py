"""A subject line that announces what the body denies (issue 11, wave 35: set 44's en-b7 "Revised proposal attached" over
"The revised proposal is not ready yet", fr-b7 "Proposition jointe" / "n'est pas encore prête", es-b7 "Propuesta
adjunta" / "aún no está lista", de-b7 "Termin bestätigt" / "wir haben noch keinen Termin").

The buyer reads the subject first: a subject saying a thing is attached, enclosed, ready, signed or confirmed, over a
body saying that same thing is not yet, or will follow, tells them two things and one is false. The thing is the
subject's own noun (proposal, Angebot, proposition, propuesta, Termin ...), found in the body's denying clause as its
head (not "the annex to the proposal") or as the clause's pronoun when the body names no other thing; a subject with
no noun ("Attached", "Confirmed") is denied by any denying clause about "it".

Honest pairs pass: "Proposal attached" over "the security appendix will follow"; "Termin bestätigt" over "das Angebot
folgt am Freitag"; a subject that is itself a question or negated ("Proposal not attached yet").
"""

from __future__ import annotations

import re

from agents.normalize import fold_accents

_ANNOUNCES = re.compile(
    r"\b(?:attached|enclosed|inside|ready|signed|confirmed|here is|here's|herewith|done|"
    r"anbei|im anhang|beigefugt|angehangt|fertig|bereit|unterschrieben|unterzeichnet|bestatigt|steht|"
    r"ci-jointe?s?|jointe?s?|en piece jointe|prete?s?|signee?s?|confirmee?s?|"
    r"adjunt[oa]s?|list[oa]s?(?! de)|firmad[oa]s?|confirmad[oa]s?|aqui (?:tiene|va))\b")
"""A state the subject claims, accents folded."""
_SUBJECT_DENIED = re.compile(r"\?|\b(?:not|no|noch nicht|kein\w*|pas|aun no|todavia no|sin|follows?|folgt|suit|sigue|soon|bald|bientot|pronto)\b")
_DENIES = re.compile(
    r"\b(?:not (?:yet |quite )?(?:ready|attached|enclosed|done|finished|final|signed|confirmed|included|available)|"
    r"(?:is|are)n't (?:yet |quite )?(?:ready|attached|done|finished|signed|confirmed)|not yet|yet to be|"
    r"will follow|to follow|follows (?:on|by|next|later|separately)|still (?:working|being (?:finalised|finalized|prepared))|"
    r"noch nicht|noch kein\w*|folgt|folgen|reiche \w+ nach|nachgereicht|in arbeit|"
    r"pas encore|n'est pas (?:encore )?(?:prete|jointe|signee|confirmee|finalisee|disponible)|suivra|suivront|"
    r"en cours de (?:preparation|finalisation|redaction)|"
    r"todavia no|aun no|no esta (?:todavia |aun )?(?:lista|listo|adjunta|adjunto|firmad[oa]|confirmad[oa])|"
    r"(?:le |se la |se lo )?(?:la |lo )?enviare|en preparacion|pendiente)\b")
"""A body clause saying the thing is not there yet (accents folded)."""
_STOP = frozenset("""re aw fw wg tr rv your our the a an for and with to of on ihr ihre unser unsere der die das den dem
des fur und mit zum zur von am im votre notre nos vos le la les l de du des pour et avec au su sus nuestra nuestro el los
las del para y con al""".split())
_OF_BEFORE = re.compile(r"\b(?:to|of|for|with|from|zum|zur|des|der|vom|von|mit|du|de la|de l'|des|avec|pour|del|de|con|"
                        r"para)\s+(?:the |den |dem |la |le |l'|el |los |las |les )?$")
"""A preposition before the noun: it is not the clause's head ("the annex to the proposal")."""
_PRONOUN = re.compile(r"^\W*(?:it|they|es|er|elle|il|ella)\b|^\W*(?:la |lo )?(?:aun|todavia) no\b")
_ARTICLE = re.compile(r"\s*(?:(?:a|an|the|any|einen|eine|ein|un|une|de|d'|una|ningun\w*)\s+)?$")
"""Between the denial and the thing only an article: "noch keinen Termin", "not confirmed a meeting"."""
_CLAUSE = re.compile(r"[.;:!?\n]+|\s+(?:but|aber|jedoch|mais|pero|sino)\s+")


def _stems(subject: str) -> list[str]:
    """The subject's nouns, five letters of each (accents folded): what it announces."""
    words = re.findall(r"[a-z][a-z'-]{2,}", _ANNOUNCES.sub(" ", fold_accents(subject).lower()))
    return [w[:5] for w in words if w not in _STOP]


def denied_subject(subject: str, body: str) -> list[str]:
    """The body clause that denies what the subject announces, or nothing."""
    folded = fold_accents(subject).lower()
    if not _ANNOUNCES.search(folded) or _SUBJECT_DENIED.search(folded):
        return []
    stems = _stems(subject)
    text = fold_accents(body).lower()
    named_elsewhere = False
    for clause in _CLAUSE.split(text):
        deny = _DENIES.search(clause)
        if not deny:
            named_elsewhere = named_elsewhere or bool(stems and any(s in clause for s in stems))
            continue
        head = [m for s in stems for m in re.finditer(rf"\b{re.escape(s)}\w*", clause)
                if (m.start() < deny.start() or (m.start() >= deny.end() and _ARTICLE.match(clause[deny.end():m.start()])))
                and not _OF_BEFORE.search(clause[: m.start()])]
        pronoun = _PRONOUN.search(clause) and not named_elsewhere
        if head or pronoun or (not stems and _PRONOUN.search(clause)):
            return [f"the subject says {subject.strip()[:50]!r}, the body says otherwise: {clause.strip()[:70]!r}"]
    return []
