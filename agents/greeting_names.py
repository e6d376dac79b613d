"""Whom a greeting names, beyond the record's spelling of the contact's name (wave 24, issue 11): a short form of the
first name ("Javi" for Javier, "Bob" for Robert), a group greeting when the draft speaks to several people of the
record ("Hallo zusammen", "Hi all", "Bonjour à tous", "Hola a todos"), and a double surname that is not the contact's
("Frau Schmidt-Berger" is another woman than Anna Schmidt, "Anna-Lena" another than Anna). `agents.quality` folds accents before calling these."""

from __future__ import annotations

import re

from agents.context import Context

NICKNAME_MIN_LETTERS = 3
"""A greeting word this long that begins the first name is its short form ("Javi" for Javier, "Alex" for Alexandra,
"Sam" for Samuel); two letters ("Jo") begin too many names to say whom they greet."""

NICKNAMES = {
    "bob": "robert", "bobby": "robert", "rob": "robert", "bill": "william", "billy": "william", "will": "william",
    "jim": "james", "jimmy": "james", "jamie": "james", "mike": "michael", "mick": "michael", "peggy": "margaret",
    "maggie": "margaret", "meg": "margaret", "kate": "katherine", "katie": "katherine", "cathy": "catherine",
    "liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth", "dick": "richard", "rick": "richard",
    "ted": "edward", "ned": "edward", "tony": "anthony", "jack": "john", "johnny": "john", "hank": "henry",
    "chuck": "charles", "charlie": "charles", "sue": "susan", "jenny": "jennifer", "jen": "jennifer",
    "hans": "johannes", "sepp": "josef", "lenz": "lorenz", "gretel": "margarete",
    "pepe": "jose", "paco": "francisco", "pancho": "francisco", "nacho": "ignacio", "lola": "dolores",
    "lupe": "guadalupe", "chelo": "consuelo", "concha": "concepcion", "quique": "enrique", "manolo": "manuel",
    "chema": "jose maria", "toni": "antonio", "rafa": "rafael",
}
"""Short forms that do not begin the name they stand for, in the four languages we write (folded to ASCII): the ones a
buyer signs with and a rep copies. A form that begins its name ("Javi", "Chris", "Fran", "Max") needs no entry."""

_GROUP = re.compile(
    r"^\s*(?:(?:hi|hello|hey|dear|good morning|good afternoon)\s+(?:all|everyone|everybody|both|team|you both|"
    r"you all)|(?:hallo|guten (?:tag|morgen)|moin|liebe)\s+(?:zusammen|allerseits|alle|ihr beiden|miteinander)|"
    r"(?:bonjour|bonsoir|salut)\s+(?:a (?:toutes et a )?tous|a toutes|a vous deux|tout le monde)|"
    r"(?:hola|buenos dias|buenas tardes|estimados|estimadas)\s+(?:a )?(?:todos|todas|ambos|ambas|los dos|las dos|"
    r"equipo))\b")
"""A greeting to everyone the message goes to, folded (no accents)."""

_WORD = re.compile(r"[^\W\d_]+")


def greets_by_short_form(greeting: str, first: str) -> bool:
    """The greeting (folded, its first line up to the comma) calls the contact by a short form of the first name: a
    word of NICKNAME_MIN_LETTERS letters or more that begins it ("hola javi" for Javier), or a table's hypocoristic
    ("hi bob" for Robert)."""
    if not first:
        return False
    words = _WORD.findall(greeting)[1:]  # the first word is the greeting's own ("hola", "hi", "liebe")
    return any((len(w) >= NICKNAME_MIN_LETTERS and first.startswith(w) and w != first)
               or NICKNAMES.get(w) == first for w in words)


def greets_the_group(greeting: str, body: str, recipient_id: str | None, ctx: Context) -> bool:
    """A group greeting ("hallo zusammen") addresses the contact when the draft speaks to several people of the record:
    it names another contact of the record in its body ("Hi all, ... Marcus, the figures you asked for"). To a lone
    reader it reads as a mass mail and is refused."""
    if not _GROUP.match(greeting):
        return False
    for c in ctx.record.contacts:
        if c.id == recipient_id:
            continue
        parts = [p for p in (ctx.contact_name(c) or "").split() if len(p) >= 2]
        if parts and any(re.search(rf"\b{re.escape(p)}\b", body) for p in {parts[0], parts[-1]}):
            return True
    return False


def another_double_name(greeting: str, part: str, name: str) -> str:
    """A double name built on the contact's surname or first name ("frau schmidt-berger" for Anna Schmidt, "liebe
    anna-lena" for Anna) names somebody else; empty when the record writes that double name itself."""
    if not part:
        return ""
    m = re.search(rf"(?:\b[^\W\d_]+-{re.escape(part)}\b|\b{re.escape(part)}-[^\W\d_]+)", greeting)
    return m.group(0) if m and m.group(0) not in name else ""
