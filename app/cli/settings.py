"""`agentic-sales tenants list`, `settings show|set|history|undo`, `mappings show|validate|set`.

Revenue ops' command line over the settings service (app/settings). The result is one JSON
document on stdout; bad input (an unknown key, a value out of range, an unknown tenant, a CRM
field the account does not have, the CRM not answering) exits 2 with one line on stderr naming
it. With only `AGENTIC_SALES_DATA_DIR` pointing at a demo's data directory, the commands act on
the demo's database (and `mappings set` asks the demo's sandbox for its fields).
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import click

EXIT_INPUT = 2
"""Exit code of bad input: a refused value, an unknown tenant or field, the CRM not answering."""


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    click.echo(f"error: {' '.join(str(message).split())}", err=True)
    sys.exit(code)


def _out(result: Any) -> None:
    click.echo(json.dumps(result, default=str))


def _app() -> Any:
    from app import logs
    from app.cli.target import command_app

    logs.configure("WARNING")  # short admin commands: the result, or one line saying what is wrong
    return command_app()


@contextmanager
def _service() -> Iterator[Any]:
    """The app, with the service's input errors turned into exit 2 and one line."""
    from app.config import ConfigError
    from app.settings import ConcurrentChangeError, CrmUnavailableError, SettingsError, UnknownTenantError
    from app.storage.crypto import TokenKeyError

    try:
        app = _app()
    except ConfigError as exc:
        _fail(str(exc))
    try:
        with app.app_context():
            yield app
    except (SettingsError, UnknownTenantError, CrmUnavailableError, TokenKeyError) as exc:
        _fail(str(exc))
    except ConcurrentChangeError as exc:
        _fail(str(exc), 1)
    # A database error is app.cli.main's one line naming DATABASE_URL and what to check (exit 2).


def _author(author: str | None) -> str:
    if author:
        return author
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name in a bare container
        return "cli"


def _pairs(items: Sequence[str], what: str, parse: Callable[[str, str], Any]) -> dict[str, Any]:
    if not items:
        _fail(f"give at least one {what}")
    out: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            _fail(f"expected {what}, got {item!r}")
        out[key.strip()] = parse(key.strip(), raw)
    return out


def _setting_value(key: str, raw: str) -> Any:
    """JSON when it parses, else the text; a comma list for list settings (`a,b`)."""
    from app.settings import TenantSettingsModel, parse_value

    value = parse_value(raw)
    field = TenantSettingsModel.model_fields.get(key.split(".")[0])
    if isinstance(value, str) and field is not None and "list[" in str(field.annotation) and "." not in key:
        value = [part.strip() for part in value.split(",") if part.strip()]
    return value


# -- tenants ------------------------------------------------------------------------------------

@click.group()
def tenants() -> None:
    """Installed CRM accounts."""


@tenants.command("list")
def tenants_list() -> None:
    """Every tenant: id, CRM, name, install time, status, settings version."""
    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import Installation, Tenant

    with _service() as app, get_db(app).session() as s:
        rows = s.execute(select(Tenant).order_by(Tenant.id)).scalars().all()
        installs: dict[str, Installation] = {}
        for row in s.execute(select(Installation).order_by(Installation.id)).scalars():
            installs[row.tenant_id] = row  # the newest installation of each tenant wins
        out = []
        for t in rows:
            inst = installs.get(t.id)
            out.append({"id": t.id, "crm": t.crm, "name": t.name, "account_id": t.external_id, "status": t.status,
                        "installed_at": inst.installed_at.isoformat() if inst else None,
                        "installed_by": inst.installed_by if inst else None,
                        "settings_version": t.settings_version})
    _out(out)


# -- settings -----------------------------------------------------------------------------------

TENANT = click.option("--tenant", "tenant_id", required=True, help="Tenant id, e.g. hubspot-62515 (see `tenants list`).")
AUTHOR = click.option("--author", default=None, help="Who makes the change (default: cli:<user name>).")


@click.group("settings")
def settings_group() -> None:
    """A tenant's settings: show, set, history, undo (versioned and audited)."""


@settings_group.command("show")
@TENANT
def settings_show(tenant_id: str) -> None:
    """The tenant's current settings and version."""
    from app import settings

    with _service() as app:
        snap = settings.get(app, tenant_id)
    _out({"tenant": tenant_id, "version": snap.version, "settings": snap.settings.model_dump(mode="json")})


@settings_group.command("set")
@TENANT
@AUTHOR
@click.argument("pairs", nargs=-1, metavar="KEY=VALUE...")
def settings_set(tenant_id: str, author: str | None, pairs: tuple[str, ...]) -> None:
    """Change settings, e.g. `discount_cap=0.15 tone=formal llm_roles.writer=openai:gpt-4o-mini`.

    Values are JSON when they parse (numbers, true/false, null, lists), else text; list settings
    also take `a,b,c`. Every change is validated together and stored as one new version.
    """
    from app import settings

    changes = _pairs(pairs, "KEY=VALUE", _setting_value)
    with _service() as app:
        before = settings.get(app, tenant_id)
        snap = settings.update(app, tenant_id, changes, author=_author(author))
        changed = settings.history(app, tenant_id, limit=1)[0].changes if snap.version != before.version else {}
    _out({"tenant": tenant_id, "version": snap.version, "changed": changed,
          "settings": snap.settings.model_dump(mode="json")})


@settings_group.command("history")
@TENANT
@click.option("--limit", type=click.IntRange(1, 10_000), default=None, help="Newest N versions only.")
def settings_history(tenant_id: str, limit: int | None) -> None:
    """Every version, newest first: who, when, what changed (settings and mappings)."""
    from app import settings

    with _service() as app:
        versions = settings.history(app, tenant_id, limit=limit)
    _out({"tenant": tenant_id, "versions": [v.as_json() for v in versions]})


@settings_group.command("undo")
@TENANT
@AUTHOR
@click.option("--to", "to_version", type=int, default=None, help="Version to return to (default: the previous).")
def settings_undo(tenant_id: str, author: str | None, to_version: int | None) -> None:
    """Return to an earlier version (settings and mappings), stored as a new version."""
    from app import settings

    with _service() as app:
        try:
            snap = settings.undo(app, tenant_id, author=_author(author), to_version=to_version)
        except settings.SettingsError as exc:
            # The service names its parameter (`to_version=-1 cannot be undone to`); a CLI user typed
            # `--to`, or nothing at all when the tenant has no earlier version.
            if exc.key != "to_version":
                raise
            if exc.problem == "cannot be undone to":
                first = settings.get(app, tenant_id).version
                _fail(f"nothing to undo: version {first} is the first version of {tenant_id}'s settings")
            raise settings.SettingsError("--to", to_version, exc.allowed, problem=exc.problem) from None
        top = settings.history(app, tenant_id, limit=1)[0]
    _out({"tenant": tenant_id, "version": snap.version, "changed": top.changes,
          "settings": snap.settings.model_dump(mode="json")})


# -- mappings -----------------------------------------------------------------------------------

OBJECT = click.option("--object", "object_type", default="deal", show_default=True,
                      help="CRM object type: deal, company, contact (what the CRM maps).")


@click.group("mappings")
def mappings_group() -> None:
    """A tenant's field mappings: canonical feature ← CRM field, checked against the CRM."""


def _mapping_json(entries: dict[str, Any]) -> dict[str, Any]:
    return {canonical: entry.as_json() for canonical, entry in sorted(entries.items())}


@mappings_group.command("show")
@TENANT
@OBJECT
def mappings_show(tenant_id: str, object_type: str) -> None:
    """The effective mapping: the CRM's defaults and the tenant's own entries (source)."""
    from app import settings

    with _service() as app:
        version = settings.get(app, tenant_id).version
        entries = settings.mappings(app, tenant_id, object_type)
    _out({"tenant": tenant_id, "object": object_type, "version": version, "mappings": _mapping_json(entries)})


@mappings_group.command("validate")
@TENANT
@click.option("--object", "object_type", default="deal", show_default=True,
              help="CRM object type, or `all` for every mapped one.")
def mappings_validate(tenant_id: str, object_type: str) -> None:
    """Check the mapping against the CRM's fields now; exits 1 when a mapped field is unusable."""
    from app import settings

    with _service() as app:
        problems = settings.validate_mappings(app, tenant_id, None if object_type == "all" else object_type)
    _out({"tenant": tenant_id, "object": object_type, "ok": not problems,
          "problems": [p.as_json() for p in problems]})
    if problems:
        sys.exit(1)


def _unfamiliar(changes: dict[str, str | None], had: set[str]) -> list[str]:
    """Features being mapped that neither the app nor this mapping knew: a typo ("amout") is accepted as a tenant's
    own feature (scoring reads any mapped feature), so the admin is told before a retraining takes it in."""
    from app.settings.mappings import FEATURE_KINDS
    from integrations.base import OUTPUT_FIELDS

    return sorted(f for f, field in changes.items()
                  if field is not None and f not in had and f not in FEATURE_KINDS and f not in OUTPUT_FIELDS)


@mappings_group.command("set")
@TENANT
@OBJECT
@AUTHOR
@click.argument("pairs", nargs=-1, metavar="FEATURE=CRM_FIELD...")
def mappings_set(tenant_id: str, object_type: str, author: str | None, pairs: tuple[str, ...]) -> None:
    """Map features onto CRM fields (checked against the live CRM); `FEATURE=` returns one to its default."""
    from app import settings

    changes = _pairs(pairs, "FEATURE=CRM_FIELD", lambda _k, raw: raw.strip() or None)
    with _service() as app:
        before = settings.get(app, tenant_id).version
        had = set(settings.mappings(app, tenant_id, object_type))
        entries = settings.set_mappings(app, tenant_id, object_type, changes, author=_author(author))
        version = settings.get(app, tenant_id).version
        changed = settings.history(app, tenant_id, limit=1)[0].changes if version != before else {}
    for feature in _unfamiliar(changes, had):
        click.echo(f"note: {feature!r} is none of the features the app knows and was not mapped before: it is "
                   f"stored as a feature of its own and models will train on it. If it is a typo, "
                   f"`mappings set --tenant {tenant_id} {feature}=` removes it.", err=True)
    _out({"tenant": tenant_id, "object": object_type, "version": version, "changed": changed,
          "mappings": _mapping_json(entries)})


commands = [tenants, settings_group, mappings_group]
