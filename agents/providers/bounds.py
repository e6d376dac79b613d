"""Length bounds added to the JSON schema sent to OpenAI-compatible servers.

Servers that enforce `json_schema` with a grammar (llama.cpp, vLLM, our tools/local-llm) also
enforce `maxLength` and `maxItems`; a small model that starts repeating itself inside a string
then stops at the bound instead of running to the token limit, and a whole answer fits the
per-role completion cap. The bounds are generous for what the prompts ask (the safety and
quality checks still judge the content); pydantic does not enforce them, so a longer answer
from a vendor that ignores them is still accepted.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

STRING_MAX_CHARS: Mapping[str, int] = {
    "summary": 420, "note": 140, "label": 80, "rationale": 420, "subject": 90, "body": 1500,
    "activity_id": 8, "at": 10, "strategy": 60, "recipient_contact_id": 40, "to_contact_id": 40,
}
"""Most characters per string property, by property name (prompts ask for far less)."""

STRING_FORMATS: Mapping[str, str] = {"at": "date"}
"""JSON-schema `format` per string property, instead of a length: measured on the local 0.5B
model, evidence dates came back as the activity's type ("page_view"), which the safety check then
rejected; a grammar for `date` makes a date the only possible answer."""

DEFAULT_STRING_MAX_CHARS = 300
"""Most characters of a string property not listed in STRING_MAX_CHARS."""

ARRAY_MAX_ITEMS = 3
"""Most items of any array property (evidence, signals): the card shows three at most."""

CHARS_PER_TOKEN = 3.0
"""Characters one completion token carries at least in these answers (Qwen's tokenizer gave ~4 on
English prose and ~3.3 on German and French, JSON escapes included): the conservative side, so a
string bound derived from a token cap always closes before the cap."""

STRUCTURE_TOKENS = 24
"""Completion tokens of an answer's JSON structure (braces, keys, quotes) besides its strings."""

SCALAR_CHARS = 12
"""Characters counted for a top-level number, boolean, enum or null value."""

MIN_FITTED_CHARS = 60
"""Shortest bound a fitted free-text string gets (a cap this tight is a configuration mistake)."""


def bounded_schema(schema: Mapping[str, Any], *, max_tokens: int | None = None) -> dict[str, Any]:
    """Return a copy of a JSON schema with `maxLength` on every string and `maxItems` on arrays.

    With `max_tokens` (the call's completion cap), the longest top-level string is also shortened
    until the top-level strings fit the cap (see :func:`fit_to_completion`): a grammar then closes
    the answer before the cap instead of the server cutting it off as invalid JSON.
    """
    out = copy.deepcopy(dict(schema))

    def walk(node: Any, name: str | None) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, name)
            return
        if not isinstance(node, dict):
            return
        kinds = node.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "string" in kinds and "enum" not in node:
            if (name or "") in STRING_FORMATS:
                node.setdefault("format", STRING_FORMATS[name or ""])
            else:
                node.setdefault("maxLength", STRING_MAX_CHARS.get(name or "", DEFAULT_STRING_MAX_CHARS))
        if "array" in kinds:
            node.setdefault("maxItems", ARRAY_MAX_ITEMS)
        for key, value in node.items():
            if key in ("properties", "$defs") and isinstance(value, dict):
                for sub_name, sub in value.items():
                    walk(sub, sub_name if key == "properties" else None)
            elif key in ("items", "anyOf", "oneOf", "allOf"):
                walk(value, name if key != "items" else None)

    walk(out, None)
    return fit_to_completion(out, max_tokens) if max_tokens else out


def fit_to_completion(schema: dict[str, Any], max_tokens: int) -> dict[str, Any]:
    """Shorten the longest top-level string bound of `schema` (in place) so that the top-level
    strings and scalars fit `max_tokens` completion tokens at CHARS_PER_TOKEN; return `schema`.

    Only the top level is counted: nested lists (evidence, signals) have short, capped items and a
    model fills a fraction of their worst case, while the one long free text of an answer (the
    writer's body, measured at ~270 of the 450 tokens) is what runs into the cap. At 450 tokens
    the writer's body is bounded at ~1,100 characters, at 180 tokens at ~300 (~50 words).
    """
    props = schema.get("properties") or {}
    strings = {k: v for k, v in props.items() if isinstance(v, dict) and "maxLength" in v}
    if not strings:
        return schema
    longest = max(strings, key=lambda k: strings[k]["maxLength"])
    room = (max_tokens - STRUCTURE_TOKENS) * CHARS_PER_TOKEN
    others = sum(v["maxLength"] for k, v in strings.items() if k != longest)
    others += SCALAR_CHARS * (len(props) - len(strings)) + sum(len(k) + 4 for k in props)
    fitted = max(MIN_FITTED_CHARS, int(room - others))
    strings[longest]["maxLength"] = min(strings[longest]["maxLength"], fitted)
    return schema
