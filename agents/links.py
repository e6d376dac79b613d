"""Links in a text, and whether the tenant's allow-list covers them.

A link is whatever a reader could follow: a URL with a scheme, `www.` anything, any host with a
path whatever its top-level domain ("northwind.box/deck"), or a bare host with a common one
("pay-brightlane.com"). Defanged spellings are undone before this runs (agents.normalize.defang).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

_TLDS = (r"com|io|net|org|co|de|fr|es|it|nl|be|at|ch|pl|se|no|dk|fi|pt|ie|us|ca|au|ru|cn|jp|in|br|mx|info|biz|"
         r"xyz|app|dev|ai|link|ly|me|site|online|eu|uk|box|help|cloud|live|page|pro|tech|top|tk|ml|ga|cf|gq|pw|"
         r"cc|tv|sh|zip|mov|click|support|secure|login|pay|shop|store|services|email|network|portal|docs|one|"
         r"today|world|biz|host|space|website|digital|agency|group|team|works|zone")
URL = re.compile(r"(?:https?|ftp)://[^\s)>\]]+|www\.[^\s)>\]]+|"
                  # any host with a path ("northwind.box/deck"), whatever its top-level domain
                  r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/[^\s)>\]]*|"
                  # a bare host ending in a known top-level domain ("pay-brightlane.com")
                  rf"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?![.\w-]*@)(?!\.\w)", re.I)


INLINE_URI = re.compile(r"\bdata:[a-z]+/[\w+.-]+[;,][^\s\"')>]{0,40}|\b(?:java|vb|live)script\s*:[^\s\"'>]{1,40}|"
                        r"\bfile:/{1,3}[^\s\"')>]{1,40}", re.I)
"""A link that carries its page or script inline, or points at the reader's own disk ("[the offer](javascript:...)",
"data:text/html;base64,..."): there is no host an allow-list could vouch for."""


_EMBEDDED = re.compile(r"(?:https?|ftp)(?::|%3a)(?://|%2f%2f)[^\s&#?]+|(?<=[=/])(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*"
                       rf"\.(?:{_TLDS})(?=$|[/&#?%])", re.I)
"""A link inside a link's path, query or fragment ("brightlane.io/r?to=https://northwind-payments.co", "...?u=evil.com"):
where a redirect-by-parameter sends the reader."""


def url_allowed(url: str, allowed: Iterable[str]) -> bool:
    """Tell whether `url` is on the allow-list: same host (or a subdomain of it), or under a prefix; and every
    link carried inside it (an open redirect's target, percent-encoded or not) is allowed too."""
    u = url.lower().rstrip(".,;:!?")
    rest = u.split("//", 1)[-1]
    cut = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    tail = rest[cut:]
    if tail:
        targets = _EMBEDDED.findall(unquote(unquote(tail)))
        if any(not url_allowed(t, allowed) for t in targets):
            return False
    return _host_allowed(u, allowed)


def _host_allowed(u: str, allowed: Iterable[str]) -> bool:
    bare = re.sub(r"^https?://", "", u)
    host = bare.split("/")[0].split(":")[0].removeprefix("www.")
    for a in allowed:
        a_bare = re.sub(r"^https?://", "", a).removeprefix("www.").rstrip("/")
        if "/" in a_bare:
            if bare.removeprefix("www.").startswith(a_bare):
                return True
        elif host == a_bare or host.endswith("." + a_bare):
            return True
    return False
