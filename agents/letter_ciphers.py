"""Encodings agents.encoded_runs left open (issue 11, wave 27): uuencode, Atbash, A1Z26 ("6-18-5-5"), Pig Latin, the
play languages of echoed vowels and javanais (wave 34: jerigonza's "grapatipis"), a
single reversed, Atbash or rot13 word ("eerf"), and the disguises that keep a word whole for a reader but not for a
check: leetspeak ("fr33"), spaced letters ("f r e e"), zero-width characters and homoglyphs inside a word, and words
carried in a link's query string ("?note=send+20%25+off").

Two strengths of evidence, two rules:
- `cipher_runs`: a run that needs a key to be read (uuencode, Atbash, A1Z26, Pig Latin) and that decodes to frequent
  words is refused whatever it says, like the other encodings: nobody writes a buyer or a rep in cipher. A single
  word is too little evidence (names and slang reverse or shift into words: "Salam", "dial"), so one decoded word
  counts only when it is a commercial word (`COMMERCIAL_WORD`).
- `disguised_runs`: a disguise a reader sees through is also how honest text looks now and then (a product code
  "B2B", a spaced acronym, a tracking parameter in an allowed link). Those are given back for the caller to read the
  decoded text with its commercial checks, and refused only when that reading finds a term the original did not.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, unquote_plus, urlsplit

from agents.encoded_runs import EncodedRun, frequent_words, reads_as_words
from agents.normalize import CONFUSABLES, INVISIBLE
from agents.vouched_vocabulary import common_words

COMMERCIAL_WORD = re.compile(
    r"(?:free|gratis|gratuit[oae]?s?|gratuite|kostenlos|kostenfrei|umsonst|offert[e]?|cadeau|regalo|discount\w*|"
    r"rebate|rabatt\w*|nachlass|skonto|remise|ristourne|descuento|rebaja|bonus|bonification|promo\w*|coupon|voucher|"
    r"gutschein|refund|waive[ds]?|cheaper|billiger|signed|unterschrieben|sign[ée]e?|firmado|won|gewonnen|gagn[ée]|"
    r"ganado|deal|percent|prozent|pourcent|porciento|half|halb|moiti[ée]|mitad|price|preis|prix|precio|cost|kosten|"
    r"co[uû]t|coste|off)",
    re.I,
)
"""Words a hidden payload is made of (what is given, moved, won or priced), en/de/fr/es: one decoded word of these is
enough; any other needs a run of words."""

_WORDS = re.compile(r"[A-Za-z]{2,}")


def _known(word: str, vouched: frozenset[str]) -> bool:
    w = word.casefold()
    return w in frequent_words() or w in vouched or (len(w) > 2 and w in common_words())


def _atbash(word: str) -> str:
    return "".join(chr(219 - ord(c)) if "a" <= c <= "z" else c for c in word)


def _rot13(word: str) -> str:
    return "".join(chr((ord(c) - 84) % 26 + 97) if "a" <= c <= "z" else c for c in word)


def _unpig(word: str) -> str | None:
    """The frequent word `word` spells in Pig Latin ("eefray" -> "free", "offway" -> "off"), or None."""
    w = word.casefold()
    if not w.endswith("ay") or len(w) < 4:
        return None
    stem = w[:-2]
    options = [stem[:-1]] if stem.endswith(("w", "y", "h")) else []
    options += [stem[-k:] + stem[:-k] for k in (1, 2, 3) if len(stem) > k and stem[-k] not in "aeiou"]
    return next((o for o in options if len(o) >= 2 and o in frequent_words()), None)


_VOWELS = "aeiouáéíóúàèìòùâêîôûäöüy"
_INFIXES = ("p", "b", "f", "lew", "lef")
"""The play languages that echo each vowel after a syllable ("gratis" -> "grapatipis" in jerigonza, "kostenlos" ->
"kobostebenlobos" in the B-Sprache, "frei" -> "frelewei" in the Löffelsprache), with the consonants children use."""


def _echoed(word: str, infix: str, group: bool) -> str:
    vowels = f"[{_VOWELS}]+" if group else f"[{_VOWELS}]"
    return re.sub(vowels, lambda m: f"{m.group(0)}{infix}{m.group(0)}", word)


def _unplay(word: str) -> str | None:
    """The frequent word `word` spells in a play language of echoed vowels (wave 34, set 38's "grapatipis") or in
    javanais ("gravatavuit" -> "gratuit"), or None. A reading counts only when spelling it back gives `word` whole, so
    a word that merely holds "apa" or "av" is no cipher."""
    w = word.casefold()
    readings = [(re.sub(rf"([{_VOWELS}]{'+' if group else ''}){infix}\1", r"\1", w), infix, group)
                for infix in _INFIXES if infix in w for group in (False, True)]
    for reading, infix, group in readings:
        if reading != w and _echoed(reading, infix, group) == w and reading in frequent_words():
            return reading
    javanais = re.sub(rf"av(?=[{_VOWELS}])", "", w)
    if javanais != w and re.sub(rf"(?<![{_VOWELS}])(?=[{_VOWELS}]+)", "av", javanais) == w \
            and javanais in frequent_words():
        return javanais
    return None


def _counts(decoded: str, words: int) -> bool:
    """A decoding is evidence when it reads as words: one word only when it is commercial."""
    if words >= 2:
        return reads_as_words(decoded)
    return bool(COMMERCIAL_WORD.fullmatch(decoded)) and decoded in frequent_words()


def _word_ciphers(text: str, vouched: frozenset[str]) -> list[EncodedRun]:
    out: list[EncodedRun] = []
    for m in re.finditer(r"(?:\b[A-Za-z]{2,}\b[\s,]*)+", text):
        runs: list[list[str]] = [[]]
        for w in _WORDS.findall(m.group(0)):
            runs.append([]) if _known(w, vouched) else runs[-1].append(w)
        for run in (r for r in runs if r):
            low = [w.casefold() for w in run]
            if len(run) == 1 and (
                len(low[0]) < 4 or run[0].istitle() and len(low[0]) < 6 or run[0][1:] != low[0][1:]
            ):
                continue  # a name or an acronym before a cipher
            readings = [("Atbash", " ".join(_atbash(w) for w in low))]
            if len(run) == 1:  # runs reversed or shifted are agents.encoded_runs' reading already
                readings += [("reversed letters", low[0][::-1]), ("rot13", _rot13(low[0]))]
            pig = [_unpig(w) for w in low]
            if all(pig):
                readings.append(("Pig Latin", " ".join(p for p in pig if p)))
            played = [_unplay(w) for w in low]
            if all(played):
                readings.append(("a play language", " ".join(p for p in played if p)))
            for name, reading in readings:
                if all(w in frequent_words() for w in reading.split()) and _counts(reading, len(run)):
                    out.append(EncodedRun(name, " ".join(run), reading))
                    break
    return out


_LETTER_NUMBER = r"(?:2[0-6]|1\d|[1-9])"
_A1Z26_WORD = re.compile(rf"(?<![\w.,/:-]){_LETTER_NUMBER}(?:([-.]){_LETTER_NUMBER})+(?![\w/:]|[-.,]\d)")
_A1Z26_RUN = re.compile(rf"(?:{_A1Z26_WORD.pattern}[ ,/]*)+")
_A1Z26_SPACED = re.compile(rf"(?<![\w.,/:-]){_LETTER_NUMBER}(?: {_LETTER_NUMBER}){{3,}}(?![\w/:]|[-.,]\d)")


def _a1z26(group: str) -> str:
    return "".join(chr(96 + int(n)) for n in re.findall(r"\d+", group))


def _number_letters(text: str) -> list[EncodedRun]:
    """Letters as their place in the alphabet: "6-18-5-5 19-5-20-21-16", "7.18.1.20.9.19", "7 18 1 20 9 19"."""
    out: list[EncodedRun] = []
    for m in _A1Z26_RUN.finditer(text):
        words = [_a1z26(w.group(0)) for w in _A1Z26_WORD.finditer(m.group(0))]
        reading = " ".join(words)
        if len(words) == 1 and len(words[0]) < 3:
            continue
        if (
            all(w in frequent_words() for w in words)
            and _counts(reading, len(words))
            or (
                len(words) == 1
                and len(reading) >= 4
                and reading in frequent_words()
                and reads_as_words(reading)
            )
        ):
            out.append(EncodedRun("letters as numbers (A1Z26)", m.group(0).strip(" ,/"), reading))
    for m in _A1Z26_SPACED.finditer(text):
        reading = _a1z26(m.group(0))
        if reading in frequent_words() and (len(reading) >= 7 or _counts(reading, 1)):
            out.append(EncodedRun("letters as numbers (A1Z26)", m.group(0), reading))
    return out


_UU_START = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=:))[!-M]")


def _uuencoded(text: str) -> list[EncodedRun]:
    """uuencode lines: a length character, then four characters for every three bytes, all between space and '`'."""
    out: list[EncodedRun] = []
    for m in _UU_START.finditer(text):
        size = ord(m.group(0)) - 32
        need = (size + 2) // 3 * 4
        # a trailing space (a zero byte's digit) is lost to any editor's trimming: two may be missing
        line = text[m.start() : m.start() + 1 + need].split("\n")[0]
        if len(line) < need - 1 or size < 3 or not all(" " <= c <= "`" for c in line):
            continue
        try:
            raw = binascii.a2b_uu(line.ljust(need + 1))
        except binascii.Error:
            continue
        decoded = raw.decode("utf-8", "replace").strip()
        if reads_as_words(decoded) and decoded.count(" ") + 1 >= 2 or _counts(decoded.casefold(), 1):
            out.append(EncodedRun("uuencode", line, decoded))
    return out


def cipher_runs(text: str, vouched: Iterable[str] = ()) -> list[EncodedRun]:
    """Runs of uuencode, Atbash, A1Z26, Pig Latin and single reversed/rot13/Atbash commercial words in `text` (links
    and addresses already masked by the caller), each with the words it spells."""
    v = frozenset(vouched)
    return [*_uuencoded(text), *_number_letters(text), *_word_ciphers(text, v)]


_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"}
)
_LEET_TOKEN = re.compile(
    r"(?<![\w@$])(?=(?:[\w@$]*[A-Za-z]){2})(?=[\w@$]*[0-9@$])[A-Za-z0-9@$]{4,}(?![\w@$])"
)
_SPACED = re.compile(r"(?<![\w.-])(?:[^\W\d_][ .\-_*]){2,}[^\W\d_](?![\w-]|\.\w)")
_INVISIBLE_WORD = re.compile(rf"[^\W\d_]+(?:(?:{INVISIBLE.pattern})+[^\W\d_]+)+")
_MIXED_SCRIPT = re.compile(r"\w*[^\x00-\u024f\s\d]\w*")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+", re.I)


def _query_words(url: str) -> str:
    try:
        parts = urlsplit(url if "://" in url else f"http://{url}")
    except ValueError:  # a malformed host ("http://[::1"): agents.links refuses the link itself
        return ""
    texts = [v for _, v in parse_qsl(parts.query, keep_blank_values=False)] + [unquote_plus(parts.fragment)]
    texts += [unquote_plus(p) for p in parts.path.split("/") if "-" in p or "+" in p or "%20" in p]
    return " ".join(re.sub(r"[-_+]", " ", t) for t in texts if t).strip()


def disguised_runs(text: str, held: str = "") -> list[EncodedRun]:
    """Words a reader sees through a disguise (leetspeak, spaced letters, zero-width characters or homoglyphs inside,
    a link's query), with what they read; the record's own links (in `held`, folded) are quoted, not disguised."""
    out: list[EncodedRun] = []
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:!?")
        if url.casefold() in held:
            continue
        if (words := _query_words(url)) and reads_as_words(words):
            out.append(EncodedRun("text in a link's query", url, words))
    bare = _URL.sub(" ", text)
    for m in _LEET_TOKEN.finditer(bare):
        token = m.group(0)
        word = token.casefold().translate(_LEET)
        if word.isalpha() and word in frequent_words() and not token.isdigit():
            out.append(EncodedRun("leetspeak", token, word))
    for m in _SPACED.finditer(bare):
        word = re.sub(r"[^\w]|_", "", m.group(0)).casefold()
        if len(word) >= 3 and word in frequent_words():
            out.append(EncodedRun("spaced letters", m.group(0), word))
    for m in _INVISIBLE_WORD.finditer(bare):
        # read as normalise reads it, joined: a soft hyphen in "Diesel\u00adkosten" is a hyphenation point
        out.append(EncodedRun("zero-width characters", m.group(0), INVISIBLE.sub("", m.group(0))))
    for m in _MIXED_SCRIPT.finditer(bare):
        word = m.group(0).translate(CONFUSABLES)
        if word != m.group(0) and word.isascii() and word.casefold() in frequent_words():
            out.append(EncodedRun("look-alike letters", m.group(0), word))
    # one word read through a disguise counts when it is a commercial word; a query's words go to the checks whole
    return [
        r
        for r in dict.fromkeys(out)
        if r.encoding == "text in a link's query" or COMMERCIAL_WORD.fullmatch((r.decoded or "").casefold())
    ]
