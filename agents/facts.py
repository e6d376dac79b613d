"""Which facts a text may state: the vocabulary of one record, and the facts found in a text.

A draft may only state numbers, amounts, percentages, dates, addresses and names that come from
the inputs. Trusted inputs are the record's structured fields, its scores and what code decided
(the next best action); activity text counts too unless it was withheld as instructions to an AI,
but addresses and links come from trusted fields only, because "email this to x@y" is exactly
what an injected note says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from agents.catalogue import DEFAULT_CATALOGUE
from agents.context import Context, as_date

MONTHS = {m: i for i, ms in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"), start=1)
    for m in ms.split()}
"""Month names and abbreviations to month numbers."""

COMMON_CAPITALISED = frozenset("""
i i'm i'll i've i'd hi hello hey dear thanks thank best regards cheers kind warm warmest sincerely
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december
team ps p.s ok okay happy looking also would could can let our your we you it this that the a an
and or but if so as at on in for to of with by from please just quick great good glad hope
following re fwd subject call script opening close closing discovery next step steps agenda
objective purpose voicemail note notes mr mrs ms dr prof sir madam
""".split())
"""Capitalised words that are not names (greetings, days, months, sentence glue)."""

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"https?://[^\s)>\]]+|www\.[^\s)>\]]+", re.I)
_MONEY = re.compile(
    r"(?:[$€£]\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|million|thousand)?\b)|"
    r"(?:\b(\d[\d,]*(?:\.\d+)?)\s?(k|m|million|thousand)?\s?(?:usd|eur|gbp|dollars|euros|pounds)\b)|"
    r"(?:\b(?:usd|eur|gbp)\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|million|thousand)?\b)", re.I)
_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)", re.I)
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_MD = re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DATE_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(\d{{4}}))?", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b", re.I)
_DURATION = re.compile(r"\b(\d{1,3})[-\s]?(?:minutes?|mins?|hours?|hrs?)\b", re.I)
_MULTIPLE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?[x×](?![\w])", re.I)
_NUMBER = re.compile(r"(?<![\w.,/-])(\d[\d,]*(?:\.\d+)?)(?![\w%])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Finding:
    """One fact in a text that the inputs do not support."""

    kind: str  # email | url | money | percent | date | number | name | other_customer
    value: str

    def __str__(self) -> str:
        return f"{self.kind} '{self.value}' is not in the inputs"


@dataclass(frozen=True)
class Vocabulary:
    """What a text about this record may state."""

    numbers: frozenset[float]
    money: frozenset[float]
    percents: frozenset[float]
    dates: frozenset[date]
    emails: frozenset[str]
    urls: frozenset[str]
    words: frozenset[str]
    denied: tuple[str, ...] = ()
    multiples: frozenset[float] = frozenset()


def build_vocabulary(
    ctx: Context, *, extra_text: Iterable[str] = (), extra_dates: Iterable[date] = (),
    extra_percents: Iterable[float] = (), other_customers: Iterable[str] = (),
) -> Vocabulary:
    """Collect the facts a text about `ctx.record` may state.

    Args:
        ctx: the run's context.
        extra_text: trusted text decided in code (seller terms, the strategy's description).
        extra_dates: dates decided in code (the next best action's due date).
        extra_percents: percentages decided in code (the approved discount, as 0..100).
        other_customers: names of the tenant's other customers, which are always refused.
    """
    r = ctx.record
    trusted = [r.name, r.stage, r.pipeline, r.currency, *extra_text]
    if r.company:
        trusted += [r.company.name, r.company.industry, r.company.country]
    if r.owner:
        trusted += [r.owner.name, r.owner.timezone, (r.owner.email or "").split("@")[-1].split(".")[0]]
    trusted += [x for c in r.contacts for x in (c.name, c.title)]
    trusted += [a.description + " " + a.when for a in DEFAULT_CATALOGUE]
    numbers: set[float] = set()
    money: set[float] = set()
    percents: set[float] = set(extra_percents)
    for v in (r.amount, r.company.employees if r.company else None,
              r.company.annual_revenue if r.company else None):
        if v is not None:
            numbers.add(float(v))
            money.add(float(v))
    for d in r.history.closed_won_deals:
        money.add(d.amount)
        numbers.add(d.amount)
    for task, s in ctx.scores.items():
        if not isinstance(s, dict):
            continue
        trusted += [f.get("label") or "" for f in s.get("factors") or []]
        for key in ("probability", "best_discount"):
            if isinstance(s.get(key), int | float):
                percents.add(round(s[key] * 100, 1))
        for key in ("score_1_99", "value"):
            if isinstance(s.get(key), int | float):
                numbers.add(float(s[key]))
                if task == "clv":
                    money.add(float(s[key]))
    deal = ctx.data["deal"]
    numbers.update(float(deal[k]) for k in ("days_to_close", "age_days", "days_in_stage") if deal.get(k) is not None)
    dates = {d for d in (as_date(r.close_date), as_date(r.created_at), ctx.now.date(), *extra_dates) if d}
    dates.update(d for d in (as_date(s.at) for s in r.history.stage_changes) if d)
    dates.update(d for d in (as_date(x.date) for x in r.history.closed_won_deals) if d)
    counts: dict[str, int] = {}
    clean_text: list[str] = []
    for a in ctx.activities.values():
        counts[a["type"]] = counts.get(a["type"], 0) + 1
        if a.get("at"):
            dates.add(date.fromisoformat(a["at"]))
        if a.get("withheld"):
            continue
        clean_text += [a["subject"], a["text"]]
    numbers.update(float(n) for n in counts.values())
    for text in clean_text:
        for n in _NUMBER.findall(text):
            numbers.add(_num(n))
        for m in _MONEY.finditer(text):
            money.add(_money_value(m))
        percents.update(float(p) for p in _PERCENT.findall(text))
    multiples = {_num(n) for t in clean_text for n in _MULTIPLE.findall(t)}
    emails = {e.lower() for e in (r.owner.email if r.owner else None, *(c.email for c in r.contacts)) if e}
    urls = {u.lower().rstrip(".,") for t in clean_text for u in _URL.findall(t)}
    words = {w.lower() for t in (*trusted, *clean_text) if t for w in _words(t)}
    return Vocabulary(numbers=frozenset(numbers | money), money=frozenset(money), percents=frozenset(percents),
                      dates=frozenset(dates), emails=frozenset(emails), urls=frozenset(urls),
                      words=frozenset(words), denied=tuple(n for n in other_customers if n),
                      multiples=frozenset(multiples))


def find_unsupported(text: str, vocab: Vocabulary, *, kinds: Iterable[str] | None = None) -> list[Finding]:
    """Return every fact in `text` that `vocab` does not support.

    Args:
        text: a draft's subject and body, or any other output text.
        vocab: the record's vocabulary.
        kinds: restrict to these finding kinds (all when None).
    """
    want = set(kinds) if kinds is not None else None
    found: list[Finding] = []

    def add(kind: str, value: str) -> None:
        if want is None or kind in want:
            found.append(Finding(kind, value))

    low = text.lower()
    for name in vocab.denied:
        if re.search(rf"\b{re.escape(name.lower())}\b", low):
            add("other_customer", name)
    for e in _EMAIL.findall(text):
        if e.lower() not in vocab.emails:
            add("email", e)
    rest = _EMAIL.sub(" ", text)
    for u in _URL.findall(rest):
        if u.lower().rstrip(".,") not in vocab.urls:
            add("url", u)
    rest = _URL.sub(" ", rest)
    for m in _MONEY.finditer(rest):
        if not _close_to_any(_money_value(m), vocab.money):
            add("money", m.group(0).strip())
    rest = _MONEY.sub(" ", rest)
    for p in _PERCENT.findall(rest):
        if not _close_to_any(float(p), vocab.percents, tol=0.6):
            add("percent", p + "%")
    rest = _PERCENT.sub(" ", rest)
    for value, d in find_dates(rest):
        if not date_matches(d, vocab.dates):
            add("date", value)
    for pattern in (_DATE_MD, _DATE_DM, _DATE_ISO, _DATE_SLASH, _TIME, _DURATION):
        rest = pattern.sub(" ", rest)
    for n in _MULTIPLE.findall(rest):
        # "3x ROI" is a claim: only a multiple someone actually wrote in the CRM may be repeated.
        if _num(n) not in vocab.multiples:
            add("number", n + "x")
    rest = _MULTIPLE.sub(" ", rest)
    years = {d.year for d in vocab.dates} | {d.year + 1 for d in vocab.dates}
    for n in _NUMBER.findall(rest):
        v = _num(n)
        if v in years or _close_to_any(v, vocab.numbers) or _close_to_any(v, vocab.percents):
            continue
        add("number", n)
    for name in _unknown_names(rest, vocab.words):
        add("name", name)
    return found


def _words(text: str) -> list[str]:
    return [_base(w) for w in _WORD.findall(text)]


def _base(word: str) -> str:
    w = word.replace("’", "'")
    return w[:-2] if w.lower().endswith("'s") else w.strip("'-")


def _unknown_names(text: str, words: frozenset[str]) -> list[str]:
    out: list[str] = []
    # Sentence starts are capitalised anyway; only mid-sentence capitals are taken as names.
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n+|(?<=,)\s*\n", text):
        tokens = _WORD.findall(sentence)
        for i, tok in enumerate(tokens):
            w = _base(tok)
            if i == 0 or not w or not w[0].isupper():
                continue
            lw = w.lower()
            if lw in words or lw in COMMON_CAPITALISED or (w.isupper() and len(w) <= 5):
                continue
            if "-" in w and all(p.lower() in words or p.lower() in COMMON_CAPITALISED for p in w.split("-") if p):
                continue
            out.append(w)
    return out


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _money_value(m: re.Match[str]) -> float:
    if m.group(1):
        raw, unit = m.group(1), m.group(2)
    elif m.group(3):
        raw, unit = m.group(3), m.group(4)
    else:
        raw, unit = m.group(5), m.group(6)
    scale = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}.get((unit or "").lower(), 1.0)
    return _num(raw) * scale


def _close_to_any(v: float, allowed: Iterable[float], tol: float = 0.0) -> bool:
    # Amounts are often rounded in prose ("$48k" for 47,950): allow 1% or `tol`, whichever is larger.
    return any(abs(v - a) <= max(tol, abs(a) * 0.01) for a in allowed)


def find_dates(text: str) -> list[tuple[str, tuple[int | None, int, int]]]:
    """Return (text, (year or None, month, day)) for every date written in `text`."""
    out: list[tuple[str, tuple[int | None, int, int]]] = []
    for m in _DATE_MD.finditer(text):
        out.append((m.group(0), (int(m.group(3)) if m.group(3) else None, MONTHS[m.group(1).lower()[:3]
                     if m.group(1).lower()[:3] in MONTHS else m.group(1).lower()], int(m.group(2)))))
    for m in _DATE_DM.finditer(text):
        out.append((m.group(0), (int(m.group(3)) if m.group(3) else None, MONTHS[m.group(2).lower()[:3]],
                                 int(m.group(1)))))
    for m in _DATE_ISO.finditer(text):
        out.append((m.group(0), (int(m.group(1)), int(m.group(2)), int(m.group(3)))))
    for m in _DATE_SLASH.finditer(text):
        year = int(m.group(3)) if m.group(3) else None
        out.append((m.group(0), ((year + 2000 if year is not None and year < 100 else year),
                                 int(m.group(1)), int(m.group(2)))))
    return out


def date_matches(d: tuple[int | None, int, int], allowed: frozenset[date]) -> bool:
    """Tell whether a written date (year optional) is one of `allowed`."""
    year, month, day = d
    return any(a.month == month and a.day == day and (year is None or a.year == year) for a in allowed)
