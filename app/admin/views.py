"""Console pages that read the platform's own state: tenants, install health, actions, access."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from flask import current_app, g, redirect, render_template, request, url_for
from sqlalchemy import select

from app import defaults
from app.admin import actions, bp, refusal, signed_in, tenant_page
from app.admin import health as health_data
from app.admin.access import GrantError, grant, grants
from app.admin.crm_trouble import connection_box, last_unreachable
from app.connectors import account_word_of, deal_noun, deal_words_of, get_connector
from app.storage import get_db
from app.storage.models import MAX_ROW_ID, Installation, Tenant

NAV: tuple[tuple[str, str], ...] = (
    ("admin.health", "Install health"),
    ("admin.mappings", "Field mappings"),
    ("admin.guardrails", "Guardrails"),
    ("admin.llm", "LLM"),
    ("admin.models", "Model cards"),
    ("admin.learning", "Learning report"),
    ("admin.history", "History"),
    ("admin.access", "Access"),
)
"""The tabs of a tenant's console, in order (endpoint, title)."""


def page(template: str, **context: Any) -> str:
    """Render a tenant page with the navigation, the identity and the role."""
    nav = [(ep, title) for ep, title in NAV if ep in current_app.view_functions]
    # The CRM's words for a deal ({{ deal.one }}, {{ deal.Many }}) and an install ({{ account }}): a Salesforce
    # org's admin reads "opportunities" and "this org".
    return render_template(template, nav=nav, tenant=g.tenant, role=g.role, identity=g.identity,
                           endpoint=request.endpoint, deal=deal_noun(deal_words_of(g.tenant.crm)),
                           account=account_word_of(g.tenant.crm), **context)


def _limiter() -> Any:
    from integrations.limits import limiter_for

    return limiter_for(current_app.config.get("REDIS_URL"))


@bp.get("/")
@signed_in
def index() -> Any:
    """Operators: every tenant. A CRM user: straight to their own tenant."""
    identity = g.identity
    if not identity.operator:
        return redirect(url_for("admin.health", tenant=identity.tenant))
    with get_db().session() as s:
        tenants = s.execute(select(Tenant).order_by(Tenant.created_at)).scalars().all()
        installed = {i.tenant_id: i for i in s.execute(select(Installation).order_by(Installation.id)).scalars()}
        rows = [{"id": t.id, "crm": t.crm, "name": t.name or t.external_id, "status": t.status,
                 "installed_at": installed[t.id].installed_at if t.id in installed else None,
                 "installed_by": installed[t.id].installed_by if t.id in installed else None,
                 # Stored at install and token refresh: naming installers costs no CRM call per tenant here.
                 "installed_by_name": installed[t.id].installed_by_name if t.id in installed else None}
                for t in tenants]
    return render_template("admin/tenants.html", tenants=rows, identity=identity)


@bp.get("/t/<tenant>/")
@tenant_page("viewer")
def health(tenant: str) -> Any:
    """Install health: token, scopes, deliveries, headroom, queue, last errors, actions."""
    connector = get_connector(g.tenant.crm)
    _name_once(tenant)
    with get_db().session() as s:
        row = s.get(Tenant, tenant)
        if row is None:  # uninstalled between the access check and here
            return refusal(404, "No such tenant", "Check the address, or pick a tenant from the list.")
        h = health_data.collect(s, row, connector=connector, config=current_app.config,
                                now=datetime.now(UTC), limiter=_limiter())
        h.token = connection_box(h.token, last_unreachable(s, tenant), getattr(connector, "label", row.crm))
        s.expunge_all()
    return page("admin/health.html", h=h, kinds=actions.kinds_for(g.tenant.crm),
                open_records=actions.open_records(g.tenant.crm), window=defaults.CONSOLE_HEALTH_WINDOW_HOURS,
                crm_label=getattr(connector, "label", g.tenant.crm), queue_error=_queue_error())


def _name_once(tenant: str) -> None:
    """Name a tenant installed before names were stored (its name is still its instance's host): one read on
    its first console view; later a token refresh a day on reads them again (app/tenants `refresh_names`)."""
    from dataclasses import replace

    from app.tenants import load_installation, refresh_names

    with get_db().session() as s:
        inst = s.execute(select(Installation).where(Installation.tenant_id == tenant, Installation.revoked_at.is_(None))
                         .order_by(Installation.id.desc())).scalars().first()
        if inst is None or inst.names_at is not None:
            return
        user, api_base = inst.installed_by, inst.api_base
    try:
        spec = load_installation(current_app._get_current_object(), tenant)  # type: ignore[attr-defined]
    except Exception:  # no usable tokens: the page says so elsewhere
        return
    tokens = replace(spec.tokens, user=spec.tokens.user or user, instance_url=spec.tokens.instance_url or api_base)
    refresh_names(current_app._get_current_object(), tenant, tokens)  # type: ignore[attr-defined]


def _queue_error() -> str | None:
    """Why the job queue cannot be reached (Redis down), or None: the counts beside it come from the
    database and looked healthy while nothing could run."""
    from app.dispatch import get_dispatcher

    try:
        get_dispatcher().backend.ping()
    except Exception as exc:  # any client error: the page says it and still renders
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        # The operator runs Redis and needs its address; a CRM account's users only need the reason.
        return reason if g.identity.operator else _ADDRESS.sub("the queue's host", reason)
    return None


_ADDRESS = re.compile(r"\[?[\w.:-]+\]?:\d{1,5}\b")
"""host:port (or [v6]:port) in a client's error message."""


@bp.post("/t/<tenant>/actions/<kind>")
@tenant_page("admin")
def start_action(tenant: str, kind: str) -> Any:
    """Start a backfill or re-sync; show its progress page."""
    if kind not in actions.KINDS:
        return refusal(404, "No such action", f"The console offers {', '.join(actions.KINDS)}.")
    run = actions.start(current_app._get_current_object(), tenant, kind, by=g.identity.user)  # type: ignore[attr-defined]
    return redirect(url_for("admin.action_progress", tenant=tenant, run=run), code=303)


@bp.get("/t/<tenant>/actions/<int:run>")
@tenant_page("viewer")
def action_progress(tenant: str, run: int) -> Any:
    """A run's progress; the page updates its status in place until the run and the queue behind it are done."""
    if run > MAX_ROW_ID:  # no row has it, and the database driver would overflow on it
        state = None
    else:
        with get_db().session() as s:
            state = actions.progress(s, tenant, run, crm=g.tenant.crm)
    if state is None:
        return refusal(404, "No such run", "This account has no re-sync or backfill with that number.")
    return page("admin/progress.html", run=state, refresh=defaults.CONSOLE_PROGRESS_REFRESH_SECONDS)


@bp.route("/t/<tenant>/access", methods=["GET", "POST"])
@tenant_page("viewer")
def access(tenant: str) -> Any:
    """Who may do what in this account; admins grant and remove roles."""
    error = None
    status = 200
    if request.method == "POST":
        if g.role != "admin":
            return refusal(403, f"Your role ({g.role}) cannot do this",
                           "This needs the admin role; ask an admin of this account to grant it.")
        try:
            with get_db().session() as s:
                grant(s, tenant, request.form.get("user") or "", request.form.get("role") or "", by=g.identity.user,
                      crm=g.tenant.crm)
            return redirect(url_for("admin.access", tenant=tenant), code=303)
        except GrantError as exc:
            error, status = str(exc), 400
    with get_db().session() as s:
        rows = [{"user": r.user, "role": r.role, "by": r.granted_by, "at": r.granted_at,
                 "unmatched": not _stored_as_signin_names(r.user, g.tenant.crm)} for r in grants(s, tenant)]
        installer = s.execute(select(Installation.installed_by).where(Installation.tenant_id == tenant)
                              .order_by(Installation.id.desc())).scalars().first()
    return page("admin/access.html", grants=rows, installer=installer, error=error,
                typed=request.form.get("user") if error else None), status


def _stored_as_signin_names(user: str, crm: str) -> bool:
    """Whether a grant's stored person is in the form sign-in is compared by (a lower-cased 15-character
    Salesforce id stored before wave 24 lost its case: no sign-in can ever match it)."""
    from app.admin.access import normal_user

    try:
        return normal_user(user, crm) == user
    except GrantError:
        return False


@bp.get("/t/<tenant>/models")
@tenant_page("viewer")
def models(tenant: str) -> Any:
    """The tenant's model cards: holdout metrics, calibration, lift, top factors, absent tasks."""
    from dataclasses import replace

    from markupsafe import Markup

    from app.admin import crm_words, crm_words_html, crm_words_svg
    from app.admin.dates import when
    from app.reports import model_cards
    from scoring.report import card_html

    deal = deal_noun(deal_words_of(g.tenant.crm))
    # The cards are the scoring package's, written once for every CRM ("the chance an open deal is won"): their
    # sentences in the tenant's CRM's word for a deal; factor labels are the CRM's own already.
    cards = [replace(c, title=crm_words(c.title, deal), predicts=c.predicts and crm_words(c.predicts, deal),
                     absent_reason=c.absent_reason and crm_words(c.absent_reason, deal).replace(
                         "this account", f"this {account_word_of(g.tenant.crm)}"),
                     notes=[crm_words(n, deal) for n in c.notes],
                     # The charts are pictures of the same words ("Deal amount" among the factors): in them too.
                     figures={name: crm_words_svg(svg, deal) for name, svg in c.figures.items()})
             for c in model_cards(current_app._get_current_object(), tenant)]  # type: ignore[attr-defined]
    account = f"this {account_word_of(g.tenant.crm)}"
    cards = [replace(c, absent_reason=f"{c.absent_reason} "
                                      f"{never_trained_next_step(tenant, c.task).replace('this account', account)}")
             if c.absent_reason and c.absent_reason.startswith(NEVER_TRAINED) else c for c in cards]
    # card_html escapes every value it prints; its SVG figures are matplotlib's own output.
    # The report writes the training time as stored (ISO); the console writes every moment one way.
    fragments = [(c, Markup(crm_words_html(card_html(replace(c, created_at=when(c.created_at)) if c.created_at else c),
                                           deal)))
                 for c in cards]
    return page("admin/models.html", cards=fragments)


NEVER_TRAINED = "No model has been trained"
"""How scoring.model_card words a task that never had a model (absent_reason_text)."""


def never_trained_next_step(tenant: str, task: str) -> str:
    """When the first training comes, and the command that trains the task now."""
    from app.pipeline.first_training import next_step

    return next_step(current_app._get_current_object(), tenant, task)  # type: ignore[attr-defined]


DOCS = ("admin", "costs", "privacy", "security", "accessibility")
"""The guides a console page links to (docs/<name>.md in the repository); nothing else under docs/ is served."""


@bp.get("/docs/<name>.md")
def doc(name: str) -> Any:
    """One of the repository's guides as a page of the console (its Markdown source, wrapped to read):
    the console names docs/costs.md and docs/admin.md, and a path the admin has to look up in a repository
    they may never have cloned is no help. Public like the repository; no tenant data."""
    from pathlib import Path

    from flask import render_template

    if name not in DOCS:
        return refusal(404, "No such guide", f"The console serves {', '.join(d + '.md' for d in DOCS)}.")
    path = Path(__file__).resolve().parents[2] / "docs" / f"{name}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return refusal(404, "This copy of the app has no docs folder",
                       f"Read docs/{name}.md in the project's repository.")
    return render_template("admin/doc.html", name=name, text=text)


@bp.get("/<path:rest>")
def no_such_page(rest: str) -> Any:
    """Any other address under /admin/ (a mistyped tab, an old bookmark): the console's own page with its way
    home, not the framework's bare "Not Found". The URL map tries every real page first (a rule's static
    parts outrank a `path` converter). It names nothing of any tenant, so it needs no sign-in."""
    return refusal(404, "No such page in the console",
                   "Check the address, or go back to the console home and pick the page from its tabs.")
