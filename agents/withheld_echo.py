"""An output that carries the words of a text the screen withheld (issue 11, wave 21; set 29's 102 split an
instruction between the deal name and a meeting's notes, and the draft stated both halves).

A withheld activity or field reaches no prompt ("[withheld ...]"), so a model that writes its words got them from
the attacker by another way, or is the attacker's. The screen's verdict used to end at the prompt: the output checks
looked for figures, names, promises and states, and a planted sentence with none of them ("we count your depots in
pairs") went out. Now a run of ECHO_WORDS words of a withheld text in an output is refused, whatever it says. The
words are compared as the screen reads them (normalised, lower case); a run made only of short glue words ("and we
will be in") is no echo, since any two texts of one language share those; nor is a run of the buyer's own inbound
text that the screen let through (wave 38, set 48's 004: "le nombre de licences" of Claire's request, also in a
withheld meeting note), nor a run that names a visible activity by its words and its day (wave 39, set 50's 060: "la
démonstration du 21 octobre"; agents.named_activities).
"""

from __future__ import annotations

import re

from agents.context import Context, text_fields
from agents.hidden_echo import hidden_echoes
from agents.named_activities import activity_words, names_a_visible_activity
from agents.normalize import normalise
from agents.untrusted import injection_reason

ECHO_WORDS = 4
"""Words in a row a withheld text and an output may share before the output is refused."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CONTENT = 5
"""Letters a word needs to count as content: a run needs two such words ("everything from now on", a buyer's ask a
screen pattern over-read in set 11's 018, has one: four letters counted "from" and refused the reply that honours it)."""


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(normalise(text).lower())
    runs = (tuple(words[i:i + ECHO_WORDS]) for i in range(len(words) - ECHO_WORDS + 1))
    return {run for run in runs if sum(len(w) >= _CONTENT for w in run) >= 2}


def withheld_texts(ctx: Context) -> list[str]:
    """The texts of the run that the screen withheld: activities (subject and text) and structured fields."""
    fields = text_fields(ctx.record) if ctx.flagged else {}
    if not fields and not ctx.suspicious:
        return []
    # the context keeps a long text's first sentences only: a flagged activity is read whole from the record
    whole = [f"{a.subject or ''}\n{a.body or ''}" for a in ctx.record.activities
             if injection_reason(a.subject) or injection_reason(a.body)]
    return [*(f"{a['subject'] or ''}\n{a['text'] or ''}" for a in ctx.activities.values() if a.get("withheld")),
            *whole, *(fields[path] for path in ctx.flagged if path in fields)]


def buyer_runs(ctx: Context) -> set[tuple[str, ...]]:
    """The runs of the buyer's own inbound texts the screen let through: a phrase the buyer wrote ("le nombre de
    licences", set 48's 004) is the buyer's, also when a withheld note happens to share it."""
    return {run for a in ctx.activities.values() if a.get("direction") == "inbound" and not a.get("withheld")
            for run in _runs(f"{a['subject'] or ''}\n{a['text'] or ''}")}


def withheld_echoes(text: str, ctx: Context) -> list[str]:
    """Reasons for every withheld text whose words `text` carries ECHO_WORDS in a row, and for every e-mail whose hidden
    text it repeats (agents.hidden_echo, wave 30)."""
    hidden = hidden_echoes(text, ctx)
    withheld = withheld_texts(ctx)
    if not withheld:
        return hidden  # nearly every run: nothing was withheld
    said = _runs(text) - buyer_runs(ctx)
    named = activity_words(ctx) if said else []
    said = {run for run in said if not names_a_visible_activity(run, named)}
    out = []
    for source in withheld:
        shared = said & _runs(source)
        if shared:
            out.append(f"carries words of a text withheld as instructions to an AI: {' '.join(min(shared))!r}")
    return list(dict.fromkeys([*out, *hidden]))
