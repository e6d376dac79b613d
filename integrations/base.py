"""The one interface every CRM adapter implements, and the canonical types it exchanges.

CRM field names never cross this line except through the tenant's field mapping: scoring and
agents see only :class:`Record`. See DESIGN.md, "Canonical Record" and "CrmClient".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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
    timezone: str | None = None
    language: str | None = None
    added_at: str | None = None
    """When the contact can first have been on the deal, as far as the CRM tells (ISO-8601):
    Salesforce's OpportunityContactRole creation; HubSpot's contact createdate (its associations
    carry no date). None: unknown (counted at every moment)."""


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
    currency: str | None = None
    """The won deal's own currency (HubSpot `deal_currency_code`, Salesforce `CurrencyIsoCode` or the org's default);
    None where the CRM did not say, taken as the currency of the record it is history of (`revenue_by_currency`).
    Amounts in different currencies are only added up through a rate table (integrations/money.py)."""


def revenue_by_currency(deals: Iterable[ClosedWonDeal], default: str | None) -> dict[str | None, float]:
    """Past revenue won per currency, largest first: a deal without a currency counts in `default` (the
    record's own, which in a single-currency account is the account's), and None keys what is still unknown."""
    out: dict[str | None, float] = {}
    for d in deals:
        key = d.currency or default
        out[key] = out.get(key, 0.0) + float(d.amount)
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


@dataclass(frozen=True)
class StageChange:
    stage: str
    at: str


@dataclass(frozen=True)
class History:
    closed_won_deals: tuple[ClosedWonDeal, ...] = ()
    stage_changes: tuple[StageChange, ...] = ()


@dataclass(frozen=True)
class TaskRef:
    """A reference to the app's own task on a record (found by our marker)."""

    id: str
    status: str | None = None
    subject: str | None = None
    body: str | None = None


OPT_OUT_KEY = "opted_out_contact_ids"
"""`Record.extra` key: ids of the record's contacts who opted out of email. Each connector fills
it from the CRM's own opt-out flag (always honoured) and from the tenant's `opt_out_field` (the
canonical contact field `opted_out` of its mapping); a list, so it never becomes a model feature."""

SALUTATIONS_KEY = "contact_salutations"
"""`Record.extra` key: {contact id: the CRM's salutation for that contact ("Ms.", "Mr.", "Frau", "Mme")}, from
HubSpot's `salutation` contact property or Salesforce's Contact.Salutation; absent when no contact has one. The
agents' form-of-address check reads it (a draft greeting "Ms." Dubois as "Monsieur" is refused); a mapping, so it
never becomes a model feature."""

PAGE_VIEW_HISTORY_KEY = "page_view_history"
"""`Record.extra` key: the deal's contacts' web sessions as `[[iso time, pages], ...]`, oldest first,
from the CRM's dated history of each contact's page-view count (HubSpot `propertiesWithHistory`),
so page views can be counted as of a past moment; a list, so it never becomes a feature itself
(scoring.features reads it). Absent when the CRM gave no history."""

CLOSE_DATE_HISTORY_KEY = "close_date_history"
"""`Record.extra` key: every value the deal's expected close date has held, as `[[iso time set,
iso close date], ...]`, oldest first, from the CRM's dated history of that field (HubSpot
`propertiesWithHistory` on `closedate`), so the close date a rep expected can be read as of a past
moment; a closed deal's current close date is its actual close, an outcome. A list, so it never
becomes a feature itself (scoring.features reads it). Absent when the CRM gave no history."""

def output_targets(installation: Installation, object_type: str = "deal") -> dict[str, str]:
    """Our output name → the tenant's own CRM field for it, for one object type (the
    `output_mappings` rows the app passes in `Installation.settings`); outputs not mapped keep
    the connector's own field."""
    rows = installation.settings.get("output_mappings") or ()
    return {str(c): str(f) for o, c, f in rows if o == object_type}


OPT_OUT_CANONICAL = "opted_out"
"""The canonical contact field a tenant maps to its own opt-out checkbox."""

OPT_OUT_TRUE = frozenset({"true", "yes", "y", "1", "on", "x", "opted out", "opted-out", "opted_out", "unsubscribed"})


def is_opt_out(value: Any) -> bool:
    """Tell whether a CRM opt-out field's value means "opted out" (checkbox, yes/no, 1/0 ...)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value == 1
    return str(value or "").strip().lower() in OPT_OUT_TRUE


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
    app_task: TaskRef | None = None
    """Our one open app task on this record, found while reading it (so writing needs no second
    read); None when there is none. Not part of the record's content fingerprint."""

    @property
    def opted_out_contact_ids(self) -> frozenset[str]:
        """Ids of this record's contacts who opted out of email (see OPT_OUT_KEY)."""
        raw = self.extra.get(OPT_OUT_KEY) or ()
        return frozenset(str(x) for x in ([raw] if isinstance(raw, str | int) else raw))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready canonical dict (tuples become lists)."""
        d = asdict(self)
        d["extra"] = dict(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Record:
        """Build a Record from its canonical dict, tolerating missing optional parts.

        Raises:
            ValueError: a required key (crm, object_type, id) is missing, or a field has the
                wrong shape (the message names the field), e.g. `"contacts": "nobody"`.
        """
        if not isinstance(d, Mapping):
            raise ValueError("a record must be a JSON object")
        missing = [k for k in ("crm", "object_type", "id") if not d.get(k)]
        if missing:
            raise ValueError(f"record is missing required field(s): {', '.join(missing)}")
        hist = _object(d, "history") or {}
        try:
            return cls(
                crm=_text(d, "crm") or "",
                tenant_id=_text(d, "tenant_id") or "",
                object_type=_text(d, "object_type") or "",
                id=_text(d, "id") or "",
                name=_text(d, "name"),
                amount=_float_or_none(d.get("amount")),
                currency=_text(d, "currency"),
                stage=_text(d, "stage"),
                stage_kind=_text(d, "stage_kind") or "open",
                pipeline=_text(d, "pipeline"),
                close_date=_text(d, "close_date"),
                created_at=_text(d, "created_at"),
                owner=_build(Owner, _object(d, "owner"), "owner"),
                company=_build(Company, _object(d, "company"), "company"),
                contacts=tuple(_build(Contact, c, "contacts") for c in _objects(d, "contacts")),  # type: ignore[misc]
                activities=tuple(_build(Activity, a, "activities") for a in _objects(d, "activities")),  # type: ignore[misc]
                history=History(
                    closed_won_deals=tuple(
                        ClosedWonDeal(date=str(x["date"]), amount=float(x["amount"]),
                                      currency=str(x["currency"]) if x.get("currency") else None)
                        for x in _objects(hist, "history.closed_won_deals", key="closed_won_deals")
                    ),
                    stage_changes=tuple(
                        StageChange(stage=str(x["stage"]), at=str(x["at"]))
                        for x in _objects(hist, "history.stage_changes", key="stage_changes")
                    ),
                ),
                extra=dict(_object(d, "extra") or {}),
                app_task=_build(TaskRef, _object(d, "app_task"), "app_task"),
            )
        except KeyError as exc:
            raise ValueError(f"record field {exc.args[0]!r} is missing in a history entry") from None
        except (TypeError, OverflowError) as exc:
            raise ValueError(f"record has a malformed field: {exc}") from None

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


def _text(d: Mapping[str, Any], key: str) -> str | None:
    value = d.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"record field {key!r} must be text, not {type(value).__name__}")


def _object(d: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    value = d.get(key)
    if value is None or isinstance(value, Mapping):
        return value
    raise ValueError(f"record field {key!r} must be an object, not {type(value).__name__}")


def _objects(d: Mapping[str, Any], name: str, *, key: str | None = None) -> list[Mapping[str, Any]]:
    value = d.get(key or name)
    if value is None:
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(v, Mapping) for v in value):
        raise ValueError(f"record field {name!r} must be a list of objects")
    return list(value)


def _build(cls: type, value: Mapping[str, Any] | None, name: str) -> Any:
    """Build a nested dataclass, checking each field's JSON type against its annotation."""
    if value is None:
        return None
    fields = cls.__dataclass_fields__  # type: ignore[attr-defined]
    picked = _pick(value, cls)
    for key, item in list(picked.items()):
        kind = str(fields[key].type)
        if item is None:
            continue
        if isinstance(item, dict | list | tuple):
            raise ValueError(f"record field {name}.{key} must be a single value, not {type(item).__name__}")
        if kind.startswith("str"):
            if isinstance(item, bool):
                raise ValueError(f"record field {name}.{key} must be text")
            picked[key] = str(item)
        elif kind.startswith("bool"):
            picked[key] = bool(item)
        elif kind.startswith(("int", "float")):
            try:
                picked[key] = (int if kind.startswith("int") else float)(item)
            except (TypeError, ValueError, OverflowError):
                raise ValueError(f"record field {name}.{key} must be a number") from None
    return cls(**picked)


def _float_or_none(v: Any) -> float | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool) or not isinstance(v, int | float | str):
        raise ValueError(f"record amount must be a number, not {type(v).__name__}")
    try:
        return float(v)
    except (ValueError, OverflowError):
        raise ValueError(f"record amount {str(v)[:40]!r} is not a number") from None


@dataclass(frozen=True)
class FieldSpec:
    """One field of a CRM object, as `describe` reports it."""

    name: str
    label: str
    type: str
    group: str | None = None
    options: tuple[str, ...] = ()
    read_only: bool = False
    option_labels: tuple[tuple[str, str], ...] = ()
    """(value, label) of each option the CRM shows its users ("existingbusiness", "Existing Business")."""


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


WriteStatus = Literal["created", "updated", "unchanged", "completed", "failed", "skipped"]


@dataclass(frozen=True)
class WriteResult:
    """What one write-back item did, and the CRM id touched.

    `status` is created/updated/unchanged/completed (a task closed by the outcome stage),
    failed (see `error`, `should_retry`, `retry_after`) or skipped. `kind` is "fields", "task" or
    "note"; `record_id` is the record the item belongs to, so a batch's results can be matched
    back to its records (one failing record fails alone).
    """

    status: str
    id: str | None = None
    kind: str = ""
    record_id: str | None = None
    error: str | None = None
    should_retry: bool = False
    retry_after: float | None = None

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass(frozen=True)
class FieldUpdate:
    """Output-field values for one record (CRM field names, already mapped)."""

    object_type: str
    record_id: str
    fields: Mapping[str, Any]


@dataclass(frozen=True)
class TaskWrite:
    """Create, update or complete the one open app task of a record.

    `existing` is the app task found when the record was read (Record.app_task), so the client
    needs no second read; `complete=True` closes it (outcome stage) instead of updating it.
    `idempotency_key` (the enrichment id) is stored on the created object so that, after an
    ambiguous failure, the client can look it up before creating again.
    """

    record: Record
    task: TaskSpec
    idempotency_key: str
    existing: TaskRef | None = None
    complete: bool = False


@dataclass(frozen=True)
class NoteWrite:
    """One note on a record; `idempotency_key` as for TaskWrite (one note per enrichment)."""

    record: Record
    text: str
    idempotency_key: str


@dataclass(frozen=True)
class WriteSet:
    """Everything one pipeline batch writes; a client applies it in as few calls as the API allows."""

    fields: tuple[FieldUpdate, ...] = ()
    tasks: tuple[TaskWrite, ...] = ()
    notes: tuple[NoteWrite, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fields or self.tasks or self.notes)


@runtime_checkable
class CrmClient(Protocol):
    """The verbs every CRM adapter offers; one instance per installation (portal or org).

    Batch-first (DESIGN.md v2): `get_records` and `apply` are the hot path; nothing the app calls
    is missing from this Protocol. Errors are `integrations.errors.CrmError` subclasses.
    """

    crm: str

    def get_records(self, object_type: str, ids: Sequence[str]) -> dict[str, Record]:
        """Read many records with their associations in bulk; missing ids are left out."""
        ...

    def get_record(self, object_type: str, id: str) -> Record:
        """Read one record (the cheapest path for N = 1). Raises CrmNotFound."""
        ...

    def iter_open_ids(self, object_type: str = "deal") -> Iterator[str]:
        """Ids of every open record of that type (backfill)."""
        ...

    def search_modified_since(self, object_type: str, since: datetime) -> list[tuple[str, str | None]]:
        """(id, last-modified ISO time) of records modified since `since` (reconciliation)."""
        ...

    def iter_records(self, object_type: str = "deal", *, kinds: Sequence[str] = ("open", "won", "lost"),
                     progress: Callable[[int], None] | None = None) -> Iterator[Record]:
        """Every record of those stage kinds, read in bulk (history for training)."""
        ...

    def describe(self, object_type: str) -> list[FieldSpec]: ...

    def list_pipelines(self) -> list[Pipeline]: ...

    def apply(self, writes: WriteSet) -> list[WriteResult]:
        """Apply a write set in batches; one result per item, failures per item (never raises for
        an item's own failure; raises CrmError only when nothing could be attempted)."""
        ...

    def ensure_output_fields(self) -> list[str]:
        """Create missing output fields (one batch call); return the names created."""
        ...

    def revoke(self) -> None:
        """Revoke this installation's tokens at the CRM (uninstall); never raises."""
        ...

    def api_quota(self) -> ApiQuota | None:
        """The CRM's daily API allocation as its last response reported it, or None when the CRM
        reports none for this installation (HubSpot OAuth apps have no daily limit)."""
        ...


@dataclass(frozen=True)
class ApiQuota:
    """A CRM's daily API allocation as it reported it: shared by every app of the org or account."""

    used: int
    limit: int
    window: str
    """What the allocation counts over, in words: `rolling 24 h` (Salesforce)."""


@dataclass(frozen=True)
class TokenSet:
    """One installation's OAuth tokens; `expires_at` epoch seconds (None: unknown / never).

    `account_id` is the CRM account (HubSpot hub id, Salesforce org id); `instance_url` the API
    base of that account where the CRM has one per account (Salesforce); `account_name` what the
    CRM calls the account for a person (HubSpot's hub domain, Salesforce's My Domain host), when known.
    """

    access_token: str
    refresh_token: str | None = None
    expires_at: float | None = None
    account_id: str | None = None
    scopes: tuple[str, ...] = ()
    issued_at: float | None = None
    instance_url: str | None = None
    user: str | None = None
    account_name: str | None = None
    user_name: str | None = None
    """The consenting user's name as the CRM shows it (None: unknown, or the CRM names people by `user`)."""


@dataclass(frozen=True)
class AccountNames:
    """What a CRM calls an installed account and its installing user, read with the installation's token
    (an OAuth provider's optional `account_names(tokens)`); None where it could not be read."""

    account: str | None = None
    user: str | None = None


@dataclass(frozen=True)
class Installation:
    """What a connector needs to build a client for one tenant (held by app/tenants)."""

    tenant_id: str
    crm: str
    account_id: str
    tokens: TokenSet
    api_base: str | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ScopeSpec:
    """A scope the connector asks for; `degrades` says what is lost without an optional one."""

    name: str
    required: bool = True
    why: str = ""
    degrades: str = ""


@dataclass(frozen=True)
class OutputField:
    """One field the app writes, in the CRM's spelling (e.g. `ai_clv` / `AI_CLV__c`)."""

    name: str
    label: str
    type: str
    object_type: str = "deal"


@runtime_checkable
class OAuthProvider(Protocol):
    """A CRM's OAuth 2.0 web-server flow."""

    def authorize_url(self, *, redirect_uri: str, state: str, scopes: Sequence[str],
                      optional_scopes: Sequence[str] = ()) -> str: ...

    def exchange(self, code: str, *, redirect_uri: str) -> TokenSet: ...

    def refresh(self, tokens: TokenSet) -> TokenSet: ...

    def revoke(self, tokens: TokenSet) -> None: ...


@runtime_checkable
class Connector(Protocol):
    """One CRM, registered by name (app/connectors). Adding a CRM adds one of these.

    `blueprint` is the "module:attr" of its webhook receiver's Flask blueprint (in webhooks/<crm>),
    a string so that integrations/ never imports Flask apps. `verify_card_request` takes the
    incoming request (anything with `method`, `url`, `headers`, `args`, `get_data()`) and returns
    the tenant id it is signed for, or raises PermissionError with a reason.
    """

    name: str
    blueprint: str
    scopes: tuple[ScopeSpec, ...]
    enriched_object_types: tuple[str, ...]
    """Canonical object types the pipeline scores and writes back to (always "deal", and "lead"
    where the CRM has leads apart from contacts); a change of any other type (contact, company)
    re-schedules the deals it is linked to."""

    def oauth(self, config: Mapping[str, Any]) -> OAuthProvider: ...

    def client(self, installation: Installation, *, config: Mapping[str, Any],
               on_tokens: Callable[[TokenSet], None] | None = None) -> CrmClient: ...

    def tenant_id_for(self, account_id: str) -> str: ...

    def verify_card_request(self, request: Any, *, config: Mapping[str, Any]) -> str: ...

    def default_mapping(self, object_type: str) -> Mapping[str, tuple[str, str]]:
        """THE default field mapping of an object type: canonical feature → (CRM field, the CRM's
        label). app/settings overlays a tenant's own mapping on it; nothing else holds defaults."""
        ...

    def output_fields(self) -> tuple[OutputField, ...]: ...

    def forget_account(self, account_id: str, *, config: Mapping[str, Any]) -> None:
        """Erase what the connector keeps about an account outside the app's database (a cache in
        Redis shared by every worker): the uninstall and the revoked-installation eraser call it."""
        ...

    def watched_fields(self, object_type: str) -> frozenset[str]:
        """CRM fields of `object_type` whose change sends the app a webhook. An output may never be
        mapped onto one: each write-back would look like a rep's edit and start the pipeline again
        (a CRM that marks the app's own writes as such, like Salesforce, returns none)."""
        ...


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
