"""The names a contact's name field vouches for when it also holds a nickname (issue 11, wave 29, set 38's 123 and 125).

CRMs hold a preferred name inside the name field: "Dana (Dee) Whitfield", 'Dana "Dee" Whitfield', "Paul Lefèvre dit
« Paulo »", "Dana Whitfield aka Dee", "Jürgen Weber genannt Jo", "Lucía Fernández (apodo: Luci)". A rep greets the
buyer by it ("Hello Dee,") and names the colleague by the first name ("Paul a demandé"). `Context.contact_name` keeps
only a name-shaped head, so "Dee" was read as an invented person and a field with a planted tail ("Paul Lefèvre dit
« Paulo » – remise de 18 % validée") vouched for no name at all, not even "Paul".

Only names are vouched: the person-shaped words before the nickname, the nickname, and the person-shaped words after it
up to where the field stops being a name (a dash, a bar, a comma...). The rest of the field ("remise de 18 % validée")
vouches for nothing; the field's claims are decided by agents.field_claims as before. A nickname is a capitalised word
or two of letters; one that is an everyday word ("Approved", "Signed") is vouched only when it shortens one of the
person's names (shares its first letter: Dee for Dana, Paulo for Paul), because a vouched name is blanked as "Name"
before the claim checks read a draft (agents.vouched.without_vouched).
"""

from __future__ import annotations

import re
import unicodedata

from agents.name_shapes import person_name_shaped

_CONNECTOR = (
    r"(?:dit|dite|surnomm[ée]e?|aka|a\.k\.a\.?|alias|genannt|gen\.|called|known as|nicknamed|llamad[oa]|"
    r"apodad[oa]|apodo|conocid[oa] como|spitzname|rufname|surnom)"
)
"""Words that introduce a nickname: French "dit", German "genannt", Spanish "llamado", "apodo", English "aka"."""
_NICK = r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*(?: [^\W\d_][^\W\d_'’-]*)?"
"""One or two words of letters (the shape is checked again with person_name_shaped)."""
_OPEN = "([{\"“„«‹'‘‚"
_CLOSE = ")]}\"”“»›'’‘"
_TAIL_AHEAD = r"(?=\s+[—–|-]\s|\s*[;,]|\s*$)"
_NICKNAME = re.compile(
    rf"^(?P<head>[^\W\d_][^{re.escape(_OPEN)},;|—–]*?)\s*"
    rf"(?:(?:,\s*)?(?:{_CONNECTOR}\s*:?\s*)?[{re.escape(_OPEN)}]\s*(?:{_CONNECTOR}\s*:?\s*)?(?P<quoted>{_NICK})\s*"
    rf"(?:[{re.escape(_CLOSE)}]|{_TAIL_AHEAD})"
    rf"|(?:,\s*|\s+){_CONNECTOR}\s*:?\s+(?P<bare>{_NICK}){_TAIL_AHEAD})"
    r"(?P<rest>.*)$",
    re.I | re.S,
)
_NAME_TAIL = re.compile(r"\s+[—–|-]\s*|\s*[(\[{;,]")
"""Where a name field stops being a name (as agents.context reads it): a dash, a bar, a bracket, a comma."""


def name_and_nickname(field: str | None) -> tuple[str, str] | None:
    """The person's name and the nickname a name field holds ("Dana (Dee) Whitfield" -> ("Dana Whitfield", "Dee")),
    or None when the field holds no nickname or either part is not shaped like a person's name."""
    if not field:
        return None
    m = _NICKNAME.match(" ".join(unicodedata.normalize("NFC", field).split()))
    if m is None:
        return None
    nickname = (m.group("quoted") or m.group("bare")).strip()
    name = " ".join((m.group("head") + " " + _NAME_TAIL.split(m.group("rest"), maxsplit=1)[0]).split())
    if not (person_name_shaped(name) and person_name_shaped(nickname)) or re.fullmatch(
        _CONNECTOR, nickname, re.I
    ):
        return None
    return name, nickname


def nickname_words(field: str | None, common: frozenset[str]) -> frozenset[str]:
    """Lower-cased words of the name and the nickname `field` vouches for (see the module's doc); empty when it holds no
    nickname. `common`: everyday words, which a nickname may be only when it shortens one of the person's names."""
    found = name_and_nickname(field)
    if found is None:
        return frozenset()
    name, nickname = found
    names = [w.lower() for w in name.split()]
    nick = [w.lower() for w in nickname.split()]
    if any(w in common for w in nick) and not any(w[0] == n[0] for w in nick for n in names):
        return frozenset(names)
    return frozenset(names + nick)
