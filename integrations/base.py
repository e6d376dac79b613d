"""The one interface every CRM adapter implements, and the canonical types it exchanges.

CRM field names never cross this line except through the tenant's field mapping: scoring and
agents see only :class:`Record`. See DESIGN.md, "Canonical Record" and "CrmClient".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol, runtime_checkable

StageKind = Literal["open", "won", "lost"]
ActivityType = Literal["email", "call", "meeting", "note", "task", "page_view"]


@dataclass(frozen=True)
class Owner:
    id: str
    name: str | None = None
    email: str | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class Company:
    id: str
    name: str | None = None
    industry: str | None = None
    employees: int | None = None
    annual_revenue: float | None = None
    country: str | None = None


@dataclass(frozen=True)
class Contact:
    id: str
    name: str | None = None
    email: str | None = None
    title: str | None = None
    is_primary: bool = False


@dataclass(frozen=True)
class Activity:
    type: str
    at: str
    direction: str | None = None
    subject: str | None = None
    body: str | None = None


@dataclass(frozen=True)
class ClosedWonDeal:
    date: str
    amount: float


@dataclass(frozen=True)
class StageChange:
    stage: str
    at: str


@dataclass(frozen=True)
class History:
    closed_won_deals: tuple[ClosedWonDeal, ...] = ()
    stage_changes: tuple[StageChange, ...] = ()


@dataclass(frozen=True)
class Record:
    """A CRM record (deal, lead, opportunity ...) in the canonical shape of DESIGN.md."""

    crm: str
    tenant_id: str
    object_type: str
    id: str
    name: str | None = None
    amount: float | None = None
    currency: str | None = None
    stage: str | None = None
    stage_kind: str = "open"
    pipeline: str | None = None
    close_date: str | None = None
    created_at: str | None = None
    owner: Owner | None = None
    company: Company | None = None
    contacts: tuple[Contact, ...] = ()
    activities: tuple[Activity, ...] = ()
    history: History = field(default_factory=History)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready canonical dict (tuples become lists)."""
        d = asdict(self)
        d["extra"] = dict(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Record:
        """Build a Record from its canonical dict, tolerating missing optional parts.

        Raises:
            ValueError: a required key (crm, tenant_id, object_type, id) is missing.
        """
        missing = [k for k in ("crm", "object_type", "id") if not d.get(k)]
        if missing:
            raise ValueError(f"record is missing required field(s): {', '.join(missing)}")
        hist = d.get("history") or {}
        return cls(
            crm=str(d["crm"]),
            tenant_id=str(d.get("tenant_id") or ""),
            object_type=str(d["object_type"]),
            id=str(d["id"]),
            name=d.get("name"),
            amount=_float_or_none(d.get("amount")),
            currency=d.get("currency"),
            stage=d.get("stage"),
            stage_kind=d.get("stage_kind") or "open",
            pipeline=d.get("pipeline"),
            close_date=d.get("close_date"),
            created_at=d.get("created_at"),
            owner=Owner(**_pick(d["owner"], Owner)) if d.get("owner") else None,
            company=Company(**_pick(d["company"], Company)) if d.get("company") else None,
            contacts=tuple(Contact(**_pick(c, Contact)) for c in d.get("contacts") or ()),
            activities=tuple(Activity(**_pick(a, Activity)) for a in d.get("activities") or ()),
            history=History(
                closed_won_deals=tuple(
                    ClosedWonDeal(date=str(x["date"]), amount=float(x["amount"]))
                    for x in hist.get("closed_won_deals") or ()
                ),
                stage_changes=tuple(
                    StageChange(stage=str(x["stage"]), at=str(x["at"]))
                    for x in hist.get("stage_changes") or ()
                ),
            ),
            extra=dict(d.get("extra") or {}),
        )

    @property
    def primary_contact(self) -> Contact | None:
        """The primary contact, else the first one, else None."""
        for c in self.contacts:
            if c.is_primary:
                return c
        return self.contacts[0] if self.contacts else None


def _pick(d: Mapping[str, Any], cls: type) -> dict[str, Any]:
    names = cls.__dataclass_fields__.keys()  # type: ignore[attr-defined]
    return {k: v for k, v in d.items() if k in names}


def _float_or_none(v: Any) -> float | None:
    if v is None or v == "":
        return None
    return float(v)


@dataclass(frozen=True)
class FieldSpec:
    """One field of a CRM object, as `describe` reports it."""

    name: str
    label: str
    type: str
    group: str | None = None
    options: tuple[str, ...] = ()
    read_only: bool = False


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    kind: str  # "open" | "won" | "lost"
    probability: float | None = None
    display_order: int = 0


@dataclass(frozen=True)
class Pipeline:
    id: str
    label: str
    stages: tuple[Stage, ...] = ()

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)


@dataclass(frozen=True)
class TaskSpec:
    """The one open app task per record; `marker` finds it again for an in-place update."""

    subject: str
    body: str
    due_at: datetime | None = None
    owner_id: str | None = None
    priority: str = "MEDIUM"
    task_type: str = "TODO"
    marker: str = "[agentic-sales]"


@dataclass(frozen=True)
class WriteResult:
    """What a write-back did: `created`/`updated`/`unchanged`, and the CRM id touched."""

    status: str
    id: str | None = None


@runtime_checkable
class CrmClient(Protocol):
    """The verbs every CRM adapter offers; one instance per tenant (portal or org)."""

    crm: str

    def get_record(self, object_type: str, id: str) -> Record: ...

    def search_modified_since(self, object_type: str, since: datetime) -> list[str]: ...

    def describe(self, object_type: str) -> list[FieldSpec]: ...

    def list_pipelines(self) -> list[Pipeline]: ...

    def update_fields(
        self, object_type: str, updates: Sequence[tuple[str, Mapping[str, Any]]]
    ) -> list[WriteResult]: ...

    def upsert_task(self, record: Record, task: TaskSpec) -> WriteResult: ...

    def add_note(self, record: Record, text: str) -> WriteResult: ...

    def ensure_output_fields(self) -> list[str]: ...


OUTPUT_FIELDS: tuple[str, ...] = (
    "ai_conversion_score",
    "ai_conversion_probability",
    "ai_churn_risk",
    "ai_clv",
    "ai_best_discount",
    "ai_strategy",
    "ai_next_best_action",
    "ai_summary",
    "ai_enriched_at",
    "ai_model_version",
)
"""Fields the app writes to the CRM; never subscribed to, always ignored as echoes."""


def is_output_field(name: str | None) -> bool:
    """Tell whether a CRM field name is one of our output fields (any CRM's spelling)."""
    if not name:
        return False
    stem = name.lower().removesuffix("__c")
    return stem in OUTPUT_FIELDS


def ids(items: Iterable[Any]) -> list[str]:
    return [str(getattr(i, "id", i)) for i in items]
