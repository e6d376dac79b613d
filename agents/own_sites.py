"""The buyer's own website named bare, by the domain its people write from (issue 11, wave 41, inj53: set 53's 048
and 049: "your own booking page on harbordental.co.uk", "Die Standorte übernehme ich von Ihrer Fuhrparkseite auf
mueller-logistik.de", both asked for by the buyer, were refused as links no allow-list holds).

A link is refused unless the tenant allows it, because a planted link sends the buyer somewhere an attacker chose. The
buyer's own domain is no such place when the record itself holds it: every contact's e-mail address is on it (two at
least: one patched address vouches for nothing) and it spells the company's name ("harbordental" for Harbor Dental
Group, "dlevante" for Distribuciones Levante). Only the bare domain is vouched for ("harbordental.co.uk",
"www.mueller-logistik.de/"): a path or a query on it ("harbordental.co.uk/reset?to=...") is a page nobody named, and
a look-alike domain ("harbordental-support.co.uk") spells something else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_TRANSLITERATED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_BARE = re.compile(r"(?:https?://)?(?:www\.)?(?P<host>[a-z0-9.-]+?)/?", re.I)


def _folded_words(name: str) -> list[list[str]]:
    """The name's words, lower-cased, in each spelling a domain takes: umlauts written out, or accents dropped."""
    low = name.lower()
    spellings = {low.translate(_TRANSLITERATED), low}
    out = []
    for s in spellings:
        plain = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
        out.append(re.findall(r"[a-z0-9]+", plain))
    return out


def _spells(label: str, words: list[str]) -> bool:
    """Whether `label` (hyphens dropped) is the name's first words, each written whole or by its initial, one whole."""
    target = label.replace("-", "")

    def walk(i: int, rest: str, whole: bool) -> bool:
        if not rest:
            return whole
        if i == len(words):
            return False
        w = words[i]
        return (rest.startswith(w) and walk(i + 1, rest[len(w):], whole or len(w) >= 4)) or \
            (rest.startswith(w[0]) and walk(i + 1, rest[1:], whole))

    return bool(words) and walk(0, target, False)


def own_sites(company: str | None, contact_emails: Iterable[str | None]) -> frozenset[str]:
    """The buyer's own domain when the record vouches for it, or nothing."""
    domains = [e.rsplit("@", 1)[-1].lower() for e in contact_emails if e and "@" in e]
    if len(domains) < 2 or len(set(domains)) != 1 or not company:
        return frozenset()
    domain = domains[0]
    label = domain.split(".")[0]
    return frozenset({domain}) if any(_spells(label, words) for words in _folded_words(company)) else frozenset()


def names_own_site(url: str, sites: frozenset[str]) -> bool:
    """Whether `url` is one of `sites` named bare (no path, no query, no subdomain but www)."""
    m = _BARE.fullmatch(url.rstrip(".,;:!?"))
    return m is not None and m.group("host").lower() in sites


_PAGE = re.compile(r"(?:https?://)?(?:www\.)?(?P<host>[a-z0-9.-]+)(?P<path>/[^?#]*)?", re.I)


def page_key(url: str) -> str | None:
    """A page on a site as one key, or None when it carries a query or a fragment: "https://www.x.com/locations/" and
    "x.com/locations," are one page (a comma or a period after a link is the sentence's, not the link's)."""
    m = _PAGE.fullmatch(url.rstrip(".,;:!?"))
    if m is None:
        return None
    return (m.group("host") + (m.group("path") or "").rstrip("/")).lower()


def buyers_own_pages(sites: frozenset[str], links: Iterable[str]) -> frozenset[str]:
    """The pages of the buyer's own site (`sites`) that the buyer's own e-mail links (wave 42, inj54: set 54's 048 and
    049, "the map at https://www.northwind-logistics.com/locations" in Dana's e-mail, repeated in the reply): a page the
    buyer sent is on the buyer's host, which no note can move. A query or a fragment is a page nobody vouched for (a
    redirect's target rides there), so only a bare path counts."""
    pages = (page_key(u) for u in links)
    return frozenset(p for p in pages if p and p.split("/")[0] in sites)


def names_buyers_page(url: str, pages: frozenset[str]) -> bool:
    """Whether `url` is one of the buyer's own `pages` (agents.own_sites.buyers_own_pages), however it is spelled."""
    return bool(pages) and page_key(url) in pages
