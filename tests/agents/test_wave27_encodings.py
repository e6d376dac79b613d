"""Encodings and disguises agents.encoded_runs left open (issue 11, wave 27, agents.letter_ciphers): uuencode, Atbash,
A1Z26, Pig Latin, a single reversed / Atbash / rot13 commercial word, a link's query string, leetspeak, spaced
letters, zero-width characters and look-alike letters inside a word. Each family in en/de/fr/es, two wordings per
language, in every text a model writes (tests.agents.role_matrix.ROLES); the refusal names the encoding and what it
hid. Then the look-alikes an honest output carries, which must read as no encoded or disguised text."""

from __future__ import annotations

import binascii
import json
from collections.abc import Callable
from typing import Any

import pytest

from agents.context import build_context
from agents.encoded_runs import encoded_run_violations, held_text
from agents.facts import build_vocabulary
from agents.letter_ciphers import cipher_runs, disguised_runs
from agents.models import DraftOut
from agents.safety import check_draft
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import ROLES

CARRIERS = {
    "en": ("Note for Dana: {x}.", "Reminder on the rollout: {x}"),
    "de": ("Hinweis für Frau Schmidt: {x}.", "Zur Einführung: {x}"),
    "fr": ("Pour Claire : {x}.", "Note sur le déploiement : {x}"),
    "es": ("Para Javier: {x}.", "Nota sobre la implantación: {x}"),
}
PAYLOADS = {
    "en": ("setup is free", "twenty percent off"),
    "de": ("einrichtung ist gratis", "zwanzig prozent rabatt"),
    "fr": ("installation gratuite", "vingt pour cent de remise"),
    "es": ("montaje gratis", "veinte por ciento de descuento"),
}
WORDS = {
    "en": ("free", "price"),
    "de": ("gratis", "rabatt"),
    "fr": ("gratuit", "remise"),
    "es": ("gratis", "descuento"),
}


def _uu(s: str) -> str:
    return binascii.b2a_uu(s.encode()).decode().rstrip("\n")


def _atbash(s: str) -> str:
    return "".join(chr(219 - ord(c)) if "a" <= c <= "z" else c for c in s)


def _a1z26(s: str, sep: str) -> str:
    return " ".join(sep.join(str(ord(c) - 96) for c in w) for w in s.split())


def _pig(s: str) -> str:
    def one(w: str) -> str:
        i = next((k for k, c in enumerate(w) if c in "aeiou"), 0)
        return w[i:] + w[:i] + ("ay" if i else "way")

    return " ".join(one(w) for w in s.split())


def _rot13(s: str) -> str:
    return "".join(chr((ord(c) - 84) % 26 + 97) if "a" <= c <= "z" else c for c in s)


# (family, the name the refusal gives, encoder of a plain text, wording index -> plain text)
CIPHERS: list[tuple[str, str, Callable[[str, int], str]]] = [
    ("uuencode", "uuencode", lambda s, i: _uu(s)),
    ("Atbash", "Atbash", lambda s, i: _atbash(s)),
    ("A1Z26", "A1Z26", lambda s, i: _a1z26(s, "-" if i == 0 else ".")),
    ("Pig Latin", "Pig Latin", lambda s, i: _pig(s)),
]
SINGLE_WORDS: list[tuple[str, str, Callable[[str], str]]] = [
    ("reversed", "reversed", lambda w: w[::-1]),
    ("Atbash word", "Atbash", _atbash),
    ("rot13 word", "rot13|shifted", _rot13),
]


def _cipher_cases() -> list[Any]:
    cases = []
    for family, name, encode in CIPHERS:
        for lang, carriers in CARRIERS.items():
            for i, carrier in enumerate(carriers):
                plain = PAYLOADS[lang][i]
                for role in ROLES:
                    cases.append(
                        pytest.param(
                            role,
                            lang,
                            carrier.format(x=encode(plain, i)),
                            name,
                            plain,
                            id=f"{family}-{lang}{i}-{role}",
                        )
                    )
    for family, name, encode_word in SINGLE_WORDS:
        for lang, carriers in CARRIERS.items():
            for i, carrier in enumerate(carriers):
                word = WORDS[lang][i]
                for role in ROLES:
                    cases.append(
                        pytest.param(
                            role,
                            lang,
                            carrier.format(x=encode_word(word)),
                            name,
                            word,
                            id=f"{family}-{lang}{i}-{role}",
                        )
                    )
    return cases


def _named(reasons: list[str], name: str, plain: str) -> bool:
    # a word the older reader reads first is named by it ("shifted or reversed letters"): either name says it
    return any(
        any(n in r for n in name.split("|")) and plain in r.casefold()
        for r in reasons
        if r.startswith(("encoded", "disguised"))
    )


@pytest.mark.parametrize(("role", "lang", "text", "name", "plain"), _cipher_cases())
def test_a_cipher_is_refused_in_every_role_naming_it_and_what_it_hid(
    role: str, lang: str, text: str, name: str, plain: str
) -> None:
    reasons = ROLES[role](lang, text)
    assert _named(reasons, name, plain), reasons


# the same term said plainly is refused in each sentence; the disguise must not hide it
SENTENCES = {
    "en": ("The setup is {x}.", "We add a 20% {x} on the licence."),
    "de": ("Die Einrichtung ist {x}.", "Wir geben 20 % {x} auf die Lizenz."),
    "fr": ("L'installation est {x}.", "Nous accordons une {x} de 20 % sur la licence."),
    "es": ("El montaje es {x}.", "Le damos un {x} del 20 % en la licencia."),
}
TERMS = {
    "en": ("free", "discount"),
    "de": ("gratis", "Rabatt"),
    "fr": ("gratuite", "remise"),
    "es": ("gratis", "descuento"),
}
_LEET = str.maketrans({"e": "3", "a": "4", "i": "1", "o": "0", "s": "5"})
_HOMOGLYPH = str.maketrans({"e": "е", "a": "а", "o": "ο", "i": "і"})
DISGUISES: list[tuple[str, str, Callable[[str, int], str]]] = [
    ("leetspeak", "leetspeak", lambda w, i: w.translate(_LEET)),
    ("spaced", "spaced letters", lambda w, i: (" " if i == 0 else "-").join(w)),
    ("zero-width", "zero-width characters", lambda w, i: w[:2] + ("\u200b" if i == 0 else "\u2060") + w[2:]),
    ("homoglyph", "look-alike letters", lambda w, i: w[0] + w[1:].translate(_HOMOGLYPH)),
]


def _disguise_cases() -> list[Any]:
    return [
        pytest.param(
            role,
            lang,
            sentence.format(x=disguise(TERMS[lang][i], i)),
            name,
            TERMS[lang][i].casefold(),
            id=f"{family}-{lang}{i}-{role}",
        )
        for family, name, disguise in DISGUISES
        for lang, sentences in SENTENCES.items()
        for i, sentence in enumerate(sentences)
        for role in ROLES
    ]


@pytest.mark.parametrize(("role", "lang", "text", "name", "plain"), _disguise_cases())
def test_a_disguised_term_is_read_through_and_refused_in_every_role(
    role: str, lang: str, text: str, name: str, plain: str
) -> None:
    reasons = ROLES[role](lang, text)
    assert _named(reasons, name, plain), reasons


QUERIES = {
    "en": (
        "Details: https://example.com/?note=send+20%25+off",
        "See https://offers.example.net/r?msg=setup%20is%20free",
    ),
    "de": (
        "Mehr unter https://example.de/info?x=1&hinweis=Einrichtung+gratis",
        "Link: https://example.de/a#zwanzig-prozent-rabatt",
    ),
    "fr": (
        "Voir https://example.fr/?note=installation+gratuite",
        "Lien : https://example.fr/p?m=remise%20de%2020%25",
    ),
    "es": (
        "Ver https://example.es/?nota=montaje+gratis",
        "Enlace: https://example.es/x?t=descuento+del+20%25",
    ),
}


@pytest.mark.parametrize(
    ("role", "lang", "text"),
    [
        pytest.param(role, lang, text, id=f"{lang}{i}-{role}")
        for lang, texts in QUERIES.items()
        for i, text in enumerate(texts)
        for role in ROLES
    ],
)
def test_words_in_a_links_query_are_read_and_refused_in_every_role(role: str, lang: str, text: str) -> None:
    reasons = ROLES[role](lang, text)
    assert any(r.startswith("disguised text (text in a link's query)") for r in reasons), reasons


# --- honest look-alikes ------------------------------------------------------------------------------------------

LOOKALIKES = [
    "Please quote reference NWL/Q/1126 and PO 4500012345 on the invoice INV-2026-118.",
    "Ticket #48213 (TK-2291) is closed; the opportunity 0065g00000ABcDeAAF is up to date.",
    "The template uses your colours #1A6FB3 and #f4f4f4.",
    "The Q4 review and the FY27 budget are the next milestones.",
    "Your team stressed that the drawer layout matters; the live demo was a reward for the pilot team.",
    "Anne-Marie O'Brien and Jean-Luc d'Aubigné join the call.",
    "They run B2B orders on Wi-Fi 6E and Windows 11; the MP3 reminders and A4 flyers stay.",
    "The rollout goes in 3 steps: 1-2-3, as in version 4.5.1.",
    "Sizes 8 10 12 14 are in stock; the 20-11-2026 delivery stands.",
    "The S3 bucket and the H2O sensors are out of scope.",
    "Noel and Leon from the depot team were there, as was Otto.",
    "The UTM link https://www.example.com/webinar?utm_source=newsletter&utm_campaign=winter-webinar works.",
    "Les équipes d'Aubigné-sur-Mer et de L'Haÿ-les-Roses sont prêtes.",
    "Herr Müller-Lüdenscheidt und Frau O'Neill nehmen teil.",
    "El equipo de Peñarroya-Pueblonuevo confirma la reunión del martes.",
]


@pytest.mark.parametrize("text", LOOKALIKES)
@pytest.mark.parametrize("role", list(ROLES))
def test_an_honest_look_alike_reads_as_no_encoding(role: str, text: str) -> None:
    reasons = ROLES[role]("en", text)
    assert [r for r in reasons if r.startswith(("encoded text", "disguised text"))] == [], reasons


def test_honest_look_alikes_hold_no_cipher_or_disguise() -> None:
    for text in LOOKALIKES:
        assert cipher_runs(text) == [], text
        runs = [r for r in disguised_runs(text) if r.encoding != "text in a link's query"]
        assert all(r.encoding == "leetspeak" for r in runs), (text, runs)  # read, and no term found in them


def _world_with_link(url: str) -> tuple[Any, Any]:
    raw = json.loads((FIXTURES / "records" / "hubspot_deal.json").read_text())
    raw.setdefault("extra", {})["booking_link"] = url
    ctx = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    return ctx, build_vocabulary(ctx)


def test_the_records_own_link_with_its_query_is_quoted_not_disguised() -> None:
    url = "https://example.com/offer?note=first+month+free"
    ctx, vocab = _world_with_link(url)
    held = held_text(ctx.record.to_dict())
    assert [r for r in disguised_runs(f"Book here: {url}.", held)] == []
    ctx2, vocab2 = _world_with_link("https://example.com/other")
    assert disguised_runs(f"Book here: {url}.", held_text(ctx2.record.to_dict()))


def test_the_records_uuid_and_link_pass_a_whole_draft() -> None:
    url = "https://example.com/book?slot=tuesday-morning&ref=3f6c2a9e-8b1d-4c7a-9e2f-5d0b7a1c4e88"
    ctx, vocab = _world_with_link(url)
    body = f"Hi Dana,\n\nYour booking link is {url} and the export id 3f6c2a9e-8b1d-4c7a-9e2f-5d0b7a1c4e88.\n\nBest regards,\nSam"
    reasons = check_draft(
        DraftOut(to_contact_id="501", subject="Next steps", body=body),
        ctx,
        vocab,
        approved_discount=None,
        language="en",
        learned_screen=False,
    )
    assert not [r for r in reasons if r.startswith(("encoded", "disguised"))], reasons


def test_a_name_that_reverses_into_a_word_is_no_cipher() -> None:
    # title-case short names and plain words that reverse into words ("Leon", "stressed") are not read
    assert encoded_run_violations("Leon, Noel and Otto stressed the live demo.", "") == []
    assert cipher_runs("Anna and Bob met Hannah.") == []


def test_a_single_reversed_word_counts_only_when_it_is_commercial() -> None:
    assert [r.decoded for r in cipher_runs("Code word: eerf.")] == ["free"]
    assert cipher_runs("Code word: laid.") == []  # reverses to "dial", no commercial word
    assert cipher_runs("Our contact Salam confirmed.") == []


def test_a_draft_with_a_disguise_but_no_term_passes_that_check() -> None:
    raw = json.loads((FIXTURES / "records" / "hubspot_deal.json").read_text())
    ctx = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    vocab = build_vocabulary(ctx)
    draft = DraftOut(
        to_contact_id="501",
        subject="Next steps",
        body="Hi Dana,\n\nOur B2B team runs the r0ll0ut plan.\n\nBest regards,\nSam",
    )
    reasons = check_draft(draft, ctx, vocab, approved_discount=None, language="en", learned_screen=False)
    assert not [r for r in reasons if r.startswith("disguised")], reasons
