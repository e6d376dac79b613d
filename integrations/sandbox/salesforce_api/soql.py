"""The SOQL subset the Salesforce adapter sends, parsed and evaluated over the sandbox org.

Supported: `SELECT` of fields, parent fields through a relationship (`Account.Name`,
`Contact.Email` inside a child query) and child sub-queries
(`(SELECT ... FROM OpportunityHistories ORDER BY CreatedDate)`); `FROM` one sObject; `WHERE`
with AND/OR (no parentheses), operators = != < > <= >= IN, NOT IN, LIKE and literals
('text', numbers, true/false/null, dates and datetimes); `ORDER BY` one field ASC/DESC;
`LIMIT`. Anything else is a MALFORMED_QUERY, as Salesforce answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


class SoqlError(ValueError):
    """The query is not valid SOQL (or uses a part this sandbox does not implement)."""


_TOKEN = re.compile(r"""\s*(?:(?P<str>'(?:[^'\\]|\\.)*')|(?P<op><=|>=|!=|<>|=|<|>)|(?P<punct>[(),])|"""
                    r"""(?P<word>[A-Za-z0-9_.:+\-%]+))""")


def tokenize(q: str) -> list[str]:
    out, pos = [], 0
    q = q.strip()
    while pos < len(q):
        m = _TOKEN.match(q, pos)
        if not m or m.end() == pos:
            raise SoqlError(f"unexpected character at {pos}: {q[pos:pos + 10]!r}")
        out.append(m.group(m.lastgroup or "word"))
        pos = m.end()
    return out


@dataclass
class Cond:
    field: str
    op: str
    value: Any


@dataclass
class Query:
    fields: list[str] = field(default_factory=list)
    children: list[Query] = field(default_factory=list)
    sobject: str = ""
    where: list[list[Cond]] = field(default_factory=list)
    """OR of ANDs."""
    order_by: tuple[str, bool] | None = None
    limit: int | None = None


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.t, self.i = tokens, 0

    def peek(self, k: int = 0) -> str | None:
        return self.t[self.i + k] if self.i + k < len(self.t) else None

    def take(self, expect: str | None = None) -> str:
        tok = self.peek()
        if tok is None:
            raise SoqlError(f"unexpected end of query (expected {expect or 'more'})")
        if expect and tok.upper() != expect:
            raise SoqlError(f"unexpected token {tok!r}, expected {expect}")
        self.i += 1
        return tok

    def query(self) -> Query:
        q = Query()
        self.take("SELECT")
        while True:
            if self.peek() == "(":
                self.take("(")
                q.children.append(self.query())
                self.take(")")
            else:
                q.fields.append(self.take())
            if self.peek() == ",":
                self.take(",")
                continue
            break
        self.take("FROM")
        q.sobject = self.take()
        if (self.peek() or "").upper() == "WHERE":
            self.take()
            q.where = self.where()
        if (self.peek() or "").upper() == "ORDER":
            self.take()
            self.take("BY")
            f = self.take()
            desc = False
            if (self.peek() or "").upper() in ("ASC", "DESC"):
                desc = self.take().upper() == "DESC"
            q.order_by = (f, desc)
        if (self.peek() or "").upper() == "LIMIT":
            self.take()
            try:
                q.limit = int(self.take())
            except ValueError:
                raise SoqlError("LIMIT needs a number") from None
        return q

    def where(self) -> list[list[Cond]]:
        groups: list[list[Cond]] = [[]]
        while True:
            groups[-1].append(self.cond())
            nxt = (self.peek() or "").upper()
            if nxt == "AND":
                self.take()
            elif nxt == "OR":
                self.take()
                groups.append([])
            else:
                return groups

    def cond(self) -> Cond:
        name = self.take()
        op = self.take().upper()
        if op == "NOT":
            self.take("IN")
            op = "NOT IN"
        if op in ("IN", "NOT IN"):
            self.take("(")
            vals = []
            while True:
                vals.append(literal(self.take()))
                if self.peek() == ",":
                    self.take(",")
                    continue
                self.take(")")
                break
            return Cond(name, op, vals)
        if op not in ("=", "!=", "<>", "<", ">", "<=", ">=", "LIKE"):
            raise SoqlError(f"unknown operator {op!r}")
        return Cond(name, "!=" if op == "<>" else op, literal(self.take()))


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$")


def literal(tok: str) -> Any:
    if tok.startswith("'"):
        return re.sub(r"\\(.)", r"\1", tok[1:-1])
    low = tok.lower()
    if low in ("true", "false"):
        return low == "true"
    if low == "null":
        return None
    if _DATE.match(tok):
        return date.fromisoformat(tok)
    if _DATETIME.match(tok):
        return parse_datetime(tok)
    try:
        return float(tok) if "." in tok else int(tok)
    except ValueError:
        raise SoqlError(f"unexpected token {tok!r}") from None


def parse_datetime(s: str) -> datetime:
    s = s.replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", s):
        s = s[:-2] + ":" + s[-2:]
    return datetime.fromisoformat(s)


def parse(q: str) -> Query:
    """Parse a SOQL query; raises SoqlError with the reason."""
    p = _Parser(tokenize(q))
    query = p.query()
    if p.peek() is not None:
        raise SoqlError(f"unexpected token {p.peek()!r}")
    return query


# --- evaluation --------------------------------------------------------------------------

Resolver = Callable[[str, Mapping[str, Any], str], Any]


def _coerce(v: Any, like: Any) -> Any:
    """Compare record strings to typed literals (records store ISO strings for dates)."""
    if isinstance(like, datetime) and isinstance(v, str) and v:
        return parse_datetime(v)
    if isinstance(like, date) and not isinstance(like, datetime) and isinstance(v, str) and v:
        return date.fromisoformat(v[:10])
    return v


def matches(rec: Mapping[str, Any], where: list[list[Cond]], get: Callable[[str], Any]) -> bool:
    if not where:
        return True
    return any(all(_test(get(c.field), c) for c in group) for group in where)


def _test(v: Any, c: Cond) -> bool:
    if c.op in ("IN", "NOT IN"):
        vals = c.value
        inside = any(_coerce(v, x) == x for x in vals)
        return inside if c.op == "IN" else not inside
    x = c.value
    v = _coerce(v, x)
    if c.op == "=":
        return v == x
    if c.op == "!=":
        return v != x
    if c.op == "LIKE":
        if v is None:
            return False
        pat = "^" + re.escape(str(x)).replace("%", ".*").replace("_", ".") + "$"
        return re.match(pat, str(v), re.IGNORECASE | re.DOTALL) is not None
    if v is None or x is None:
        return False
    try:
        return {"<": v < x, ">": v > x, "<=": v <= x, ">=": v >= x}[c.op]
    except TypeError:
        return False
