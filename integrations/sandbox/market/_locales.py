"""A market whose buyers write German, French or Spanish (`MarketConfig(locale="de"|"fr"|"es")`).

The default market is mostly English-speaking (its German, French and Spanish companies carry English names and
English activity text). A locale market puts every company in that language's countries and gives its people,
companies, products, titles and activity text to match: native names with accents and particles ("von Bülow",
"de la Fuente", "d'Aubigné"), legal forms ("GmbH & Co. KG", "SARL", "S.L."), local cities and phone numbers,
amounts written the local way ("12.500 €", "12 500 €"), dates and local holidays ("nach Ostern", "avant le 14 juillet",
"después de Semana Santa"), in emails, calls, meetings and notes as a rep and a buyer of that country write them.

Every draw goes through the market's RNGs, so the same seed and locale give the same market; the default market
(locale None) never reaches this module and stays value for value what it was.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np

LOCALES = ("de", "fr", "es")
"""Buyer languages a market can be seeded in (besides the default, mostly English, market)."""

_SEP = {"de": ".", "fr": "\u202f", "es": "."}
"""Thousands separator of amounts ("12.500 €"; French writes a narrow no-break space: "12 500 €")."""


def ascii_fold(text: str) -> str:
    """An e-mail-safe spelling of a name ("Jürgen Groß" -> "jurgengross", "d'Aubigné" -> "daubigne")."""
    text = text.replace("ß", "ss").replace("ø", "o").replace("æ", "ae")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum() or ch in ".-")


@dataclass(frozen=True)
class LocaleText:
    """Names and message fragments of one buyer language; the same verbs as the default market's `_text`."""

    language: str
    FIRST: tuple[str, ...]
    LAST: tuple[str, ...]
    COMPANY_A: tuple[str, ...]
    INDUSTRY_WORDS: dict[str, tuple[str, ...]]
    COMPANY_SUFFIX: tuple[str, ...]
    COUNTRIES: tuple[tuple[str, str, tuple[str, ...]], ...]
    COUNTRY_WEIGHTS: tuple[float, ...]
    TIMEZONES: tuple[str, ...]
    TITLES: tuple[tuple[str, int], ...]
    PRODUCTS: tuple[str, ...]
    INDUSTRY_LABELS: dict[str, str]
    TEAMS: tuple[str, ...]
    ROLES: tuple[str, ...]
    MONTHS: tuple[str, ...]
    COMPETITORS: tuple[str, ...]
    phone_format: str
    company_format: str
    """How a company is named from its first word {a}, industry word {w} and legal form {legal}."""
    description: str
    """A deal's description from {product}, {company} and {team}."""
    open_lines: tuple[str, ...]
    out_body: tuple[str, ...]
    in_pos: tuple[str, ...]
    in_neg: tuple[str, ...]
    close_lines: tuple[str, ...]
    in_greeting: str
    in_subjects: tuple[str, ...]
    out_subjects: tuple[str, ...]
    call_title: str
    calls: tuple[str, ...]
    meeting_titles: tuple[str, ...]
    meetings: tuple[str, ...]
    notes: tuple[str, ...]
    injection: str

    @property
    def TITLE_WEIGHTS(self) -> np.ndarray:  # noqa: N802 - the default market's name for the same table
        return np.array([3 + 2 * s for _title, s in self.TITLES], dtype=float)

    # -- names ----------------------------------------------------------------------------------
    def company_name(self, rng: np.random.Generator, industry: str) -> str:
        """A company name of this country ("Alpenblick Logistik GmbH", "Logistique du Rhône SAS")."""
        return self.company_format.format(a=rng.choice(self.COMPANY_A), w=rng.choice(self.INDUSTRY_WORDS[industry]),
                                          legal=rng.choice(self.COMPANY_SUFFIX))

    def domain(self, name: str) -> str:
        """The company's web domain: its name without the legal form, folded ("ecoles-des-alpes.example")."""
        bare = next((name[: -len(s)] for s in self.COMPANY_SUFFIX if name.endswith(" " + s)), name)
        return "-".join(ascii_fold(w) for w in bare.split() if ascii_fold(w)) + ".example"

    def phone(self, rng: np.random.Generator) -> str:
        """A phone number in the country's own format."""
        return self.phone_format.format(*(int(rng.integers(10, 99)) for _ in range(4)))

    def amount(self, currency: str, value: float) -> str:
        """An amount as the country writes it ("12.500 €", "12 500 €")."""
        digits = f"{value:,.0f}".replace(",", _SEP[self.language])
        return f"{digits} €" if currency == "EUR" else f"{digits} {currency}"

    def deal_description(self, product: str, company: str, team: str) -> str:
        """What the deal is for, as a sentence (no second full stop after "S.L.")."""
        text = self.description.format(product=product, company=company, team=team)
        return text if text.endswith(".") else text + "."

    # -- activity text (the default market's `_text` functions, in this language) ---------------
    def _fill(self, rng: random.Random, template: str, ctx: dict[str, str]) -> str:
        extra = {"hours": lambda: str(rng.randrange(3, 20)), "seats": lambda: str(rng.randrange(10, 400)),
                 "pct": lambda: str(pick(rng, (5, 10, 15, 20))), "month": lambda: pick(rng, self.MONTHS),
                 "competitor": lambda: pick(rng, self.COMPETITORS), "product": lambda: pick(rng, self.PRODUCTS),
                 "day": lambda: str(rng.randrange(2, 28))}
        values = {k: f() for k, f in extra.items() if "{" + k + "}" in template and k not in ctx}
        return template.format(**ctx, **values)

    def email_text(self, rng: random.Random, inbound: bool, positive: bool, ctx: dict[str, str]) -> tuple[str, str]:
        """Return (subject, body) of an email; inbound tone follows `positive`."""
        if inbound:
            body = self._fill(rng, pick(rng, self.in_pos if positive else self.in_neg), ctx)
            subject = pick(rng, (*self.in_subjects, "Re: " + ctx["product"]))
            return subject, f"{self.in_greeting.format(**ctx)}\n\n{body}\n\n{ctx['first']}"
        opening = self._fill(rng, pick(rng, self.open_lines), ctx)
        parts = rng.sample(range(len(self.out_body)), rng.randrange(1, 3))
        body = " ".join(self._fill(rng, self.out_body[i], ctx) for i in parts)
        subject = pick(rng, self.out_subjects).format(**ctx)
        return subject, f"{opening}\n\n{body}\n\n" + self._fill(rng, pick(rng, self.close_lines), ctx)

    def call_text(self, rng: random.Random, ctx: dict[str, str]) -> tuple[str, str]:
        """Return (title, notes) of a logged call."""
        return self.call_title.format(**ctx), self._fill(rng, pick(rng, self.calls), ctx)

    def meeting_text(self, rng: random.Random, ctx: dict[str, str]) -> tuple[str, str]:
        """Return (title, description) of a meeting."""
        return f"{pick(rng, self.meeting_titles)} – {ctx['company']}", self._fill(rng, pick(rng, self.meetings), ctx)

    def note_text(self, rng: random.Random, ctx: dict[str, str], injection_rate: float) -> str:
        """Return a note body; a small share carries a prompt-injection attempt (untrusted input), in the language."""
        if rng.random() < injection_rate:
            return self.injection
        return " ".join(self._fill(rng, self.notes[i], ctx) for i in rng.sample(range(len(self.notes)), rng.randrange(1, 3)))


def pick(rng: random.Random, seq: tuple[Any, ...] | list[Any]) -> Any:
    """Return one element of a sequence."""
    return seq[int(rng.random() * len(seq))]




def locale_text(locale: str) -> LocaleText:
    """The names and text of a buyer language; ValueError naming the ones there are for any other."""
    # imported here: the tables build LocaleText instances, so they import this module first
    from integrations.sandbox.market._locale_tables import BY_LANGUAGE

    try:
        return BY_LANGUAGE[locale]
    except KeyError:
        raise ValueError(f"no market locale {locale!r}: use one of {', '.join(LOCALES)}") from None
