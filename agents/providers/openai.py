"""OpenAI provider: chat.completions with a strict JSON schema built from the pydantic model.

The client is made by :func:`make_openai_client` with the transport injectable and the SDK's own
retries off: the gateway retries once per failure kind (STYLE rule 14), so SDK retries would
multiply with ours.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

import httpx
import openai as openai_sdk

from agents.errors import MalformedResponse, OutputInvalid, Refusal
from agents.providers._vendor import VendorSettings, translate_sdk_error
from agents.providers.base import (
    Message,
    T,
    Usage,
    billed_usage,
    parse_output,
    schema_name,
    strict_schema,
)


def make_openai_client(
    *, api_key: str | None, base_url: str | None = None, http_client: httpx.Client | None = None,
    timeout: float = 30.0,
) -> openai_sdk.OpenAI:
    """Build an OpenAI client with an explicit timeout and no SDK-level retries.

    Args:
        api_key: OPENAI_API_KEY (any placeholder for a local OpenAI-compatible server).
        base_url: OPENAI_BASE_URL or a local server's URL; the SDK default when None.
        http_client: injected `httpx.Client` (tests pass one with a MockTransport).
        timeout: default per-request timeout in seconds (each call passes its own as well).
    """
    return openai_sdk.OpenAI(api_key=api_key, base_url=base_url, http_client=http_client,
                             timeout=timeout, max_retries=0)


class OpenAIProvider(VendorSettings[openai_sdk.OpenAI]):
    """Structured outputs through `response_format={"type": "json_schema", strict: true}`."""

    name = "openai"

    def response_format(self, schema: type[T]) -> dict[str, Any]:
        """Return the `response_format` parameter for `schema`."""
        return {"type": "json_schema", "json_schema": {
            "name": schema_name(schema), "strict": True, "schema": strict_schema(schema)}}

    def structured(
        self, messages: Sequence[Message], schema: type[T], *, role: str, timeout: float
    ) -> tuple[T, Usage]:
        """Ask for one `schema` instance.

        Raises:
            ProviderError: any subclass; Refusal when the model refuses, OutputInvalid when the
                answer is truncated or does not validate.
        """
        return self._call(messages, schema, role=role, timeout=timeout,
                          response_format=self.response_format(schema))

    def _call(self, messages: Sequence[Message], schema: type[T], *, role: str, timeout: float,
              response_format: dict[str, Any] | None, extra_system: str = "") -> tuple[T, Usage]:
        kwargs: dict[str, Any] = {
            "model": self.model, "messages": chat_payload(messages, extra_system), "timeout": timeout,
            "max_completion_tokens": self.output_tokens(role), **self.sampling()}
        if response_format is not None:
            kwargs["response_format"] = response_format
        kwargs.update(self._extra_kwargs())
        started = time.monotonic()
        try:
            resp = self.client.chat.completions.create(**kwargs)
        except openai_sdk.OpenAIError as exc:
            raise translate_sdk_error(exc, openai_sdk, provider=self.name, model=self.model) from exc
        latency_ms = int((time.monotonic() - started) * 1000)
        where = {"provider": self.name, "model": self.model, "request_id": getattr(resp, "_request_id", None)}
        choice = first_choice(resp, **where)
        if getattr(choice.message, "refusal", None):
            raise Refusal(f"the model refused: {choice.message.refusal}", **where)
        if choice.finish_reason == "content_filter":
            raise Refusal("the vendor's content filter stopped the answer", **where)
        raw = choice.message.content or ""
        usage_block = getattr(resp, "usage", None)
        usage = billed_usage(self.prices, provider=self.name, model=self.model, role=role, latency_ms=latency_ms,
                             reported=(_count(usage_block, "prompt_tokens"), _count(usage_block, "completion_tokens")),
                             sent=json.dumps(kwargs["messages"]), answer=raw)
        try:
            if choice.finish_reason == "length":
                raise OutputInvalid("the answer was cut off at the token limit", raw=raw,
                                    errors=["the answer was cut off at the token limit: answer shorter"], **where)
            return parse_output(raw, schema, provider=self.name, model=self.model,
                                strip_fence=response_format is None), usage
        except OutputInvalid as exc:
            exc.usage = usage  # type: ignore[attr-defined]  # the invalid answer still cost tokens
            raise

    def _extra_kwargs(self) -> dict[str, Any]:
        """Vendor-specific request parameters (none for OpenAI)."""
        return {}


def chat_payload(messages: Sequence[Message], extra_system: str = "") -> list[dict[str, str]]:
    """Return the messages as role/content dicts with exactly one system message, first.

    Some chat templates (and servers) reject a second system message or one that is not first,
    so every system text, plus `extra_system` (the JSON-mode instruction), is merged into one.
    """
    system = [m.content for m in messages if m.role == "system" and m.content]
    if extra_system:
        system.append(extra_system)
    rest = [{"role": m.role, "content": m.content} for m in messages if m.role != "system"]
    return ([{"role": "system", "content": "\n\n".join(system)}] if system else []) + rest


def first_choice(resp: Any, **where: Any) -> Any:
    """Return the completion's first choice, or raise MalformedResponse for a 200 that has none.

    The SDK hands back the decoded text when a 200 is not JSON (a proxy's HTML page), and a
    model object with missing fields when the JSON is not a completion.
    """
    if isinstance(resp, str | bytes):
        snippet = " ".join(str(resp[:80]).split())
        raise MalformedResponse(f"the server answered 200 with a body that is not a chat completion: {snippet!r}",
                                **where)
    choices = getattr(resp, "choices", None)
    if not choices:
        raise MalformedResponse("the server answered 200 with no choices", **where)
    choice = choices[0]
    if getattr(choice, "message", None) is None:
        raise MalformedResponse("the server answered 200 with a choice that has no message", **where)
    return choice


def _count(block: Any, name: str) -> int | None:
    """A token count from a reply's usage block, None when the block or the count is missing."""
    value = getattr(block, name, None)
    return int(value) if isinstance(value, int) else None
