"""Entities of the simulated market. Fields ending in `_` are hidden truth, never shown to CRMs."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime

from . import _money

OPEN_STAGES = ("appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin",
               "contractsent")
WON, LOST = "closedwon", "closedlost"
STAGES = (*OPEN_STAGES, WON, LOST)
STAGE_LABELS = {
    "appointmentscheduled": "Appointment Scheduled", "qualifiedtobuy": "Qualified To Buy",
    "presentationscheduled": "Presentation Scheduled", "decisionmakerboughtin": "Decision Maker Bought-In",
    "contractsent": "Contract Sent", WON: "Closed Won", LOST: "Closed Lost",
}
STAGE_PROBABILITY = {"appointmentscheduled": 0.2, "qualifiedtobuy": 0.4, "presentationscheduled": 0.6,
                     "decisionmakerboughtin": 0.8, "contractsent": 0.9, WON: 1.0, LOST: 0.0}
"""HubSpot's default sales pipeline ('default'), ids and probabilities as HubSpot ships them."""


def stage_kind(stage: str) -> str:
    """Return open|won|lost for a stage id."""
    return "won" if stage == WON else "lost" if stage == LOST else "open"


@dataclass
class Owner:
    key: int
    first: str
    last: str
    email: str
    timezone: str
    user_id: int
    skill_: float


@dataclass
class Company:
    key: int
    name: str
    domain: str
    industry: str
    employees: int
    revenue: float
    country: str
    city: str
    currency: str
    owner: int
    created_at: datetime
    churned_at: datetime | None = None
    buying_rate_: float = 1.0
    """Hidden: how often the account buys relative to the average account (mean 1)."""
    spend_scale_: float = 1.0
    """Hidden: the account's typical deal size relative to its segment's median."""
    churn_risk_: float = 0.0
    """Hidden: probability of leaving at one quarterly renewal (see _churn)."""
    renewals_survived_: int = 0
    """Hidden: renewals the account stays for once it is a customer (drawn from its risk)."""
    first_won_: datetime | None = None
    """Hidden bookkeeping: the account's first closed-won deal (when it became a customer)."""
    churn_due_: datetime | None = None
    """Hidden: when the customer leaves (before the market's now: also `churned_at`)."""

    @property
    def segment(self) -> str:
        return "smb" if self.employees < 100 else "mid" if self.employees < 1000 else "ent"


@dataclass
class Contact:
    key: int
    company: int
    first: str
    last: str
    email: str
    title: str
    seniority: int
    phone: str
    is_primary: bool
    created_at: datetime
    visits: list[tuple[datetime, int]] = field(default_factory=list)
    """Sorted (time, pages viewed in that session); the CRM shows cumulative counts."""

    def page_views_at(self, t: datetime) -> tuple[int, datetime | None, int]:
        """Return (cumulative page views, last visit, sessions) as of time t."""
        i = bisect.bisect_right(self.visits, (t, 1 << 30))
        if i == 0:
            return 0, None, 0
        return sum(v for _, v in self.visits[:i]), self.visits[i - 1][0], i


@dataclass
class Activity:
    key: int
    kind: str  # email | call | meeting | note | task
    at: datetime
    company: int
    owner: int
    deal: int | None = None
    contact: int | None = None
    direction: str | None = None  # inbound | outbound (emails, calls)
    subject: str = ""
    body: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Deal:
    key: int
    company: int
    contacts: list[int]
    primary_contact: int
    owner: int
    name: str
    amount: float
    """The deal's value in the corporate currency (`_money.CORPORATE`): what the truth reads. A CRM shows
    `local_amount`, in `currency`."""
    currency: str
    """The company's currency, the one the CRM's amount is in."""
    dealtype: str
    priority: str
    description: str
    created_at: datetime
    expected_close: datetime
    stage: str
    stage_history: list[tuple[str, datetime]]
    closed_at: datetime | None = None
    discount: float = 0.0
    """Discount the rep has offered (fraction); shown in the custom `discount_percent` field."""
    engagement_: float = 0.0
    decision_at_: datetime | None = None
    stage_plan_: tuple[float, tuple[float, ...]] | None = None
    """Hidden: the deal's log pace without the odds and the progress at which it reaches each
    open stage after the first (see `_generate.stage_schedule`)."""
    progress_: float = 0.0
    """Hidden: progress through the stage plan so far, in shares of life at pace 1."""
    progress_at_: datetime | None = None
    """Hidden: when `progress_` was last moved on (None: the deal's creation)."""
    pace_: float | None = None
    """Hidden: the deal's current pace through its stage plan (set from its odds)."""
    pace_at_: datetime | None = None
    pace_levers_: tuple[int, float] = (0, 0.0)
    """Hidden: the strategies executed and the discount when `pace_` was read (a change re-reads it)."""
    discount_by_rep_: bool = False
    """Hidden: the discount was set by the rep's own policy at the decision, not by the app."""
    strategies_: list[tuple[str, datetime, float]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict(
        emails_in=0, emails_out=0, calls=0, meetings=0, notes=0))
    last_activity_at: datetime | None = None
    close_date_history: list[tuple[datetime, datetime]] = field(default_factory=list)
    """Every (time set, close date) the deal's close date field held, oldest first: the expected
    close at creation, each push a rep made, the actual close (the CRM's field history)."""

    @property
    def local_amount(self) -> float:
        """The amount the CRM shows, in the company's `currency` (the value at the sandboxes' rates)."""
        return _money.local_amount(self.amount, self.currency)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def won(self) -> bool | None:
        return None if self.closed_at is None else self.stage == WON
