"""Console pages backed by the settings service (app/settings): guardrails and autonomy, LLM
vendors and spend, field mappings with a scored preview, and the version history with undo.

Viewers read every page; revops and admins submit the forms. A refused value re-renders the form
with the service's one-line reason (HTTP 400) and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from flask import Response, current_app, g, redirect, request, url_for

from agents.providers.spend import month_bounds
from app import defaults
from app import settings as service
from app.admin import bp, refusal, tenant_page
from app.admin.access import at_least
from app.admin.change_words import value_words
from app.admin.crm_trouble import tenant_crm_failure
from app.admin.forms import FormError, changes_from_form, field_views
from app.admin.mapping_edits import StaleFormError, draft_since_opened
from app.admin.preview import OBJECT_TYPE, PreviewError, preview
from app.admin.usage import budget, export_rows, this_month, to_csv
from app.admin.views import page
from app.cards.humanize import option_label, percent, picklist_labels
from app.cards.view import top_factors
from app.connectors import get_connector, object_labels
from app.settings.schema import show_number
from app.storage import get_db

GUARDRAIL_KEYS = ("autonomy", "discount_cap", "approval_threshold", "escalate_amount_over", "escalate_churn_over",
                  "quiet_hours_start", "quiet_hours_end", "allowed_channels", "contact_frequency_cap",
                  "opt_out_field", "strategy_catalogue", "holdout_share", "tone", "language", "card_hidden_scores",
                  "min_closed_deals")
"""Settings on the guardrails page, in the order shown."""

LLM_KEYS = ("llm_allow_list", "llm_roles", "monthly_spend_cap_usd", "daily_spend_cap_usd", "budget_timezone",
            "spend_warning_share", "llm_budget_retention_days", "llm_usage_retention_days", "redact_pii")
"""Settings on the LLM page."""

ROLES = ("analyst", "strategist", "writer")
"""The agent roles that get a provider:model each."""


def _app() -> Any:
    return current_app._get_current_object()  # type: ignore[attr-defined]


def _may_edit() -> bool:
    return at_least(g.role, "revops")


def _refuse_viewer() -> Any:
    return refusal(403, f"Your role ({g.role}) cannot do this",
                   "Changing settings needs the revops or admin role; ask an admin of this account.")


class _Clash:
    """The settings a person changed on a page that someone else changed too since it was opened."""

    def __init__(self, keys: list[str], base: int, now: Any, authors: list[str]) -> None:
        self.keys, self.base, self.now, self.authors = keys, base, now, authors

    @property
    def message(self) -> str:
        shown = ", ".join(f"{k} (now {_value(self.now.settings, k)})" for k in self.keys)
        who = ", ".join(self.authors) or "someone"
        return (f"{who} changed {shown} after you opened this page (version {self.base}, now {self.now.version}); "
                "nothing was saved: the page now shows the current values, change them again and save")


def _value(settings: Any, key: str) -> Any:
    top, _, sub = key.partition(".")
    value = getattr(settings, top, None)
    return value.get(sub) if sub and isinstance(value, Mapping) else value


def _changes_since_opened(tenant: str, snap: Any, keys: tuple[str, ...], views: Any) -> tuple[dict[str, Any], Any]:
    """What the submitted form changes, and the clash if someone else changed the same settings meanwhile.

    The form carries the version it was rendered from (`base_version`). Compared with the current values, every
    control left as it was would undo whatever another person saved since (another tab, the CLI): so the
    changes are what differs from the values the page SHOWED, applied on top of the current version, and a
    setting changed on both sides is refused. A form without `base_version` (a script) compares with the
    current values, as before.
    """
    raw = str(request.form.get("base_version") or "").strip()
    if not raw:
        return changes_from_form(views, request.form, ROLES), None
    base = service.at_version(_app(), tenant, int(raw)) if raw.isdigit() else None
    if base is None:
        raise FormError("base_version", raw, "a version of these settings: reload the page")
    if base.version == snap.version:
        return changes_from_form(views, request.form, ROLES), None
    seen = field_views(service.TenantSettingsModel, base.settings, keys)
    changes = changes_from_form(seen, request.form, ROLES)
    clashing = sorted(k for k in changes if _value(snap.settings, k) != _value(base.settings, k))
    if not clashing:
        return changes, None
    tops = {k.split(".")[0] for k in clashing}
    authors = sorted({v.author for v in service.history(_app(), tenant, limit=100)
                      if v.version > base.version and tops & {c.split(".")[0] for c in v.changes}})
    return changes, _Clash(clashing, base.version, snap, authors)


def _clash_page(template: str, tenant: str, snap: Any, views: Any, clash: _Clash, **extra: Any) -> Any:
    error = {"key": clash.keys[0], "message": clash.message}
    return page(template, views=views, version=snap.version, error=error, may_edit=_may_edit(), saved=False,
                unchanged=False, roles=ROLES, **extra), 409


def _settings_page(tenant: str, keys: tuple[str, ...], template: str, endpoint: str, **extra: Any) -> Any:
    snap = service.get(_app(), tenant)
    views = _overridden(field_views(service.TenantSettingsModel, snap.settings, keys))
    error, status = None, 200
    if request.method == "POST":
        if not _may_edit():
            return _refuse_viewer()
        try:
            changes, clash = _changes_since_opened(tenant, snap, keys, views)
            if clash:
                return _clash_page(template, tenant, snap, views, clash, **extra)
            if changes:
                new = service.update(_app(), tenant, changes, author=g.identity.user)
                return redirect(url_for(endpoint, tenant=tenant, saved=new.version), code=303)
            return redirect(url_for(endpoint, tenant=tenant, unchanged=1), code=303)
        except (service.SettingsError, FormError) as exc:
            # The form's words for an unset value ("leave empty"), not the CLI's `null`.
            error, status = {"key": getattr(exc, "key", None), "message": getattr(exc, "form_message", str(exc))}, 400
            views = _with_submitted(views, request.form)
    shown_after_redirect = request.method == "GET"  # a refused POST must not repeat "Saved"
    return page(template, views=views, version=snap.version, error=error, may_edit=_may_edit(),
                saved=shown_after_redirect and request.args.get("saved"),
                unchanged=shown_after_redirect and request.args.get("unchanged"), roles=ROLES,
                **extra), status


def _overridden(views: list[Any]) -> list[Any]:
    """Mark the settings this deployment replaces for every account. Wave 30's walk set the holdout share to 50% on
    the demo's console ("Saved as version 4. Workers use it from their next job"), backfilled, and no deal was
    held out: the demo runs with `HOLDOUT_SHARE_OVERRIDE=0`, and nothing on the page said so."""
    from dataclasses import replace

    override = _app().config.get("HOLDOUT_SHARE_OVERRIDE")
    if override is None:
        return views
    share = show_number("holdout_share", float(override))
    text = (f"Not in effect here: this deployment holds out {share} of the records of every account "
            "(`AGENTIC_SALES_HOLDOUT_SHARE_OVERRIDE`; the demo sets 0 so that every deal gets an action). The "
            "value saved here applies once that setting is removed.")
    return [replace(v, overridden=text) if v.key == "holdout_share" else v for v in views]


def _with_submitted(views: list[Any], form: Any) -> list[Any]:
    """Keep what the person typed when a value is refused (so they can correct it)."""
    from dataclasses import replace

    out = []
    for v in views:
        if v.kind in ("number", "integer", "text", "select") and v.key in form:
            out.append(replace(v, value=form.get(v.key)))
        else:
            out.append(v)
    return out


@bp.route("/t/<tenant>/guardrails", methods=["GET", "POST"])
@tenant_page("viewer")
def guardrails(tenant: str) -> Any:
    """Autonomy, discount cap and approval, escalation, quiet hours, channels, strategies, tone."""
    return _settings_page(tenant, GUARDRAIL_KEYS, "admin/settings_form.html", "admin.guardrails",
                          title="Guardrails and autonomy")


@bp.route("/t/<tenant>/llm", methods=["GET", "POST"])
@tenant_page("viewer")
def llm(tenant: str) -> Any:
    """LLM vendors, per-role models, the budget in force with month-to-date spend, and this month's
    usage and cost per role, provider and model."""
    # The budget in force, not the form's value: a refused value is shown in its field, never as the cap.
    settings = service.get(_app(), tenant).settings
    now = datetime.now(UTC)
    with get_db().session() as s:
        usage = this_month(s, tenant, now, settings.budget_timezone)
        lines = budget(s, tenant, settings, now)
    deployment = {role: current_app.config.get(f"LLM_{role.upper()}") for role in ROLES}
    from app.admin.llm_status import deployment_env, role_statuses

    statuses = role_statuses(settings, deployment, deployment_env(current_app.config), lines, ROLES)
    workers, reports = _workers_run(settings, lines)
    from app.worker_report import capabilities

    # The web process's own view, shown beside the workers' so a difference is visible, never silently mixed.
    differs = [(r, w) for r, w in zip(statuses, workers or (), strict=False) if w.differs_from(r.spec)]
    return _settings_page(tenant, LLM_KEYS, "admin/llm.html", "admin.llm", title="LLM vendors and spend",
                          usage=usage, deployment=deployment, spend_cap=settings.monthly_spend_cap_usd,
                          budget=lines, statuses=statuses, workers=workers, differs=differs,
                          web_providers=capabilities(current_app.config)["providers"],
                          worker_providers=_grouped((tuple(r.providers or ()), r.worker) for r in reports),
                          worker_defaults=_grouped((tuple((r.roles or {}).get(role) for role in ROLES), r.worker)
                                                   for r in reports),
                          fallbacks=[r for r in statuses if r.falls_back] if workers is None else [],
                          worker_fallbacks=[w for w in workers or () if w.any_offline],
                          stale_seconds=defaults.WORKER_REPORT_STALE_SECONDS)


def _grouped(pairs: Any) -> list[tuple[Any, list[str]]]:
    """(value, workers) per distinct value, in first-seen order: twenty alike workers make one line, not twenty."""
    out: dict[Any, list[str]] = {}
    for value, worker in pairs:
        out.setdefault(value, []).append(worker)
    return list(out.items())


def _workers_run(settings: Any, lines: Any) -> tuple[list[Any] | None, list[Any]]:
    """Per role, what the separate workers will run (from their reports, app/worker_report.py), and the reports;
    (None, []) when the jobs run in this web process (no Redis: its own environment is what runs), ([], []) when no
    worker reported."""
    from app.dispatch import get_dispatcher
    from app.dispatch.inprocess import InProcessBackend
    from app.worker_report import fresh_reports, workers_run

    if isinstance(get_dispatcher(_app()).backend, InProcessBackend):
        return None, []
    with get_db().session() as s:
        reports = fresh_reports(s)
        s.expunge_all()
    return (workers_run(settings, reports, lines, ROLES) if reports else []), reports


@bp.route("/t/<tenant>/llm/usage.csv")
@tenant_page("viewer")
def llm_usage_csv(tenant: str) -> Any:
    """This tenant's LLM usage of one month as CSV (`?month=YYYY-MM`, default this month;
    `?by=record` for one row per enriched record), for reconciling with the vendor's invoice."""
    settings = service.get(_app(), tenant).settings
    tz = settings.budget_timezone
    month = request.args.get("month") or month_bounds(datetime.now(UTC), tz)[0]
    by = request.args.get("by") or "day"
    if by not in ("day", "record"):
        return refusal(400, "Unknown breakdown", f"by={by!r}: use by=day or by=record.")
    # Imported here: app.pipeline.tenant loads scoring (scikit-learn), seconds the console's start should not pay.
    from app.pipeline.tenant import agent_settings_prices

    try:
        with get_db().session() as s:
            rows = export_rows(s, tenant, month, tz, agent_settings_prices(_app()), by=by)
    except ValueError as exc:
        return refusal(400, "Not a month", str(exc).replace("--month", "month"))
    name = f"llm-usage-{tenant}-{month}{'-records' if by == 'record' else ''}.csv"
    return Response(to_csv(rows, by=by), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/t/<tenant>/mappings", methods=["GET", "POST"])
@tenant_page("viewer")
def mappings(tenant: str) -> Any:
    """The field mappings of one object type; preview a draft on a real record, then save it."""
    app = _app()
    object_type = request.values.get("object") or OBJECT_TYPE
    try:
        kinds = service.object_types(app, tenant)
        # Read before the mapping: a page whose version is older than what it shows only drops a repeated change.
        version = service.get(app, tenant).version
        current = service.mappings(app, tenant, object_type)
    except service.SettingsError as exc:
        return refusal(404, "No such object type", str(exc))
    fields, describe_error = _crm_fields(tenant, object_type)
    draft: dict[str, str] = {}
    errors: dict[str, str] = {}
    result = preview_error = None
    status = 200
    if request.method == "POST":
        if not _may_edit():
            return _refuse_viewer()
        action = request.form.get("action")
        try:
            draft, clash = draft_since_opened(app, tenant, object_type, current, request.form)
        except StaleFormError as exc:
            draft, clash, errors, status = {}, None, {"_": str(exc)}, 400
        if clash and action == "save":
            # The page shows the mapping as it is now: saving again is a decision on the other person's field.
            draft, errors, status = {}, {"_": clash.message}, 409
        if not errors:
            if not draft and action != "preview":  # a preview of the saved mapping is asked for
                return redirect(url_for("admin.mappings", tenant=tenant, object=object_type, unchanged=1), code=303)
            errors = _check_draft(object_type, draft, fields, describe_error)
            status = 400 if errors else status
        if not errors and action == "save":
            try:
                service.set_mappings(app, tenant, object_type, draft, author=g.identity.user)
            except service.SettingsError as exc:
                errors, status = {"_": str(exc)}, 400
            except service.CrmUnavailableError as exc:
                errors, status = {"_": str(exc)}, 502
            else:
                version = service.get(app, tenant).version
                return redirect(url_for("admin.mappings", tenant=tenant, object=object_type, saved=version), code=303)
        elif not errors and object_type == OBJECT_TYPE:
            try:
                result = preview(app, tenant, object_type, draft, request.form.get("record_id") or None)
            except PreviewError as exc:
                preview_error, status = str(exc), 400
    return page("admin/mappings.html", object_type=object_type, kinds=kinds, object_labels=object_labels(g.tenant.crm), current=current, draft=draft,
                version=version,
                errors=errors, fields=fields, describe_error=describe_error, result=result,
                shown=preview_view(result, current, draft, fields) if result else None,
                # a refused preview saved nothing and was not meant to: the message says which was refused
                refused="Not previewed" if request.form.get("action") == "preview" else "Not saved",
                preview_error=preview_error, may_edit=_may_edit(),
                saved=request.method == "GET" and request.args.get("saved"),
                unchanged=request.method == "GET" and request.args.get("unchanged"),
                record_id=request.form.get("record_id", "")), status


def score_text(conversion: Mapping[str, Any]) -> str:
    """A conversion score as the rep's card writes it: the chance to close ("63%"), else "63 of 99"."""
    if conversion.get("probability") is not None:
        return percent(conversion["probability"])
    if conversion.get("score_1_99") is not None:
        return f"{conversion['score_1_99']} of 99"
    return "–"


def preview_view(result: Any, current: Mapping[str, Any], draft: Mapping[str, str],
                 fields: Mapping[str, Any]) -> dict[str, Any]:
    """What the preview table shows, in the CRM's words: each value by its picklist label (the field
    the saved mapping reads, and the draft's), the score as a chance to close, factors as on the card."""
    labels = picklist_labels(fields.values())
    draft_labels = dict(labels)
    for canonical, crm_field in draft.items():
        # The draft's factor keeps the feature's saved label ("Deal Type: medium" once Deal Type reads
        # Priority): its values are the draft field's options.
        name = current[canonical].label if canonical in current else None
        for value, label in getattr(fields.get(crm_field), "option_labels", ()) or ():
            if name and value != label:
                draft_labels[f"{name}: {value}"] = f"{name}: {label}"

    def factors(side: Any, names: Mapping[str, str]) -> list[dict[str, str]]:
        return top_factors(side.conversion, names, currency=result.currency,
                           scores_currency=getattr(result, "scores_currency", None))

    values = {}
    for canonical in draft:
        saved_field = fields.get(current[canonical].crm_field) if canonical in current else None
        draft_field = fields.get(draft[canonical]) or saved_field  # "" returns to the default
        values[canonical] = tuple("none recorded" if v is None else v for v in (
            option_label(saved_field, result.current.values.get(canonical)),
            option_label(draft_field, result.draft.values.get(canonical))))
    return {"values": values,
            "score": (score_text(result.current.conversion), score_text(result.draft.conversion)),
            "factors": (factors(result.current, labels), factors(result.draft, draft_labels))}


def _crm_fields(tenant: str, object_type: str) -> tuple[dict[str, Any], str | None]:
    """The CRM's fields of the object (for the field list and the checks), or why they are unknown."""
    from app.tenants import client_for

    try:
        return {f.name: f for f in client_for(tenant, _app()).describe(object_type)}, None
    except Exception as exc:  # the page still shows the mapping; saving re-checks with the CRM
        named = object_labels(g.tenant.crm).get(object_type, object_type)
        return {}, f"the CRM's {named} fields could not be read: {tenant_crm_failure(_app(), tenant, exc)}"


def _check_draft(object_type: str, draft: dict[str, str], fields: dict[str, Any], describe_error: str | None,
                 ) -> dict[str, str]:
    """Per feature, why its draft field cannot be used (checked before any preview or save)."""
    from app.settings.mappings import check_entry

    if describe_error:
        return {"_": describe_error}
    connector = get_connector(g.tenant.crm)
    # The CRM's own words in the message ("deal property 'x' does not exist in this account").
    words = (str(getattr(connector, "field_word", "field")), str(getattr(connector, "account_word", "account")))
    out = {}
    for canonical, crm_field in draft.items():
        if crm_field == "":
            continue  # back to the default
        # Named as the CRM names the record type ("Opportunity field 'x' does not exist in this org").
        named = object_labels(g.tenant.crm).get(object_type, object_type)
        problem = check_entry(named, canonical, crm_field, fields, words=words)
        if problem:
            out[canonical] = problem
    return out


@bp.get("/t/<tenant>/history")
@tenant_page("viewer")
def history(tenant: str) -> Any:
    """Every settings and mapping version: who, when, what changed; undo to any earlier one."""
    versions = service.history(_app(), tenant, limit=100)
    return page("admin/history.html", versions=versions, may_edit=_may_edit(),
                undone=request.args.get("undone"), value_words=value_words)


@bp.post("/t/<tenant>/undo")
@tenant_page("viewer")
def undo(tenant: str) -> Any:
    """Go back to an earlier version (default: the one before the current), as a new version."""
    if not _may_edit():
        return _refuse_viewer()
    raw = request.form.get("to_version") or ""
    try:
        to_version = int(raw) if raw else None
        snap = service.undo(_app(), tenant, author=g.identity.user, to_version=to_version)
    except ValueError as exc:  # SettingsError is a ValueError; so is a non-number
        return refusal(400, "Nothing was undone", str(exc) if isinstance(exc, service.SettingsError)
                       else f"to_version={raw} is not a version number")
    back = request.form.get("back")
    if back in ("admin.mappings", "admin.guardrails", "admin.llm"):
        return redirect(url_for(back, tenant=tenant, saved=snap.version), code=303)
    return redirect(url_for("admin.history", tenant=tenant, undone=snap.version), code=303)
