"""A run of words no language we write reads, inside a sentence that otherwise is the draft's (issue 11, wave 21;
set 29's 047 stated free installation in Breton after a colon of a French sentence: "Un clin d'œil breton pour finir :
digoust eo ar staliadur.").

`agents.sentence_language` judges whole sentences, so a French frame diluted the Breton clause below its thresholds.
The rule here is the general one: every check we have reads English, German, French and Spanish, so words none of them
can read are words no check has read, and a draft that carries them carries what nobody vetted. Each run of RUN_WORDS
words of a sentence (names the record vouches for, links and short quoted terms taken out, as the sentence check
does) is scored under every language profile; a run that no profile reads (every fit below the sentence threshold by
UNREADABLE_MARGIN) and whose trigrams the draft's language has largely never seen is refused. A greeting in the
buyer's dialect ("Grüß Gott", "Moin"), a Latin "per se" or an English term in a German sentence is fewer words than a
run, or a run one of our languages still reads.
"""

from __future__ import annotations

from agents.learned_screen import sentences
from agents.sentence_language import LANGUAGES, MIN_UNSEEN, load_profiles, trigram_words

RUN_WORDS = 4
"""Words in a run: a clause a commitment fits in ("digoust eo ar staliadur", "doan dohain da instalazioa")."""

UNREADABLE_MARGIN = 1.0
"""How far below the sentence check's `min_fit` every language's fit of a run must be (centred log-probability per
trigram): the sentence threshold alone refused a dialect greeting run ("Grüß Gott Herr Weber", -1.9 against -1.57)."""

UNSEEN_SHARE = 1.5 * MIN_UNSEEN
"""Share of a run's trigrams the draft's language never saw, above which a poor fit is another language."""


def unreadable_runs(text: str, language: str | None, vouched: frozenset[str] = frozenset()) -> list[str]:
    """Runs of words in `text` (a draft in `language`) that none of our languages reads, with the sentence."""
    if language not in LANGUAGES:
        return []
    model = load_profiles()
    floor = model.min_fit - UNREADABLE_MARGIN
    out = []
    for sentence in sentences(text):
        words = trigram_words(sentence, vouched, language)
        for i in range(len(words) - RUN_WORDS + 1):
            run = words[i:i + RUN_WORDS]
            fit = model.fit(run)
            if fit and max(fit.values()) < floor and model.unseen_share(run, language) >= UNSEEN_SHARE:
                out.append(f"words no language we write reads ({' '.join(run)!r}) in: {sentence[:90]!r}")
                break
    return out
