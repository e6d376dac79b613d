"""Leads of the simulated market: a lead funnel with a hidden conversion chance per lead.

Each lead arrives on a day of the market's history, is worked by its owner (calls, emails and
meetings at a rate its hidden engagement sets) and, after a life of a few weeks, is either
converted or closed unconverted, drawn with its own chance; leads whose decision lies after
today are open, and their chance is the truth a lead score is measured against.

What moves the chance (log-odds, plus a per-lead noise the CRM never shows): the source
(referrals convert, purchased lists rarely do), the industry (the deal market's effect, doubled),
the company's size, the seniority of the person's title and the hidden engagement, which also
sets how often the lead is worked (so activity carries part of it). Rating is a rep's noisy
reading of the same chance. Fields go missing as they do in real lead lists (size, revenue,
industry, title, rating): a score must cope with them.

Drawn from a random stream of its own, so the deals, accounts and contacts of a market are the
same with or without leads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from . import _locales, _text, _truth

LEAD_SEED = 4_000_037
"""Offset of the leads' random stream from the market's seed."""

HISTORY_DAYS = 720
"""Leads arrive over this many days before the market's start (two years of funnel)."""

BASE_LOGIT = -1.8
SOURCE_EFFECT = {"Partner Referral": 1.4, "Employee Referral": 1.1, "Webinar": 0.4, "Web": 0.0,
                 "Trade Show": -0.4, "Purchased List": -1.7}
SOURCE_WEIGHTS = (0.08, 0.06, 0.14, 0.38, 0.14, 0.20)
INDUSTRY_SCALE = 2.0
"""The deal market's industry effect, times this (who buys also converts)."""
SIZE_EFFECT = 0.6
"""Per decade of employees above 200."""
SENIORITY_EFFECT = 0.35
"""Per title level (director 1, VP 2, C-level 3)."""
ENGAGEMENT_SIGMA = 0.6
ENGAGEMENT_EFFECT = 0.9
NOISE_SIGMA = 0.25
"""Per-lead log-odds noise the CRM never shows."""

ACTIVITY_RATE = 0.07
"""Activities per day of an average lead (times exp(1.2 engagement))."""
LIFE_MEDIAN_DAYS = 35.0
LIFE_SIGMA = 0.6
RATINGS = ("Cold", "Warm", "Hot")
MISSING = {"employees": 0.15, "revenue": 0.25, "industry": 0.10, "title": 0.10, "rating": 0.30}


@dataclass
class LeadActivity:
    kind: str  # call | email | meeting
    at: datetime
    direction: str | None = None


@dataclass
class Lead:
    key: int
    first: str
    last: str
    company: str
    email: str
    title: str | None
    seniority: int
    industry: str | None
    employees: int | None
    revenue: float | None
    country: str
    source: str
    rating: str | None
    owner: int
    created_at: datetime
    decided_at: datetime
    p_convert: float
    """The hidden chance this lead converts (an open lead's truth)."""
    converted: bool | None
    """True / False once decided (decided_at <= now); None while open."""
    activities: list[LeadActivity] = field(default_factory=list)
    fate: bool = False
    """Whether it converts when decided (drawn with ``p_convert``); hidden while the lead is open,
    so the sandbox can decide it on ``decided_at`` as time advances."""

    @property
    def closed_at(self) -> datetime | None:
        return self.decided_at if self.converted is not None else None


def generate_leads(n: int, *, seed: int, now: datetime, n_owners: int, locale: str | None = None) -> list[Lead]:
    """``n`` leads arriving over the :data:`HISTORY_DAYS` before ``now``, decided or open as of ``now`` (people and
    companies of the buyer language ``locale`` when given: see _locales)."""
    rng = np.random.default_rng(seed + LEAD_SEED)
    local = _locales.locale_text(locale) if locale is not None else None
    industries = list(_truth.INDUSTRY_EFFECT)
    sources = list(SOURCE_EFFECT)
    out: list[Lead] = []
    for key in range(n):
        if local is None:
            first, last = str(rng.choice(_text.FIRST)), str(rng.choice(_text.LAST))
            industry = str(rng.choice(industries))
            company = f"{rng.choice(_text.COMPANY_A)} {rng.choice(_text.INDUSTRY_WORDS[industry])} {key}"
            t = int(rng.choice(len(_text.TITLES), p=_text.TITLE_WEIGHTS / _text.TITLE_WEIGHTS.sum()))
            title, seniority = _text.TITLES[t]
            country = _text.COUNTRIES[int(rng.choice(len(_text.COUNTRIES), p=_text.COUNTRY_WEIGHTS))][0]
        else:
            first, last = str(rng.choice(local.FIRST)), str(rng.choice(local.LAST))
            industry = str(rng.choice(industries))
            company = local.company_name(rng, industry)
            title, seniority = local.TITLES[int(rng.choice(len(local.TITLES), p=local.TITLE_WEIGHTS
                                                            / local.TITLE_WEIGHTS.sum()))]
            weights = np.array(local.COUNTRY_WEIGHTS) / sum(local.COUNTRY_WEIGHTS)
            country = local.COUNTRIES[int(rng.choice(len(local.COUNTRIES), p=weights))][0]
        employees = int(np.clip(rng.lognormal(np.log(150), 1.5), 2, 80_000))
        revenue = float(round(employees * rng.lognormal(np.log(150_000), 0.4), -3))
        source = sources[int(rng.choice(len(sources), p=SOURCE_WEIGHTS))]
        engagement = float(rng.normal(0.0, ENGAGEMENT_SIGMA))
        z = (BASE_LOGIT + SOURCE_EFFECT[source] + INDUSTRY_SCALE * _truth.INDUSTRY_EFFECT[industry]
             + SIZE_EFFECT * np.log10(employees / 200.0) + SENIORITY_EFFECT * seniority
             + ENGAGEMENT_EFFECT * engagement + float(rng.normal(0.0, NOISE_SIGMA)))
        p = float(1.0 / (1.0 + np.exp(-z)))
        reading = z + float(rng.normal(0.0, 0.7))
        rating = RATINGS[0 if reading < -2.2 else 1 if reading < -0.9 else 2]
        created = now - timedelta(days=float(rng.uniform(0, HISTORY_DAYS)))
        life = timedelta(days=float(rng.lognormal(np.log(LIFE_MEDIAN_DAYS), LIFE_SIGMA)))
        decided = created + life
        outcome = bool(rng.random() < p)
        converted = outcome if decided <= now else None
        end = min(decided, now)
        rate = ACTIVITY_RATE * float(np.exp(1.2 * engagement))
        acts: list[LeadActivity] = []
        at = created
        while len(acts) < 40:
            at += timedelta(days=float(rng.exponential(1.0 / rate)))
            if at >= end:
                break
            kind = str(rng.choice(("call", "email", "meeting"), p=(0.5, 0.35, 0.15)))
            acts.append(LeadActivity(kind, at, None if kind == "meeting" else
                                     str(rng.choice(("outbound", "inbound"), p=(0.7, 0.3)))))
        drop = rng.random(len(MISSING)) < np.array(list(MISSING.values()))
        gone = dict(zip(MISSING, drop, strict=True))
        email = (f"{first.lower()}.{last.lower()}.{key}@lead{key}.example" if local is None else
                 f"{_locales.ascii_fold(first)}.{_locales.ascii_fold(last)}.{key}@lead{key}.example")
        out.append(Lead(key, first, last, company, email,
                        None if gone["title"] else title, seniority, None if gone["industry"] else industry,
                        None if gone["employees"] else employees, None if gone["revenue"] else revenue,
                        country, source, None if gone["rating"] else rating, int(rng.integers(max(1, n_owners))),
                        created, decided, p, converted, acts, outcome))
    return out
