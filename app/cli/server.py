"""`agentic-sales serve`, `worker` and `keys generate`."""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Mapping
from typing import Any

import click

from app import defaults
from app.config import PREFIX, ConfigError, require, validate_for_production
from app.storage.crypto import TokenKeyError

REQUIRED_SECRETS = {"web": ("SECRET_KEY", "TOKEN_KEY"), "worker": ("TOKEN_KEY",)}
"""Settings each process refuses to start without (outside the demo)."""


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
"""Interfaces only this machine reaches: where sandbox mode may serve."""


def check_secrets(cfg: Mapping[str, Any], *, role: str, listen_host: str | None = None) -> None:
    """Raise ConfigError for missing or weak secrets and missing CRM credentials (tests and the
    sandbox demo excepted; sandbox mode itself is refused on PostgreSQL, and for a web process
    anywhere but on loopback: `listen_host` None means gunicorn, whose bind is the proxy's)."""
    if role == "web" and cfg.get("SANDBOX_MODE") and not cfg.get("TESTING") and listen_host not in LOOPBACK_HOSTS:
        where = f"on {listen_host}" if listen_host else "under gunicorn (the production web server)"
        raise ConfigError(f"{PREFIX}_SANDBOX_MODE is on {where}: sandbox mode shows every account's deals and "
                          "cards to anyone and skips the secret checks; it is for the demo on 127.0.0.1 only; unset it")
    if not (cfg.get("TESTING") or cfg.get("SANDBOX_MODE")):
        require(cfg, *REQUIRED_SECRETS[role])  # every missing name in one line first
    validate_for_production(cfg, role=role)
    check_agent_settings(cfg)


def check_agent_settings(cfg: Mapping[str, Any]) -> None:
    """Raise ConfigError for an unusable LLM setting (`LLM_TEMPERATURE`, `LLM_TIMEOUT_<ROLE>`,
    `LLM_RUN_DEADLINE_SECONDS`, ...): the agents read them per job, so a typo surfaced only when the
    first record failed."""
    from agents.errors import ConfigurationError
    from agents.settings import AgentSettings

    try:
        settings = AgentSettings.from_mapping(cfg)
    except ConfigurationError as exc:
        raise ConfigError(f"{PREFIX}_{exc}") from None  # its messages start with the bare key
    check_role_providers(settings.roles, cfg)


def check_role_providers(roles: Mapping[str, str], cfg: Mapping[str, Any]) -> None:
    """Raise ConfigError for a role spec naming an unknown provider or a vendor whose key is not set.

    Such a role never errs at run time: every run falls back to the offline template with a reason
    on the run, so a deployment that meant to use a vendor ran offline for days unnoticed.
    """
    import os

    from agents.errors import ConfigurationError
    from agents.providers.resolve import VENDOR_NEEDS, missing_setting, parse_spec

    env = dict(os.environ)  # what the runs read, with the app config's spellings of the same names
    for key in VENDOR_NEEDS.values():
        value = cfg.get(key) or cfg.get(f"{PREFIX}_{key}")
        if value:
            env[key] = str(value)
    for role, spec in roles.items():
        name = f"{PREFIX}_LLM_{role.upper()}"
        try:
            pairs = parse_spec(spec)
        except ConfigurationError as exc:
            raise ConfigError(f"{name}={spec!r}: {exc}") from None
        for provider, _model in pairs:
            missing = missing_setting(provider, env)
            if missing:
                raise ConfigError(f"{name}={spec!r} uses {provider}, but {missing} is not set "
                                  f"(set it, or unset {name} to draft with the offline provider)")


def check_services(database_url: str, redis_url: str | None) -> None:
    """Raise ConfigError when the database cannot be reached or its schema is not this version's,
    or when Redis cannot be reached: the process would start and then fail every request and job
    (an unmigrated database only showed as "sweep failed" tracebacks every few seconds)."""
    from sqlalchemy import create_engine, pool
    from sqlalchemy.engine import make_url

    from app.storage import migrate

    shown = make_url(database_url).render_as_string(hide_password=True)
    url = make_url(database_url)
    # A firewalled host would otherwise hold the start for the driver's own (long) timeout.
    connect_args = {"connect_timeout": 10} if url.get_backend_name() == "postgresql" else {}
    engine = create_engine(url, poolclass=pool.NullPool, connect_args=connect_args)
    try:
        revision = migrate.current_revision(engine)
    except Exception as exc:  # any driver error: the one line says what the driver said
        raise ConfigError(f"cannot reach the database at DATABASE_URL ({shown}): {_first_line(exc)}") from None
    finally:
        engine.dispose()
    problem = migrate.schema_problem(revision, migrate.head_revision())
    if problem:
        raise ConfigError(f"{problem} (DATABASE_URL {shown})")
    if redis_url:
        from redis import Redis

        client = Redis.from_url(redis_url, socket_connect_timeout=defaults.HEALTH_TIMEOUT_SECONDS,
                                socket_timeout=defaults.HEALTH_TIMEOUT_SECONDS)
        try:
            client.ping()
        except Exception as exc:
            raise ConfigError(f"cannot reach Redis at REDIS_URL ({_hide_password(redis_url)}): "
                              f"{_first_line(exc)}") from None
        finally:
            client.close()


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _hide_password(url: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def check_web_start() -> None:
    """gunicorn's `on_starting` hook (gunicorn.conf.py): the web checks `serve` makes, in the
    master before any worker boots. A refusal raised in a booting worker printed a traceback per
    worker before gunicorn gave up with exit code 3."""
    from app.config import load

    try:
        cfg = load(None)
        check_secrets(cfg, role="web")
        check_services(cfg["DATABASE_URL"], cfg.get("REDIS_URL"))
    except (ConfigError, TokenKeyError) as exc:
        fail(str(exc))


def stop_on_sigterm() -> None:
    """Make SIGTERM stop this process the way Ctrl-C does (KeyboardInterrupt in the main thread).

    The default action ends the process at once: no `finally`, no atexit, so the agent processes
    of its embedded worker (app/pipeline/agent_procs) were left running on their own.
    """
    import signal
    import threading

    def interrupt(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():  # only there can a handler be set
        signal.signal(signal.SIGTERM, interrupt)


def whole_number_setting(name: str, default: str) -> int:
    """The environment variable `name` as a whole number >= 1, or one error line and exit code 2.

    gunicorn's process and thread counts: a typo was a traceback from gunicorn's config loader."""
    import os

    raw = os.environ.get(name, default)
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        fail(f"{name}={raw!r} must be a whole number of at least 1")
    return value


def fail(message: str, code: int = 2) -> None:
    """Print one line on stderr and exit non-zero (no traceback)."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def unusable_address(host: str, port: int) -> str | None:
    """Why the server could not listen on (host, port), or None: werkzeug would print two lines of
    its own and exit, after the app had started."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        return f"unknown host ({exc.strerror or exc})"
    family, *_, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as werkzeug binds
        try:
            sock.bind(address)
        except OSError as exc:
            return "the port is in use by another program" if exc.errno == errno.EADDRINUSE else str(exc.strerror or exc)
    return None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=defaults.DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
def serve(host: str, port: int) -> None:
    """Serve the app (with an in-process worker unless REDIS_URL is set)."""
    from werkzeug.serving import make_server

    from app import create_app, logs
    from app.storage import get_db, migrate

    logs.configure()
    try:
        app = create_app()
        check_secrets(app.config, role="web", listen_host=host)
        if get_db(app).dialect == "sqlite":
            migrate.upgrade(app.config["DATABASE_URL"])  # embedded default: keep the schema current
        check_services(app.config["DATABASE_URL"], app.config.get("REDIS_URL"))
    except (ConfigError, TokenKeyError) as exc:  # the cipher is built in create_app, before the checks
        fail(str(exc))
        return
    problem = unusable_address(host, port)
    if problem:
        fail(f"cannot listen on {host}:{port}: {problem} (choose another with --port)")
        return
    stop_on_sigterm()
    server = make_server(host, port, app, threaded=True)
    url = f"http://{host}:{server.server_port}"
    click.echo(json.dumps({"url": url, "healthz": f"{url}/healthz"}))
    sys.stdout.flush()
    if not app.config.get("REDIS_URL"):
        from app.dispatch import get_dispatcher

        get_dispatcher(app).backend.start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopping", err=True)
    finally:
        server.server_close()
        hand_over_embedded_jobs(app)


def hand_over_embedded_jobs(app: Any) -> int:
    """A clean stop of a serving process (`serve`, or a gunicorn worker of `web` without REDIS_URL): its embedded
    worker hands over the record jobs it holds, so a restart takes them at its first sweep instead of after the
    120 s lease (which stays the rule after a crash). With REDIS_URL the process runs no job (RQ's workers do) and
    holds nothing. Returns the records handed over."""
    from app.dispatch import get_dispatcher
    from app.dispatch.inprocess import InProcessBackend

    backend = get_dispatcher(app).backend
    if not isinstance(backend, InProcessBackend):
        return 0
    return backend.hand_over(defaults.SHUTDOWN_WAIT_SECONDS)


@click.command()
@click.option("--with-scheduler", is_flag=True, help="Also run RQ's scheduler and the inbox sweeper.")
@click.option("--burst", is_flag=True, help="Exit when the queue is empty.")
def worker(with_scheduler: bool, burst: bool) -> None:
    """Run an RQ worker on the configured Redis (scale by running more)."""
    from app import create_app, logs
    from app.dispatch.rq_backend import run_worker

    logs.configure()
    try:
        app = create_app({"START_WORKER": False})
        check_secrets(app.config, role="worker")
        if not app.config.get("REDIS_URL"):
            raise ConfigError("REDIS_URL is not set: separate workers need Redis (`agentic-sales serve` runs an "
                              "in-process worker on its own)")
        check_services(app.config["DATABASE_URL"], app.config["REDIS_URL"])
    except (ConfigError, TokenKeyError) as exc:
        fail(str(exc))
        return
    run_worker(app, with_scheduler=with_scheduler, burst=burst)


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("gunicorn_args", nargs=-1, type=click.UNPROCESSED)
def web(gunicorn_args: tuple[str, ...]) -> None:
    """Run the production web server: gunicorn with gunicorn.conf.py (the Procfile's `web`).

    WEB_CONCURRENCY processes x WEB_THREADS threads on PORT; extra arguments go to gunicorn.
    """
    import os
    from pathlib import Path

    # gunicorn's own settings module reads WEB_CONCURRENCY when it is imported, before any config
    # file: checked here, a typo is one line instead of gunicorn's traceback.
    whole_number_setting("WEB_CONCURRENCY", defaults.WEB_CONCURRENCY)
    whole_number_setting("WEB_THREADS", defaults.WEB_THREADS)
    conf = Path("gunicorn.conf.py")
    if not conf.is_file():
        fail(f"no gunicorn.conf.py in {Path.cwd()}: run `agentic-sales web` from the app's directory "
             "(where the Procfile is)")
        return
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, "-m", "gunicorn", "-c", str(conf), *gunicorn_args, "wsgi:app"])


@click.group()
def keys() -> None:
    """Manage encryption keys."""


@keys.command("generate")
def keys_generate() -> None:
    """Print a new AGENTIC_SALES_TOKEN_KEY (a Fernet key)."""
    from app.storage.crypto import generate_key

    click.echo(generate_key())


@keys.command("rotate")
def keys_rotate() -> None:
    """Re-encrypt every stored CRM token with the first AGENTIC_SALES_TOKEN_KEY (after putting a new key first).

    Prints what it found; exits 2 when a token no listed key opens (naming its tenants). Idempotent: run it
    until `old_keys_needed` is false, then drop the old key from the list and restart web and workers.
    """
    from app.cli.settings import _service
    from app.storage import get_db
    from app.storage.key_rotation import rotate_tokens

    with _service() as app, get_db(app).session() as s:
        report = rotate_tokens(s, str(app.config.get("TOKEN_KEY") or ""))
    click.echo(json.dumps(report.as_dict()))
    if report.unreadable:
        fail(f"the tokens of {', '.join(sorted(set(report.unreadable)))} open with no key in AGENTIC_SALES_TOKEN_KEY: "
             "put back the key that encrypted them (after the new one), or install the app again in those accounts")


commands = [serve, web, worker, keys]
