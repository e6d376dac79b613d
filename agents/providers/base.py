"""The LLMProvider interface of DESIGN.md, the Usage record, and helpers every provider shares.

A provider answers one structured request: messages in, a validated pydantic instance and a
:class:`Usage` out. Vendor providers make exactly one attempt and translate vendor errors into
agents.errors; retries, fallback, caching, limits and spend live in agents.providers.gateway.
"""

from __future__ import annotations

import copy
import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ValidationError

from agents.errors import OutputInvalid

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class Message:
    """One chat message. `data` is the structured input behind `content`; only offline reads it.

    Vendor providers send `role` and `content` only; `data` lets the offline provider build its
    answer from the same inputs the prompt was rendered from, without parsing prose.
    """

    role: str
    content: str
    data: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Usage:
    """What one call cost (DESIGN.md `Usage`), plus the role it served and whether it is estimated."""

    provider: str
    model: str
    input_tokens: int = 0
    output_tokens: int = 0
    latency_ms: int = 0
    cost_usd: float = 0.0
    cached: bool = False
    fallback_reason: str | None = None
    role: str = ""
    estimated: bool = False
    """True when the vendor's reply carried no token counts and these are estimated from the text."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict written to the audit log."""
        return asdict(self)


@runtime_checkable
class LLMProvider(Protocol):
    """Anything that can answer a structured request (DESIGN.md, LLMProvider)."""

    name: str
    model: str

    def structured(
        self, messages: Sequence[Message], schema: type[T], *, role: str, timeout: float
    ) -> tuple[T, Usage]: ...


@dataclass(frozen=True)
class PriceTable:
    """USD per million (input, output) tokens, keyed `provider:model` or `provider:*`."""

    prices: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    default: tuple[float, float] = (5.0, 15.0)

    def cost(self, provider: str, model: str, input_tokens: int, output_tokens: int) -> float:
        """Return the USD cost of a call (unknown models pay `default`, so caps still bite)."""
        pin, pout = self.prices.get(f"{provider}:{model}") or self.prices.get(f"{provider}:*") or self.default
        return round((input_tokens * pin + output_tokens * pout) / 1_000_000, 8)


ESTIMATE_CHARS_PER_TOKEN = 3.0
"""Characters per token when a vendor reply carries no token counts: prompts are mostly JSON,
which tokenizes at ~3 characters per token (agents/settings.py), so the estimate errs high."""


def billed_usage(
    prices: PriceTable, *, provider: str, model: str, role: str, latency_ms: int,
    reported: tuple[int | None, int | None], sent: Sequence[Message] | str, answer: str,
) -> Usage:
    """The Usage of one vendor answer: its reported token counts, or, when the reply has none
    (some proxies and compatible servers drop the block), an estimate from the text sent and
    received marked `estimated`, so a missing block never books a paid call as free."""
    tin, tout = reported
    estimated = tin is None or tout is None
    if tin is None:
        text = sent if isinstance(sent, str) else "".join(m.content for m in sent)
        tin = math.ceil(len(text) / ESTIMATE_CHARS_PER_TOKEN)
    if tout is None:
        tout = math.ceil(len(answer) / ESTIMATE_CHARS_PER_TOKEN)
    return Usage(provider=provider, model=model, input_tokens=tin, output_tokens=tout, latency_ms=latency_ms,
                 cost_usd=prices.cost(provider, model, tin, tout), role=role, estimated=estimated)


_UNSUPPORTED_STRICT_KEYS = ("default", "maxLength", "minLength", "title", "examples")


def strict_schema(schema: type[BaseModel]) -> dict[str, Any]:
    """Return the model's JSON schema made acceptable to OpenAI's strict structured outputs.

    Strict mode wants every object closed (`additionalProperties: false`) with every property
    listed in `required` (optional fields are nullable instead), and rejects keywords such as
    `default` or `maxLength`; pydantic still enforces those when the answer is validated.

    Each caller gets its own copy of the schema, worked out once per model class (wave 36: every call of a role
    built it again, a tenth of a replayed vendor call).
    """
    return copy.deepcopy(_strict_of(schema))


@functools.lru_cache(maxsize=64)
def _strict_of(schema: type[BaseModel]) -> dict[str, Any]:
    out = copy.deepcopy(schema.model_json_schema())

    def fix(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                fix(item)
            return
        if not isinstance(node, dict):
            return
        for key in _UNSUPPORTED_STRICT_KEYS:
            node.pop(key, None)
        if node.get("type") == "object" or "properties" in node:
            node["additionalProperties"] = False
            node["required"] = list(node.get("properties", {}))
        if "$ref" in node:
            # Strict mode rejects siblings of $ref (pydantic puts descriptions there).
            for key in [k for k in node if k != "$ref"]:
                node.pop(key)
        # `properties` and `$defs` map names to schemas: recurse into the schemas only, so a
        # property that happens to be called "title" or "default" is never stripped.
        for key, value in node.items():
            if key in ("properties", "$defs") and isinstance(value, dict):
                for sub in value.values():
                    fix(sub)
            else:
                fix(value)

    fix(out)
    return out


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """Return `schema` with every local `$ref` replaced by its definition and `$defs` dropped.

    Our output models are not recursive, so inlining terminates; it spares vendors whose tool
    schemas handle `$ref` poorly.
    """
    defs = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return walk(defs[node["$ref"].rsplit("/", 1)[-1]])
            return {k: walk(v) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(copy.deepcopy(schema))


def schema_name(schema: type[BaseModel]) -> str:
    """Return the vendor-facing name of a schema (letters, digits, `_` and `-` only)."""
    return schema.__name__


def parse_output(
    raw: str | Mapping[str, Any], schema: type[T], *, provider: str, model: str, strip_fence: bool = True,
) -> T:
    """Validate a model's answer against `schema`.

    `strip_fence` removes a ```json fence around the answer; pass False where the server enforced
    the format (a fenced answer then means the server ignored it, which should be seen).

    Raises:
        OutputInvalid: not JSON, or JSON that does not fit the schema; keeps the raw text.
    """
    text = raw if isinstance(raw, str) else json.dumps(raw)
    try:
        data = json.loads(_strip_code_fence(text) if strip_fence else text) if isinstance(raw, str) else dict(raw)
    except json.JSONDecodeError as exc:
        raise OutputInvalid(f"output is not JSON: {exc.msg}", raw=text, errors=[str(exc)],
                            provider=provider, model=model) from None
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        errors = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise OutputInvalid("output does not match the schema", raw=text, errors=errors,
                            provider=provider, model=model) from None


def _strip_code_fence(text: str) -> str:
    # Local models in JSON mode often wrap the object in a ```json fence anyway.
    t = text.strip()
    if t.startswith("```"):
        t = t.split("\n", 1)[1] if "\n" in t else ""
        t = t.rsplit("```", 1)[0]
    return t


def vendor_messages(messages: Sequence[Message]) -> tuple[str, list[dict[str, str]]]:
    """Split messages into (system text, the rest as role/content dicts)."""
    system = "\n\n".join(m.content for m in messages if m.role == "system")
    rest = [{"role": m.role, "content": m.content} for m in messages if m.role != "system"]
    return system, rest
