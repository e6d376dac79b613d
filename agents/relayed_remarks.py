"""What a thanks says of another person beside the thing thanked for (issue 11, wave 40: set 52's en-g1 and en-g3,
refused "thanks Priya for a message Priya did not send" and "thanks the recipient for what the record credits to
Dana").

agents.thanks reads a thanks clause to its sentence's end: the people it names and the days it gives tell whom the
thanks credits and for what. Two kinds of remark in that clause are about someone else and credit them with nothing:
- an aside after a dash that opens with a contact's name: "Thanks for your note of November 18, and congratulations on
  the security review – Priya was thorough and quick" thanks Dana for her note, and praises Priya apart;
- the source of what we know: "Thank you for closing the security review – Dana let me know on November 18", "..., as
  Dana told me", "..., wie mir Frau Schmidt am 20. November geschrieben hat", "..., comme me l'a écrit Claire", "...,
  según me escribió Javier". Its person is the teller, and its day the day we were told, not the day of the thing.
Both are cut from the clause before it is read. A name inside the thing thanked for ("thanks for your note and Priya's
questionnaire") is not a remark and stays.

Wave 42 (set 54's en-g1, "Thank you for your message of November 18 – good news that Priya's security review is signed
off"): an aside after a dash or a semicolon may open with the news rather than the name: "good news that", "glad to
hear", "congratulations", "schön, dass", "gute Nachricht", "bonne nouvelle", "ravi d'apprendre", "buena noticia", "me
alegra". It greets what someone else did and credits them with no message; it is cut in the same way.
"""

from __future__ import annotations

import re

_TITLE = r"(?:(?:herr|frau|mr\.?|mrs\.?|ms\.?|dr\.?|m\.|mme|mlle|monsieur|madame|sr\.?|sra\.?|don|doña)\s+)?"
_SOURCE = (
    r",?\s*\b(?:as|like)\s+{title}{name}\s+(?:told|wrote|mentioned|said|let|confirmed|informed|updated)\b|"
    r",?\s*\bwie\s+(?:mir|uns)\s+(?:[^\W\d_]+\s+){{0,2}}?{title}{name}\b[^.;!?\n]{{0,60}}?"
    r"\b(?:geschrieben|gesagt|mitgeteilt|berichtet|bestätigt|erzählt)\b(?:\s+hat)?|"
    r",?\s*\bcomme\s+(?:me|nous)\s+l['’]a\s+(?:écrit|dit|indiqué|confirmé|annoncé|appris)\s+{title}{name}\b|"
    r",?\s*\b(?:según|como)\s+(?:me|nos)\s+(?:escribió|dijo|contó|comentó|indicó|confirmó)\s+{title}{name}\b")
"""The teller of what is thanked for, named after it."""
_DASH_ASIDE = r"\s[–—-]\s+{title}{name}\b"
"""An aside after a dash that opens with a person's name."""
_NEWS_ASIDE = re.compile(
    r"\s*(?:[–—-]\s|;)\s*(?:and\s+|und\s+|et\s+|y\s+)?(?:"
    r"(?:(?:that's|that\s+is|it's|it\s+is|what)\s+)?(?:some\s+)?(?:very\s+)?(?:good|great|excellent|welcome)\s+news|"
    r"(?:(?:i'm|i\s+am|we're|we\s+are|so|very)\s+)?(?:glad|pleased|happy|delighted)\s+(?:to\s+(?:hear|see|read)|that)|"
    r"(?:(?:it's|it\s+is)\s+)?(?:great|good|nice)\s+to\s+(?:hear|see|read)|"
    r"congratulations|"
    r"(?:das\s+ist\s+|was\s+für\s+)?(?:eine\s+)?(?:gute|schöne|erfreuliche|tolle)\s+nachricht(?:en)?|"
    r"(?:sehr\s+)?(?:schön|gut|erfreulich|prima|toll)\s*,?\s+(?:dass|zu\s+hören|zu\s+lesen)|(?:herzlichen\s+)?glückwunsch|"
    r"(?:c'est\s+une\s+|quelle\s+)?(?:très\s+)?(?:bonne|excellente|belle)\s+nouvelle|"
    r"(?:je\s+suis\s+|nous\s+sommes\s+)?ravie?s?\s+(?:d'apprendre|de\s+(?:voir|lire|savoir)|que)|félicitations|"
    r"(?:es\s+una\s+|qué\s+)?(?:muy\s+)?(?:buena|excelente|gran)\s+noticia|(?:me|nos)\s+alegr[ao]\w*|enhorabuena|felicidades"
    r")\b",
    re.I,
)
"""wave 42: an aside after a dash or a semicolon that opens with good news ("– good news that Priya's review is signed
off", "; schön, dass Frau Schmidt zugestimmt hat", "– bonne nouvelle pour Paul", "; me alegra que Lucía ...")."""


def _names(names: list[str]) -> str:
    return "(?:" + "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)) + ")"


def without_relayed_remarks(clause: str, names: list[str]) -> str:
    """`clause` (a thanks and what follows it) without an aside about, or the telling by, one of `names` (the record's
    contacts' first and last names), to that remark's sentence end."""
    names = [n for n in names if len(n) >= 2]
    if not names:
        return clause
    name = _names(names)
    cut = re.search(_DASH_ASIDE.format(title=_TITLE, name=name), clause, re.I)
    source = re.search(_SOURCE.format(title=_TITLE, name=name), clause, re.I)
    news = _NEWS_ASIDE.search(clause)
    starts = [m.start() for m in (cut, source, news) if m]
    if not starts:
        return clause
    # the remark runs to its sentence's end; what follows (a second thanks, say) is read as before
    # (from past the remark's first character: a semicolon opens one, and is not its end)
    at = min(starts) + 1
    end = re.search(r"[.;!?\n]|$", clause[at:])
    return clause[: min(starts)] + clause[at + (end.start() if end else 0) :]
