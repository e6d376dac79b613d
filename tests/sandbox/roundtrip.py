"""Round-trip a raw sandbox response through an SDK model and back, and compare.

`to_model` deserialises with the SDK's own ApiClient (client-side validation on), so a missing
required field or a wrong type raises. `assert_round_trip` serialises the model back with the
SDK and checks it equals the raw JSON, allowing only the SDK's known lossy spots: it drops
`null`-valued fields, it re-renders datetimes in Python's ISO form, and it types v4
`toObjectId`/`fromObjectId` as strings where HubSpot sends numbers.
"""

from __future__ import annotations

import json
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import dateutil.parser

NUMERIC_STRING_KEYS = {"toObjectId", "fromObjectId"}


def to_model(api_client: Any, raw: bytes | str, type_name: str) -> Any:
    """Deserialise raw JSON bytes into the named SDK model with the client's configuration."""
    data = raw if isinstance(raw, bytes) else raw.encode()
    return api_client.deserialize(SimpleNamespace(data=data), type_name)


def _same(raw: Any, back: Any, path: str, extra_ok: set[str]) -> None:
    if isinstance(raw, dict):
        assert isinstance(back, dict), path
        for key, value in raw.items():
            if key not in back:
                assert value is None or key in extra_ok, f"{path}.{key} lost in the SDK model"
                continue
            _same(value, back[key], f"{path}.{key}", extra_ok)
        assert set(back) <= set(raw), f"{path}: SDK invented {set(back) - set(raw)}"
    elif isinstance(raw, list):
        assert isinstance(back, list) and len(raw) == len(back), path
        for i, (a, b) in enumerate(zip(raw, back, strict=True)):
            _same(a, b, f"{path}[{i}]", extra_ok)
    elif isinstance(back, str) and isinstance(raw, str) and raw != back and "T" in raw:
        assert dateutil.parser.isoparse(raw) == dateutil.parser.isoparse(back), path
    elif path.rsplit(".", 1)[-1] in NUMERIC_STRING_KEYS:
        assert str(raw) == str(back), path
    else:
        assert raw == back, f"{path}: {raw!r} != {back!r}"


def assert_round_trip(api_client: Any, raw: bytes | str, type_name: str, extra_ok: set[str] = frozenset()) -> Any:
    """Deserialise, serialise back with the SDK, and assert equality with the raw body."""
    model = to_model(api_client, raw, type_name)
    back = json.loads(json.dumps(api_client.sanitize_for_serialization(model), default=_iso))
    _same(json.loads(raw), back, "$", set(extra_ok))
    return model


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value))
