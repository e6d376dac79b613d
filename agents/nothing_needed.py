"""A draft that closes the buyer's part (issue 11, wave 27: set 36's en-g3 was refused "0 ask(s)").

"Thank you for closing out the security review. The answers ... will be attached to the proposal exactly as you
reviewed them. There is nothing more we need from you." asks nothing, and rightly: the buyer's step is done, and the
draft says so in as many words. Saying that nothing more is needed from the buyer is as clear a call to action as an
ask: it tells the buyer what to do (nothing) and what happens next. It counts only with the document of the deal named
in the draft (what happens next is about it): "Nothing more needed from you, have a good week" names nothing to come
and stays a draft with no step.
"""

from __future__ import annotations

import re

_NOTHING_NEEDED = re.compile(
    r"\b(?:there is |there's )?nothing (?:more|else|further)\b[^.?!\n]{0,30}\b(?:need|needed|required|to do)\b"
    r"[^.?!\n]{0,20}\b(?:from you|on your (?:side|end|part))|"
    r"\b(?:you (?:do not|don't) need to do anything (?:more|else|further)|no (?:further|more) action (?:is )?needed"
    r"(?: on your (?:side|end|part)| from you)?)\b|"
    # wave 30 (set 39's en-g3, "No action needed on your side."): the action not "further", on the buyer's side
    r"\bno action (?:is )?(?:needed|required|necessary) (?:on your (?:side|end|part)|from you|by you)\b|"
    r"\bkein (?:weiterer )?handlungsbedarf (?:auf ihrer seite|bei ihnen|für sie)\b|"
    r"\baucune action (?:n'est )?(?:nécessaire|requise) de votre (?:part|côté)\b|"
    r"\bno (?:hace falta|es necesaria) ninguna (?:acción|gestión) (?:por|de) (?:su|tu) parte\b|"
    r"\b(?:wir )?brauchen (?:wir )?nichts (?:mehr|weiter|weiteres)\b[^.?!\n]{0,20}\bvon ihnen\b|"
    r"\bvon ihnen brauchen wir nichts (?:mehr|weiter|weiteres)\b|\bsie müssen nichts (?:mehr|weiter) tun\b|"
    r"\bnous n'avons (?:plus )?besoin de rien (?:d'autre )?de votre (?:part|côté)\b|"
    r"\bvous n'avez (?:plus )?rien (?:d'autre )?à faire\b|\brien de plus n'est nécessaire de votre part\b|"
    r"\bno necesitamos nada más de (?:su|tu) parte\b|\bno (?:tiene|tienes) que hacer nada más\b|"
    r"\bno (?:hace|hará) falta nada más (?:de|por) (?:su|tu) parte\b",
    re.I,
)
"""The buyer told that nothing more is needed from them, in each of our languages."""
_CONDITION = re.compile(r"\b(?:if|unless|until|falls|wenn|bis|si|sauf|jusqu|hasta|salvo|d'ici)\b", re.I)
""""Nothing more needed until Friday" or "if the figures hold" leaves a step open, to be said elsewhere."""


def nothing_needed(sentences: list[str], thing: re.Pattern[str]) -> str | None:
    """The sentence telling the buyer nothing more is needed from them, when another sentence of the draft names the
    deal's document (`thing`), or None."""
    named = any(thing.search(s) for s in sentences)
    for sentence in sentences:
        if (
            "?" not in sentence
            and _NOTHING_NEEDED.search(sentence)
            and not _CONDITION.search(sentence)
            and named
        ):
            return sentence.strip()[:80]
    return None
