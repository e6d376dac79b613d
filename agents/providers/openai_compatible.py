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
from agents.providers.base import Message, T, Usage, strict_schema
from agents.providers.openai import OpenAIProvider

MODES: tuple[str, ...] = ("json_schema", "json_object", "prompt")
"""Structured-output modes, tried in this order."""

_UNSUPPORTED_HINTS = ("response_format", "json_schema", "json_object", "structured", "not supported",
                      "unsupported", "unknown field", "extra inputs", "strict")


class OpenAICompatibleProvider(OpenAIProvider):
    """OpenAIProvider for a server that may lack structured outputs; falls back to JSON mode."""

    name = "openai_compatible"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mode = MODES[0]

    def structured(
        self, messages: Sequence[Message], schema: type[T], *, role: str, timeout: float
    ) -> tuple[T, Usage]:
        """Ask for one `schema` instance in the best mode the server supports.

        Raises:
            ProviderError: as OpenAIProvider; ProviderRejected only when no mode is accepted.
        """
        while True:
            try:
                return self._call(messages, schema, role=role, timeout=timeout, **self._mode_args(schema))
            except ProviderRejected as exc:
                if self.mode == MODES[-1] or exc.status not in (400, 404, 415, 422, 500, 501) \
                        or not any(h in exc.message.lower() for h in _UNSUPPORTED_HINTS):
                    raise
                self.mode = MODES[MODES.index(self.mode) + 1]

    def _mode_args(self, schema: type[T]) -> dict[str, Any]:
        if self.mode == "json_schema":
            return {"response_format": self.response_format(schema)}
        instruction = (
            "Answer with one JSON object only, no prose and no code fence, matching this JSON "
            f"schema:\n{json.dumps(strict_schema(schema))}"
        )
        rf = {"type": "json_object"} if self.mode == "json_object" else None
        return {"response_format": rf, "extra_system": instruction}
