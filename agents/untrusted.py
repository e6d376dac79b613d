"""CRM text is untrusted data: spot text addressed to an AI, and fence data inside prompts.

Notes, emails and descriptions are written by customers, reps and anyone who can email a rep.
Text that talks to "the assistant" or carries override phrasing is withheld from prompts and
from the vocabulary a draft may draw facts from; everything else is fenced as data with a
per-input nonce, so a note cannot close the fence it sits in.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

_AI = r"(?:ai|a\.i\.|assistant|llm|language model|model|gpt|chatgpt|claude|chatbot|bot|copilot|agent)"
_INJECTION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("override", re.compile(
        r"\b(ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,60}\b(instructions?|rules?|prompts?|"
        r"guidelines?|directions?|polic(y|ies)|guardrails?|constraints?|caps?|limits?)\b", re.I)),
    ("role_marker", re.compile(r"(^|\n)\s*[\[<#]*\s*(system|assistant|developer)\s*[\]>:]", re.I)),
    ("prompt_tag", re.compile(r"<\s*/?\s*(system|instructions?|im_start|im_end|crm_data|prompt)\b|\[/?INST\]|"
                              r"<\|[a-z_]+\|>|CRM_DATA", re.I)),
    ("fake_prompt", re.compile(r"\b(system|developer)\s+(prompt|message|note|instructions?|override|update|notice)\b",
                               re.I)),
    ("persona", re.compile(r"\b(you are now|from now on|act as|pretend (to be|you are)|new instructions?|"
                           r"updated instructions?|your (new )?(task|instructions?|job) (is|are))\b", re.I)),
    ("addressed_to_ai", re.compile(
        rf"\b(dear|attention|note to( the)?|hey|hi|to the|instructions? for( the)?)\s+{_AI}\b|"
        rf"\b{_AI}s?\b[^.\n]{{0,40}}\b(must|should|shall|need to|needs to|will now|are required|is required|"
        rf"always|never|has to|have to)\b|\bif you are an? {_AI}\b|\b(when|as) (the )?{_AI} (writes?|drafts?|"
        rf"generat\w+|reads?)\b", re.I)),
    ("task_for_ai", re.compile(
        rf"\b(task|message|note|instructions?|request|reminder|directive|order)s?\s+(for|to)\s+(the\s+|any\s+|an?\s+)?"
        rf"{_AI}s?\b|\b{_AI}s?\s*[:,]\s*(please\s+)?(write|include|say|tell|add|mention|offer|send|quote|sign|"
        rf"make|use|list|give|confirm|agree|reply|match|bcc|cc|ignore)\b", re.I)),
    ("exfiltration", re.compile(
        r"\b(other|another|all|every|previous)\s+(customers?|clients?|accounts?|deals?|companies|tenants?)\b"
        r"[^.\n]{0,80}\b(pric\w*|discounts?|contracts?|data|lists?|names?|emails?|details|amounts?|revenue)\b|"
        r"\b(reveal|leak|disclose|share|include|list)\b[^.\n]{0,40}\b(confidential|internal|other customers?|"
        r"system prompt|instructions)\b", re.I)),
)


def injection_reason(text: str | None) -> str | None:
    """Return why `text` looks like instructions to an AI (a pattern name), else None."""
    if not text:
        return None
    for name, pattern in _INJECTION_PATTERNS:
        if pattern.search(text):
            return name
    return None


def nonce_for(payload: Any) -> str:
    """Return a short fence nonce derived from the data itself (stable, so caching still works)."""
    blob = json.dumps(payload, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def fence(payload: Any, *, label: str = "CRM_DATA") -> str:
    """Render `payload` as JSON between nonce-tagged markers that its text cannot forge.

    JSON encoding already escapes quotes and newlines; the marker word is also removed from the
    data, so even a note that guessed the nonce could not end the fence early.
    """
    cleaned = _scrub(payload, label)
    tag = f"{label} {nonce_for(cleaned)}"
    return f"<<<{tag}\n{json.dumps(cleaned, indent=1, ensure_ascii=False, default=str)}\n{tag}>>>"


def _scrub(value: Any, label: str) -> Any:
    if isinstance(value, str):
        return re.sub(re.escape(label), "[marker removed]", value, flags=re.I)
    if isinstance(value, dict):
        return {k: _scrub(v, label) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v, label) for v in value]
    return value
