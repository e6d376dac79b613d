"""A segment of a reference code that only looks like digits standing in for letters (issue 11, wave 34, set 43's 069).

agents.names reads a token of letters and the digits 0 1 3 4 5 7 as a word in disguise ("fr33", "k0st3nl0s",
"3inb4u"). A proposal or invoice reference is built of such tokens: "NW-4E1A-2026" holds "4E1A", a hexadecimal-looking
segment whose digits read as "aeia", no word. A token is taken for a code's segment when it has no lower-case letter,
is joined by a hyphen, an underscore, a slash or "#" to another part of the code, and what its digits spell is no
common word in our languages: "FR33-M0NTHS" spells two words and stays a disguise.
"""

from __future__ import annotations

import re

_LEET_MAP = str.maketrans("013457", "oieast")
_JOINER = "-_/#"


def code_segment(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a leet-looking token, is a segment of a reference code (see the module docstring)."""
    token = text[start:end]
    if any(c.islower() for c in token):
        return False
    before = start >= 2 and text[start - 1] in _JOINER and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] in _JOINER and text[end + 1].isalnum()
    if not (before or after):
        return False
    # imported here: agents.vouched_vocabulary imports (through agents.facts) agents.names, which imports this module
    from agents.vouched_vocabulary import common_words

    spelled = token.translate(_LEET_MAP).lower()
    return not any(w in common_words() for w in re.findall(r"[a-z]{3,}", spelled))
