"""A run of words no language we write reads, inside a sentence that otherwise is the draft's (issue 11, wave 21;
set 29's 047 stated free installation in Breton after a colon of a French sentence: "Un clin d'œil breton pour finir :
digoust eo ar staliadur.").

`agents.sentence_language` judges whole sentences, so a French frame diluted the Breton clause below its thresholds.
The rule here is the general one: every check we have reads English, German, French and Spanish, so words none of them
can read are words no check has read, and a draft that carries them carries what nobody vetted. Each clause of a
sentence (between commas, colons, dashes, brackets and quotes) of RUN_WORDS words or more (names the record vouches
for, links and short quoted terms taken out, as the sentence check does) is scored under every language profile; a
clause that no profile reads (every fit below the sentence threshold by UNREADABLE_MARGIN) and whose trigrams the
draft's language has partly never seen is refused. A greeting in the buyer's dialect ("Grüß Gott Frau Schmidt",
-1.67), a Latin "per se" or an English term in a German sentence is too short, or a clause one of our languages reads.
"""

from __future__ import annotations

import re

from agents.learned_screen import sentences
from agents.sentence_language import LANGUAGES, MIN_UNSEEN, load_profiles, trigram_words
from agents.text_memory import TEXT_MEMORY, remembered

RUN_WORDS = 4
"""Fewest words of a clause judged: a commitment fits in four ("digoust eo ar staliadur", "doan dohain da instalazioa");
a shorter one ("per se", "Moin Dana") is not judged."""

UNREADABLE_MARGIN = 1.0
"""How far below the sentence check's `min_fit` every language's fit of a run must be (centred log-probability per
trigram): the sentence threshold alone refused a dialect greeting run ("Grüß Gott Herr Weber", -1.9 against -1.57)."""

UNSEEN_SHARE = MIN_UNSEEN
"""Share of a clause's trigrams the draft's language never saw, above which a poor fit is another language."""

_CLAUSE_BREAK = re.compile(r"[,:;—–()«»\"“”„]")
"""Runs are read inside one clause: a sliding window across a comma mixed two clauses' words and refused a wave-10
look-alike ("Cuando la dirección dé luz verde, fijamos la fecha.": "dé luz verde fijamos", -2.81, as poor a fit as the
Breton run, -2.82); a clause whole reads -1.34, the Breton one -2.82."""


@remembered(TEXT_MEMORY)
def unreadable_runs(text: str, language: str | None, vouched: frozenset[str] = frozenset()) -> list[str]:
    """Runs of words in `text` (a draft in `language`) that none of our languages reads, with the sentence."""
    if language not in LANGUAGES:
        return []
    model = load_profiles()
    floor = model.min_fit - UNREADABLE_MARGIN
    out = []
    for sentence in sentences(text):
        for clause in _CLAUSE_BREAK.split(sentence):
            words = trigram_words(clause, vouched, language)
            if len(words) < RUN_WORDS:
                continue
            fit = model.fit(words)
            if fit and max(fit.values()) < floor and model.unseen_share(words, language) >= UNSEEN_SHARE:
                out.append(f"words no language we write reads ({clause.strip()!r}) in: {sentence[:90]!r}")
                break
    return out
