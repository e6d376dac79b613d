"""Build the HubSpot project into tmp_path, check it offline, and show that tampering is caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli.manifests import manifests
from integrations.hubspot.manifests import (
    CARD_SOURCE_DIR,
    TEMPLATES_DIR,
    ManifestError,
    build_hubspot_project,
    card_api_base,
    check_hubspot_project,
    normalize_public_url,
    project_files,
)

PUBLIC_URL = "https://sales.example.com"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return build_hubspot_project(PUBLIC_URL, tmp_path / "hubspot")


def read(project: Path, rel: str) -> dict:
    return json.loads((project / rel).read_text())


def write(project: Path, rel: str, obj: dict) -> None:
    (project / rel).write_text(json.dumps(obj))


def test_build_renders_the_layout_and_passes_checks(project: Path) -> None:
    files = project_files(project)
    assert {
        "hsproject.json",
        "src/app/app-hsmeta.json",
        "src/app/cards/card-hsmeta.json",
        "src/app/cards/AgenticSalesCard.tsx",
        "src/app/cards/config.ts",
        "src/app/cards/package.json",
        "src/app/cards/package-lock.json",
        "src/app/webhooks/webhooks-hsmeta.json",
    } <= set(files)
    assert not [f for f in files if "/tests/" in f or "node_modules" in f or f.endswith("vitest.config.ts")]
    assert check_hubspot_project(project) == []
    assert check_hubspot_project(project, PUBLIC_URL) == []


def test_build_fills_the_public_url_everywhere(project: Path) -> None:
    assert read(project, "hsproject.json")["platformVersion"] == "2026.03"
    app = read(project, "src/app/app-hsmeta.json")["config"]
    assert app["distribution"] == "marketplace"
    assert app["auth"]["type"] == "oauth"
    assert app["auth"]["redirectUrls"] == [f"{PUBLIC_URL}/oauth/hubspot/callback"]
    assert app["permittedUrls"]["fetch"] == [PUBLIC_URL]
    assert {
        "oauth",
        "crm.objects.deals.read",
        "crm.objects.deals.write",
        "crm.objects.owners.read",
        "crm.schemas.deals.write",
    } <= set(app["auth"]["requiredScopes"])
    card = read(project, "src/app/cards/card-hsmeta.json")["config"]
    assert card["location"] == "crm.record.sidebar"
    assert set(card["objectTypes"]) == {"deals", "contacts", "companies"}
    webhooks = read(project, "src/app/webhooks/webhooks-hsmeta.json")
    assert webhooks["config"]["settings"]["targetUrl"] == f"{PUBLIC_URL}/webhooks/hubspot"
    template = json.loads((TEMPLATES_DIR / "webhooks-hsmeta.json").read_text())
    assert webhooks["config"]["subscriptions"] == template["config"]["subscriptions"]
    assert card_api_base(project) == PUBLIC_URL
    assert "{{PUBLIC_URL}}" not in "".join((project / f).read_text() for f in project_files(project))


def test_card_source_is_copied_verbatim(project: Path) -> None:
    for name in ("AgenticSalesCard.tsx", "api.ts", "package.json", "package-lock.json"):
        assert (project / "src/app/cards" / name).read_bytes() == (CARD_SOURCE_DIR / name).read_bytes()


def test_build_is_idempotent_and_prunes_stale_files(project: Path) -> None:
    before = {f: (project / f).read_bytes() for f in project_files(project)}
    (project / "src/app/cards/Old.tsx").write_text("stale")
    (project / "src/app/local.json").write_text('{"proxy": {}}')
    (project / "src/app/cards/node_modules/x").mkdir(parents=True)
    build_hubspot_project(PUBLIC_URL + "/", project)
    after = {f: (project / f).read_bytes() for f in project_files(project)}
    assert not (project / "src/app/cards/Old.tsx").exists()
    assert (project / "src/app/local.json").exists()  # the dev proxy map survives a rebuild
    assert (project / "src/app/cards/node_modules/x").is_dir()
    after.pop("src/app/local.json")
    assert after == before


def test_build_with_a_new_url_rewrites_it(project: Path) -> None:
    build_hubspot_project("https://other.example.org", project)
    assert card_api_base(project) == "https://other.example.org"
    assert check_hubspot_project(project) == []


def test_build_refuses_an_unrelated_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ManifestError, match="no hsproject.json"):
        build_hubspot_project(PUBLIC_URL, tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Sales.Example.com/", "https://sales.example.com"),
        ("https://sales.example.com/base/", "https://sales.example.com/base"),
        ("http://127.0.0.1:5000", "http://127.0.0.1:5000"),
        ("http://localhost:8080/", "http://localhost:8080"),
        ("http://[::1]:5000", "http://[::1]:5000"),
    ],
)
def test_public_url_normalised(url: str, expected: str) -> None:
    assert normalize_public_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://sales.example.com", "must use https"),
        ("http://10.0.0.5:5000", "must use https"),
        ("ftp://sales.example.com", "absolute https"),
        ("sales.example.com", "absolute https"),
        ("https://sales.example.com/?a=1", "query"),
    ],
)
def test_public_url_rejected(url: str, message: str) -> None:
    with pytest.raises(ManifestError, match=message):
        normalize_public_url(url)


# -- tampering: each row breaks one rule the checks must catch ------------------------------------


def _set(rel: str, path: tuple[str, ...], value: object):
    def tamper(project: Path) -> None:
        obj = read(project, rel)
        node = obj
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        write(project, rel, obj)

    return tamper


def _extra_top_level_key(project: Path) -> None:
    obj = read(project, "src/app/cards/card-hsmeta.json")
    obj["name"] = "top-level name"
    write(project, "src/app/cards/card-hsmeta.json", obj)


def _duplicate_uid(project: Path) -> None:
    obj = read(project, "src/app/cards/card-hsmeta.json")
    obj["uid"] = "agentic_sales_app"
    write(project, "src/app/cards/card-hsmeta.json", obj)


def _nested_hsmeta(project: Path) -> None:
    (project / "src/app/cards/deep").mkdir()
    obj = read(project, "src/app/cards/card-hsmeta.json")
    obj["uid"] = "nested_card"
    write(project, "src/app/cards/deep/nested-hsmeta.json", obj)


def _remove_entrypoint(project: Path) -> None:
    (project / "src/app/cards/AgenticSalesCard.tsx").unlink()


def _placeholder_left(project: Path) -> None:
    path = project / "src/app/cards/api.ts"
    path.write_text(path.read_text() + "\n// {{PUBLIC_URL}}\n")


def _wrong_api_base(project: Path) -> None:
    (project / "src/app/cards/config.ts").write_text("export const API_BASE = 'https://evil.example.net';\n")


def _broken_json(project: Path) -> None:
    (project / "src/app/webhooks/webhooks-hsmeta.json").write_text("{not json")


TAMPERS = {
    "extra top-level key": (_extra_top_level_key, "top-level keys"),
    "duplicate uid": (_duplicate_uid, "already used"),
    "nested hsmeta": (_nested_hsmeta, "directly in"),
    "bad card location": (
        _set("src/app/cards/card-hsmeta.json", ("config", "location"), "crm.sidebar"),
        "location",
    ),
    "missing entrypoint": (_remove_entrypoint, "does not exist"),
    "no object types": (_set("src/app/cards/card-hsmeta.json", ("config", "objectTypes"), []), "objectTypes"),
    "fetch url dropped": (
        _set("src/app/app-hsmeta.json", ("config", "permittedUrls", "fetch"), ["https://api.hubapi.com"]),
        "permittedUrls.fetch",
    ),
    "redirect elsewhere": (
        _set("src/app/app-hsmeta.json", ("config", "auth", "redirectUrls"), ["https://evil.example.net/cb"]),
        "redirect URL",
    ),
    "private oauth mismatch": (
        _set("src/app/app-hsmeta.json", ("config", "auth", "type"), "static"),
        "oauth",
    ),
    "webhook elsewhere": (
        _set(
            "src/app/webhooks/webhooks-hsmeta.json",
            ("config", "settings", "targetUrl"),
            "https://evil.example.net/wh",
        ),
        "targetUrl",
    ),
    "old platform": (_set("hsproject.json", ("platformVersion",), "2023.2"), "platformVersion"),
    "placeholder left": (_placeholder_left, "unrendered"),
    "card calls another origin": (_wrong_api_base, "API_BASE"),
    "broken json": (_broken_json, "not valid JSON"),
}


@pytest.mark.parametrize("name", sorted(TAMPERS))
def test_tampering_fails_the_checks(project: Path, name: str) -> None:
    tamper, message = TAMPERS[name]
    tamper(project)
    problems = check_hubspot_project(project, PUBLIC_URL)
    assert problems, name
    assert any(message in p for p in problems), problems


def test_missing_project_file(tmp_path: Path) -> None:
    assert check_hubspot_project(tmp_path) == ["hsproject.json: missing"]
    (tmp_path / "hsproject.json").write_text("[]")
    assert check_hubspot_project(tmp_path) == ["hsproject.json: top level must be an object"]


# -- CLI -----------------------------------------------------------------------------------------


def test_cli_build_prints_one_json_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        manifests, ["build", "--public-url", PUBLIC_URL, "--out", str(tmp_path / "p")]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    out = json.loads(lines[0])
    assert out["checks_passed"] is True
    assert out["out_dir"] == str((tmp_path / "p").resolve())
    assert "src/app/cards/card-hsmeta.json" in out["files"]


def test_cli_build_rejects_plain_http(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        manifests, ["build", "--public-url", "http://sales.example.com", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "https" in result.stderr


def test_cli_check_reports_problems(project: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(manifests, ["check", str(project)])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["checks_passed"] is True
    _remove_entrypoint(project)
    bad = runner.invoke(manifests, ["check", str(project), "--public-url", PUBLIC_URL])
    assert bad.exit_code == 1
    assert json.loads(bad.stdout)["checks_passed"] is False
    assert "does not exist" in bad.stderr
