"""The revenue-ops and CRM-admin console: server-rendered pages under /admin (STYLE rule 3).

Every tenant page lives under `/admin/t/<tenant>/` and passes through `tenant_page`, which
refuses a session that may not see that tenant (403, or 404 for a tenant that does not exist)
and a role too weak for the page. Every POST of this blueprint is refused without the session's
CSRF token (400, with a page saying what to do). Sign-in: app/auth.py (operator token) and
app/admin/signin.py (through the CRM's OAuth); roles: app/admin/access.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from flask import Blueprint, g, redirect, render_template, request, send_file, url_for
from markupsafe import Markup, escape

from app.admin.access import Identity, at_least, current_identity, role_in
from app.admin.dates import when
from app.auth import csrf_ok, csrf_token
from app.storage import get_db
from app.storage.models import Tenant

bp = Blueprint("admin", __name__, template_folder="templates")


@bp.before_request
def _csrf() -> Any:
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    if not csrf_ok():
        return refusal(400, "This form expired or did not come from this console",
                       "Nothing was changed. Reload the page and submit the form again.")
    return None


@bp.after_request
def _no_store(resp: Any) -> Any:
    # Tenant data and CSRF tokens must not sit in shared caches or the back-forward cache.
    resp.headers.setdefault("Cache-Control", "no-store")
    resp.headers.setdefault("X-Frame-Options", "DENY")
    return resp


@bp.app_context_processor
def _template_globals() -> dict[str, Any]:
    return {"csrf_token": csrf_token, "person": person}


def person(user: str | None, *, with_id: bool = True) -> Markup:
    """A person of the current tenant as the console shows them: the CRM's name for a Salesforce User id
    (with the id after it, muted, where `with_id`: grants are made by id), else what sign-in named."""
    from flask import current_app

    from app.admin.people import names

    if not user:
        return Markup("–")
    tenant = getattr(g, "tenant", None)
    found = names(current_app, tenant.id, tenant.crm, [user]) if tenant is not None else {}
    name = found.get(user)
    if not name:
        return Markup(escape(user))
    if not with_id:
        return Markup('<span title="{}">{}</span>').format(user, name)
    return Markup('{} <span class="muted">({})</span>').format(name, user)


_CODE_SPAN = re.compile(r"`([^`]+)`")


@bp.app_template_filter("code_spans")
def code_spans(text: str) -> Markup:
    """Help texts are written once for the CLI, the docs and the console, with names in backticks
    (`discount_cap`); the console shows them as code instead of as raw Markdown. Escaped first, so
    a backtick never lets a help text inject markup."""
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(text))))


_DEAL_WORD = re.compile(r"\b(deal|deals|Deal|Deals)\b")


@bp.app_template_filter("crm_words")
def crm_words(text: str, deal: Mapping[str, str] | None) -> str:
    """A help text or label written once for every CRM ("Deals worth more than this go to a human") in the tenant's
    CRM's word for a deal (`deal`: app.connectors.deal_noun; a Salesforce admin reads "Opportunities"). Names in
    backticks and setting keys (`min_closed_deals`) are left as they are: they are what the admin types."""
    if not deal:
        return text
    by = {"deal": deal["one"], "deals": deal["many"], "Deal": deal["One"], "Deals": deal["Many"]}
    parts = str(text).split("`")
    return "`".join(_DEAL_WORD.sub(lambda m: by[m[1]], part) if i % 2 == 0 else part for i, part in enumerate(parts))


_TAG = re.compile(r"(<[^>]*>)")
_VERBATIM = ("code", "svg", "style", "script")
_READ_ATTRIBUTES = re.compile(r"""(\s(?:alt|title|aria-label)=)(['"])(.*?)\2""", re.DOTALL)
"""Attributes whose value a reader hears or sees as text (a chart's alternative, a tooltip)."""


def crm_words_html(html: str, deal: Mapping[str, str] | None) -> str:
    """`crm_words` over the text of an HTML fragment the scoring package renders once for every CRM (a model card:
    "Measured on a holdout of 400 deals", "Days since last deal won") and over the attributes read as text (a
    chart's `alt`, a `title`, an `aria-label`): never a tag's name or other attributes, nor what is inside <code>,
    <svg>, <style> or <script>."""
    return _text_in_words(html, deal, _VERBATIM)


def crm_words_svg(svg: str, deal: Mapping[str, str] | None) -> str:
    """`crm_words` over the text a chart draws (its title, axis labels and factor labels: matplotlib writes them as
    <text> with the fonts left to the browser): the chart of "Deal amount" beside a table of "Opportunity
    amount" in a Salesforce org's model card. Never a tag, nor a <style> or <script>."""
    return _text_in_words(svg, deal, ("style", "script"))


def _text_in_words(markup: str, deal: Mapping[str, str] | None, verbatim: tuple[str, ...]) -> str:
    if not deal:
        return markup
    out, inside = [], 0
    for part in _TAG.split(markup):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name[1].lower() in verbatim and not part.endswith("/>"):
                inside += -1 if part.startswith("</") else 1
            out.append(part if inside > 0 else _READ_ATTRIBUTES.sub(
                lambda m: f"{m[1]}{m[2]}{crm_words(m[3], deal)}{m[2]}", part))
        else:
            out.append(part if inside > 0 else crm_words(part, deal))
    return "".join(out)


bp.add_app_template_filter(when, "when")

_STATIC = Path(__file__).parent / "static"
FAVICONS = {"favicon.svg": "image/svg+xml", "favicon.ico": "image/vnd.microsoft.icon"}
"""The app's icon, at the site's root: a browser asks /favicon.ico on every page it opens (it was a 404
on each console page); the console's pages name the SVG in their <head>."""


def favicon(name: str) -> Any:
    resp = send_file(_STATIC / name, mimetype=FAVICONS[name], max_age=86_400)
    return resp


@bp.record_once
def _favicon_routes(state: Any) -> None:
    for name in FAVICONS:
        state.app.add_url_rule(f"/{name}", f"favicon_{name.split('.')[1]}", functools.partial(favicon, name))


def refusal(status: int, title: str, detail: str, *, retry: tuple[str, str] | None = None) -> Any:
    """A clear HTML page for a refused request (never a stack trace, never another tenant's name).

    ``retry`` is a (href, link text) the person can follow to try again, e.g. the install link."""
    return render_template("admin/refused.html", title=title, detail=detail, status=status, retry=retry), status


def signed_in(view: Callable[..., Any]) -> Callable[..., Any]:
    """Send anonymous browsers to the sign-in page (and back here afterwards)."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        identity = current_identity()
        if identity is None:
            if request.method == "GET":
                return redirect(url_for("admin_auth.login", next=request.full_path.rstrip("?")))
            return refusal(401, "You are not signed in", "Sign in again, then repeat what you were doing.")
        g.identity = identity
        return view(*args, **kwargs)

    return wrapper


def tenant_page(needed: str = "viewer") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Scope a view to the `tenant` in its URL and require at least the role `needed` there."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @signed_in
        @functools.wraps(view)
        def wrapper(tenant: str, *args: Any, **kwargs: Any) -> Any:
            identity: Identity = g.identity
            with get_db().session() as s:
                row = s.get(Tenant, tenant)
                role = role_in(s, identity, tenant) if row is not None else None
                if row is not None:
                    s.expunge(row)
            if row is None:
                return refusal(404, "No such tenant", "Check the address, or pick a tenant from the list.")
            if role is None:
                return refusal(403, "This page belongs to another account",
                               "You are signed in for a different CRM account. Sign in from the account "
                               "whose settings you want to see.")
            if not at_least(role, needed):
                return refusal(403, f"Your role ({role}) cannot do this",
                               f"This needs the {needed} role; ask an admin of this account to grant it.")
            g.tenant, g.role = row, role
            return view(tenant, *args, **kwargs)

        return wrapper

    return decorate


from app.admin import learning_page, settings_pages, signin, views  # noqa: E402,F401  (route modules register on bp)
