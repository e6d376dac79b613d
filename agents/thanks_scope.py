"""Where a thanks ends (set 33's de-g7, wave 24b; set 32's de-g6 had the same line with a semicolon).

A call script's opening line "Herrn Weber für die Zeit danken, Bezug auf die Amortisationsrechnung vom 28. Oktober"
thanks Herr Weber for his time; the payback calculation we sent is a second item, to refer to, not a thing he is thanked
for. agents.thanks read everything up to the sentence's end as thanked. A thanks stops at a comma when what follows is
a new item: a German verb-final thanks ("für die Zeit danken, ...": the verb closes its clause, its object came before
it) or a part that opens with referring to something ("Bezug auf", "refer to", "rappeler", "mencionar"). A list of
things thanked ("thank you for the call, the notes and the estimate") does not open with such a word and stays
thanked."""

from __future__ import annotations

import re

_VERB_FINAL = re.compile(r"^(?:danken|bedanken|zu danken|dankbar sein)$", re.I)
_NEW_ITEM = re.compile(
    r"^\s*[,–—-]\s*(?:then\s+|dann\s+|puis\s+|luego\s+|después\s+)?(?:"
    r"refer(?:ring|ence)?\b|mention\w*|recall\b|bring up\b|point to\b|link to\b|"
    r"bezug\b|bezugnehmend\b|bezug nehmen\b|verweis\w*|hinweis\w*|erwähn\w*|ansprechen\b|anknüpf\w*|"
    r"rappel\w*|mentionn\w*|évoqu\w*|faire référence\b|référence\b|renvoyer\b|"
    r"mencion\w*|recordar\b|recuérd\w*|referencia\b|hacer referencia\b|aludir\b|enlazar\b)", re.I)
"""A comma, then an item of its own that points at something (the script's next step)."""


def thanked_clause(thanks_word: str, before: str, clause: str) -> str:
    """The part of `clause` (what follows the thanks word up to the sentence's end) that the thanks is for."""
    comma = re.search(r"\s*[,–—]", clause)
    if comma is None:
        return clause
    head, tail = clause[:comma.start()], clause[comma.start():]
    if _NEW_ITEM.match(tail):
        return head
    # "für die Zeit danken, ...": the verb closes its clause when its "für" object stands before it and nothing after
    if not head.strip() and _VERB_FINAL.match(thanks_word.strip()) and re.search(r"\bfür\b", before, re.I):
        return head
    return clause
