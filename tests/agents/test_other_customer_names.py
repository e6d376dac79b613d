"""Other customers' names in a text: the combined pre-check finds exactly what the per-name
search finds (it only skips texts in which no name can be), for awkward names and texts."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from agents.customer_name_forms import denied_forms, names_in_part, names_other_customer, spaced_name
from agents.facts import Vocabulary, find_unsupported

NAMES = (
    "Proseware Logistics", "Contoso", "AT&T Mobility", "Acme, Inc.", "Fabrikam (Europe) GmbH", "Über Transport AG",
    "Northwind", "Northwind Traders", "Litware Inc", "Tailspin Toys", "A. Datum Corporation", "Wide World Importers",
    "Adventure Works", "Café Lumière SARL", "Blue Yonder Airlines", "Trey Research", "Coho Winery", "Fourth Coffee",
    "Alpine Ski House", "Margie's Travel", "Wingtip Toys", "Lucerne Publishing", "Graphic Design Institute",
    "Humongous Insurance", "School of Fine Art", "Consolidated Messenger", "Relecloud", "Woodgrove Bank",
)

TEXTS = (
    "Hi Dana, following up on the rollout plan for your 420 trucks.",
    "Like Proseware did last year, you could start with one depot.",
    "Proseware's team signed in March; Contoso is still deciding.",
    "We work with AT&T Mobility and others in your sector.",
    "Acme, Inc. is a customer too.",
    "Ihre Kollegen bei Über Transport AG nutzen das bereits.",
    "Northwind-style routing is what we propose.",
    "The northwinds blow from the north.",
    "Café Lumière SARL asked about the same module.",
    "Tailspin is a word we use internally.",
    "Contoso\u200b Ltd and Cоntoso (Cyrillic o) both appear here.",
    "",
    "A text that mentions nobody at all, only the next step and a date: 12 March.",
    "Fourth quarter results; coffee with the buyer next week.",
)


def per_name(text: str, vocab: Vocabulary) -> list[str]:
    """The per-name search the substring pre-check must agree with (every form of every name)."""
    from agents.normalize import defang, normalise

    shown = defang(normalise(text))
    low = shown.lower()
    return [name for name in vocab.denied
            if any(names_other_customer(form, shown, low) for form in denied_forms(name, vocab.own_words))
            or spaced_name(name, vocab.own_words, shown, low) or names_in_part(name, vocab.own_words, shown, low)]


def vocab_with(denied: tuple[str, ...], own_words: frozenset[str] = frozenset()) -> Vocabulary:
    empty: frozenset[float] = frozenset()
    return Vocabulary(numbers=empty, money=empty, percents=empty, dates=frozenset({date(2026, 3, 12)}),
                      emails=frozenset(), urls=frozenset(), words=frozenset(), denied=denied, own_words=own_words)


def found_names(text: str, vocab: Vocabulary) -> list[str]:
    return [f.value for f in find_unsupported(text, vocab, kinds=["other_customer"])]


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_names_the_same_other_customers_as_the_per_name_search(text: str) -> None:
    vocab = vocab_with(NAMES)
    assert found_names(text, vocab) == per_name(text, vocab)


@pytest.mark.parametrize("text", ["Tail-spin's clinics cut their no-shows.", "The C.o.n.t.o.s.o team liked it.",
                                  "Ask the folks at Con toso about it.", "Acme, Inc. is a customer too."])
def test_a_name_written_with_separators_inside_it_is_still_that_name(text: str) -> None:
    assert found_names(text, vocab_with(("Tailspin Dental", "Contoso Freight", "Acme, Inc."))) != []


@pytest.mark.parametrize("text", ["At last we can start.", "Contos or sketches are fine.", "Tail spins happen."])
def test_words_that_merely_share_letters_with_a_name_are_not_that_name(text: str) -> None:
    assert found_names(text, vocab_with(("Atlas Freight", "Contoso Freight", "Tailspin Dental"))) == []


def test_a_name_is_found_by_its_distinctive_first_word_unless_the_record_uses_that_word() -> None:
    text = "Proseware rolled this out across three depots."
    assert found_names(text, vocab_with(NAMES)) == ["Proseware Logistics"]
    assert found_names(text, vocab_with(NAMES, own_words=frozenset({"proseware"}))) == []


def test_random_texts_built_from_name_fragments_agree_with_the_per_name_search() -> None:
    rng = random.Random(11)
    words = [w for n in NAMES for w in re.split(r"\s+", n)] + ["the", "deal", "next", "week", "-", ",", "'s"]
    for _ in range(300):
        denied = tuple(rng.sample(NAMES, rng.randint(1, len(NAMES))))
        own = frozenset(rng.sample([w.lower() for w in words], 3))
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        vocab = vocab_with(denied, own)
        assert found_names(text, vocab) == per_name(text, vocab), (text, denied, own)


@pytest.mark.parametrize("blank", ["", "   ", "\u200b"])
def test_a_company_without_a_name_in_the_crm_names_nobody_and_breaks_no_check(blank: str) -> None:
    text = "Hi Dana, Contoso asked about the same rollout plan."
    vocab = vocab_with((blank, "Contoso"))
    assert found_names(text, vocab) == ["Contoso"]
    assert not names_other_customer(blank, text, text.lower())
