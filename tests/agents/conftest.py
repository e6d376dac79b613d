"""Fixtures for the agents tests: the example record, a fixed clock, and scripted vendors.

A `Vendor` is an httpx.MockTransport handler that replays vendor-shaped responses in order (or
per requested schema) and records every request the real SDK built, so tests assert on both.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from agents.providers.anthropic import AnthropicProvider, make_anthropic_client
from agents.providers.openai import OpenAIProvider, make_openai_client
from agents.settings import AgentSettings
from integrations.base import Record

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def load_record(name: str = "hubspot_deal") -> tuple[Record, dict[str, Any] | None]:
    """Return (Record, scores) from tests/fixtures/records/<name>.json."""
    raw = json.loads((FIXTURES / "records" / f"{name}.json").read_text())
    return Record.from_dict(raw), raw.get("scores")


def openai_body(content: str | None, *, finish_reason: str = "stop", refusal: str | None = None,
                prompt_tokens: int = 900, completion_tokens: int = 150) -> dict[str, Any]:
    """A chat.completion object as the OpenAI API returns it."""
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": 1764000000, "model": "gpt-4o-mini",
            "choices": [{"index": 0, "finish_reason": finish_reason, "logprobs": None,
                         "message": {"role": "assistant", "content": content, "refusal": refusal}}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens}}


def anthropic_body(tool_input: dict[str, Any] | None, name: str, *, stop_reason: str = "tool_use",
                   text: str | None = None) -> dict[str, Any]:
    """A Messages API response carrying one tool_use block (or text only)."""
    content: list[dict[str, Any]] = []
    if text:
        content.append({"type": "text", "text": text})
    if tool_input is not None:
        content.append({"type": "tool_use", "id": "toolu_test", "name": name, "input": tool_input})
    return {"id": "msg_test", "type": "message", "role": "assistant", "model": "claude-haiku-4-5",
            "content": content, "stop_reason": stop_reason, "stop_sequence": None,
            "usage": {"input_tokens": 1100, "output_tokens": 210}}


def error_response(status: int, message: str, *, anthropic: bool = False,
                   headers: dict[str, str] | None = None) -> httpx.Response:
    """A vendor error response in each vendor's documented error shape."""
    if anthropic:
        kind = {429: "rate_limit_error", 529: "overloaded_error"}.get(status, "api_error")
        body = {"type": "error", "error": {"type": kind, "message": message}}
    else:
        body = {"error": {"message": message, "type": "server_error", "param": None, "code": None}}
    return httpx.Response(status, json=body, headers={"x-request-id": "req_test", "request-id": "req_test",
                                                      **(headers or {})})


Reply = httpx.Response | Callable[[httpx.Request], httpx.Response] | dict[str, Any] | Exception


class Vendor:
    """Scripted vendor: replies in order, or per schema name when `by_schema` is used."""

    def __init__(self, *replies: Reply) -> None:
        self.queue: deque[Reply] = deque(replies)
        self.by_schema: dict[str, deque[Reply]] = defaultdict(deque)
        self.requests: list[httpx.Request] = []

    @property
    def bodies(self) -> list[dict[str, Any]]:
        """JSON bodies of every request received."""
        return [json.loads(r.content) for r in self.requests]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        body = json.loads(request.content)
        name = (body.get("response_format") or {}).get("json_schema", {}).get("name") \
            or (body.get("tool_choice") or {}).get("name")
        if name is None and body.get("response_format", {}).get("type") == "json_object":
            name = "*json_object*"
        source = self.by_schema.get(name) if name is not None and self.by_schema.get(name) else self.queue
        if not source:
            raise AssertionError(f"unexpected request #{len(self.requests)} for {name}")
        reply = source.popleft()
        if isinstance(reply, Exception):
            raise reply
        if callable(reply) and not isinstance(reply, httpx.Response):
            return reply(request)
        if isinstance(reply, dict):
            return httpx.Response(200, json=reply, headers={"x-request-id": "req_ok", "request-id": "req_ok"})
        return reply

    def client(self) -> httpx.Client:
        """An httpx client whose transport is this vendor."""
        return httpx.Client(transport=httpx.MockTransport(self))


def openai_provider(vendor: Vendor, model: str = "gpt-4o-mini") -> OpenAIProvider:
    """An OpenAIProvider on the real SDK, talking to `vendor`."""
    return OpenAIProvider(make_openai_client(api_key="sk-test", http_client=vendor.client(), timeout=30.0), model)


def anthropic_provider(vendor: Vendor, model: str = "claude-haiku-4-5") -> AnthropicProvider:
    """An AnthropicProvider on the real SDK, talking to `vendor`."""
    return AnthropicProvider(make_anthropic_client(api_key="sk-ant-test", http_client=vendor.client(), timeout=30.0),
                             model)


class Sleeps(list):
    """Records requested backoff delays instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def record() -> Record:
    return load_record()[0]


@pytest.fixture
def scores() -> dict[str, Any] | None:
    return load_record()[1]


@pytest.fixture
def settings() -> AgentSettings:
    return AgentSettings(tenant_id="demo-portal-4471")


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


LONG_TEST_SECONDS = 600
"""A `-m slow` test given a timeout above this (`pytest.mark.timeout`) is one of the few long ones: it runs first."""


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the long slow tests first (stable otherwise). `make test-agents-heldout` runs on two processes, and the
    screen's rebuild test (258-272 s in wave 26's clean-clone CI, 4,374 offline runs since) was collected last: the
    other process finished the held-out floors and waited for it. Started first, it runs beside them."""
    def long(item: pytest.Item) -> bool:
        limit = item.get_closest_marker("timeout")
        return item.get_closest_marker("slow") is not None and bool(
            limit and limit.args and limit.args[0] > LONG_TEST_SECONDS)

    items[:] = [i for i in items if long(i)] + [i for i in items if not long(i)]
