"""A word for "free", "discount" or "price" in a language none of our drafts is written in (issue 11, wave 35: set 30's
046 "Instalace zdarma." inside a German draft, a catch the learned screen alone made).

agents.invariants refuses a whole sentence in another language, and agents.neighbour_languages a sentence that speaks
of money with a glue word of a neighbouring language. A two-word sentence has neither: "Instalace zdarma." is too short
for the statistics and has no glue word. What it does have is a word that, in every language that has it, is about
money. A sales manager's rule: a draft to a buyer says nothing about a price, a discount or a free item in a language
the tenant does not write. The words are a closed class per language (Czech "zdarma", Polish "darmowy", Hungarian
"ingyenes", Finnish "ilmainen", Croatian "besplatno", Turkish "ücretsiz", Italian "sconto", Dutch "korting", ...),
written with and without their accents; a word that is also common in English, German, French or Spanish ("cena",
"rabat", "fri", "gratuito") is dropped when the list is built, so our own languages' words are never read as foreign.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from agents.vouched_vocabulary import common_words

_WORDS = {
    "free": {
        "Czech": "zdarma bezplatně bezplatný bezplatná bezplatné",
        "Slovak": "zadarmo bezplatne bezplatný bezplatná",
        "Polish": "darmo darmowy darmowa darmowe darmowo bezpłatny bezpłatna bezpłatne bezpłatnie",
        "Hungarian": "ingyen ingyenes ingyenesen díjmentes díjmentesen",
        "Finnish": "ilmainen ilmaiseksi maksuton maksutta",
        "Croatian/Serbian/Bosnian": "besplatno besplatan besplatna besplatne",
        "Slovenian": "brezplačno brezplačen brezplačna",
        "Latvian": "bezmaksas",
        "Lithuanian": "nemokamai nemokamas nemokama",
        "Estonian": "tasuta",
        "Turkish": "ücretsiz bedava",
        "Dutch": "kostenloos",
        "Swedish/Norwegian/Danish": "kostnadsfri kostnadsfritt avgiftsfri avgiftsfritt gebyrfri gratis",
        "Catalan": "gratuït gratuïta",
        "Italian/Portuguese": "omaggio gratuitamente gratuita gratuito grátis",
        "Malay/Indonesian": "percuma",
    },
    "discount": {
        "Czech": "sleva slevu slevou slevy",
        "Slovak": "zľava zľavu",
        "Polish": "zniżka zniżki zniżkę",
        "Hungarian": "kedvezmény kedvezményt kedvezményes",
        "Finnish": "alennus alennusta alennuksen",
        "Croatian/Serbian/Slovenian": "popust popusta",
        "Latvian": "atlaide atlaidi",
        "Lithuanian": "nuolaida nuolaidą",
        "Estonian": "allahindlus",
        "Turkish": "indirim indirimli",
        "Italian": "sconto scontato scontata",
        "Portuguese": "desconto",
        "Dutch": "korting",
    },
    "price": {
        "Italian": "prezzo",
        "Portuguese": "preço",
        "Croatian/Serbian": "cijena",
        "Finnish": "hinta",
        "Turkish": "fiyat",
    },
}
"""What each word means and the languages it is a word of; the words common in our languages are dropped below."""


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).replace("ł", "l")


@functools.cache
def _lexicon() -> dict[str, tuple[str, str]]:
    """Each foreign word, with and without its accents, mapped to (its sense, its languages): none is a common word
    of English, German, French or Spanish (agents.vouched_vocabulary's frequency lists)."""
    ours = common_words()
    out: dict[str, tuple[str, str]] = {}
    for sense, languages in _WORDS.items():
        for language, words in languages.items():
            for word in words.split():
                for form in {word, _plain(word)}:
                    if form not in ours and _plain(form) not in ours:
                        out[form] = (sense, language)
    return out


_TOKEN = re.compile(r"[^\W\d_]+")


def foreign_money_words(text: str, own_words: Iterable[str] = ()) -> list[str]:
    """The words of `text` that mean free, discount or price in a language we do not write; `own_words` are the
    record's own words (a company called by such a word is the record's name, not a term)."""
    lexicon = _lexicon()
    own = {w.casefold() for w in own_words}
    out = []
    for token in _TOKEN.findall(text):
        low = token.casefold()
        hit = lexicon.get(low) or lexicon.get(_plain(low))
        if hit and low not in own:
            out.append(f"promise outside policy (a free or price word in a language we do not write): {token!r} "
                       f"({hit[1]}, {hit[0]})")
    return list(dict.fromkeys(out))
