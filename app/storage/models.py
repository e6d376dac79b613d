"""SQLAlchemy 2 models: every row is scoped by tenant, and tokens are stored only encrypted.

Tables: tenants, installations, settings_versions, inbox_events, record_jobs,
enrichments, actions, audit_log, llm_cache, llm_usage.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

MAX_ROW_ID = 2**31 - 1
"""The largest id a row can have (ids are INTEGER: int4 on PostgreSQL). A larger id in a request names
no row, and must be answered as such before it reaches the driver, which refuses it as out of range."""


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on SQLite (which stores naive values) and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        if isinstance(value, datetime):
            value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if isinstance(value, datetime):
            return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Tenant(Base):
    """One installed CRM account: a HubSpot portal or a Salesforce org."""

    __tablename__ = "tenants"
    __table_args__ = (UniqueConstraint("crm", "external_id", name="uq_tenants_crm_external"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    crm: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    settings_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Bumped by every settings or field-mapping change; workers rebuild cached clients on a change."""


class Installation(Base):
    """The OAuth grant of a tenant; token columns hold Fernet ciphertext only."""

    __tablename__ = "installations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    crm: Mapped[str] = mapped_column(String(20))
    access_token_enc: Mapped[str | None] = mapped_column(Text)
    refresh_token_enc: Mapped[str | None] = mapped_column(Text)
    expires_at: Mapped[datetime | None] = mapped_column()
    scopes: Mapped[list[Any]] = mapped_column(default=list)
    api_base: Mapped[str | None] = mapped_column(String(255))
    installed_by: Mapped[str | None] = mapped_column(String(255))
    installed_by_name: Mapped[str | None] = mapped_column(String(255))
    """The installing user's name as the CRM last said it (at install and token refresh): the operator's
    tenants list names installers without a CRM call per tenant."""
    names_at: Mapped[datetime | None] = mapped_column()
    """When the account's and the installer's names were last read from the CRM (None: never, e.g. installed
    before wave 24); app/tenants `refresh_names` reads them again at most every ACCOUNT_NAMES_TTL_SECONDS."""
    installed_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column()
    last_sync_at: Mapped[datetime | None] = mapped_column()
    api_used: Mapped[int | None] = mapped_column(Integer)
    """The CRM's daily API allocation used (every app of the org), as its last response reported it."""
    api_limit: Mapped[int | None] = mapped_column(Integer)
    api_quota_at: Mapped[datetime | None] = mapped_column()


class SettingsVersion(Base):
    """One version of a tenant's settings and field mappings (app/settings): a full snapshot, who
    changed it, when, and what changed. The newest row is the tenant's current configuration;
    `tenants.settings_version` names it, so workers notice a change by comparing one integer."""

    __tablename__ = "settings_versions"
    __table_args__ = (UniqueConstraint("tenant_id", "version", name="uq_settings_versions_tenant_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """The whole validated settings (TenantSettingsModel as JSON), not only what changed."""
    mappings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """The tenant's own field mappings over the connector's defaults:
    {object_type: {canonical: {"field": crm_field, "label": label}}}."""
    action: Mapped[str] = mapped_column(String(20))
    """initial | settings | mappings | undo."""
    author: Mapped[str] = mapped_column(String(255))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """{key: [old, new]}; mapping keys are spelled `object_type.canonical`."""


class InboxEvent(Base):
    """One verified record change, durable before the webhook is acknowledged."""

    __tablename__ = "inbox_events"
    __table_args__ = (
        UniqueConstraint("tenant_id", "delivery_key", name="uq_inbox_tenant_delivery"),
        Index("ix_inbox_record_status", "tenant_id", "object_type", "record_id", "status"),
        Index("ix_inbox_status_received", "status", "received_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    crm: Mapped[str] = mapped_column(String(20))
    object_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(30))
    properties: Mapped[dict[str, Any]] = mapped_column(default=dict)
    occurred_at: Mapped[datetime] = mapped_column()
    delivery_key: Mapped[str] = mapped_column(String(64))
    delivery_id: Mapped[str | None] = mapped_column(String(64))
    attempt: Mapped[int] = mapped_column(Integer, default=0)
    change_source: Mapped[str | None] = mapped_column(String(60))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    job_id: Mapped[str | None] = mapped_column(String(128))
    processed_at: Mapped[datetime | None] = mapped_column()
    error: Mapped[str | None] = mapped_column(Text)


class QuarantinedEvent(Base):
    """A webhook event that failed validation: kept with its reason, never processed."""

    __tablename__ = "quarantined_events"
    __table_args__ = (Index("ix_quarantine_received", "received_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    crm: Mapped[str] = mapped_column(String(20))
    account_hint: Mapped[str | None] = mapped_column(String(64))
    delivery_id: Mapped[str | None] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(500))
    raw: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class RecordJob(Base):
    """Dispatch state of one record: at most one live job id (the fence) at a time."""

    __tablename__ = "record_jobs"
    __table_args__ = (
        UniqueConstraint("tenant_id", "object_type", "record_id", name="uq_record_jobs_record"),
        Index("ix_record_jobs_state_lease", "state", "lease_until"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    crm: Mapped[str] = mapped_column(String(20))
    object_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20), default="idle")
    job_id: Mapped[str | None] = mapped_column(String(128))
    run_after: Mapped[datetime | None] = mapped_column()
    lease_until: Mapped[datetime | None] = mapped_column()
    dispatch_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Transient failures in a row of this record's batch jobs (reset when it is processed)."""


class Enrichment(Base):
    """What the pipeline produced for a record: scores, analysis, strategy, draft, card payload."""

    __tablename__ = "enrichments"
    __table_args__ = (Index("ix_enrichments_record", "tenant_id", "object_type", "record_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    object_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    job_id: Mapped[str | None] = mapped_column(String(128))
    input_hash: Mapped[str | None] = mapped_column(String(64))
    scores: Mapped[dict[str, Any]] = mapped_column(default=dict)
    analysis: Mapped[dict[str, Any]] = mapped_column(default=dict)
    strategy: Mapped[dict[str, Any]] = mapped_column(default=dict)
    draft: Mapped[dict[str, Any]] = mapped_column(default=dict)
    card: Mapped[dict[str, Any]] = mapped_column(default=dict)
    model_versions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    generated_by: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RecordLink(Base):
    """A contact or company associated with an enriched deal, so its card can show that deal."""

    __tablename__ = "record_links"
    __table_args__ = (
        UniqueConstraint("tenant_id", "object_type", "object_id", "deal_id", name="uq_record_links"),
        Index("ix_record_links_lookup", "tenant_id", "object_type", "object_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(64))
    deal_id: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Action(Base):
    """A write-back or a rep's feedback: field update, task, note, accept, dismiss, rescore."""

    __tablename__ = "actions"
    __table_args__ = (Index("ix_actions_record", "tenant_id", "object_type", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    object_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    enrichment_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20), default="done")
    crm_id: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    idempotency_key: Mapped[str | None] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditLog(Base):
    """Append-only trail of what happened and why, with the ids to find it again."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_tenant_at", "tenant_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str | None] = mapped_column(String(64), index=False)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    event: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(64))
    job_id: Mapped[str | None] = mapped_column(String(128))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class LlmCacheEntry(Base):
    """A cached LLM output keyed by tenant, provider, model, prompt version and input hash."""

    __tablename__ = "llm_cache"
    __table_args__ = (UniqueConstraint("tenant_id", "cache_key", name="uq_llm_cache_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    cache_key: Mapped[str] = mapped_column(String(128))
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LlmUsage(Base):
    """Tokens and cost of one LLM call, for per-tenant accounting and the spend cap."""

    __tablename__ = "llm_usage"
    __table_args__ = (Index("ix_llm_usage_tenant_at", "tenant_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    role: Mapped[str | None] = mapped_column(String(30))
    provider: Mapped[str] = mapped_column(String(40))
    model: Mapped[str | None] = mapped_column(String(80))
    input_tokens: Mapped[int] = mapped_column(Integer, default=0)
    output_tokens: Mapped[int] = mapped_column(Integer, default=0)
    cost_usd: Mapped[float] = mapped_column(Float, default=0.0)
    cached: Mapped[bool] = mapped_column(Boolean, default=False)
    fallback_reason: Mapped[str | None] = mapped_column(String(255))
    record_id: Mapped[str | None] = mapped_column(String(64))
    estimated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


class LlmBudget(Base):
    """A tenant's committed LLM spend in one budget period (`YYYY-MM` or `YYYY-MM-DD` in its time
    zone): billed calls plus reservations in flight. Every worker reserves against this one row
    with a conditional UPDATE, so workers racing for the last cents cannot pass the cap together."""

    __tablename__ = "llm_budget"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    committed_usd: Mapped[float] = mapped_column(Float, default=0.0)
    warned_at: Mapped[datetime | None] = mapped_column()


class Outcome(Base):
    """A deal's (or a Salesforce Lead's) outcome (DESIGN.md, Outcome): one row per record, kind and
    stage whatever the duplicates (a stage advance per stage reached; won/lost once per record,
    app/pipeline/outcome.py). `deal_id` is the record's id; `object_type` says which kind of
    record it is (a lead's `won` is its conversion, not a deal's amount-weighted win)."""

    __tablename__ = "outcomes"
    __table_args__ = (UniqueConstraint("tenant_id", "deal_id", "kind", "stage", name="uq_outcome_deal_kind_stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    crm: Mapped[str] = mapped_column(String(20))
    deal_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column()
    amount: Mapped[float | None] = mapped_column(Float)
    stage: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    object_type: Mapped[str] = mapped_column(String(40), default="deal", server_default="deal")


class Reward(Base):
    """The reward of one logged strategy choice (an `actions` row) from one outcome."""

    __tablename__ = "rewards"
    __table_args__ = (UniqueConstraint("outcome_id", "action_id", name="uq_reward_outcome_action"),
                      Index("ix_rewards_tenant_folded", "tenant_id", "folded"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    outcome_id: Mapped[int] = mapped_column(ForeignKey("outcomes.id", ondelete="CASCADE"))
    action_id: Mapped[int] = mapped_column(Integer)
    deal_id: Mapped[str] = mapped_column(String(64))
    arm: Mapped[str | None] = mapped_column(String(60))
    propensity: Mapped[float | None] = mapped_column(Float)
    policy: Mapped[str | None] = mapped_column(String(60))
    context: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reward: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    folded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    """Folded into the tenant's bandit posterior (app/pipeline/posterior.py)."""


class LearningPosterior(Base):
    """A tenant's bandit posterior of one object type (learning.bandit.Posterior as JSON), folded
    from the rewards of that type's decisions.

    Written only by compare-and-set on `version`, so two workers folding the same rewards cannot
    both win: the loser reloads and folds what is left (app/pipeline/posterior.py).
    """

    __tablename__ = "learning_posteriors"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True)
    object_type: Mapped[str] = mapped_column(String(40), primary_key=True, default="deal", server_default="deal")
    """Whose decisions it learns from (deal, lead): one posterior per kind of reward."""
    version: Mapped[int] = mapped_column(Integer, default=0)
    rewards: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PeriodicRun(Base):
    """When a tenant's periodic job (reconcile, retrain, ...) is next due; claimed by compare-and-set."""

    __tablename__ = "periodic_runs"
    __table_args__ = (UniqueConstraint("tenant_id", "name", name="uq_periodic_tenant_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(40))
    next_run_at: Mapped[datetime] = mapped_column()
    last_run_at: Mapped[datetime | None] = mapped_column()
    requested_at: Mapped[datetime | None] = mapped_column()
    """Set by a "run now" request (e.g. retrain after a degraded model); cleared when it runs."""
    runs: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class LeaderLease(Base):
    """Who holds a cluster-wide role (the scheduler) until when; changed only by compare-and-set."""

    __tablename__ = "leader_leases"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    until: Mapped[datetime] = mapped_column()


class OAuthState(Base):
    """One install or sign-in attempt between `/oauth/<crm>/install` and its callback (app/oauth/state.py): the
    state's digest (the state itself is only in the CRM's redirect), the CRM and purpose it was started for, a
    digest of the browser session that started it, and when it stops being accepted. Deleted when used."""

    __tablename__ = "oauth_states"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    crm: Mapped[str] = mapped_column(String(40))
    purpose: Mapped[str] = mapped_column(String(20))
    browser: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(index=True)


class ConsoleGrant(Base):
    """A person's role in one tenant's admin console (admin, revops or viewer).

    The installing user is admin without a row; other CRM users of the portal are viewers until an
    admin grants more. `user` is the CRM's identity of the person (e-mail or user id).
    """

    __tablename__ = "console_grants"
    __table_args__ = (UniqueConstraint("tenant_id", "user", name="uq_console_grants_user"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    user: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    granted_by: Mapped[str | None] = mapped_column(String(255))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)


class WorkerReport(Base):
    """What one worker process can run, as it reported on start and on every heartbeat (app/worker_report.py):
    the LLM providers whose keys it holds (names only, never a key), its deployment's per-role providers and
    what it prices calls with. The LLM page tells from these what the workers, not the web process, will run."""

    __tablename__ = "worker_reports"

    worker: Mapped[str] = mapped_column(String(200), primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column()
    reported_at: Mapped[datetime] = mapped_column()
    providers: Mapped[list[Any]] = mapped_column()
    roles: Mapped[dict[str, Any]] = mapped_column()
    spend: Mapped[dict[str, Any]] = mapped_column()
    version: Mapped[str] = mapped_column(String(64))


class ReportCache(Base):
    """A computed report of one tenant (kind: e.g. "learning:deal"), reused while `key` (a digest of what it was
    computed from: the latest decision, outcome and reward, the code's version) still matches."""

    __tablename__ = "report_cache"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(128))
    body: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[datetime] = mapped_column()
    seconds: Mapped[float] = mapped_column()


TENANT_TABLES = (
    ReportCache, ConsoleGrant, LearningPosterior, Reward, Outcome, PeriodicRun,
    LlmBudget, LlmUsage, LlmCacheEntry, AuditLog, Action, RecordLink, Enrichment, RecordJob, InboxEvent,
    SettingsVersion, Installation,
)
"""Every table holding a tenant's data, children first: uninstall deletes from all of them."""
