"""The offline provider: deterministic answers built from the real inputs, no network.

Each agent registers a builder for its output schema (`@register(AnalysisOut)`); the builder
reads the structured input the prompt was rendered from (`Message.data`), so the answer rests on
the same scores, factors, activity, stage, strategy and contact the vendor would have seen.
Everything it writes is labelled `generated_by: "offline-template"` by the agents.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from agents.errors import ConfigurationError
from agents.providers.base import Message, T, Usage
from agents.providers.tokens import DEFAULT_TOKENIZER

Builder = Callable[[Mapping[str, Any]], BaseModel]
BUILDERS: dict[type[BaseModel], Builder] = {}
"""Offline builder per output schema, filled by the agent modules at import."""

_AGENT_MODULES = ("agents.analyst", "agents.strategist", "agents.writer")


def register(schema: type[BaseModel]) -> Callable[[Builder], Builder]:
    """Register `fn` as the offline builder of `schema` (a decorator)."""

    def deco(fn: Builder) -> Builder:
        BUILDERS[schema] = fn
        return fn

    return deco


class OfflineProvider:
    """Answers from templates; never fails on a well-formed request, never costs anything."""

    name = "offline"

    def __init__(self, model: str = "template-v1") -> None:
        self.model = model

    def structured(
        self, messages: Sequence[Message], schema: type[T], *, role: str, timeout: float
    ) -> tuple[T, Usage]:
        """Build the answer from the last message that carries structured data.

        Raises:
            ConfigurationError: no builder for `schema`, or no message carries data.
        """
        started = time.monotonic()
        if schema not in BUILDERS:
            for name in _AGENT_MODULES:  # imported lazily: the agents import this module
                importlib.import_module(name)
        builder = BUILDERS.get(schema)
        data = next((m.data for m in reversed(messages) if m.data is not None), None)
        if builder is None or data is None:
            raise ConfigurationError(f"offline provider cannot answer {schema.__name__} without its inputs")
        instance = schema.model_validate(builder(data).model_dump())
        text_in = sum(DEFAULT_TOKENIZER.count(m.content) for m in messages)
        text_out = DEFAULT_TOKENIZER.count(instance.model_dump_json())
        return instance, Usage(provider=self.name, model=self.model, input_tokens=text_in,
                               output_tokens=text_out, latency_ms=int((time.monotonic() - started) * 1000),
                               cost_usd=0.0, role=role)
