"""Automatic draft-quality checks, reported per draft (issue 6, scope 4).

A draft passes when it addresses the contact by name, names their company, points at something
real (an activity, its date or a score factor), makes exactly one clear ask, stays within length,
states no fact missing from the inputs, and has no leftover placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from agents.context import Context
from agents.facts import Vocabulary, date_matches, find_dates, find_unsupported
from agents.models import Check, Draft
from agents.settings import AgentSettings

GREETING_WINDOW = 80
"""Characters at the start of the body in which the contact's name must appear."""

STOPWORDS = frozenset("""
about after again also been before being call could does done email from have here into just know like
made make meeting more next note only other over page said same some than that their them then there
these they this those today very want were what when where which while will with would your yours you
team thanks thank week follow following quick time update updates call good great happy send sent
for and the our you are was has had not but all any can may its his her how who why out one two get got
let see use new now per via off own too yet
""".split())
"""Words too common to show that a draft refers to a specific activity."""

CTA_PATTERNS = (
    r"\?\s*$",
    r"\b(let me know|reply|book|grab|pick|choose|schedule|confirm|send me|drop me)\b[^.!?]*"
    r"\b(time|slot|call|meeting|chat|demo|day|works?|when|whether|if|a line|reply)\b",
)
"""An ask is a question, or an imperative about a next step."""

PLEASANTRY = re.compile(r"^\W*(how are you|how have you been|how('s| is| was) (your|the) (week|weekend|day|summer|"
                        r"holiday)s?|hope (you|all|things)\b)", re.I)
"""Questions that ask nothing of the reader."""

PLACEHOLDER = re.compile(r"\[\[|\]\]|\{\{|\}\}|\[(?:name|first name|company|contact|date|x|your name)\]|"
                         r"<[a-z_ ]+>|\bTODO\b|\bTBD\b|\blorem ipsum\b|\bXX+\b", re.I)


def count_asks(body: str) -> int:
    """Count the sentences that ask the reader to do something (questions or next-step imperatives)."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip()]
    count = 0
    for s in sentences:
        if re.search(r"^(hi|hello|dear|hey)\b", s.strip(), re.I) and "?" not in s:
            continue
        if PLEASANTRY.search(s):
            continue
        if any(re.search(p, s.strip(), re.I) for p in CTA_PATTERNS):
            count += 1
    return count


def content_words(text: str) -> set[str]:
    """Lowercase words of 4+ letters that are not stopwords."""
    return {w for w in re.findall(r"[a-z][a-z'-]{3,}", text.lower()) if w not in STOPWORDS}


def bigrams(text: str) -> set[tuple[str, str]]:
    """Adjacent pairs of content words ("budget review", "idle time"): a phrase, not a coincidence."""
    tokens = re.findall(r"[a-z][a-z'-]+", text.lower())
    return {(a, b) for a, b in zip(tokens, tokens[1:], strict=False)
            if len(a) >= 3 and len(b) >= 3 and a not in STOPWORDS and b not in STOPWORDS}


def references_real(body: str, ctx: Context, vocab: Vocabulary) -> str | None:
    """Return what real activity or factor the draft refers to, or None."""
    for value, d in find_dates(body):
        if any(a.get("at") and date_matches(d, frozenset([date.fromisoformat(a["at"])])) for a in ctx.activities.values()):
            return f"activity date {value!r}"
    r = ctx.record
    # The company's, deal's and people's names are in every draft; they show no reference.
    names = " ".join(filter(None, [r.name, r.company.name if r.company else None, r.owner.name if r.owner else None,
                                   *(c.name for c in r.contacts)]))
    generic = content_words(names)
    words = content_words(body) - generic
    grams = {g for g in bigrams(body) if not set(g) & generic}
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        subject = content_words(a.get("subject") or "") - generic
        shared = words & subject
        if len(shared) >= 2 or (subject and len(shared) >= max(1, len(subject))):
            return f"activity {a['id']} ({', '.join(sorted(shared))})"
        phrase = grams & bigrams(f"{a.get('subject') or ''}. {a.get('text') or ''}")
        if phrase:
            return f"activity {a['id']} ({', '.join(sorted(' '.join(p) for p in phrase))})"
    for s in ctx.scores.values():
        if not isinstance(s, Mapping):
            continue
        for f in s.get("factors") or []:
            label = content_words(f.get("label") or "")
            if label and len(words & label) >= min(2, len(label)):
                return f"score factor {f.get('label')!r}"
    return None


def check_draft_quality(draft: Draft, ctx: Context, vocab: Vocabulary, settings: AgentSettings) -> list[Check]:
    """Run every quality check on one draft.

    Args:
        draft: the writer's draft (recipient already resolved).
        ctx: the run's context.
        vocab: facts the draft may state.
        settings: length limits.

    Returns:
        One Check per rule, in a fixed order.
    """
    body, subject = draft.body, draft.subject
    checks: list[Check] = []
    name = draft.to.name or ""
    first = name.split()[0] if name else ""
    head = body[:GREETING_WINDOW].lower()
    last = name.split()[-1] if len(name.split()) > 1 else ""
    # Formal greetings use the surname ("Dear Ms. Whitfield"); informal ones the first name.
    addressed = bool(first) and (re.search(rf"\b{re.escape(first.lower())}\b", head) is not None
                                 or name.lower() in head
                                 or (bool(last) and re.search(rf"\b(mr|mrs|ms|dr|prof)\.?\s+{re.escape(last.lower())}\b",
                                                              head) is not None))
    checks.append(Check(name="addresses_contact_by_name", passed=addressed,
                        detail=f"greets {first!r}" if addressed else f"{first or 'the contact'!r} not in the greeting"))
    company = ctx.record.company.name if ctx.record.company and ctx.record.company.name else ""
    core = re.sub(r"[,.]?\s+(inc|ltd|llc|gmbh|corp|corporation|co|plc|sa|ag|bv)\.?$", "", company, flags=re.I)
    named = bool(core) and core.lower() in f"{subject}\n{body}".lower()
    checks.append(Check(name="names_company", passed=named, detail=core if named else f"{core!r} not mentioned"))
    ref = references_real(body, ctx, vocab)
    checks.append(Check(name="references_real_activity", passed=ref is not None,
                        detail=ref or "no activity, date or score factor referred to"))
    asks = count_asks(body)
    checks.append(Check(name="one_clear_call_to_action", passed=asks == 1, detail=f"{asks} ask(s)"))
    words = len(body.split())
    limit = int(settings.draft_max_words * (1.5 if draft.kind == "call_script" else 1.0))
    in_len = settings.draft_min_words <= words <= limit and 0 < len(subject) <= settings.subject_max_chars
    checks.append(Check(name="within_length", passed=in_len,
                        detail=f"{words} words (limits {settings.draft_min_words}-{limit}), subject {len(subject)} chars"))
    unsupported = find_unsupported(f"{subject}\n{body}", vocab)
    checks.append(Check(name="no_invented_facts", passed=not unsupported,
                        detail="; ".join(map(str, unsupported[:5])) or "every fact found in the inputs"))
    leftover = PLACEHOLDER.search(f"{subject}\n{body}")
    checks.append(Check(name="no_placeholders", passed=leftover is None,
                        detail=f"found {leftover.group(0)!r}" if leftover else "none"))
    return checks
