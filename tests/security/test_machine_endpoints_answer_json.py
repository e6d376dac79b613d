"""Every answer of a machine endpoint (`/webhooks/...`, `/api/...`) is JSON, whatever the method: a CRM's
retry logic, a DAST scan and an admin reading a proxy log all get a status and a reason, never an
HTML page or an empty `text/html` (Flask's automatic OPTIONS answer was one)."""

from __future__ import annotations

from typing import Any

import pytest

from app.machine_endpoints import is_machine_path

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def machine_rules(app: Any) -> list[tuple[str, frozenset[str]]]:
    """(a concrete path, its methods) of every machine route the app registers."""
    out = []
    for rule in app.url_map.iter_rules():
        path = rule.rule.replace("<crm>", "hubspot").replace("<org_id>", "00D5g000004ABCDEAW")
        path = path.replace("<secret>", "x")
        if is_machine_path(path) and "<" not in path:
            out.append((path, frozenset(rule.methods or ())))
    return out


def test_the_app_has_machine_routes_of_each_kind(app: Any) -> None:
    paths = [p for p, _m in machine_rules(app)]
    assert any(p.startswith("/webhooks/") for p in paths) and any(p.startswith("/api/") for p in paths), paths


def test_every_method_on_every_machine_route_answers_json(app: Any) -> None:
    client = app.test_client()
    not_json = []
    for path, _methods in machine_rules(app):
        for method in METHODS:
            resp = client.open(path, method=method)
            if not resp.is_json:
                not_json.append((method, path, resp.status_code, resp.content_type))
    assert not not_json, not_json


@pytest.mark.parametrize(
    "path",
    [
        "/webhooks/hubspot",
        "/webhooks/salesforce/callout",
        "/api/cards/hubspot",
        "/api/cards/salesforce/feedback",
    ],
)
def test_an_options_request_is_a_json_list_of_the_allowed_methods(app: Any, path: str) -> None:
    resp = app.test_client().open(path, method="OPTIONS")
    assert resp.status_code == 200 and resp.is_json, (resp.status_code, resp.content_type)
    allow = {m.strip() for m in resp.headers["Allow"].split(",")}
    assert set(resp.get_json()["allow"]) == allow and "OPTIONS" in allow
    assert resp.headers.get("Cache-Control") == "no-store"
    assert not [h for h in resp.headers.keys() if h.lower().startswith("access-control-")]


def test_a_page_keeps_its_own_options_and_error_answers(app: Any) -> None:
    # Only machine endpoints answer JSON: the console and the site keep the framework's answers.
    resp = app.test_client().open("/no-such-page", method="GET")
    assert resp.status_code == 404 and not resp.is_json


def test_a_head_request_refused_on_a_webhook_says_json_without_a_body(app: Any) -> None:
    resp = app.test_client().open("/webhooks/hubspot", method="HEAD")
    assert resp.status_code == 405 and resp.is_json and resp.data == b""
