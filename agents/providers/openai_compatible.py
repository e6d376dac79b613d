"""Any OpenAI-compatible server (vLLM, Ollama, LM Studio): json_schema first, then JSON mode.

Many local servers reject `response_format: json_schema` (or `strict`) with a 400/422. The first
such rejection switches this provider, for the rest of its life, to JSON mode
(`{"type": "json_object"}`) with the schema spelled out in a system message, and if the server
lacks JSON mode too, to plain prompting; pydantic validates the answer in every mode.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from agents.errors import ProviderRejected
from agents.providers.base import Message, T, Usage, schema_name, strict_schema
from agents.providers.bounds import bounded_schema
from agents.providers.openai import OpenAIProvider

CONTEXT_PROBE_TIMEOUT_SECONDS = 3.0
"""How long asking the server for its context size may take, in seconds."""

MODES: tuple[str, ...] = ("json_schema", "json_object", "prompt")
"""Structured-output modes, tried in this order."""

_UNSUPPORTED_HINTS = ("response_format", "json_schema", "json_object", "structured", "not supported",
                      "unsupported", "unknown field", "extra inputs", "strict")


class OpenAICompatibleProvider(OpenAIProvider):
    """OpenAIProvider for a server that may lack structured outputs; falls back to JSON mode."""

    name = "openai_compatible"

    def __init__(self, *args: Any, seed: int | None = None, probe_context: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mode = MODES[0]
        self.seed = seed
        self._context_tokens: int | None = None
        self._context_known = not probe_context  # not asked: unknown, the configured budget stands

    def _extra_kwargs(self) -> dict[str, Any]:
        # A fixed seed makes a local model's answers repeatable (tests, benchmarks).
        return {"seed": self.seed} if self.seed is not None else {}

    def context_tokens(self, timeout: float = CONTEXT_PROBE_TIMEOUT_SECONDS) -> int | None:
        """Return the server's context size in tokens, when `GET /models` says (asked once).

        llama.cpp-style servers and ours report `context_length`, vLLM `max_model_len`; a server
        that reports neither (or cannot be reached) gives None, and the caller keeps its budget.
        """
        if not self._context_known:
            self._context_known = True
            try:
                page = self.client.models.list(timeout=timeout)
                for entry in getattr(page, "data", None) or []:
                    extra = entry.model_extra or {}
                    size = extra.get("context_length") or extra.get("max_model_len")
                    if entry.id == self.model or size:
                        self._context_tokens = int(size) if size else None
                        if entry.id == self.model:
                            break
            except Exception:  # noqa: BLE001 - any failure means "unknown", never a crash
                self._context_tokens = None
        return self._context_tokens

    def structured(
        self, messages: Sequence[Message], schema: type[T], *, role: str, timeout: float
    ) -> tuple[T, Usage]:
        """Ask for one `schema` instance in the best mode the server supports.

        Raises:
            ProviderError: as OpenAIProvider; ProviderRejected only when no mode is accepted.
        """
        while True:
            try:
                return self._call(messages, schema, role=role, timeout=timeout, **self._mode_args(schema, role))
            except ProviderRejected as exc:
                if self.mode == MODES[-1] or exc.status not in (400, 404, 415, 422, 500, 501) \
                        or not any(h in exc.message.lower() for h in _UNSUPPORTED_HINTS):
                    raise
                self.mode = MODES[MODES.index(self.mode) + 1]

    def response_format(self, schema: type[T], role: str | None = None) -> dict[str, Any]:
        """Return `response_format` with a schema bounded to fit the role's completion cap
        (see :func:`bounded_schema`)."""
        cap = self.max_output_tokens_by_role.get(role, self.max_output_tokens) if role else None
        return {"type": "json_schema", "json_schema": {
            "name": schema_name(schema), "strict": True,
            "schema": bounded_schema(strict_schema(schema), max_tokens=cap)}}

    def _mode_args(self, schema: type[T], role: str) -> dict[str, Any]:
        if self.mode == "json_schema":
            return {"response_format": self.response_format(schema, role)}
        instruction = (
            "Answer with one JSON object only, no prose and no code fence, matching this JSON "
            f"schema:\n{json.dumps(strict_schema(schema))}"
        )
        rf = {"type": "json_object"} if self.mode == "json_object" else None
        return {"response_format": rf, "extra_system": instruction}
