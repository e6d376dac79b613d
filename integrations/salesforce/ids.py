"""Salesforce record ids: 15-character (case-sensitive) and 18-character (case-safe) forms.

A 15-character id is case-sensitive: `005000000000aBc` and `005000000000ABC` are two users. The
18-character form appends three characters that encode the case of the first fifteen (each 5-character
chunk's upper-case letters as a 5-bit number, least significant bit first, spelled in `A-Z0-5`), so
two different records differ in their 18-character ids even where case is ignored. That is the form to
store and compare ids by when anything downstream lower-cases or compares case-insensitively.
"""

from __future__ import annotations

import re

SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
"""The 32 characters that spell one 5-character chunk's case bits."""

_ID15 = re.compile(r"^[A-Za-z0-9]{15}$")
_ID18 = re.compile(r"^[A-Za-z0-9]{15}[A-Za-z0-5]{3}$")


class SalesforceIdError(ValueError):
    """A value that is not a Salesforce record id in either form."""


def case_suffix(id15: str) -> str:
    """The 3-character case-safe suffix of a 15-character id (its case matters).

    Raises:
        SalesforceIdError: not 15 letters and digits.
    """
    if not _ID15.match(id15):
        raise SalesforceIdError(f"{id15!r} is not a 15-character Salesforce id (15 letters and digits)")
    return "".join(
        SUFFIX_ALPHABET[sum(1 << j for j, ch in enumerate(id15[i * 5:(i + 1) * 5]) if "A" <= ch <= "Z")]
        for i in range(3))


def to_18(record_id: str) -> str:
    """The canonical 18-character id of a 15- or 18-character id.

    A 15-character id is taken with its case as given. An 18-character id may arrive in any case (a
    case-insensitive store, a lower-cased grant): its suffix says the case of the first fifteen
    characters, which is restored, so `to_18(x.lower()) == to_18(x)` for every 18-character `x`.

    Raises:
        SalesforceIdError: neither form, or an 18-character id whose suffix cannot be one.
    """
    rid = record_id.strip()
    if len(rid) == 15:
        return rid + case_suffix(rid)
    if not _ID18.match(rid):
        raise SalesforceIdError(f"{record_id!r} is not a Salesforce id (15 or 18 letters and digits)")
    suffix = rid[15:].upper()
    body = list(rid[:15])
    for i, code in enumerate(suffix):
        bits = SUFFIX_ALPHABET.index(code)
        for j in range(5):
            k = i * 5 + j
            upper = bool(bits >> j & 1)
            if upper and not body[k].isalpha():
                raise SalesforceIdError(f"{record_id!r} is not a Salesforce id: its last 3 characters mark "
                                        f"character {k + 1} ({body[k]!r}) as an upper-case letter")
            body[k] = body[k].upper() if upper else body[k].lower()
    return "".join(body) + suffix


__all__ = ["SUFFIX_ALPHABET", "SalesforceIdError", "case_suffix", "to_18"]
