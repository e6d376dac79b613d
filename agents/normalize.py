"""Text as a screen should read it: one canonical spelling of whatever a CRM field carries.

Injected text hides from pattern checks in four cheap ways: compatibility characters (full-width
letters, ligatures), invisible characters (zero-width joiners, bidi overrides), look-alike
letters from other scripts (Cyrillic "а" for Latin "a") and encodings (base64, percent-encoding,
HTML entities). `screen_view` undoes all four so that the injection patterns, the sentiment
detector and the fact extractor see the same words a model would read.
"""

from __future__ import annotations

import base64
import binascii
import functools
import html
import re
import unicodedata
from urllib.parse import unquote

from agents.symbol_letters import spelled_out

INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
"""Zero-width, joiner, soft-hyphen, variation-selector and bidi control characters."""

CONFUSABLES = str.maketrans({
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M",
    "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "χ": "x", "ε": "e",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin look-alikes and digits posing as letters inside words are left alone: "0ff" is rare
    # and mapping digits would corrupt amounts.
    "ı": "i", "ȷ": "j", "ℓ": "l", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-",
    "‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
})
"""Letters from other scripts that render like Latin ones, and typographic punctuation."""

_BASE64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])")
_PERCENT_ENC = re.compile(r"(?:%[0-9A-Fa-f]{2}){3,}")
_HEX = re.compile(r"\b(?:[0-9A-Fa-f]{2}){12,}\b")

MIN_DECODED_LETTERS = 0.7
"""Share of letters and spaces a decoded blob needs to count as hidden text, not binary noise."""


@functools.lru_cache(maxsize=4096)
def normalise(text: str | None) -> str:
    """Return `text` in NFKC with invisible characters removed and confusables mapped to Latin.

    Memoised (a pure function of the text): every check of a draft normalises the same text
    again (discounts, prices, promises, deal state, facts)."""
    if not text:
        return ""
    # a Spanish or Portuguese ordinal ("1.º de diciembre", "2.ª fase") is its number: NFKC would turn the indicator into
    # a letter, and "1.o" then read as a figure in look-alike letters (wave 21, set 29's 089)
    t = unicodedata.normalize("NFKC", _ORDINAL.sub(r"\1", text) if "º" in text or "ª" in text else text)
    t = INVISIBLE.sub("", t)
    return t.translate(CONFUSABLES)


_ORDINAL = re.compile(r"(\d)\.?[ºª](?!\w)")


_DEFANGED = (
    (re.compile(r"\bhxxp(s?)\b", re.I), r"http\1"),
    (re.compile(r"\s*[\[({]\s*(?:\.|dot|punkt|point|punto)\s*[\])}]\s*", re.I), "."),
    (re.compile(r"\s*[\[({]\s*(?:@|at)\s*[\])}]\s*", re.I), "@"),
    (re.compile(r"\s*[\[({]\s*:\s*[\])}]\s*"), ":"),
    (re.compile(r"(?<=\w) dot (?=[a-z]{2,}\b)", re.I), "."),
    # "point", "Punkt" and "punto" are everyday words ("Un point de 20 minutes"): a host only when
    # nothing but punctuation, a path or the end follows its last label.
    (re.compile(r"(?<=\w) (?:punkt|point|punto) (?=[a-z]{2,}(?:\s*(?:/|[.,;:!?)]|$)|\s+(?:slash|schrägstrich|"
                r"barre oblique|barre|barra)\s+\w))", re.I | re.M), "."),
    # a spoken dot before a top-level domain that is no word of ours ("fleetpay Punkt io finden Sie", "punto io para")
    (re.compile(r"([a-z0-9]) (?:punkt|point|punto|dot) (?=(?:io|com|net|org|info|biz|app|dev|ly|eu|uk|fr|ch|nl|pl|pt|"
                r"cloud|online|site|shop|xyz)\b)", re.I), r"\1."),
    # the path's slash spoken too: "fleetpay punkt de slash verlaengern", "point fr barre oblique", "punto es barra"
    (re.compile(r"(\.[a-z]{2,3})\s+(?:slash|schrägstrich|barre oblique|barre|barra)\s+(?=\w)", re.I), r"\1/"),
    # an ideographic full stop between a host's labels reads as a dot ("fleetpay。com")
    (re.compile(r"[\u3002\uff61\u00b7\u2022\u2219\u2024\u30fb](?<=\w.)(?=[a-z]{2,})", re.I), "."),
    # "www . example . de / login": a host spelled with spaces around its dots.
    (re.compile(r"\b(www|https?://\S+)\s+\.\s+", re.I), r"\1."),
    (re.compile(r"(?<=\w)\s+\.\s+(?=[a-z0-9-]+(?:\s+\.\s+[a-z0-9-]+)*\s+/\s*\w|[a-z]{2,6}\b\s*(?:/|$))", re.I),
     "."),
    (re.compile(r"(?<=\.[a-z]{2})\s+/\s+(?=\w)|(?<=\.[a-z]{3})\s+/\s+(?=\w)", re.I), "/"),
)


@functools.lru_cache(maxsize=4096)
def fold_accents(text: str | None) -> str:
    """`normalise`d, lower case, "ß" as "ss" and no accents: how the word-class checks compare a sentence with their
    patterns in en/de/fr/es (one definition for the modules that each had a copy). Memoised as `normalise` is: the
    word-class checks of one draft fold the same sentences again (9,176 calls in 30 held-out cases' runs)."""
    text = normalise(text).replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=8192)
def unaccented(word: str) -> str:
    """Lower case and no accents, nothing else changed ("Véhicules" -> "vehicules"): how agents.known_record and
    agents.known_figures compare a word of a draft with a word of the record."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def defang(text: str) -> str:
    """Undo the ways a link or address is written so a filter misses it but a reader can still
    use it: `hxxps://host[.]box`, `name [at] host (dot) com`, `www . host . de / login`."""
    for pattern, repl in _DEFANGED:
        text = pattern.sub(repl, text)
    return text


def unjoined(text: str) -> str:
    """Return `text` with words joined by hyphens, underscores or dots split apart
    ("Whitfield-AI-instructions-mention-price-cut" reads as words to a model, and to a screen)."""
    return re.sub(r"(?<=[^\W\d_])[-_.](?=[^\W\d_])", " ", text)


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"\b(?=[\w@$]*[^\W\d_])(?=[\w@$]*[0-9@$])[\w@$]{3,}\b")


def unleet(text: str) -> str:
    """Return `text` with digits posing as letters inside words mapped back ("0ff3r" -> "offer");
    only words mixing letters and digits change, so amounts stay as they are."""
    return _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)


def decoded_parts(text: str) -> list[str]:
    """Return readable text hidden in `text` as base64, percent-encoding, hex or HTML entities."""
    out: list[str] = []
    if "&" in text and ";" in text:
        unescaped = html.unescape(text)
        if unescaped != text:
            out.append(unescaped)
    for m in _PERCENT_ENC.finditer(text):
        out.append(unquote(m.group(0)))
    for m in _BASE64.finditer(text):
        blob = m.group(0)
        padded = blob + "=" * (-len(blob) % 4)
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                raw = decode(padded)
            except (binascii.Error, ValueError):
                continue
            if (s := _readable(raw)) is not None:
                out.append(s)
                break
    for m in _HEX.finditer(text):
        if (s := _readable(bytes.fromhex(m.group(0)))) is not None:
            out.append(s)
    return out


def screen_view(text: str | None) -> str:
    """Return what a screen should inspect: the normalised text plus every decoded part of it."""
    t = normalise(text)
    parts = [normalise(p) for p in decoded_parts(t)]
    # Readings a model makes without being asked: hyphen-joined words, leetspeak, defanged links.
    parts += [v for v in {unjoined(t), unleet(t), defang(t)} if v != t]
    if (spelled := spelled_out(t)) is not None:
        parts.append(spelled)  # Braille and symbol capitals as a person reads them
    return "\n".join([t, *parts]) if parts else t


def has_hidden_text(text: str | None) -> bool:
    """Tell whether `text` carries invisible characters or an encoded readable payload."""
    if not text:
        return False
    t = unicodedata.normalize("NFKC", text)
    return bool(INVISIBLE.search(t)) or bool([p for p in decoded_parts(t) if len(p.split()) >= 3])


def _readable(raw: bytes) -> str | None:
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(s) < 8:
        return None
    good = sum(ch.isalpha() or ch.isspace() or ch in ".,:;!?'%$€-" or ch.isdigit() for ch in s)
    return s if good / len(s) >= MIN_DECODED_LETTERS and " " in s else None
