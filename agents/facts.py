"""Which facts a text may state: the vocabulary of one record, and the facts found in a text.

A draft may only state numbers, amounts, percentages, dates, addresses and names that come from the inputs. Trusted
inputs are the record's structured fields, its scores and what code decided (the next best action); activity text
counts too unless it was withheld as instructions to an AI, but addresses and links come from trusted fields only,
because "email this to x@y" is exactly what an injected note says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from agents.ask_dates import implied_dates
from agents.calendar_days import german_occasion_deadlines, unvouched_named_days
from agents.catalogue import DEFAULT_CATALOGUE
from agents.claimed_modes import operator_token
from agents.company_lookalikes import lookalike_company_names
from agents.context import Context, as_date, without_asides
from agents.currencies import currency_of
from agents.digit_lookalikes import disguised_figures, restored_figures
from agents.event_dates import calendar_facts_out
from agents.field_dates import field_dates, yearly_field_days
from agents.field_day_spans import field_day_spans
from agents.field_terms import field_term_days
from agents.field_words import field_words
from agents.held_codes import held_codes, held_codes_out
from agents.hidden_name_heads import visible_head
from agents.identifier_parts import identifiers_out
from agents.identifier_tokens import held_identifiers, identifier_tokens, snake_tokens_out
from agents.links import INLINE_URI, url_allowed
from agents.links import URL as _URL
from agents.names import customer_references, disguised_words, known_word, unknown_names, word_list
from agents.normalize import defang, normalise
from agents.order_numbers import order_numbers_out
from agents.other_customers import initials_of, named_other_customers, with_spellings
from agents.own_sites import buyers_own_pages, names_buyers_page, names_own_site, own_sites
from agents.passed_holidays import passed_holidays_out
from agents.place_asides import company_place, placed_out
from agents.sender_titles import sender_titles_out
from agents.settings import FREE_TEXT_CORROBORATION
from agents.text_memory import TEXT_MEMORY, remembered
from agents.unit_conversions import conversion_factors_out
from agents.vouched import count_parts_out, factor_labels, own_company_unnumbered, record_names, unowned
from agents.written_dates import DATES_AND_TIMES, date_matches
from agents.written_dates import find_dates as find_dates

PLAIN_NUMBER_MAX = 10_000
"""Largest plain count a reply may repeat from the customer's messages; anything bigger must come from a field."""

YEAR_RANGE = (1900, 2100)
"""Four-digit numbers in this range are read as years (dates), not counts."""

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AMOUNT = r"\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
_SCALE = r"k|m|mio\.?|million(?:s|en)?|millones|thousand|tsd\.?|mil|grand"
_CUR_SIGN = r"[$€£¢]|us\$"
_CUR_WORD = (r"usd|eur|gbp|chf|dollars?|euros?|pounds?|d[oó]lares|franken|"
             # minor units are money too: "3 cents per truck per day", "80 Cent pro Fahrzeug"
             r"cents?|pence|centimes?|c[ée]ntimos?|centavos?|ct")
MONEY = re.compile(
    rf"(?:(?:{_CUR_SIGN})\s?({_AMOUNT})\s?({_SCALE})?\b)|"
    rf"(?:(?<![\w.,])({_AMOUNT})\s?({_SCALE})?\s?(?:{_CUR_SIGN}|(?:{_CUR_WORD})\b))|"
    rf"(?:\b(?:usd|eur|gbp|chf)\s?({_AMOUNT})\s?({_SCALE})?\b)|"
    # "36 grand", "45k": an amount even without a currency.
    rf"(?:(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(grand|k|tsd\.?)(?![\w-]))", re.I)
_PCT_WORD = r"%|\bpercent\b|\bper cent\b|\bprozent\b|\bpour ?cent\b|\bpor ?ciento\b|\bpct\b"
PERCENT = re.compile(rf"(?<![\w.])(\d+(?:[.,]\d+)?)\s?(?:{_PCT_WORD})", re.I)
_LIST_MARKER = re.compile(r"(?m)^\s*\d{1,2}[.)](?=\s)|(?:\bn[º°o]\.?|\bnr\.|\bnúm\.)\s?\d{1,2}\b|"
                          r"\b(?:teil|part|partie|parte|abschnitt|section|sección|schritt|step|étape|paso)\s\d\b(?![.,]\d)(?!\s?:)",
                          re.I)
"""A numbered step's number ("1. Open with ...") or a small item number ("la delegación nº 2"), or the label of a part
of the text's own layout ("Teil 1 ..., Teil 2 ...", "part 2", "étape 3": set 48's 097): an order, not a figure. A label
before a colon heads what follows ("Abschnitt 2: 15 % Nachlass"): agents.order_numbers reads it with its terms (wave 25)."""
_MULTIPLE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?[x×](?![\w])", re.I)
# A number after a word and a hyphen is still a number ("net-90", "Q-2291"); so is an ordinal
# ("Monday the 23rd", "le 3e"), which names a day of the month or a rank.
_NUMBER = re.compile(r"(?<![\w.,/])(?<!\d-)(\d(?:[\d,]*\d)?(?:\.\d+)?)(?:st|nd|rd|th|er|e|ème|º|ª)?(?![\w%])")
"""A figure; a comma after it ends the clause ("the Dental Expo 2026, and"), it is no part of the figure."""
_MIXED_SCRIPT = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0370-\u03ff\u0400-\u04ff])\w+\b")


@dataclass(frozen=True)
class Finding:
    """One fact in a text that the inputs do not support."""

    kind: str  # email | url | money | percent | date | number | name | other_customer | confusable
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
    own_words: frozenset[str] = frozenset()
    seen_words: frozenset[str] = frozenset()
    today: date | None = None  # the day the text is read on: a week or holiday named without a year is the nearest
    currency: str | None = None
    own_initials: str = ""  # this record's company's initials: never read as another customer's
    names: frozenset[str] = frozenset()  # words of the record's people and company names (agents.vouched)
    vouched_phrases: tuple[str, ...] = ()  # figure-valued score factor labels (agents.vouched)
    day_first: bool = False  # slash dates read day first ("4/12" = 4 December): a de/fr/es draft (agents.safety)
    own_company: str = ""  # this record's company name, screened: vouched whole, not in pieces (agents.vouched)
    place: str = ""  # the place in brackets after the company's name: a name where a text places something there
    codes: frozenset[str] = frozenset()  # document codes a custom field holds whole (agents.held_codes)
    identifiers: frozenset[str] = frozenset()  # flags and settings the record writes (agents.identifier_tokens)
    own_sites: frozenset[str] = frozenset()  # the buyer's own domain, vouched by its people's e-mail (agents.own_sites)
    own_pages: frozenset[str] = frozenset()  # pages of that domain the buyer's own e-mail links (agents.own_sites)


def build_vocabulary(
    ctx: Context, *, extra_text: Iterable[str] = (), extra_dates: Iterable[date] = (),
    extra_percents: Iterable[float] = (), other_customers: Iterable[str] = (),
    allowed_links: Iterable[str] = (), extra_money: Iterable[float] = (), score_figures: bool = True,
) -> Vocabulary:
    """Collect the facts a text about `ctx.record` may state.

    Money, percentages, multiples, dates and links come only from structured fields, scores and
    what code decided (plus the tenant's settings): a figure written in a note or an email is
    not evidence, because whoever wrote it may have written it for the model. Names and plain
    counts may also come from the customer's own screened messages ("your 420 trucks").

    Args:
        ctx: the run's context.
        extra_text: trusted text decided in code (seller terms, the strategy's description).
        extra_dates: dates decided in code (the next best action's due date, proposed slots).
        extra_percents: percentages decided in code (the approved discount, as 0..100).
        other_customers: names of the tenant's other customers, which are always refused.
        allowed_links: the tenant's link allow-list (domains like `brightlane.io` or URL prefixes).
        extra_money: amounts from the tenant's settings (list prices) a text may state.
        score_figures: whether the scores' probabilities and 1-99 scores may be stated. Internal
            texts (analysis, strategy) may; a draft to the buyer may not, so "our margin is 62%"
            cannot borrow the conversion probability as its figure.
    """
    r = ctx.record
    trusted = [without_asides(r.name) if "name" not in ctx.flagged else None, r.currency, *extra_text]
    if r.company:
        trusted += [without_asides(ctx.company_name), ctx.safe("company.industry", r.company.industry),
                    ctx.safe("company.country", r.company.country)]
    if r.owner:
        trusted += [ctx.safe("owner.name", r.owner.name), r.owner.timezone,
                    (r.owner.email or "").split("@")[-1].split(".")[0]]
    trusted += [without_asides(x) for c in r.contacts
                for x in (ctx.contact_name(c), ctx.safe(f"contacts.{c.id}.title", c.title))]
    # a name field refused as no name: its plain head, before the word that hides a payload, is the person's (wave 38)
    trusted += [visible_head(c.name) for c in r.contacts if ctx.contact_name(c) is None]
    trusted += [a.description + " " + a.when for a in DEFAULT_CATALOGUE]
    numbers: set[float] = set()
    money: set[float] = set(extra_money)
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
        if not score_figures:
            continue
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
    dates |= field_dates(ctx)  # a custom field's go-live or contract start, like the close date (wave 29)
    dates |= yearly_field_days(ctx)  # a fiscal year's end the field gives without a year, "December 31" (wave 34)
    dates |= field_day_spans(ctx)  # an annual closing "du 24/12 au 2/01" (wave 42, agents.field_day_spans)
    dates.update(d for d in (as_date(s.at) for s in r.history.stage_changes) if d)
    dates.update(d for d in (as_date(x.date) for x in r.history.closed_won_deals) if d)
    counts: dict[str, int] = {}
    word_seen: dict[str, int] = {}
    activity_texts: list[str] = []
    number_seen: dict[float, int] = {}
    inbound_links: list[str] = []
    for a in ctx.activities.values():
        counts[a["type"]] = counts.get(a["type"], 0) + 1
        if a.get("at"):
            dates.add(date.fromisoformat(a["at"]))
        if a.get("withheld"):
            continue
        text = f"{a['subject'] or ''} {a['text'] or ''}"
        activity_texts.append(text)
        if a["type"] == "email" and a.get("direction") == "inbound" and a.get("at"):
            # the day the buyer's own ask names ("by the end of next week"): a reply may confirm it
            dates.update(implied_dates(normalise(text), date.fromisoformat(a["at"])))
        if a["type"] == "email" and a.get("direction") == "inbound":
            inbound_links += _URL.findall(defang(normalise(text)))  # a page the buyer sent may be named back (wave 42)
        for w in {w.lower() for w in word_list(normalise(text))}:
            word_seen[w] = word_seen.get(w, 0) + 1
        # Plain counts only ("420 trucks", "a 2-year term"); amounts and percentages in the same
        # text are cut out first, and big figures are left to structured fields.
        plain = PERCENT.sub(" ", MONEY.sub(" ", text))
        for v in {parse_number(n) for n in _NUMBER.findall(plain) if parse_number(n) < PLAIN_NUMBER_MAX}:
            number_seen[v] = number_seen.get(v, 0) + 1
    # Free text vouches for a name or a count only when two activities say it ("420 trucks" in
    # the buyer's email and in our payback note): one planted note cannot introduce a company, a
    # person or a figure, however it is worded and whether or not the screen recognised it.
    numbers.update(v for v, n in number_seen.items() if n >= FREE_TEXT_CORROBORATION)
    numbers.update(float(n) for n in counts.values())
    numbers |= field_term_days(ctx)  # a payment-term field's days ("Net 30"): a figure of the record (wave 30)
    emails = {e.lower() for e in (r.owner.email if r.owner else None, *(c.email for c in r.contacts)) if e}
    words = {w.lower() for t in trusted if t for w in word_list(normalise(t))} | record_names(ctx)  # "Paul" of Paul-Henri
    words |= {w for w, n in word_seen.items() if n >= FREE_TEXT_CORROBORATION} | field_words(ctx, extra_text)
    return Vocabulary(numbers=frozenset(numbers | money), money=frozenset(money), percents=frozenset(percents),
                      dates=frozenset(dates), emails=frozenset(emails),
                      urls=frozenset(u.lower().strip() for u in allowed_links if u.strip()),
                      words=frozenset(words),
                      denied=with_spellings(other_customers, (ctx.company_name or "").lower()),
                      multiples=frozenset(), place=company_place(ctx),
                      own_words=frozenset(w.lower() for t in trusted if t for w in word_list(normalise(t))),
                      # Asides in names count as text the record used once (German nouns there are no names).
                      seen_words=frozenset(word_seen) | frozenset(
                          w.lower() for t in (r.name, *(c.title for c in r.contacts)) if t for w in word_list(normalise(t))),
                      today=ctx.now.date(), currency=r.currency, own_initials=initials_of(ctx.company_name or ""),
                      names=record_names(ctx), vouched_phrases=factor_labels(ctx), own_company=ctx.company_name or "",
                      codes=held_codes(ctx), identifiers=held_identifiers([*trusted, *(
                          ctx.safe(f"extra.{k}", v) for k, v in (r.extra or {}).items() if isinstance(v, str))],
                          activity_texts, FREE_TEXT_CORROBORATION),
                      own_sites=(sites := own_sites(ctx.company_name, (c.email for c in r.contacts))),
                      own_pages=buyers_own_pages(sites, inbound_links))


@remembered(TEXT_MEMORY)
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

    for token in disguised_words(text):
        add("confusable", token)
    for w in customer_references(text, vocab.words):
        add("other_customer", w)
    for word in _MIXED_SCRIPT.findall(text):
        # "brіghtlane.io" with a Cyrillic і passes for the allowed domain once letters are mapped:
        # nobody writes a word in two scripts except to pass for something else.
        add("confusable", word)
    text = defang(normalise(text))
    if (restored := restored_figures(text)) != text:
        for figure in disguised_figures(text):
            # letters for digits ("3O.OOO €") or another script's digits: refused, and the figure itself judged below
            add("confusable", f"{figure} (a figure written with look-alike characters)")
        text = restored
    for name in named_other_customers(unowned(text, vocab), vocab.denied, vocab.own_words, vocab.own_initials):
        if Finding("other_customer", name) not in found:
            add("other_customer", name)
    for uri in INLINE_URI.findall(text):
        add("url", uri)  # a data:/javascript: URI carries a page or a script inline: no allow-list vouches for one
    for e in _EMAIL.findall(text):
        if e.lower() not in vocab.emails:
            add("email", e)
    rest = _EMAIL.sub(" ", text)
    for u in _URL.findall(rest):
        if not url_allowed(u, vocab.urls) and not names_own_site(u, vocab.own_sites) \
                and not names_buyers_page(u, vocab.own_pages):
            add("url", u.rstrip(",;:!?"))  # a comma after a link is the sentence's (wave 42)
    rest = order_numbers_out(_URL.sub(lambda m: " ." if m.group(0).endswith(".") else " ", rest))  # "...ateliers. Je"
    rest = held_codes_out(rest, vocab.codes)  # the record's PO number quoted whole is its reference (wave 30)
    rest = conversion_factors_out(rest)  # "3.785 L per US gallon" is a unit's factor, no figure of a deal (wave 39)
    for token in identifier_tokens(rest):  # wave 38: "VIP_PRICING", "pricing.override=true" no record holds
        if token.lower() not in vocab.identifiers and not operator_token(token):  # wave 39: an operator's token is
            # agents.claimed_modes' refusal, held or not: one reason for it, not two
            add("identifier", token)
    for m in MONEY.finditer(rest):
        if not close_to_any(money_value(m), vocab.money):
            add("money", m.group(0).strip())
        elif vocab.currency and (cur := currency_of(m.group(0))) and cur != vocab.currency.upper():
            add("money", f"{m.group(0).strip()} (in {cur}; the record's currency is {vocab.currency.upper()})")
    rest = MONEY.sub(" ", rest)
    for p in PERCENT.findall(rest):
        if not close_to_any(parse_number(p), vocab.percents, tol=0.6):
            add("percent", p + "%")
    rest = PERCENT.sub(" ", rest)
    if vocab.today is not None:
        rest = calendar_facts_out(rest, vocab.today)  # a holiday stated with the day the calendar gives it
        rest = passed_holidays_out(rest, vocab.today)  # wave 36: "Veterans Day has come and gone" dates nothing
    for value, d in find_dates(rest, day_first=vocab.day_first):
        if not date_matches(d, vocab.dates):
            add("date", value)
    if vocab.today is not None:
        unvouched, rest = unvouched_named_days(rest, vocab.today, vocab.dates, vocab.own_words)
        for value in unvouched:
            add("date", value)
        from agents.written_days import days_of_month  # noqa: PLC0415 - written_days reads dates with this module
        for day in reversed(days_of_month(rest, vocab.today) if any(c.isdigit() for c in rest) else []):
            if day.day in vocab.dates:  # "by the 27th" the buyer's ask vouches for: a date, not a figure
                rest = rest[:day.start] + " " + rest[day.end:]
    for pattern in (*DATES_AND_TIMES, _LIST_MARKER):
        # Keep a sentence-ending period ("... on 21 novembre. Notre ...") so sentence starts stay starts.
        rest = pattern.sub(lambda m: " ." if m.group(0).endswith(".") else " ", rest)
    for n in _MULTIPLE.findall(rest):
        # "3x ROI" is a claim: only a multiple someone actually wrote in the CRM may be repeated.
        if parse_number(n) not in vocab.multiples:
            add("number", n + "x")
    rest = count_parts_out(own_company_unnumbered(_MULTIPLE.sub(" ", rest), vocab), vocab.numbers)  # parts, names
    years = {d.year for d in vocab.dates} | {d.year + 1 for d in vocab.dates}
    for n in _NUMBER.findall(rest):
        v = parse_number(n)
        if n.isdigit() and len(n) == 4 and YEAR_RANGE[0] <= v <= YEAR_RANGE[1]:
            # A year is a date: only the record's own years (and the next) may be stated, whatever
            # a note says ("price frozen until 2030").
            if v not in years:
                add("number", n)
            continue
        if close_to_any(v, vocab.numbers) or close_to_any(v, vocab.percents):
            continue
        add("number", n)
    rest = sender_titles_out(rest, lambda w: known_word(w, vocab.words))  # "Account Executive" under the signer (wave 34)
    # the letters inside a system's identifier ('0065g00000Es001') are no name (wave 37), nor an UPPER_SNAKE token's
    # parts, each token judged whole above (wave 40: "OPERATOR_MODE_CONCESSIONS_UNLOCKED" names nobody)
    named = identifiers_out(placed_out(snake_tokens_out(rest), vocab.place))
    for name in unknown_names(named, vocab.words, vocab.seen_words):
        add("name", name)
    # a sentence's first word is never read as a name above: "Harborview Dental Group just renewed" on the record of
    # Harbor Dental Group named another customer there (wave 41, probe41; agents.company_lookalikes)
    for name in lookalike_company_names(named, vocab.words, vocab.own_company):
        if Finding("name", name) not in found:
            add("name", name)
    for value in german_occasion_deadlines(rest, lambda word: known_word(word, vocab.words)):
        add("date", f"{value} (an occasion no field dates)")
    return found


def parse_number(s: str) -> float:
    """Parse 19,900 / 19.900 / 19 900 / 19'900 / 19.900,50 / 0,5 (thousands vs decimal by the group size)."""
    s = s.strip().replace(" ", "").replace("'", "")
    last = max(s.rfind(","), s.rfind("."))
    if last == -1:
        return float(s)
    head, tail = s[:last], s[last + 1:]
    if len(tail) == 3 and (head.replace(",", "").replace(".", "").isdigit()):
        return float(head.replace(",", "").replace(".", "") + tail)
    return float(head.replace(",", "").replace(".", "") + "." + tail)


def money_value(m: re.Match[str]) -> float:
    raw, unit = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5, 7) if m.group(i))
    u = (unit or "").lower().rstrip(".")
    scale = 1e3 if u in ("k", "thousand", "tsd", "mil") else 1e6 if u and u[0] == "m" else 1.0
    return parse_number(raw) * scale


def close_to_any(v: float, allowed: Iterable[float], tol: float = 0.0) -> bool:
    # Amounts are often rounded in prose ("$48k" for 47,950): allow 1% or `tol`, whichever is larger.
    return any(abs(v - a) <= max(tol, abs(a) * 0.01) for a in allowed)
