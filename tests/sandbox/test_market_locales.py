"""A market whose buyers write German, French or Spanish (`MarketConfig(locale=...)`, the demo's `--language`)."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, datetime

import pytest
import requests

from agents.names import guess_language
from agents.phrases import buyer_language
from integrations.sandbox import run_in_thread
from integrations.sandbox.market import Market, MarketConfig
from integrations.sandbox.market._locales import LOCALES, ascii_fold
from integrations.sandbox.market.leads import generate_leads

START = datetime(2026, 10, 1, tzinfo=UTC)


def _small(seed: int, locale: str | None = None) -> Market:
    return Market(MarketConfig(seed=seed, start=START, n_companies=25, n_owners=4, n_open_deals=20,
                               n_closed_deals=60, locale=locale))


def _fingerprint(m: Market) -> list[tuple]:
    return ([(d.name, d.amount, d.stage, d.created_at, d.closed_at, tuple(d.contacts)) for d in m.deals]
            + [(a.kind, a.at, a.subject, a.body) for a in m.activities]
            + [(c.email, c.title, tuple(c.visits)) for c in m.contacts])


def _as_labelled_before(m: Market) -> Market:
    """The market with its texts' amounts written as before wave 27 (the value labelled with the company's
    currency, "EUR 8,000", where the buyer now writes the value in euros, "EUR 7,360")."""
    for a in m.activities:
        d = m.deals[a.deal] if a.deal is not None else None
        if d is not None and d.currency != "USD":
            now, before = f"{d.currency} {d.local_amount:,.0f}", f"{d.currency} {d.amount:,.0f}"
            a.subject, a.body = a.subject.replace(now, before), a.body.replace(now, before)
    return m


def test_the_default_market_is_value_for_value_what_it_was_before_markets_had_a_language():
    # The digest of tests/sandbox/test_market.py's fingerprint of seed 5, computed on 27e31f8 (before the option).
    # Since wave 27 a deal's texts name its amount in its company's currency: the same draws, other labels.
    digest = hashlib.sha256(repr(_fingerprint(_as_labelled_before(_small(5)))).encode()).hexdigest()
    assert digest == "cd25dcd702ca9591082160a2b9b149abff7a6bfdb74ef07ee87ae2b1069598ce"


def test_a_deals_texts_name_its_amount_in_its_companys_currency():
    m = _small(5)
    named = [(d, a) for a in m.activities if a.deal is not None and (d := m.deals[a.deal]).currency != "USD"
             and f"{d.currency} " in a.body]
    assert named, "seed 5 has no text naming a non-USD amount"
    for d, a in named:
        assert f"{d.currency} {d.local_amount:,.0f}" in a.body


@pytest.mark.parametrize("locale", LOCALES)
def test_every_company_of_a_language_market_is_in_a_country_whose_buyers_read_that_language(locale):
    m = _small(3, locale)
    assert {buyer_language(None, c.country, "en") for c in m.companies} == {locale}
    assert {c.currency for c in m.companies} == {"EUR"}


@pytest.mark.parametrize("locale", LOCALES)
def test_a_language_markets_emails_calls_and_notes_are_written_in_that_language(locale):
    m = _small(3, locale)
    said = Counter(guess_language(f"{a.subject}. {a.body}") for a in m.activities if a.body)
    assert said.most_common(1)[0][0] == locale, said
    assert said[locale] >= 0.9 * sum(said.values()), said


@pytest.mark.parametrize(("locale", "marks"), [("de", "äöüß"), ("fr", "éèêëçïô"), ("es", "áéíóúñ")])
def test_a_language_markets_people_carry_their_accents_and_particles_and_their_emails_do_not(locale, marks):
    m = _small(3, locale)
    names = [f"{c.first} {c.last}" for c in m.contacts]
    assert any(set(n.lower()) & set(marks) for n in names)
    assert any(" " in c.last for c in m.contacts)  # "von Bülow", "de la Fontaine", "del Río"
    assert all(c.email.isascii() and " " not in c.email for c in m.contacts)


def test_the_same_seed_and_language_give_the_same_market_and_another_language_another():
    assert _fingerprint(_small(4, "fr")) == _fingerprint(_small(4, "fr"))
    assert _fingerprint(_small(4, "fr")) != _fingerprint(_small(4, "es"))


def test_an_unknown_market_language_is_refused_naming_the_ones_there_are():
    with pytest.raises(ValueError, match="no market locale 'it': use one of de, fr, es"):
        _small(1, "it")


@pytest.mark.parametrize("locale", LOCALES)
def test_a_language_markets_leads_are_people_and_companies_of_that_language(locale):
    leads = generate_leads(40, seed=2, now=START, n_owners=4, locale=locale)
    assert {buyer_language(None, lead.country, "en") for lead in leads} == {locale}
    assert all(lead.email.isascii() for lead in leads)


def test_names_fold_to_what_an_email_address_can_carry():
    assert ascii_fold("Jürgen") == "jurgen" and ascii_fold("Groß") == "gross"
    assert ascii_fold("d'Aubigné") == "daubigne" and ascii_fold("de la Fuente") == "delafuente"


def test_the_hubspot_sandbox_serves_a_language_markets_records_over_its_api():
    handle = run_in_thread(seed=3, locale="es", private_app_token="pat-locale-test", n_companies=20, n_owners=3,
                           n_open_deals=10, n_closed_deals=30)
    try:
        got = requests.get(f"{handle.url}/crm/v3/objects/companies", params={"limit": 20,
                           "properties": "name,country,city"},
                           headers={"Authorization": "Bearer pat-locale-test"}, timeout=10).json()
    finally:
        handle.stop()
    props = [r["properties"] for r in got["results"]]
    assert props and {p["country"] for p in props} <= {"Spain", "España"}
    assert all(p["name"].endswith(("S.L.", "S.A.", "S.L.U.")) for p in props)
