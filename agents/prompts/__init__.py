"""Versioned prompt files: data, not f-strings (STYLE rule 19).

Each prompt is `<name>.v<N>.md` in this folder: a `version:` line, then a `## system` and a
`## user` section. Placeholders are `$name` (string.Template), filled only with text the agents
built; CRM text enters through `$data`, already fenced by agents.untrusted. The newest version
is used unless a caller pins one; the version is part of the cache key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

from agents.errors import ConfigurationError
from agents.providers.base import Message

PROMPT_DIR = Path(__file__).resolve().parent
"""Where the prompt files live."""


@dataclass(frozen=True)
class Prompt:
    """One version of one prompt."""

    name: str
    version: str
    system: str
    user: str

    def render(self, values: Mapping[str, str], data: Mapping[str, Any]) -> list[Message]:
        """Fill the placeholders and return (system, user) messages; `data` rides along for offline.

        Raises:
            ConfigurationError: a placeholder has no value.
        """
        try:
            system = Template(self.system).substitute(values)
            user = Template(self.user).substitute(values)
        except KeyError as exc:
            raise ConfigurationError(f"prompt {self.version} needs a value for {exc}") from None
        return [Message("system", system), Message("user", user, data)]


@cache
def load_prompt(name: str, version: int | None = None) -> Prompt:
    """Load a prompt by name, the newest version unless `version` pins one.

    Raises:
        ConfigurationError: no such prompt or version, or a malformed file.
    """
    found = sorted(((int(m.group(1)), p) for p in PROMPT_DIR.glob(f"{name}.v*.md")
                    if (m := re.fullmatch(rf"{re.escape(name)}\.v(\d+)\.md", p.name))), reverse=True)
    if version is not None:
        found = [(v, p) for v, p in found if v == version]
    if not found:
        raise ConfigurationError(f"no prompt {name!r}" + (f" version {version}" if version else ""))
    text = found[0][1].read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (system|user)\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S))
    head = re.search(r"^version:\s*(\S+)", text, flags=re.M)
    if not head or set(sections) != {"system", "user"}:
        raise ConfigurationError(f"prompt file {found[0][1].name} needs a version line and system/user sections")
    return Prompt(name, head.group(1), sections["system"].strip(), sections["user"].strip())
