"""Anthropic provider: a forced tool call whose `input_schema` is the pydantic model's schema.

`tool_choice={"type": "tool", "name": ...}` makes the model answer by calling that one tool, so
the answer arrives as the tool_use block's `input` (already parsed JSON). SDK retries are off for
the same reason as the OpenAI provider's.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

import anthropic as anthropic_sdk
import httpx

from agents.errors import OutputInvalid, Refusal
from agents.providers._vendor import VendorSettings, translate_sdk_error
from agents.providers.base import (
    Message,
    T,
    Usage,
    billed_usage,
    inline_refs,
    parse_output,
    schema_name,
    strict_schema,
    vendor_messages,
)


def make_anthropic_client(
    *, api_key: str | None, http_client: httpx.Client | None = None, timeout: float = 30.0
) -> anthropic_sdk.Anthropic:
    """Build an Anthropic client with an explicit timeout and no SDK-level retries.

    Args:
        api_key: ANTHROPIC_API_KEY.
        http_client: injected `httpx.Client` (tests pass one with a MockTransport).
        timeout: default per-request timeout in seconds (each call passes its own as well).
    """
    return anthropic_sdk.Anthropic(api_key=api_key, http_client=http_client, timeout=timeout, max_retries=0)


class AnthropicProvider(VendorSettings[anthropic_sdk.Anthropic]):
    """Structured outputs through one forced tool call."""

    name = "anthropic"

    def tool(self, schema: type[T]) -> dict[str, Any]:
        """Return the tool definition that carries `schema`."""
        return {"name": schema_name(schema),
                "description": f"Record the answer. {(schema.__doc__ or '').strip()}",
                "input_schema": inline_refs(strict_schema(schema))}

    def structured(
        self, messages: Sequence[Message], schema: type[T], *, role: str, timeout: float
    ) -> tuple[T, Usage]:
        """Ask for one `schema` instance.

        Raises:
            ProviderError: any subclass; Refusal on `stop_reason == "refusal"`, OutputInvalid when
                no tool call came back, it was cut off, or its input does not validate.
        """
        system, rest = vendor_messages(messages)
        name = schema_name(schema)
        started = time.monotonic()
        try:
            extra: dict[str, Any] = {"system": system} if system else {}  # the API rejects an empty system
            extra.update(self.sampling())
            resp = self.client.messages.create(
                model=self.model, max_tokens=self.output_tokens(role),
                messages=rest,
                tools=[self.tool(schema)], tool_choice={"type": "tool", "name": name}, timeout=timeout, **extra,
            )
        except anthropic_sdk.AnthropicError as exc:
            raise translate_sdk_error(exc, anthropic_sdk, provider=self.name, model=self.model) from exc
        latency_ms = int((time.monotonic() - started) * 1000)
        where = {"provider": self.name, "model": self.model, "request_id": getattr(resp, "_request_id", None)}
        if resp.stop_reason == "refusal":
            raise Refusal("the model refused", **where)
        calls = [b for b in resp.content if b.type == "tool_use" and b.name == name]
        text = "".join(getattr(b, "text", "") for b in resp.content if b.type == "text")
        block = getattr(resp, "usage", None)
        counts = tuple(getattr(block, n, None) for n in ("input_tokens", "output_tokens"))
        answer = text + "".join(json.dumps(c.input) for c in calls)
        usage = billed_usage(self.prices, provider=self.name, model=self.model, role=role, latency_ms=latency_ms,
                             reported=(counts[0] if isinstance(counts[0], int) else None,
                                       counts[1] if isinstance(counts[1], int) else None),
                             sent=system + json.dumps(rest), answer=answer)
        try:
            if not calls:
                raise OutputInvalid("the model did not call the answer tool", raw=text, **where)
            if resp.stop_reason == "max_tokens":
                raise OutputInvalid("the answer was cut off at the token limit",
                                    raw=json.dumps(calls[0].input), **where)
            return parse_output(calls[0].input, schema, provider=self.name, model=self.model), usage
        except OutputInvalid as exc:
            exc.usage = usage  # type: ignore[attr-defined]  # the invalid answer still cost tokens
            raise
