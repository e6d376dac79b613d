"""Build the initial world: owners, companies, contacts, and a book of closed and open deals.

Deals are generated in creation order over the past two years. Each gets a hidden engagement
level that drives how much activity and how many page views it produces; the outcome of a
closed deal is then drawn from the truth applied to what is observable at its close.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _churn, _locales, _text, _truth
from ._model import LOST, OPEN_STAGES, WON, Activity, Company, Contact, Deal, Owner

if TYPE_CHECKING:
    from ._market import Market

HISTORY_DAYS = 720
"""How far back the seeded history reaches."""
CYCLE_DAYS = {"smb": 28.0, "mid": 55.0, "ent": 95.0}
"""Median sales-cycle length by segment (days)."""
CYCLE_SIGMA = 0.45
"""Spread (log scale) of a deal's cycle around its segment's median."""
OPEN_CYCLE_CAP = 3.9
"""Longest cycle (x the segment median, about 3 sd) the length-biased draw of open deals weighs."""
RATES_PER_30D = {"emails_out": (3.0, 0.2), "emails_in": (1.6, 0.7), "calls": (1.2, 0.3),
                 "meetings": (0.7, 0.6), "notes": (0.8, 0.1)}
"""Activity kind -> (base events per 30 days, sensitivity to hidden engagement)."""
VISITS_PER_30D = (2.0, 0.7)

ACCOUNT_RATE_SHAPE = 0.6
"""Shape of the gamma distribution (mean 1) of each account's buying rate: new deals pick an
account in proportion to it, so a few accounts buy again and again and many buy once or never,
as B2B books do (the NBD's heterogeneity). With every account equally likely, the past said
nothing about future purchases beyond segment size, and a CLV model could not beat chance."""
ACCOUNT_SPEND_SIGMA = 0.45
"""Spread (log scale) of each account's typical deal size around its segment's median: an
account that bought big buys big again (deal-level noise, sigma 0.55, comes on top)."""
ACCOUNT_TRAITS_SEED = 2_000_003
"""Offset of the random stream that draws the accounts' hidden traits (people stay as before)."""


def build_people(m: Market) -> None:
    """Create owners, companies and their contacts."""
    if m.config.locale is not None:
        _build_local_people(m, _locales.locale_text(m.config.locale))
        return
    rng, cfg = m.rng, m.config
    for i in range(cfg.n_owners):
        first, last = str(rng.choice(_text.FIRST)), str(rng.choice(_text.LAST))
        m.owners.append(Owner(i, first, last, f"{first.lower()}.{last.lower()}@sandbox-sales.example",
                              str(_text.TIMEZONES[i % len(_text.TIMEZONES)]), 9_100_000 + 17 * i,
                              float(rng.normal(0, 0.35))))
    names: set[str] = set()
    for i in range(cfg.n_companies):
        industry = str(rng.choice(list(_truth.INDUSTRY_EFFECT)))
        name = f"{rng.choice(_text.COMPANY_A)} {rng.choice(_text.INDUSTRY_WORDS[industry])}"
        if name in names:
            name = f"{name} {rng.choice(_text.COMPANY_SUFFIX)}"
        if name in names:
            name = f"{name} {i}"
        names.add(name)
        ci = int(rng.choice(len(_text.COUNTRIES), p=_text.COUNTRY_WEIGHTS))
        country, currency, cities = _text.COUNTRIES[ci]
        employees = int(np.clip(rng.lognormal(np.log(180), 1.4), 5, 60_000))
        revenue = float(round(employees * rng.lognormal(np.log(160_000), 0.4), -3))
        created = m.start - timedelta(days=HISTORY_DAYS + int(rng.integers(30, 900)))
        m.companies.append(Company(
            i, name, name.lower().replace(" ", "") + ".example", industry,
            employees, revenue, country, str(rng.choice(cities)), currency, int(rng.integers(cfg.n_owners)),
            created))
        n_contacts = int(np.clip(rng.poisson(2 + min(employees, 5000) ** 0.25), 1, 12))
        for j in range(n_contacts):
            m.contacts.append(_contact(m, i, j == 0, created))
            m.company_contacts.setdefault(i, []).append(len(m.contacts) - 1)
    account_traits(m)



def _build_local_people(m: Market, text: _locales.LocaleText) -> None:
    """Owners, companies and contacts of a market whose buyers write `text.language` (see _locales)."""
    rng, cfg = m.rng, m.config
    for i in range(cfg.n_owners):
        first, last = str(rng.choice(text.FIRST)), str(rng.choice(text.LAST))
        m.owners.append(Owner(i, first, last, f"{_locales.ascii_fold(first)}.{_locales.ascii_fold(last)}"
                                              "@sandbox-sales.example",
                              text.TIMEZONES[i % len(text.TIMEZONES)], 9_100_000 + 17 * i, float(rng.normal(0, 0.35))))
    names: set[str] = set()
    for i in range(cfg.n_companies):
        industry = str(rng.choice(list(_truth.INDUSTRY_EFFECT)))
        name = text.company_name(rng, industry)
        while name in names:
            name = text.company_name(rng, industry)
            if name in names:
                name = f"{str(rng.choice(text.LAST)).split()[-1]} {name}"
        names.add(name)
        ci = int(rng.choice(len(text.COUNTRIES), p=np.array(text.COUNTRY_WEIGHTS) / sum(text.COUNTRY_WEIGHTS)))
        country, currency, cities = text.COUNTRIES[ci]
        employees = int(np.clip(rng.lognormal(np.log(180), 1.4), 5, 60_000))
        revenue = float(round(employees * rng.lognormal(np.log(160_000), 0.4), -3))
        created = m.start - timedelta(days=HISTORY_DAYS + int(rng.integers(30, 900)))
        domain = text.domain(name)
        m.companies.append(Company(i, name, domain, industry, employees, revenue, country, str(rng.choice(cities)),
                                   currency, int(rng.integers(cfg.n_owners)), created))
        n_contacts = int(np.clip(rng.poisson(2 + min(employees, 5000) ** 0.25), 1, 12))
        for j in range(n_contacts):
            first, last = str(rng.choice(text.FIRST)), str(rng.choice(text.LAST))
            weights = text.TITLE_WEIGHTS
            title, seniority = text.TITLES[int(rng.choice(len(text.TITLES), p=weights / weights.sum()))]
            key = len(m.contacts)
            m.contacts.append(Contact(
                key, i, first, last, f"{_locales.ascii_fold(first)}.{_locales.ascii_fold(last)}{key}@{domain}",
                title, seniority, text.phone(rng), j == 0, created + timedelta(days=int(rng.integers(0, 60)))))
            m.company_contacts.setdefault(i, []).append(key)
    account_traits(m)


def account_traits(m: Market) -> None:
    """Give every company its hidden buying rate and spend level (a stream of their own)."""
    traits = np.random.default_rng(m.config.seed + ACCOUNT_TRAITS_SEED)
    n = len(m.companies)
    rates = traits.gamma(ACCOUNT_RATE_SHAPE, 1.0 / ACCOUNT_RATE_SHAPE, n)
    spend = traits.lognormal(0.0, ACCOUNT_SPEND_SIGMA, n)
    for comp, rate, scale in zip(m.companies, rates, spend, strict=True):
        comp.buying_rate_, comp.spend_scale_ = float(rate), float(scale)
    m.account_weights = rates / rates.sum() if n else rates
    _churn.draw_traits(m, traits)  # drawn after the others: buying rates and spend stay as they were


def _contact(m: Market, company: int, primary: bool, created: datetime) -> Contact:
    rng = m.rng
    first, last = str(rng.choice(_text.FIRST)), str(rng.choice(_text.LAST))
    t = int(rng.choice(len(_text.TITLES), p=_text.TITLE_WEIGHTS / _text.TITLE_WEIGHTS.sum()))
    title, seniority = _text.TITLES[t]
    key = len(m.contacts)
    dom = m.companies[company].domain
    return Contact(key, company, first, last, f"{first.lower()}.{last.lower()}{key}@{dom}", title, seniority,
                   f"+1 555 {rng.integers(100, 999)} {rng.integers(1000, 9999)}", primary,
                   created + timedelta(days=int(rng.integers(0, 60))))


def new_deal(m: Market, created: datetime, *, ended_by: datetime | None = None,
             alive_at: datetime | None = None) -> Deal:
    """Create one deal (no activity yet) at time `created`, for a company drawn by buying rate
    (an account fading before its churn buys less, a churned one not at all: see _churn).

    The seeded book asks for deals in a given state without bending their lives:
    ``ended_by`` (a closed deal) moves the creation back when the natural cycle would end after
    it; ``alive_at`` (an open deal) draws the deal as an open pipeline meets it at that moment,
    its cycle length-biased (a long deal is open on more days) and the elapsed share of its life
    uniform. (Before, closed deals' cycles were cut short at the market's start and open deals'
    decisions pushed out by 3-40 days, so neither lived the life the simulation gives a deal.)
    """
    rng = m.rng
    comp = m.companies[int(rng.choice(len(m.companies), p=_churn.buying_weights(m, created)))]
    pool = m.company_contacts[comp.key]
    k = int(min(len(pool), 1 + rng.poisson(0.4 + (comp.segment != "smb") * 1.2)))
    chosen = [int(x) for x in rng.choice(pool, size=k, replace=False)]
    seg = comp.segment
    amount = float(max(500.0, round(_truth.MEDIAN_AMOUNT[seg] * comp.spend_scale_ * rng.lognormal(0, 0.55), -2)))
    cycle = float(CYCLE_DAYS[seg] * rng.lognormal(0, CYCLE_SIGMA))
    if alive_at is not None:
        cap = CYCLE_DAYS[seg] * OPEN_CYCLE_CAP
        while rng.random() * cap > cycle:
            cycle = float(CYCLE_DAYS[seg] * rng.lognormal(0, CYCLE_SIGMA))
        created = alive_at - timedelta(days=cycle * float(rng.uniform(0.0, 1.0)))
    elif ended_by is not None and created + timedelta(days=cycle) > ended_by:
        created = ended_by - timedelta(days=cycle + float(rng.uniform(0.0, 10.0)))
    existing = m.is_customer(comp.key, created)
    local = _locales.locale_text(m.config.locale) if m.config.locale is not None else None
    product = str(rng.choice(local.PRODUCTS if local else _text.PRODUCTS))
    key = len(m.deals)
    d = Deal(
        key, comp.key, chosen, chosen[0], comp.owner if rng.random() < 0.7 else int(rng.integers(len(m.owners))),
        f"{comp.name} – {product}", amount, comp.currency, "existingbusiness" if existing else "newbusiness",
        str(rng.choice(["low", "medium", "high"], p=[0.3, 0.5, 0.2])),
        local.deal_description(product, comp.name, str(rng.choice(local.TEAMS))) if local else
        f"{product} for {comp.name}'s {rng.choice(['sales', 'operations', 'finance', 'IT', 'support'])} team.",
        created, created + timedelta(days=round(cycle * rng.uniform(0.8, 1.2))), OPEN_STAGES[0],
        [(OPEN_STAGES[0], created)], engagement_=float(rng.normal(0, 1)) + _churn.engagement_shift(comp, created),
        decision_at_=created + timedelta(days=cycle))
    d.close_date_history.append((created, d.expected_close))
    m.deals.append(d)
    return d


def simulate_activity(m: Market, d: Deal, t0: datetime, t1: datetime) -> None:
    """Add the deal's activities and its contacts' web visits for the period [t0, t1)."""
    rng = m.rng
    days = (t1 - t0).total_seconds() / 86400.0
    if days <= 0:
        return
    e = d.engagement_
    for kind, (base, sens) in RATES_PER_30D.items():
        n = int(rng.poisson(base * np.exp(sens * e) * days / 30.0))
        for offset in rng.uniform(0, days * 86400, n):
            add_activity(m, d, kind, t0 + timedelta(seconds=float(offset)))
    base, sens = VISITS_PER_30D
    for c in d.contacts:
        n = int(rng.poisson(base * np.exp(sens * e) * days / 30.0))
        for offset, pages in zip(rng.uniform(0, days * 86400, n), rng.integers(1, 7, n), strict=True):
            m.contacts[c].visits.append((t0 + timedelta(seconds=float(offset)), int(pages)))
        m.contacts[c].visits.sort()


def add_activity(m: Market, d: Deal, kind: str, at: datetime, *, subject: str | None = None,
                 body: str | None = None) -> Activity:
    """Record one activity on a deal, with text matching its tone, and update the counters."""
    rng = m.trng
    contact = m.contacts[_text.pick(rng, d.contacts)]
    owner = m.owners[d.owner]
    comp = m.companies[d.company]
    local = _locales.locale_text(m.config.locale) if m.config.locale is not None else None
    words: Any = local or _text
    ctx = {"first": contact.first, "name": f"{contact.first} {contact.last}", "owner": f"{owner.first} {owner.last}",
           "owner_first": owner.first, "company": comp.name, "industry": comp.industry.replace("_", " ").lower(),
           "amount": f"{d.currency} {d.local_amount:,.0f}", "role": _text.pick(rng, ("CFO", "CEO", "VP of Sales", "CTO")),
           "product": d.name.split("– ")[-1]}
    if local:  # the buyer's own words: "12.500 €", "Finanzvorstand", "in der Logistik"
        ctx.update(industry=local.INDUSTRY_LABELS[comp.industry], amount=local.amount(d.currency, d.local_amount),
                   role=_text.pick(rng, local.ROLES), city=comp.city)
    positive = rng.random() < _truth.sigmoid(d.engagement_ + 0.3)
    direction, extra = None, {}
    if kind in ("emails_in", "emails_out"):
        direction = "inbound" if kind == "emails_in" else "outbound"
        subj, text = words.email_text(rng, direction == "inbound", bool(positive), ctx)
        kind_name = "email"
    elif kind == "calls":
        subj, text = words.call_text(rng, ctx)
        direction, kind_name = ("inbound" if rng.random() < 0.2 else "outbound"), "call"
        extra = {"duration_ms": str(rng.randrange(60, 2400) * 1000)}
    elif kind == "meetings":
        subj, text = words.meeting_text(rng, ctx)
        kind_name = "meeting"
    else:
        subj, text = "", words.note_text(rng, ctx, m.config.injection_rate)
        kind_name = "note"
    act = Activity(len(m.activities), kind_name, at, d.company, d.owner, d.key, contact.key, direction,
                   subject if subject is not None else subj, body if body is not None else text, extra)
    m.activities.append(act)
    if kind in d.counts:
        d.counts[kind] += 1
    if d.last_activity_at is None or at > d.last_activity_at:
        d.last_activity_at = at
    if at > m.last_company_activity.get(d.company, at - timedelta(days=1)):
        m.last_company_activity[d.company] = at
    return act


STAGE_SPEED_ENGAGEMENT = 0.3
"""How strongly the hidden engagement speeds a deal through its stages (log speed per sd), on top
of what it does through the odds (engaged deals have more activity, hence better odds)."""
STAGE_SPEED_NOISE = 0.4
"""Deal-level noise on the log speed (timing, internal politics) the CRM cannot see."""
STAGE_SPEED_ODDS = 0.4
"""How strongly the deal's current win log-odds speed it through its stages (log speed per unit
of log-odds away from `STAGE_ODDS_CENTRE`). In a real pipeline the deals heading for a win move
on and the ones heading for a loss stall, so anything that changes the odds (a discount, a
strategy the rep executes) shows in the pace too. Before 2026-12-02 the pace depended on
engagement and noise only: a strategy that raised the odds left every stage advance unchanged,
so the reward's stage credit was noise no action could move. The pace follows the odds, not the
drawn outcome: the stage history says nothing about the outcome beyond what `p_win` says, so the
truth stays the best possible prediction of the close."""
STAGE_ODDS_CENTRE = -1.5
"""Win log-odds at which the odds neither speed nor slow a deal. Chosen (with the engagement
weight 0.4 -> 0.3) so that the open book's stages stay spread about as before the odds came in
(seed 0, 600 open deals: first stage 179 deals against 150 before, contract sent 132 vs 122)."""
STAGE_STEP_SHAPE = 3.0
"""Gamma shape of each step between stages: higher means steadier progress."""
STAGE_STEPS_PER_LIFE = 4.0
"""Stage steps a deal of average speed takes over its whole life (the last open stage is the
fourth step, so about half the deals send a contract before their decision)."""
STAGE_SCHEDULE_SEED = 3_000_017
"""Offset of the random stream of stage schedules (per deal, so other draws never shift)."""


def stage_schedule(seed: int, key: int, engagement: float) -> tuple[float, tuple[float, ...]]:
    """A deal's stage plan: (log pace without the odds, the progress at which it reaches each open
    stage after the first), progress being measured in shares of the deal's life at pace 1.

    One generative process for every deal, drawn once at its creation from its hidden state: an
    engaged deal tends to move faster, with noise on top, and steps of random length; the odds
    then set the pace as the deal lives (`stage_pace`). Closed and open deals read the same plan
    up to their decision or up to now, so a closed deal's stage at a past moment means what an
    open deal's stage means today. (Before, closed deals' stages were set from their final win
    probability and open deals' from today's, so the stage of a training snapshot was a near-leak
    of the outcome and meant something else at scoring.)
    """
    rng = np.random.default_rng([seed, STAGE_SCHEDULE_SEED, key])
    log_pace = STAGE_SPEED_ENGAGEMENT * engagement + STAGE_SPEED_NOISE * float(rng.normal())
    steps = rng.gamma(STAGE_STEP_SHAPE, 1.0 / (STAGE_STEP_SHAPE * STAGE_STEPS_PER_LIFE), len(OPEN_STAGES) - 1)
    return float(log_pace), tuple(float(x) for x in np.cumsum(steps))


def stage_pace(log_pace: Any, win_logit: Any) -> Any:
    """Progress per share of life of a deal whose win log-odds are `win_logit` right now
    (floats or numpy arrays alike)."""
    return np.exp(np.asarray(log_pace) + STAGE_SPEED_ODDS * (np.asarray(win_logit) - STAGE_ODDS_CENTRE))


def stages_reached(thresholds: Any, progress: Any) -> Any:
    """Open stages after the first reached with this much progress (thresholds: one row per deal)."""
    return (np.asarray(thresholds) <= np.asarray(progress)[..., None]).sum(axis=-1)


STAGE_PACE_REFRESH_DAYS = 7
"""Days the market keeps a deal's pace before reading its odds again (unless a strategy or a
discount changed them: then at once). Reading the odds costs a feature pass per deal; daily
reads made `Market.advance` ~3.5x slower for a pace that activity moves only slowly."""


def progress_stages(m: Market, d: Deal, until: datetime) -> None:
    """Move an open deal on from where it was to `until`, at the pace its current odds set (the
    market calls this every simulated day, so the pace follows the odds as they change)."""
    if not d.stage_plan_:
        d.stage_plan_ = stage_schedule(m.config.seed, d.key, d.engagement_)
    log_pace, thresholds = d.stage_plan_
    since = d.progress_at_ or d.created_at
    if until <= since:
        return
    levers = (len(d.strategies_), d.discount)
    if (d.pace_ is None or levers != d.pace_levers_ or d.pace_at_ is None
            or until - d.pace_at_ >= timedelta(days=STAGE_PACE_REFRESH_DAYS)):
        p = min(max(m.p_win(d.key, at=until), 1e-9), 1 - 1e-9)
        d.pace_, d.pace_levers_, d.pace_at_ = float(stage_pace(log_pace, np.log(p / (1 - p)))), levers, until
    pace = d.pace_
    life = max(((d.decision_at_ or until) - d.created_at).total_seconds(), 1.0)
    start = d.progress_
    d.progress_ = start + pace * (until - since).total_seconds() / life
    d.progress_at_ = until
    cur = OPEN_STAGES.index(d.stage) if d.stage in OPEN_STAGES else 0
    for k in range(cur + 1, len(OPEN_STAGES)):
        thr = thresholds[k - 1]
        if thr > d.progress_:
            break
        at = since + timedelta(seconds=max(thr - start, 0.0) / pace * life)
        d.stage = OPEN_STAGES[k]
        d.stage_history.append((d.stage, at))


def decide(m: Market, d: Deal, at: datetime) -> bool:
    """The deal's decision: the rep's discount policy applies (unless the app set a discount),
    then the outcome is drawn from the truth as of the decision. Returns whether it was won.

    Every deal ends this way, the seeded history and the deals that close while the market
    runs alike, so a scored open deal's eventual outcome comes from the process its training
    history came from (`eventual_p_win` averages over the same policy).
    """
    if d.discount <= 0:
        m.historical_discount(d)
        d.discount_by_rep_ = d.discount > 0
    return bool(m.rng.random() < float(m.p_win(d.key, at=at)))


def close(m: Market, d: Deal, at: datetime, won: bool) -> None:
    """Close a deal won or lost at time `at` (lost whatever its odds once its account has churned)."""
    comp = m.companies[d.company]
    won = won and not _churn.has_left(comp, at)
    d.stage = WON if won else LOST
    d.closed_at = at
    d.stage_history.append((d.stage, at))
    d.close_date_history.append((at, at))  # the CRM's close date becomes the actual close
    if won:
        m.won_at.setdefault(d.company, []).append(at)
        _churn.became_customer(m, comp, at)


def build_book(m: Market) -> None:
    """Generate the deal history up to `m.start`, closing the deals whose decision has come."""
    rng, cfg = m.rng, m.config
    total = cfg.n_closed_deals + cfg.n_open_deals
    horizon = m.start - timedelta(days=HISTORY_DAYS)
    # Open deals were created recently; closed ones spread over the whole history.
    plan = sorted(
        [(horizon + timedelta(days=float(rng.uniform(0, HISTORY_DAYS - 40))), False)
         for _ in range(cfg.n_closed_deals)]
        + [(m.start - timedelta(days=float(rng.uniform(1, 45))), True) for _ in range(cfg.n_open_deals)])
    for c, stays_open in plan[:total]:
        d = new_deal(m, c, alive_at=m.start) if stays_open else new_deal(m, c, ended_by=m.start - timedelta(days=1))
        simulate_activity(m, d, d.created_at, min(d.decision_at_, m.start))
        if not stays_open:
            progress_stages(m, d, d.decision_at_ - timedelta(hours=12))
            close(m, d, d.decision_at_, decide(m, d, d.decision_at_))
        else:
            progress_stages(m, d, m.start)
    _churn.settle_history(m)
