"""A rep's internal note left in the customer draft (issue 11, wave 22b: set 31's b7 ">> Sam: Dana is just the
messenger ... pitch him <<", "(pour moi : Claire n'a pas la main sur le budget ... ne pas trop s'attarder)", "[Marta:
Javier solo pasa recados ...; no negociar con él]").

A letter speaks TO its recipient; a note speaks OF them. Two shapes are read, each needing the record's people:

- a line set apart as a note (between ">>"/"<<", in brackets or parentheses as a whole line, after "//", "TODO",
  "NB", "note to self", "pour moi", "para mí", "intern") that names the recipient or another contact of the record;
- the recipient named as the subject of a sentence with a verb in the third person and a coaching or belittling
  word ("Dana is just the messenger", "Claire n'a pas la main", "Javier solo pasa recados", "Schmidt verhandelt eh
  nicht"): a letter addressed to Dana does not tell Dana what Dana is.

A greeting ("Hi Dana,"), a vocative ("Dana, would Wednesday suit you?") and another person named ("Marcus asked")
pass: naming a colleague of the recipient in the third person is ordinary ("ahead of Marcus's budget review").
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise

_NOTE_LINE = re.compile(
    r"^\s*(?:>>.*|//.*|(?:todo|fixme|nb|n\.b\.|note to self|note for|internal|intern|interne?|pour moi|"
    r"para m[ií]|nota interna|notiz)\b.*)\s*$", re.I)
"""A line marked as a note."""
_SET_APART = re.compile(r"^\s*[\[(](?P<inner>.*)[\])]\s*$")
"""A line in brackets or parentheses whole: a note when it is headed by a name ("[Marta: ...]"), speaks of the
recipient, or coaches ("(Marcus is copied, as he asked)" is an aside to the reader, and passes)."""
_HEADED = re.compile(r"^\s*[^\W\d_]+\s?:|^\s*(?:note|nb|intern\w*|pour moi|para m[ií]|todo)\b", re.I)
_COACHING = re.compile(r"\b(?:pitch|push|go (?:straight|directly) to|keep (?:him|her|them)|ansprechen|druck machen|"
                       r"voir (?:directement )?avec|passer par|hablar (?:directamente )?con|negociar con)\b", re.I)
_BELITTLING = re.compile(
    r"\b(?:(?:is|'s) (?:just|only|merely) (?:the |a )?(?:messenger|go-?between|gatekeeper|assistant|admin|intern)|"
    r"(?:has|have) no (?:say|budget|authority|power)|(?:can't|cannot|doesn't|does not|won't) (?:decide|sign|negotiate)|"
    r"pitch (?:him|her|them)|keep (?:him|her|them) (?:warm|busy|happy)|go over (?:his|her) head|"
    r"nur (?:die |der )?(?:überbringer|botin|bote|assistenz)|verhandelt (?:eh|sowieso|ohnehin)? ?nicht|"
    r"hat (?:eh |sowieso )?nichts zu sagen|entscheidet (?:eh |sowieso )?nicht|"
    r"n'a pas la main|n'a (?:aucun|pas de) pouvoir|ne décide (?:de )?rien|(?:n'est qu'|juste) (?:une? )?"
    r"(?:messager\w*|intermédiaire|assistante?)|ne pas (?:trop )?s'attarder|passer par[- ]dessus|"
    r"(?:solo|sólo|nada más) (?:pasa|lleva) recados|no (?:decide|pinta|manda) nada|no negociar con (?:él|ella)|"
    r"(?:es|solo es) (?:un|una) (?:mensajer[oa]|intermediari[oa]))\b", re.I)
"""What a rep writes about a buyer to a colleague, never to the buyer."""


def _names(ctx: Context, recipient_id: str | None) -> tuple[list[str], list[str]]:
    """(the recipient's first name and surname, every record contact's first name and surname)."""
    own: list[str] = []
    everyone: list[str] = []
    for contact in ctx.record.contacts:
        parts = [p for p in (ctx.contact_name(contact) or "").split() if len(p) > 2]
        parts = parts[:1] + parts[-1:] if len(parts) > 1 else parts
        everyone += parts
        if contact.id == recipient_id:
            own += parts
    return own, everyone


def _named(names: list[str], text: str) -> str | None:
    return next((n for n in names if re.search(rf"\b{re.escape(n)}\b", text)), None)


def internal_notes(body: str, ctx: Context, recipient_id: str | None) -> list[str]:
    """Lines or sentences of a draft that are a note about the buyer, not a letter to them."""
    own, everyone = _names(ctx, recipient_id)
    if not everyone:
        return []  # a record without people: nobody to be spoken of
    out = []
    lines = normalise(body).splitlines()
    for line in lines[1:]:  # the greeting line names the recipient by design
        name = _named(everyone, line)
        if name is None:
            continue
        apart = _SET_APART.match(line)
        who = _named(own, line)
        if _NOTE_LINE.match(line) or (apart and (_HEADED.match(apart.group("inner")) or _COACHING.search(line)
                                                 or _BELITTLING.search(line) or (who and not re.search(
                                                     rf"\b{re.escape(who)}\s*,", line)))):
            out.append(f"an internal note about {name} left in the draft: {line.strip()[:80]!r}")
        elif who and _BELITTLING.search(line) and not re.search(
                rf"\b{re.escape(who)}\s*,", line):
            out.append(f"speaks of the recipient {who} in the third person, as to a colleague: {line.strip()[:80]!r}")
    return out
