"""Render the deployable HubSpot developer project and check it offline.

`build_hubspot_project(public_url, out_dir)` fills the templates in `manifests/hubspot/` with the
app's public URL and copies the card source from `ui_extensions/hubspot/` (without node_modules or
tests), giving the layout HubSpot's CLI uploads::

    hsproject.json
    src/app/app-hsmeta.json
    src/app/cards/card-hsmeta.json  + AgenticSalesCard.tsx, ..., config.ts (API_BASE), package.json
    src/app/webhooks/webhooks-hsmeta.json

`check_hubspot_project(dir)` runs what `hs project validate` would, as far as it can be done
without a HubSpot account (that command downloads its schemas with account auth).
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = REPO_ROOT / "manifests" / "hubspot"
CARD_SOURCE_DIR = REPO_ROOT / "ui_extensions" / "hubspot"

PLACEHOLDER = "{{PUBLIC_URL}}"
MIN_PLATFORM_VERSION = (2025, 2)
CARD_LOCATIONS = frozenset({"crm.record.tab", "crm.record.sidebar", "crm.preview", "helpdesk.sidebar"})
HSMETA_KEYS = frozenset({"uid", "type", "config"})

CARD_SOURCE_EXCLUDE = frozenset(
    {"node_modules", "tests", "vitest.config.ts", "run-checks.sh", "README.md", "config.ts", "coverage"}
)
"""Names under ui_extensions/hubspot that stay out of the deployable project (config.ts is rendered)."""

KEEP_ON_REBUILD = frozenset({"local.json", "node_modules"})
"""Names in an existing output tree that a rebuild leaves alone (dev proxy map, installed packages)."""

# (template, path in the project) in build order; the card source goes beside card-hsmeta.json.
LAYOUT: tuple[tuple[str, str], ...] = (
    ("hsproject.json", "hsproject.json"),
    ("app-hsmeta.json", "src/app/app-hsmeta.json"),
    ("card-hsmeta.json", "src/app/cards/card-hsmeta.json"),
    ("webhooks-hsmeta.json", "src/app/webhooks/webhooks-hsmeta.json"),
)
CARD_DIR = "src/app/cards"


def watched_properties(object_type: str, *, templates: Path = TEMPLATES_DIR) -> frozenset[str]:
    """Properties of `object_type` whose change sends the app a webhook (its active propertyChange
    subscriptions in webhooks-hsmeta.json, the file the app is deployed with)."""
    data = json.loads((templates / "webhooks-hsmeta.json").read_text())
    subs = (data.get("config") or {}).get("subscriptions") or {}
    return frozenset(
        str(sub["propertyName"]) for group in subs.values() for sub in group
        if sub.get("active", True) and sub.get("propertyName")
        and sub.get("subscriptionType") in (f"{object_type}.propertyChange", "object.propertyChange")
        and sub.get("objectType", object_type) == object_type)


class ManifestError(ValueError):
    """The public URL or the output directory cannot be used for a build."""


def normalize_public_url(public_url: str) -> str:
    """Validate the app's public base URL and return it without a trailing slash.

    Args:
        public_url: e.g. ``https://sales.example.com`` or, for local work, ``http://127.0.0.1:5000``.

    Returns:
        The URL with scheme and host lower-cased and no trailing slash.

    Raises:
        ManifestError: not https (unless the host is loopback), no host, or a query/fragment.
    """
    parts = urlsplit(public_url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in {"https", "http"} or not host:
        raise ManifestError(f"public URL must be an absolute https:// URL, got {public_url!r}")
    if scheme == "http" and not _is_loopback(host):
        raise ManifestError(
            f"public URL must use https (http is allowed only on loopback), got {public_url!r}"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ManifestError(
            f"public URL must not carry credentials, a query or a fragment, got {public_url!r}"
        )
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    if ":" in host:  # IPv6 literal
        netloc = f"[{host}]" if parts.port is None else f"[{host}]:{parts.port}"
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def origin(url: str) -> str:
    """Return ``scheme://host[:port]`` of a URL (lower-cased, no path)."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _substitute(value: Any, public_url: str) -> Any:
    if isinstance(value, str):
        return value.replace(PLACEHOLDER, public_url)
    if isinstance(value, list):
        return [_substitute(item, public_url) for item in value]
    if isinstance(value, dict):
        return {key: _substitute(item, public_url) for key, item in value.items()}
    return value


def _dump(obj: Any) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def render_card_config(public_url: str) -> str:
    """Return the card's generated ``config.ts`` pointing hubspot.fetch() at the backend."""
    return (
        "// Generated by `agentic-sales manifests build`; do not edit. The backend origin the card\n"
        "// calls through hubspot.fetch() (listed in the app's permittedUrls.fetch).\n"
        f"export const API_BASE = {json.dumps(public_url)};\n"
    )


def _walk(root: Path, skip: frozenset[str]) -> Iterator[Path]:
    """Yield files under ``root`` (relative, sorted), never entering a folder named in ``skip``."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in skip)
        base = Path(folder).relative_to(root)
        for name in sorted(names):
            if name not in skip:
                yield base / name


def _card_sources(card_dir: Path) -> Iterator[Path]:
    return _walk(card_dir, CARD_SOURCE_EXCLUDE)


def render_hubspot_project(
    public_url: str, *, templates: Path = TEMPLATES_DIR, card_source: Path = CARD_SOURCE_DIR
) -> dict[str, bytes]:
    """Return every file of the project as ``{relative path: content}`` without touching disk.

    Args:
        public_url: the app's public base URL (validated by `normalize_public_url`).
        templates: folder with the ``*.json`` templates.
        card_source: the card's source folder.

    Raises:
        ManifestError: bad public URL, or a template is missing.
    """
    url = normalize_public_url(public_url)
    files: dict[str, bytes] = {}
    for template, target in LAYOUT:
        source = templates / template
        if not source.is_file():
            raise ManifestError(f"template missing: {source}")
        files[target] = _dump(_substitute(json.loads(source.read_text("utf-8")), url)).encode()
    for rel in _card_sources(card_source):
        files[f"{CARD_DIR}/{rel.as_posix()}"] = (card_source / rel).read_bytes()
    files[f"{CARD_DIR}/config.ts"] = render_card_config(url).encode()
    return files


def build_hubspot_project(
    public_url: str, out_dir: Path, *, templates: Path = TEMPLATES_DIR, card_source: Path = CARD_SOURCE_DIR
) -> Path:
    """Render the deployable HubSpot project into ``out_dir`` (idempotent).

    A rebuild rewrites every generated file, deletes files the build no longer produces, and keeps
    ``local.json`` and ``node_modules`` (left there by ``hs project dev``).

    Args:
        public_url: the app's public base URL; https, or http on loopback.
        out_dir: project root to create or refresh; an existing non-empty folder must already
            hold an ``hsproject.json`` (so a typo cannot wipe an unrelated folder).

    Returns:
        ``out_dir`` as an absolute path.

    Raises:
        ManifestError: bad public URL, missing templates, or an unrelated non-empty ``out_dir``.
    """
    files = render_hubspot_project(public_url, templates=templates, card_source=card_source)
    out = Path(out_dir).resolve()
    if out.exists() and not out.is_dir():
        raise ManifestError(f"output path is not a directory: {out}")
    if out.is_dir() and any(out.iterdir()) and not (out / "hsproject.json").is_file():
        raise ManifestError(f"refusing to build into non-empty {out}: it holds no hsproject.json")
    for rel, content in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != content:
            target.write_bytes(content)
    _prune(out, set(files))
    return out


def _prune(out: Path, keep: set[str]) -> None:
    src = out / "src"
    if not src.is_dir():
        return
    for rel in _walk(src, KEEP_ON_REBUILD):
        if (Path("src") / rel).as_posix() not in keep:
            (src / rel).unlink()
    folders = []
    for folder, dirs, _names in os.walk(src):
        dirs[:] = [d for d in dirs if d not in KEEP_ON_REBUILD]
        folders.append(Path(folder))
    for path in sorted(folders, reverse=True):  # children sort after their parents
        if path != src and not any(path.iterdir()):
            path.rmdir()


def project_files(project_dir: Path) -> list[str]:
    """List a project's files (relative, sorted), leaving out node_modules."""
    return sorted(rel.as_posix() for rel in _walk(Path(project_dir), frozenset({"node_modules"})))


# -- offline checks ---------------------------------------------------------------------------

_API_BASE = re.compile(r"""export\s+const\s+API_BASE\s*=\s*["']([^"']+)["']""")


def card_api_base(project_dir: Path) -> str | None:
    """Return the ``API_BASE`` the built card calls, or None if its config.ts is missing."""
    config = Path(project_dir) / CARD_DIR / "config.ts"
    if not config.is_file():
        return None
    match = _API_BASE.search(config.read_text("utf-8"))
    return match.group(1) if match else None


def _platform_ok(version: Any) -> bool:
    match = re.fullmatch(r"(\d{4})\.(\d{1,2})(-beta)?", str(version))
    return match is not None and (int(match.group(1)), int(match.group(2))) >= MIN_PLATFORM_VERSION


def check_hubspot_project(project_dir: Path, public_url: str | None = None) -> list[str]:
    """Check a rendered HubSpot project offline; return one message per problem (empty = pass).

    Checks: hsproject.json (srcDir, platformVersion >= 2025.2); every ``*-hsmeta.json`` parses,
    has only ``uid``/``type``/``config`` at top level, sits directly in its feature folder and has a
    unique uid; exactly one app, in ``src/app/``; card locations are valid and entry points exist;
    ``permittedUrls.fetch`` holds the public URL's origin; redirect URLs and the webhook targetUrl
    are on the public URL; no ``{{PUBLIC_URL}}`` left anywhere.

    Args:
        project_dir: the project root (holding hsproject.json).
        public_url: the URL the project must point at; defaults to the card's generated API_BASE.
    """
    root = Path(project_dir)
    problems: list[str] = []
    project = _load_json(root / "hsproject.json", problems)
    if not isinstance(project, dict):
        if project is not None:
            problems.append("hsproject.json: top level must be an object")
        return problems
    src = root / str(project.get("srcDir", ""))
    if not project.get("name"):
        problems.append("hsproject.json: name is missing")
    if not project.get("srcDir") or not src.is_dir():
        problems.append(f"hsproject.json: srcDir {project.get('srcDir')!r} is not a folder")
        return problems
    if not _platform_ok(project.get("platformVersion")):
        problems.append(
            f"hsproject.json: platformVersion {project.get('platformVersion')!r} is not 2025.2 or later"
        )

    if public_url is None:
        public_url = card_api_base(root)
        if public_url is None:
            problems.append(f"{CARD_DIR}/config.ts: no API_BASE; pass the public URL to check against")
    url = None
    if public_url:
        try:
            url = normalize_public_url(public_url)
        except ManifestError as exc:
            problems.append(str(exc))

    components = _check_hsmeta_files(root, src, problems)
    apps = [(path, comp) for path, comp in components if comp.get("type") == "app"]
    if len(apps) != 1:
        problems.append(f"expected exactly one app component, found {len(apps)}")
    for path, comp in apps:
        if path.parent != src / "app":
            problems.append(
                f"{_rel(root, path)}: the app's hsmeta must sit directly in {_rel(root, src / 'app')}"
            )
        _check_app(_rel(root, path), comp.get("config", {}), url, problems)
    for path, comp in components:
        if comp.get("type") == "card":
            _check_card(_rel(root, path), comp.get("config", {}), src, problems)
        elif comp.get("type") == "webhooks":
            _check_webhooks(_rel(root, path), comp.get("config", {}), url, problems)
    if url and (api_base := card_api_base(root)) and not _on_url(api_base, url):
        problems.append(f"{CARD_DIR}/config.ts: API_BASE {api_base!r} is not the public URL {url!r}")
    for rel in project_files(root):
        if rel.endswith((".json", ".ts", ".tsx")) and PLACEHOLDER in (root / rel).read_text("utf-8"):
            problems.append(f"{rel}: unrendered {PLACEHOLDER}")
    return problems


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _load_json(path: Path, problems: list[str]) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        problems.append(f"{path.name}: missing")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        problems.append(f"{path.name}: not valid JSON ({exc})")
    return None


def _check_hsmeta_files(root: Path, src: Path, problems: list[str]) -> list[tuple[Path, dict[str, Any]]]:
    components: list[tuple[Path, dict[str, Any]]] = []
    seen: dict[str, str] = {}
    for found in _walk(src, frozenset({"node_modules"})):
        if not found.name.endswith("-hsmeta.json"):
            continue
        path = src / found
        rel = _rel(root, path)
        depth = len(path.relative_to(src).parts)
        if depth not in (2, 3):  # app/app-hsmeta.json or app/<feature>/<name>-hsmeta.json
            problems.append(f"{rel}: hsmeta files must sit directly in app/ or in app/<feature>/")
        comp = _load_json(path, problems)
        if not isinstance(comp, dict):
            if comp is not None:
                problems.append(f"{rel}: top level must be an object")
            continue
        if set(comp) != HSMETA_KEYS:
            problems.append(f"{rel}: top-level keys must be exactly uid, type, config; found {sorted(comp)}")
        uid = comp.get("uid")
        if not isinstance(uid, str) or not uid:
            problems.append(f"{rel}: uid must be a non-empty string")
        elif uid in seen:
            problems.append(f"{rel}: uid {uid!r} already used by {seen[uid]}")
        else:
            seen[uid] = rel
        if not isinstance(comp.get("type"), str) or not isinstance(comp.get("config"), dict):
            problems.append(f"{rel}: type must be a string and config an object")
            continue
        components.append((path, comp))
    if not components:
        problems.append(f"{_rel(root, src)}: no *-hsmeta.json components")
    return components


def _on_url(candidate: str, url: str) -> bool:
    return candidate == url or candidate.startswith(url + "/")


def _check_app(rel: str, config: dict[str, Any], url: str | None, problems: list[str]) -> None:
    auth = config.get("auth") or {}
    if config.get("distribution") not in {"private", "marketplace"}:
        problems.append(f"{rel}: distribution must be 'private' or 'marketplace'")
    if config.get("distribution") == "marketplace" and auth.get("type") != "oauth":
        problems.append(f"{rel}: a marketplace app needs auth.type 'oauth'")
    scopes = auth.get("requiredScopes")
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        problems.append(f"{rel}: auth.requiredScopes must be a list of strings")
    fetch = (config.get("permittedUrls") or {}).get("fetch") or []
    if url and origin(url) not in {origin(u) for u in fetch if isinstance(u, str)}:
        problems.append(f"{rel}: permittedUrls.fetch {fetch} does not hold {origin(url)}")
    redirects = auth.get("redirectUrls") or []
    if auth.get("type") == "oauth" and not redirects:
        problems.append(f"{rel}: auth.redirectUrls is empty")
    for redirect in redirects:
        if url and not _on_url(str(redirect), url):
            problems.append(f"{rel}: redirect URL {redirect!r} is not on the public URL {url!r}")


def _check_card(rel: str, config: dict[str, Any], src: Path, problems: list[str]) -> None:
    if config.get("location") not in CARD_LOCATIONS:
        problems.append(f"{rel}: location {config.get('location')!r} is not one of {sorted(CARD_LOCATIONS)}")
    if not config.get("name"):
        problems.append(f"{rel}: name is missing")
    entry = config.get("entrypoint")
    if not isinstance(entry, str) or not entry.startswith("/"):
        problems.append(f"{rel}: entrypoint must be a path relative to srcDir starting with '/'")
    elif not (src / entry.lstrip("/")).is_file():
        problems.append(f"{rel}: entrypoint {entry} does not exist")
    elif not (src / entry.lstrip("/")).parent.joinpath("package.json").is_file():
        problems.append(f"{rel}: no package.json beside the entrypoint {entry}")
    types = config.get("objectTypes")
    if not isinstance(types, list) or not types or not all(isinstance(t, str) and t for t in types):
        problems.append(f"{rel}: objectTypes must be a non-empty list of object type names")


def _check_webhooks(rel: str, config: dict[str, Any], url: str | None, problems: list[str]) -> None:
    target = (config.get("settings") or {}).get("targetUrl")
    if not isinstance(target, str) or not target:
        problems.append(f"{rel}: settings.targetUrl is missing")
    elif url and not _on_url(target, url):
        problems.append(f"{rel}: targetUrl {target!r} is not on the public URL {url!r}")
    subscriptions = config.get("subscriptions")
    if not isinstance(subscriptions, dict) or not any(subscriptions.values()):
        problems.append(f"{rel}: subscriptions is empty")


# The names the CLI looks for in a CRM's project module (app/connectors/projects.json).
build_project = build_hubspot_project
check_project = check_hubspot_project
LOOPBACK_NOTE = (
    "HubSpot accepts only https URLs (never localhost) in permittedUrls.fetch; a loopback build is for "
    "offline checks and the demo. For `hs project dev`, build with the https URL and map it to the local "
    "server in src/app/local.json.")
