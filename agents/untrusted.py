"""CRM text is untrusted data: spot text addressed to an AI, and fence data inside prompts.

Notes, emails and descriptions are written by customers, reps and anyone who can email a rep.
Text that talks to "the assistant" or carries override phrasing is withheld from prompts and
from the vocabulary a draft may draw facts from; everything else is fenced as data with a
per-input nonce, so a note cannot close the fence it sits in.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

from agents.normalize import decoded_parts, normalise, screen_view

_AI = (r"(?:ai|a\.i\.|assistant|assistent(?:in)?|assistante?|asistente|llm|language model|sprachmodell|"
       r"mod[eè]le|modelo|model|gpt|chatgpt|claude|chatbot|bot|copilot|agent|ki|k\.i\.|ia|i\.a\.)")
_INJECTION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("override", re.compile(
        r"\b(ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,60}\b(instructions?|rules?|prompts?|"
        r"guidelines?|directions?|polic(y|ies)|guardrails?|constraints?|caps?|limits?)\b", re.I)),
    ("role_marker", re.compile(r"(^|\n)\s*[\[<#]*\s*(system|assistant|developer)\s*[\]>:]|"
                               rf"[\[<({{]\s*(system|assistant|developer|admin|{_AI}|instructions?)\s*[:\]>)}}]", re.I)),
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
    ("labelled_for_ai", re.compile(
        r"(?:^|[\s\-–—|(\[;,])(?:ai|a\.i\.|ki|k\.i\.|ia|i\.a\.|assistant|assistent(?:in)?|assistante|asistente|bot|"
        r"gpt|chatgpt|llm|copilot|claude)\s*:\s*\S", re.I)),
    ("exfiltration", re.compile(
        r"\b(other|another|all|every|previous)\s+(customers?|clients?|accounts?|deals?|companies|tenants?)\b"
        r"[^.\n]{0,80}\b(pric\w*|discounts?|contracts?|data|lists?|names?|emails?|details|amounts?|revenue)\b|"
        r"\b(reveal|leak|disclose|share|include|list)\b[^.\n]{0,40}\b(confidential|internal|other customers?|"
        r"system prompt|instructions)\b", re.I)),
)


_FOREIGN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # German, French and Spanish spellings of the same moves (buyers and attackers write in them).
    ("override_de", re.compile(
        r"\b(ignorier\w*|vergiss|vergessen sie|missachte\w*|übergeh\w*|umgeh\w*)\b[^.\n]{0,60}"
        r"\b(anweisung\w*|regeln|vorgaben|richtlinien|instruktion\w*|grenzen|limits?)\b", re.I)),
    ("override_fr", re.compile(
        r"\b(ignore[zr]?|oublie[zr]?|contourne[zr]?|ne tiens pas compte)\b[^.\n]{0,60}"
        r"\b(instructions?|consignes?|règles?|directives?|limites?|politiques?)\b", re.I)),
    ("override_es", re.compile(
        r"\b(ignora[rd]?|olvida[rd]?|omite|salta(?:te)?)\b[^.\n]{0,60}"
        r"\b(instrucciones|reglas|indicaciones|directrices|normas|l[ií]mites|pol[ií]ticas?)\b", re.I)),
    ("persona_foreign", re.compile(
        r"\b(du bist (jetzt|nun|ab sofort)|sie sind (jetzt|nun) ein|ab sofort (bist|sind)|neue anweisung\w*|"
        r"tu es (maintenant|désormais)|vous êtes (maintenant|désormais)|nouvelles? (instructions?|consignes?)|"
        r"ahora eres|a partir de ahora|nuevas instrucciones)\b", re.I)),
    ("addressed_to_ai_foreign", re.compile(
        rf"\b(hinweis|notiz|anweisung|nachricht|info|aufgabe)\s+(an|für)\s+(den|die|das)?\s*{_AI}\b|"
        rf"\b(an|für) (den |die |das )?{_AI}\b[^.\n]{{0,40}}\b(schreib\w*|biete\w*|nenne\w*|sag\w*|füge\w*|"
        rf"erwähn\w*|gib|gewähr\w*)|"
        rf"\b(à l'attention de|pour|note pour|message pour|consigne pour) (l'|le |la )?{_AI}\b|"
        rf"\b(para|nota para|mensaje para|instrucción para) (el |la )?{_AI}\b|"
        rf"\b{_AI}\s*:\s*(bitte\s+)?(schreib|biete|nenne|sag|füge|gib|écri[st]|propose|offre|dis|ajoute|"
        rf"escribe|ofrece|di|añade|incluye)\w*", re.I)),
    ("split_marker", re.compile(
        r"\b(continued in (the )?next note|part [12] of 2|fortsetzung folgt|teil [12] von 2|"
        r"suite dans la (prochaine )?note|partie [12] sur 2|contin[uú]a en la (siguiente )?nota|parte [12] de 2)\b|"
        # a part number in brackets, "(1/2: ...", "[2/2]": a bracket is no word, so \b cannot bound it (wave 21: the
        # bracketed form never matched, set 29's 102 put "(1/2:" in a deal name and "(2/2)" in a meeting's notes)
        r"(?<!\w)[(\[]\s*[12]\s*/\s*2\s*[)\]:]", re.I)),
)

_MIXED_SCRIPT = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0370-\u03ff\u0400-\u04ff])\w+\b")


SCREEN_CACHE_SIZE = 8_192
"""Texts whose screening result is remembered per process (least recently used first out; the
texts are keys, so at a typical 1-2 KB per note or email this holds 8-16 MB)."""


@functools.lru_cache(maxsize=SCREEN_CACHE_SIZE)
def injection_reason(text: str | None) -> str | None:
    """Return why `text` looks like instructions to an AI (a pattern name), else None.

    Memoised (a pure function of the text): a deal re-enriched after a rep's edit carries the
    same notes and emails as last time, and screening them was a quarter of the agents' CPU.

    The text is screened as a model would read it: normalised (NFKC, invisible characters
    removed, look-alike letters mapped) and with encoded parts (base64, percent, hex, entities)
    decoded and screened too. A word mixing Latin with Greek or Cyrillic letters is itself a
    reason: nobody types that except to slip past a filter.
    """
    if not text:
        return None
    if _MIXED_SCRIPT.search(text):
        return "confusable_letters"
    view = screen_view(text)
    for name, pattern in (*_INJECTION_PATTERNS, *_FOREIGN_PATTERNS):
        if pattern.search(view):
            if name not in ("split_marker",) and not pattern.search(normalise(text)):
                return f"encoded:{name}"
            return name
    if any(len(p.split()) >= 4 for p in decoded_parts(normalise(text))):
        return "encoded_text"
    return None


def joined_reason(texts: Iterable[str | None]) -> str | None:
    """Return why consecutive texts read as instructions only when put together (split attacks)."""
    return _joined_reason(tuple(texts))


@functools.lru_cache(maxsize=SCREEN_CACHE_SIZE)
def _joined_reason(texts: tuple[str | None, ...]) -> str | None:
    # Memoised like injection_reason: a re-enriched deal brings the same activity pairs, and
    # the pair screens were ~23% of the agents' CPU (the joined text is a new string each time,
    # so injection_reason's own memo never saw it again).
    parts = [normalise(t).strip().rstrip(".") for t in texts if t]
    if len(parts) < 2:
        return None
    reason = injection_reason(" ".join(parts))
    return f"split:{reason}" if reason else None


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
    # Compact JSON: indentation cost a third of the data's tokens (a writer prompt's record data:
    # 1,968 tokens indented, 1,368 compact, Qwen tokenizer), and prompt evaluation is most of a
    # local model's time (~40 tokens per CPU-second for a 0.5B model).
    body = json.dumps(cleaned, ensure_ascii=False, default=str, separators=(",", ":"))
    return f"<<<{tag}\n{body}\n{tag}>>>"


def _scrub(value: Any, label: str) -> Any:
    if isinstance(value, str):
        return _marker(label).sub("[marker removed]", value)
    if isinstance(value, dict):
        return {k: _scrub(v, label) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v, label) for v in value]
    return value


@functools.lru_cache(maxsize=16)
def _marker(label: str) -> re.Pattern[str]:
    """The fence's marker word, any case: compiled once per label, not looked up per string of the data (wave 36)."""
    return re.compile(re.escape(label), re.I)
