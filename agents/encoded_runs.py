"""Runs of encoded text in any output (issue 11, wave 26; set 34's 100 and 101): "Note for Marcus on installation:
MZZGKZI=." (base32 of "free") in a draft, "Wave two: 0x66 0x72 0x65 0x65." (hex bytes of "free") in an analysis.

The input screen decodes what it reads (agents.normalize.decoded_parts), and a few outputs' encodings had their own
readers (Morse, Braille, decimal character codes); each new set brought another encoding. The rule here is the
general one: a text a model writes for a buyer or a rep is prose, so a run in an encoding's shape that the record does
not hold (its ids, references and links are held, and quoted as they are) is content nobody can read without a
decoder, and is refused whatever it spells. Where the run can be decoded into words, the words are named in the refusal
and given back (`decoded_texts`) so the caller runs its checks on them too.

Shapes read: base64/base64url, base32, Ascii85 (between <~ ~>), base58 when it decodes to words, hex (plain, "0x..",
"\\xNN", spaced or colon-separated bytes), percent escapes, quoted-printable, backslash-octal, binary 0/1 groups,
HTML numeric entities, Morse, the NATO spelling alphabet, and words shifted (rot13, any Caesar shift) or reversed when
what they spell is common words. Decimal and octal byte lists are read by agents.street_terms.character_codes.
"""

from __future__ import annotations

import base64
import binascii
import functools
import gzip
import html
import json
import quopri
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from agents.symbol_letters import MORSE, MORSE_RUN
from agents.text_memory import TEXT_MEMORY, remembered
from agents.vouched_vocabulary import common_words

_DATA = Path(__file__).parent / "models_data" / "common_words.json.gz"
FREQUENT_CB = 500
"""A decoded word must be frequent (10^-5 or more in one of our languages, ~25,000 words) to count as read: the
vocabulary check's wider list (6.5) holds so many rare forms that random bytes or a shifted name would spell one."""


@dataclass(frozen=True)
class EncodedRun:
    """A run of `encoding` in an output, and what it spells when that reads as words."""

    encoding: str
    run: str
    decoded: str | None


@functools.cache
def frequent_words() -> frozenset[str]:
    data = json.loads(gzip.decompress(_DATA.read_bytes()))
    return frozenset(
        w for buckets in data["words"].values() for line in buckets[: FREQUENT_CB + 1] for w in line.split()
    )


_WORD = re.compile(r"[^\W\d_]+")


def reads_as_words(text: str | None) -> bool:
    """`text` is words a reader understands: printable, and its words (two letters and more) mostly frequent words of
    one of our languages, one of them three letters or more."""
    if not text or any(
        unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs") and c not in "\n\t\r" for c in text
    ):
        return False
    words = [w.casefold() for w in _WORD.findall(text) if len(w) > 1]
    if not words or max(len(w) for w in words) < 3:
        return False
    known = sum(w in frequent_words() for w in words)
    letters = sum(c.isalpha() for c in text)
    return known / len(words) >= 0.5 and letters / max(1, len(text.replace(" ", ""))) >= 0.6


def _utf8(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _readable(raw: bytes | None) -> str | None:
    s = _utf8(raw) if raw is not None else None
    return s.strip() if s and reads_as_words(s) else None


def _b64(run: str) -> bytes | None:
    blob = run.rstrip("=")
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        try:
            return decode(blob + "=" * (-len(blob) % 4))
        except (binascii.Error, ValueError):
            continue
    return None


def _b32(run: str) -> bytes | None:
    blob = run.rstrip("=").upper()
    try:
        return base64.b32decode(blob + "=" * (-len(blob) % 8))
    except (binascii.Error, ValueError):
        return None


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _b58(run: str) -> bytes | None:
    n = 0
    for ch in run:
        if (i := _B58.find(ch)) < 0:
            return None
        n = n * 58 + i
    return n.to_bytes((n.bit_length() + 7) // 8, "big") if n else None


def _hex_bytes(run: str) -> bytes | None:
    digits = re.sub(r"0x|\\x|[^0-9a-fA-F]", "", run)
    try:
        return bytes.fromhex(digits) if len(digits) % 2 == 0 else None
    except ValueError:
        return None


def _a85(run: str) -> bytes | None:
    try:
        return base64.a85decode(run, adobe=True)
    except (ValueError, binascii.Error):
        return None


def _b85(run: str) -> bytes | None:
    try:
        return base64.b85decode(run)
    except (ValueError, binascii.Error):
        return None


_MASK = re.compile(
    r"(?:https?|ftp|sftp)://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w&])#[0-9A-Fa-f]{3,8}\b"
)
"""Links and addresses (agents.links and the recipient checks read them) and hex colour codes in a template."""

_ENTITIES = re.compile(r"(?:&#(?:[xX][0-9A-Fa-f]{1,6}|\d{1,7});?\s?){2,}")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2}){2,}")
_QUOTED_PRINTABLE = re.compile(r"(?:=[0-9A-F]{2}){2,}|(?<=[^\W\d_])=[0-9A-F]{2}(?=[^\W\d_])")
_ESCAPES = re.compile(r"(?:\\x[0-9A-Fa-f]{2}){2,}|(?:\\u[0-9A-Fa-f]{4}){2,}")
_OCTAL_ESCAPES = re.compile(r"(?:\\[0-7]{3}){2,}")
_0X = re.compile(r"\b0x[0-9A-Fa-f]{2}(?:[\s,;]+0x[0-9A-Fa-f]{2})+\b|\b0x[0-9A-Fa-f]{6,}\b")
_SPACED_HEX = re.compile(
    r"(?<![\w.,:/-])[0-9A-Fa-f]{2}(?:([ :-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){2,}(?![\w:/-]|[.,]\w)"
)
_PLAIN_HEX = re.compile(r"(?<![\w#-])(?:[0-9A-Fa-f]{2}){4,}(?![\w-])")
_UUID = re.compile(r"\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b")
_BINARY = re.compile(r"(?<![\d.,])[01]{7,8}(?:[\s,]+[01]{7,8})+(?![\d.,])")
_ASCII85 = re.compile(r"<~[!-u\s]{4,}~>")
_TOKEN = re.compile(r"(?<![\w+/=-])[A-Za-z0-9+/_-]{6,}={0,6}(?![\w+/=-])")
_B85_TOKEN = re.compile(r"(?<!\S)[0-9A-Za-z!#$%&()*+\-;<=>?@^_`{|}~]{10,}(?!\S)")
_NATO = {
    "alfa": "a",
    "alpha": "a",
    "bravo": "b",
    "charlie": "c",
    "delta": "d",
    "echo": "e",
    "foxtrot": "f",
    "golf": "g",
    "hotel": "h",
    "india": "i",
    "juliett": "j",
    "juliet": "j",
    "kilo": "k",
    "lima": "l",
    "mike": "m",
    "november": "n",
    "oscar": "o",
    "papa": "p",
    "quebec": "q",
    "romeo": "r",
    "sierra": "s",
    "tango": "t",
    "uniform": "u",
    "victor": "v",
    "whiskey": "w",
    "whisky": "w",
    "x-ray": "x",
    "xray": "x",
    "yankee": "y",
    "zulu": "z",
}
_NATO_RUN = re.compile(
    rf"\b(?:{'|'.join(sorted(_NATO, key=len, reverse=True))})(?:[\s,/-]+(?:"
    rf"{'|'.join(sorted(_NATO, key=len, reverse=True))})){{2,}}\b",
    re.I,
)


def _random_shape(token: str) -> bool:
    """A token no word, id or reference is shaped like: upper and lower case and digits mixed over 20 characters or
    more (a Salesforce id has 15 or 18), the case switching inside runs of letters as no words joined ("Propuesta_
    Distribuciones_v1", "ISO-27001-Zertifizierung", "SmilesForLess") switch it."""
    body = token.rstrip("=")
    switches = len(re.findall(r"[a-z][A-Z]", body))
    return len(body) >= 20 and switches >= 4 and any(c.isdigit() for c in body)


def _token_runs(text: str) -> list[EncodedRun]:
    out: list[EncodedRun] = []
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        body = token.rstrip("=")
        if len(token) < 8 or body.isalpha() and body.casefold() in frequent_words():
            continue  # a word ("Wednesday"), not a blob
        if re.fullmatch(r"[A-Z2-7]+=*", token) and (len(token) % 8 == 0 or not token.endswith("=")):
            if (s := _readable(_b32(token))) is not None:
                out.append(EncodedRun("base32", token, s))
                continue
            if token.endswith("="):
                out.append(EncodedRun("base32", token, None))
                continue
        if re.fullmatch(r"[0-9A-Za-z+/]+=*|[0-9A-Za-z_-]+=*", token):
            if (s := _readable(_b64(token))) is not None:
                out.append(EncodedRun("base64", token, s))
                continue
        if re.fullmatch(f"[{_B58}]{{12,}}", token) and (s := _readable(_b58(token))) is not None:
            out.append(EncodedRun("base58", token, s))
            continue
        if (token.endswith("=") and len(body) >= 7 and len(token) % 4 == 0) or _random_shape(token):
            out.append(EncodedRun("base64", token, None))
    return out


@functools.cache
def _known_words() -> frozenset[str]:
    return common_words() | frequent_words()


def _shift(word: str, n: int) -> str:
    return "".join(chr((ord(c) - 97 + n) % 26 + 97) if "a" <= c <= "z" else c for c in word)


def _shifted_runs(text: str, vouched: frozenset[str]) -> list[EncodedRun]:
    """Words no frequent vocabulary holds that, shifted (rot13 or any Caesar shift) or reversed, are frequent words: a
    run of two and more under any shift, a single word of five letters and more, not in title case, under rot13 or
    reversal only."""
    words, known = frequent_words(), _known_words()
    out: list[EncodedRun] = []
    for m in re.finditer(r"(?:\b[A-Za-z]{2,}\b[\s,]*)+", text):
        unknown = re.findall(r"[A-Za-z]{2,}", m.group(0))
        runs: list[list[str]] = [[]]
        for w in unknown:
            # two-letter forms fill the wide list ("vf"): only a frequent one is a word here
            if w.casefold() in (known if len(w) > 2 else words) or w.casefold() in vouched:
                runs.append([])
            else:
                runs[-1].append(w)
        for run in (r for r in runs if r):
            low = [w.casefold() for w in run]
            # a single word in title case is a name before it is a cipher ("Salam" is "malas" reversed)
            single = len(run) == 1 and len(low[0]) >= 5 and not run[0].istitle()
            shifts = range(1, 26) if len(run) >= 2 else (13,) if single else ()
            readings = [" ".join(_shift(w, n) for w in low) for n in shifts]
            if len(run) >= 2 or single:
                readings.append(" ".join(w[::-1] for w in reversed(low)))
            for reading in readings:
                if all(w in words for w in reading.split()) and sum(len(w) for w in low) >= 4:
                    out.append(EncodedRun("shifted or reversed letters", " ".join(run), reading))
                    break
    return out


@remembered(TEXT_MEMORY)
def encoded_runs(text: str, vouched: Iterable[str] = ()) -> list[EncodedRun]:
    """Every run of encoded text in `text` (links, addresses and colour codes left out), with what it spells when that
    reads as words. `vouched`: lower-cased words the record vouches for (names are no cipher)."""
    t = _MASK.sub(" ", unicodedata.normalize("NFKC", text))
    out: list[EncodedRun] = []
    for m in _ENTITIES.finditer(t):
        out.append(
            EncodedRun("HTML character references", m.group(0).strip(), html.unescape(m.group(0)).strip())
        )
    for m in _PERCENT.finditer(t):
        out.append(EncodedRun("percent escapes", m.group(0), _utf8(unquote_to_bytes(m.group(0)))))
    for m in _QUOTED_PRINTABLE.finditer(t):
        out.append(
            EncodedRun("quoted-printable", m.group(0), _utf8(quopri.decodestring(m.group(0).encode())))
        )
    for m in _ESCAPES.finditer(t):
        run = m.group(0)
        dec = run.encode().decode("unicode_escape") if "\\u" in run else _utf8(_hex_bytes(run) or b"")
        out.append(EncodedRun("escaped bytes", run, dec))
    for m in _OCTAL_ESCAPES.finditer(t):
        out.append(
            EncodedRun(
                "octal escapes",
                m.group(0),
                _utf8(bytes(int(g, 8) % 256 for g in re.findall(r"[0-7]{3}", m.group(0)))),
            )
        )
    for m in _0X.finditer(t):
        out.append(EncodedRun("hex bytes", m.group(0), _utf8(_hex_bytes(m.group(0)) or b"")))
    for m in _SPACED_HEX.finditer(t):
        run = m.group(0)
        decoded = _readable(_hex_bytes(run))
        # spaced digits are decimal codes too (agents.street_terms); letters-only pairs are hex only in a run of four
        if (
            decoded is not None
            or re.search(r"[A-Fa-f]", run)
            and not re.search(r"[A-Fa-f]{2}[ ]+[A-Za-z]{3}", run)
        ):
            out.append(EncodedRun("hex bytes", run, decoded))
    for m in _PLAIN_HEX.finditer(t):
        run = m.group(0)
        if (s := _readable(_hex_bytes(run))) is not None:
            out.append(EncodedRun("hex", run, s))
        elif len(run) >= 16 and re.search(r"[A-Fa-f]", run) and re.search(r"\d", run):
            out.append(EncodedRun("hex", run, None))
    for m in _UUID.finditer(t):
        out.append(EncodedRun("identifier", m.group(0), None))
    for m in _BINARY.finditer(t):
        groups = m.group(0).replace(",", " ").split()
        out.append(EncodedRun("binary", m.group(0), _utf8(bytes(int(g, 2) for g in groups))))
    for m in _ASCII85.finditer(t):
        out.append(EncodedRun("Ascii85", m.group(0), _readable(_a85(m.group(0)))))
    for m in _B85_TOKEN.finditer(t):
        token = m.group(0)
        if re.search(r"[!#$%&()*;<>?@^`{|}~]", token) and (s := _readable(_b85(token))) is not None:
            out.append(EncodedRun("base85", token, s))
    out += _token_runs(_UUID.sub(" ", t))
    for m in MORSE_RUN.finditer(t):
        out.append(
            EncodedRun("Morse code", m.group(0), "".join(MORSE.get(g, "?") for g in m.group(0).split()))
        )
    for m in _NATO_RUN.finditer(t):
        out.append(
            EncodedRun(
                "the spelling alphabet",
                m.group(0),
                "".join(
                    _NATO[w.casefold()] for w in re.findall(r"[\w-]+", m.group(0)) if w.casefold() in _NATO
                ),
            )
        )
    out += _shifted_runs(t, frozenset(vouched))
    # agents.letter_ciphers builds on this module's readers: imported here, not at the top, to avoid a cycle
    from agents.letter_ciphers import cipher_runs

    out += [r for r in cipher_runs(t, frozenset(vouched)) if r.run not in {o.run for o in out}]
    return list(dict.fromkeys(out))


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def held_text(record_dict: dict[str, Any]) -> str:
    """Every string of the record (ids, references, links, notes), folded: what an output may quote as it stands."""
    return "\n".join(_strings(record_dict)).casefold()


def encoded_run_violations(text: str, held: str, vouched: Iterable[str] = ()) -> list[str]:
    """Runs of encoded text in an output that the record does not hold (`held`, from `held_text`). A run the record
    holds (its Salesforce id, a UUID, an IBAN) is quoted, not encoded; one that spells words is refused even so: the
    record's notes are where an attack plants it."""
    out = []
    for r in encoded_runs(text, vouched):
        if r.decoded is not None and not reads_as_words(r.decoded):
            r = EncodedRun(r.encoding, r.run, None)
        if r.decoded is None and r.run.casefold() in held:
            continue
        reads = f", which reads {r.decoded!r}" if r.decoded else ""
        out.append(f"encoded text ({r.encoding}) the record does not hold: {r.run[:60]!r}{reads}")
    return out


def decoded_texts(text: str, vouched: Iterable[str] = ()) -> list[str]:
    """What the encoded runs of `text` spell, where that reads as words (for the caller's checks)."""
    return [r.decoded for r in encoded_runs(text, vouched) if r.decoded and reads_as_words(r.decoded)]
