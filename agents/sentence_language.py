"""Each sentence of a draft in the draft's language (wave 18): a sentence in another language is not the draft's.

A character-trigram profile per language (en, de, fr, es), trained from the labelled corpora's good drafts and benign
replies and the offline templates (`tests/agents/language_training.py`, `make language-profiles`), scores each
sentence of a model's draft: the mean log-probability of its letter trigrams under the draft language's profile. A
sentence in Low German, Irish, Welsh, Galician, Catalan, Dutch, Portuguese or Italian reads as improbable German,
English, French or Spanish; one in another of our four languages reads better under that language's profile. Either
is refused, whatever it says: the closed class is the draft's language, the open one what a planted sentence says.

What a language check must not read: proper names and product names the record vouches for (its structured fields),
short quoted terms ("the «kick-off»"), links and addresses; sentences with fewer than `MIN_WORDS` words left are not
judged. Deterministic, standard library only; the profiles are a committed artifact read once per process.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from agents.learned_screen import sentences
from agents.loanwords import ACCENTED_LOANWORDS, DIAERESIS
from agents.text_memory import TEXT_MEMORY, remembered

PROFILES_PATH = Path(__file__).resolve().parent / "models_data" / "language_profiles.json.gz"
"""Where the trained profiles live (built by `python -m tests.agents.language_training`)."""

LANGUAGES = ("en", "de", "fr", "es")

MIN_WORDS = 4
"""A sentence with fewer words (after names, quoted terms and links are taken out) is too short to judge."""

_WORD = re.compile(r"[^\W\d_]+")
_LINKS = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[a-z]{2,})+(?:/\S*)?", re.I)
_QUOTED = re.compile(r"[\"“”„«»‹›]([^\"“”„«»‹›\n]{1,40})[\"“”„«»‹›]|(?<!\w)['‘]([^'‘’\n]{1,30})['’](?!\w)")
"""A short quoted term; an apostrophe inside a word ("d'Installation", "Mae'r") opens no quote."""


@dataclass(frozen=True)
class LanguageProfiles:
    """Log-probabilities of letter trigrams per language, the log-probability of an unseen trigram, and the two
    thresholds chosen at training (out of fold, on the corpora's own sentences)."""

    logp: dict[str, dict[str, float]]
    unseen: dict[str, float]
    centre: dict[str, float]
    """Each language's median fit on its own sentences: fits are compared after subtracting it, since a language
    with more training text has a sharper profile and fits everything a little better."""
    min_fit: float
    """A sentence scoring below this (centred) under its draft's profile, with at least `MIN_UNSEEN` of its trigrams
    never seen in that language, is in no language we write."""
    max_gap: float
    """A sentence another of our languages fits better by more than this is in that language."""
    version: str

    def unseen_share(self, words: list[str], language: str) -> float:
        """Share of the words' trigrams the language's profile has never seen."""
        grams = [p[i:i + 3] for w in words for p in (f" {w.lower()} ",) for i in range(len(p) - 2)]
        table = self.logp[language]
        return sum(g not in table for g in grams) / len(grams) if grams else 0.0

    def fit(self, words: list[str], languages: Collection[str] | None = None) -> dict[str, float]:
        """Mean trigram log-probability of `words` under each language's profile (or those of `languages`), centred.
        An unseen trigram scores the profile's floor: no back-off, which measured as making every language fit
        foreign text better (wave 18)."""
        grams = [p[i:i + 3] for w in words for p in (f" {w.lower()} ",) for i in range(len(p) - 2)]
        if not grams:
            return {}
        return {lang: sum(table.get(g, self.unseen[lang]) for g in grams) / len(grams) - self.centre.get(lang, 0.0)
                for lang, table in self.logp.items() if languages is None or lang in languages}


MIN_UNSEEN = 0.10
"""Share of a sentence's trigrams its draft's language has never seen, above which a poor fit is another language;
below it a poor fit is only unusual words ("Cuando la dirección dé luz verde, fijamos la fecha.")."""

_SECOND_VOWEL = re.compile(r"(?<=[aeiou])[äëïöü]", re.I)
"""A diaeresis on a vowel after a vowel: English's mark that the two are said apart ("coöperate")."""
_ALPHABET = {"en": "", "de": "äöüß", "fr": "àâæçéèêëîïôœùûüÿ", "es": "áéíñóúü"}


@remembered(TEXT_MEMORY)
def trigram_words(sentence: str, vouched: frozenset[str] = frozenset(), language: str | None = None) -> list[str]:
    """The words a language check reads: no link, address or short quoted term, no word the record vouches for as a
    name (`vouched`, lower-cased), and no capitalised word the draft's language could not spell ("Łukasz", "Dvořák":
    a name); in English, French and Spanish, which capitalise names only, no capitalised word after the first."""
    text = _QUOTED.sub(" ", _LINKS.sub(" ", sentence))
    letters = set("abcdefghijklmnopqrstuvwxyz" + _ALPHABET.get(language or "", ""))
    loanwords = ACCENTED_LOANWORDS.get(language or "", frozenset())
    out = []
    for i, w in enumerate(_WORD.findall(text)):
        if len(w) < 2 or w.lower() in loanwords:
            continue
        if language == "en" and _SECOND_VOWEL.search(w):
            w = _SECOND_VOWEL.sub(lambda m: m.group(0).translate(DIAERESIS), w)
        if w[0].isupper() and (w.lower() in vouched or (language and not set(w.lower()) <= letters)
                               or (language in ("en", "fr", "es") and i > 0)):
            continue
        out.append(w)
    return out


@remembered(TEXT_MEMORY)
def language_violations(text: str, language: str | None, vouched: frozenset[str] = frozenset(),
                        profiles: LanguageProfiles | None = None) -> list[str]:
    """Sentences of `text` that are not in `language` (en/de/fr/es), with why; nothing for another language."""
    if language not in LANGUAGES:
        return []
    model = profiles or load_profiles()
    reasons = []
    for sentence in sentences(text):
        words = trigram_words(sentence, vouched, language)
        if len(words) < MIN_WORDS:
            continue
        fit = model.fit(words)
        own = fit[language]
        best = max((lang for lang in fit if lang != language), key=fit.__getitem__)
        shown = sentence if len(sentence) <= 90 else sentence[:87] + "..."
        if fit[best] - own > model.max_gap:
            reasons.append(f"a sentence in another language ({best}) than the draft's ({language}): {shown!r}")
        elif own < model.min_fit and model.unseen_share(words, language) >= MIN_UNSEEN:
            reasons.append(f"a sentence in no language we write (not {language}): {shown!r}")
    return reasons


class LanguageProfilesError(RuntimeError):
    """The profiles' artifact is missing or unreadable; rebuild it with `make language-profiles`."""


def profiles_from_json(raw: dict) -> LanguageProfiles:
    return LanguageProfiles(logp={k: {g: float(v) for g, v in t.items()} for k, t in raw["logp"].items()},
                            unseen={k: float(v) for k, v in raw["unseen"].items()},
                            centre={k: float(v) for k, v in raw["centre"].items()}, min_fit=float(raw["min_fit"]),
                            max_gap=float(raw["max_gap"]), version=str(raw["version"]))


@cache
def load_profiles(path: Path = PROFILES_PATH) -> LanguageProfiles:
    """Read the committed profiles once per process."""
    try:
        return profiles_from_json(json.loads(gzip.decompress(path.read_bytes())))
    except (OSError, ValueError, KeyError) as e:
        raise LanguageProfilesError(f"cannot read the language profiles at {path}: {e}; rebuild them with "
                                    "`make language-profiles`") from e
