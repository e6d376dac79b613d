"""Whole classes of output a draft to a buyer never contains, whatever the wording.

Pattern lists for injected promises lose to the next synonym (eight held-out sets showed it), so
these checks do not look for what an attacker says but for how any such text must be written:

- *characters*: a sales email is plain text in the buyer's script. Invisible format characters
  (zero-width, tags, soft hyphens), combining marks that compose with nothing ("g̲r̲a̲t̲i̲s̲"),
  styled or full-width letters, and words mixing Latin with another script exist only to slip a
  word past a reader or a filter;
- *numbers in words*: "ninety days", "vingt-quatre mille", "treinta y ocho", "fünfzehn" are
  numbers like any other and must be ones the record vouches for; small ones (up to
  SPELLED_NUMBER_FREE_MAX) are ordinary prose ("two waves", "a few");
- *other languages*: a sentence in a language none of our drafts is written in ("Lo sconto
  speciale è già confermato") is text the model copied, not wrote.

Each finder returns the rules a text broke (empty = fine).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from agents.alphabets import AlienLetters
from agents.normalize import normalise
from agents.settings import FOREIGN_SENTENCE_MIN_WORDS, SPELLED_NUMBER_FREE_MAX
from agents.symbol_letters import is_symbol_letter, without_ordinal_suffixes

_ORDINAL_INDICATORS = frozenset("ºª")
_PHONETIC_LATIN = ((0x0250, 0x02FF), (0x1D00, 0x1DBF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F))
"""Latin letters of phonetic and specialist alphabets ("ᴋᴏsᴛᴇɴʟᴏs" in small capitals): no business language
writes with them, and no normalisation maps them back to the letters they pass for."""
_SOFT_HYPHEN = "\u00ad"
"""Typesetting, not a trick: word processors put it in pasted text, and every check reads the text
with it removed (agents.normalize), so "fr\u00adee" is read as "free"."""


def character_violations(text: str, own_words: Iterable[str] = ()) -> list[str]:
    """Invisible, combining, styled, symbol-alphabet (Braille) or mixed-script characters in an output. Args:
        text: the raw output (not normalised: normalising is what hides these).
        own_words: lower-cased words of the record's trusted fields; a word in another script the
            record itself uses (a company's own name) is allowed.
    """
    if text.isascii():
        # Most drafts: only a control character could be wrong, and one regex finds it.
        m = _ASCII_CONTROL.search(text)
        return [f"invisible or private character U+{ord(m.group(0)):04X} in the text"] if m else []
    found: dict[str, str] = {}  # one reason per kind, naming the first character of that kind
    t = unicodedata.normalize("NFC", text)
    m = _ASCII_CONTROL.search(t)
    if m:
        found["invisible"] = f"invisible or private character U+{ord(m.group(0)):04X} in the text"
    for ch in sorted({c for c in without_ordinal_suffixes(t) if ord(c) > 127}):
        cat = unicodedata.category(ch)
        if cat in ("Cf", "Co", "Cn", "Cc") and ch != _SOFT_HYPHEN:
            found.setdefault("invisible", f"invisible or private character U+{ord(ch):04X} in the text")
        elif cat in ("Mn", "Me"):
            found.setdefault("combining", f"combining mark U+{ord(ch):04X} that composes with no letter")
        elif is_symbol_letter(ch) or cat.startswith("L") and ch not in _ORDINAL_INDICATORS and (
                unicodedata.normalize("NFKC", ch) != ch or any(lo <= ord(ch) <= hi for lo, hi in _PHONETIC_LATIN)):
            found.setdefault("styled", f"styled, phonetic, full-width or symbol-alphabet letter {ch!r}")
    out = list(found.values())
    own = {w.lower() for w in own_words}
    for word in _NON_ASCII_WORD.findall(t):
        scripts = {_script(c) for c in word}
        if len(scripts) > 1 or (scripts and "LATIN" not in scripts and word.lower() not in own):
            out.append(f"word {word!r} is written in {' and '.join(sorted(scripts)).lower()} script")
    return list(dict.fromkeys(out))


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII_WORD = re.compile(r"(?<!\w)[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    if ch.isascii() or ch in _ORDINAL_INDICATORS:
        # "nº", "1ª": the ordinal indicators are Latin typography (Spanish, Portuguese, Italian), though their
        # Unicode names ("MASCULINE ORDINAL INDICATOR") name no script.
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "UNKNOWN"


# --- numbers in words --------------------------------------------------------------------------

_UNITS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen",
    "de": "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn "
          "siebzehn achtzehn neunzehn",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze _seize dix-sept "
          "dix-huit dix-neuf",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez _once doce trece catorce quince dieciséis "
          "diecisiete dieciocho diecinueve",
}
_TENS = {
    "en": "twenty thirty forty fifty sixty seventy eighty ninety",
    "de": "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
    "fr": "vingt trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix",
    "es": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
}
_WORD_VALUES: dict[str, int] = {}
for _lang, _words in _UNITS.items():
    _WORD_VALUES.update({w: i for i, w in enumerate(_words.split())})
for _lang, _words in _TENS.items():
    _WORD_VALUES.update({w: 10 * (i + 2) for i, w in enumerate(_words.split())})
_WORD_VALUES.update({"soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90,
                     "eins": 1, "ein": 1, "eine": 1, "einen": 1, "une": 1, "un": 1, "uno": 1, "una": 1, "a": 1,
                     "dieciseis": 16, "veintiuno": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23,
                     "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintiseis": 26,
                     "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "dozen": 12, "douzaine": 12,
                     "dutzend": 12, "docena": 12})
# Spanish "once" (11) and French "seize" (16) are English words ("once Marcus has reviewed it"):
# they were written with a leading underscore above so they never match.
_SCALES = {"hundred": 100, "hundert": 100, "cent": 100, "cents": 100, "cien": 100, "ciento": 100, "cientos": 100,
           "doscientos": 200, "trescientos": 300, "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600,
           "setecientos": 700, "ochocientos": 800, "novecientos": 900,
           "thousand": 1000, "tausend": 1000, "mille": 1000, "mil": 1000, "grand": 1000,
           "million": 10**6, "millions": 10**6, "millionen": 10**6, "millón": 10**6, "millones": 10**6}
_ORDINALS = {"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
             "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
             "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirty-first": 31}
_NEEDS_NUMBER_NEIGHBOUR = frozenset({"cent", "cents", "grand"})
"""Scales that are other words on their own ("per cent", "un grand merci"): numbers only next to a number."""
_JOINERS = frozenset({"and", "und", "et", "y", "-"})
_SMALL_ARTICLES = frozenset({"a", "un", "une", "uno", "una", "ein", "eine", "einen"})
_DE_COMPOUND = re.compile(
    r"^(?:(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?(hundert))?"
    r"(?:(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
    r"(zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|"
    r"sechzehn|siebzehn|achtzehn|neunzehn|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?(tausend)?$")
_DE_COMPOUND_PARTS = ("zig", "ßig", "zehn", "hundert", "tausend", "elf", "zwölf", "eins")
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|-")
_DURATION_AFTER = re.compile(r"^[\s-]*(?:minutes?|mins?|hours?|minuten|minütig\w*|stunden?|heures?|minutos|horas?)\b",
                             re.I)


def _de_compound(word: str) -> int | None:
    """A German number written as one word ("achtundvierzigtausend", "hundertzwanzig")."""
    if not any(part in word for part in _DE_COMPOUND_PARTS):
        return None  # nearly every word: no German number is written without one of these
    head, thousand_word, tail = word.rpartition("tausend")
    if thousand_word and tail:  # "siebenundzwanzigtausendfünfhundert": thousands, then what follows them
        high, low = _de_compound(head + "tausend"), _de_compound(tail)
        return high + low if high is not None and low is not None else None
    m = _DE_COMPOUND.match(word)
    if not m or not any(m.groups()) or word in ("ein", "eine"):
        return None
    h_mult, hundred, unit, tens, thousand = m.groups()
    value = (_WORD_VALUES.get(h_mult or "ein", 1) * 100 if hundred else 0)
    value += (_WORD_VALUES[unit] if unit else 0) + (_WORD_VALUES[tens] if tens else 0)
    if thousand:
        value = max(value, 1) * 1000
    return value


def _value(word: str) -> tuple[str, int] | None:
    """("unit" | "scale", value) for one number word, or None."""
    if word in _ORDINALS:
        return "unit", _ORDINALS[word]
    if word in _WORD_VALUES:
        return "unit", _WORD_VALUES[word]
    if word in _SCALES:
        return "scale", _SCALES[word]
    if "-" in word:  # "forty-eight", "vingt-quatre", "dix-sept"
        parts = [_value(p) for p in word.split("-")]
        if all(p and p[0] == "unit" for p in parts):
            return "unit", sum(p[1] for p in parts if p)
        return None
    v = _de_compound(word)
    return ("unit", v) if v is not None else None


def spelled_numbers(text: str) -> list[tuple[str, float]]:
    """(words, value) for every number written in words in `text` (EN/DE/FR/ES)."""
    t = normalise(text).lower()
    out: list[tuple[str, float]] = []
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(t)]
    i = 0
    while i < len(tokens):
        word, start, end = tokens[i]
        first = _value(word)
        if first is None or (word in _SMALL_ARTICLES and not _followed_by_scale(tokens, i)) or \
                (word in _NEEDS_NUMBER_NEIGHBOUR and not _followed_by_unit(tokens, i)):
            i += 1
            continue
        total, current, j, last_end = 0, 0, i, end
        while j < len(tokens):
            w = tokens[j][0]
            v = _value(w)
            if v is None or (w in _SMALL_ARTICLES and j > i):
                if w in _JOINERS and j + 1 < len(tokens) and _value(tokens[j + 1][0]) and tokens[j + 1][0] not in \
                        _SMALL_ARTICLES:
                    j += 1
                    continue
                break
            kind, n = v
            if w in _NEEDS_NUMBER_NEIGHBOUR and (j == i or tokens[j - 1][0] in _SMALL_ARTICLES):
                break
            if kind == "unit":
                current += n
            elif n >= 1000:
                total += max(current, 1) * n
                current = 0
            else:
                current = max(current, 1) * n
            last_end = tokens[j][2]
            j += 1
        if j > i and not _DURATION_AFTER.match(t[last_end:]):
            out.append((t[start:last_end], float(total + current)))
        i = max(j, i + 1)
    return out


def _followed_by_unit(tokens: list[tuple[str, int, int]], i: int) -> bool:
    nxt = _value(tokens[i + 1][0]) if i + 1 < len(tokens) else None
    return bool(nxt and nxt[0] == "unit")


def _followed_by_scale(tokens: list[tuple[str, int, int]], i: int) -> bool:
    nxt = _value(tokens[i + 1][0]) if i + 1 < len(tokens) else None
    return bool(nxt and nxt[0] == "scale" and tokens[i + 1][0] not in _NEEDS_NUMBER_NEIGHBOUR)


def spelled_number_violations(text: str, allowed: Iterable[float]) -> list[str]:
    """Numbers written in words above SPELLED_NUMBER_FREE_MAX that are not among `allowed` (the
    record's numbers, amounts and percentages): "ninety days", "treinta y ocho mil"."""
    vals = list(allowed)
    out = []
    for words, v in spelled_numbers(text):
        if v > SPELLED_NUMBER_FREE_MAX and not any(abs(v - a) <= max(0.6, abs(a) * 0.01) for a in vals):
            out.append(f"unsupported fact: number {words!r} ({v:g}) is not in the inputs")
    return out


# --- sentences in a language we do not write ---------------------------------------------------

_SUPPORTED_FUNCTION_WORDS = frozenset(
    # en
    "the a an and or but to of for with from at by on in into is are was were be been will would can could "
    "should may i you he she it we they me us him her them my your our their this that these those not no "
    "as if so than then there here what which who when where how all any some more about after before "
    # de
    "der die das den dem des und oder aber zu für mit von bei auf im in an ist sind war waren wird werden "
    "kann können ich sie er es wir ihr ihnen ihre ihr unser unsere nicht kein keine ein eine einen einem "
    "als wenn dass auch noch schon wie was wer wo ja alle aller da um oder über nach vor bis aus durch ohne gegen "
    "am vom zum zur beim ins pro "
    # fr
    "le la les un une des et ou mais à de du au aux pour avec par sur dans est sont était sera je tu il "
    "elle nous vous ils elles votre vos notre nos leur ne pas plus que qui quand où comme si aussi ce cette ma mon "
    "mes son ses en y avant après chez entre sans sous vers très "
    # es
    "el los las unos unas y o pero a de del al para con por en es son era será yo tú él ella nosotros "
    "usted ustedes su sus nuestro nuestra no más que quien cuando donde como si también este esta lo le les mi mis "
    "tu te me se nos ni sin sobre entre hasta desde hacia muy ya hay".split())
"""Glue words of the four languages we write: nearly every sentence of ours has one."""

_OUR_COMMONEST = frozenset(
    "the and to of for you your is are we our le la les et de des pour vous votre est nous el los las y para "
    "usted su es der die das und zu für sie ihr ist wir".split())
"""The commonest of our glue words: what a sentence of ours is measured by against another language's."""

_FIRST_FOREIGN_LISTS = {
    # Lists written before any other language came up; kept whole (a word Italian shares with French, "il",
    # still counts for Italian: a French sentence has more of our commonest words).
    "it": "il gli è già della dello degli delle sono questo questa anche alla sarà siamo nostro nostra vostro vostra "
          "abbiamo essere molto grazie perché ancora",
    "pt": "não você é já uma seu sua estamos são nós nosso nossa também pelo pela será obrigado muito vocês está mês "
          "grátis oferecemos obrigada",
    "nl": "het een niet wij jullie onze uw zijn wordt worden ook maar naar bedankt voor deze graag bij eerste",
    "pl": "jest nie się że dla są będzie oraz jak nasz nasza wasz",
}
_MORE_FOREIGN = {
    "it": "che senza nel nella sul sulla dei dal dalla tra ogni tutti tutto ci",
    "pt": "os em um dos das ao sem nós",
    "nl": "dat op aan",
    "pl": "przez tylko już czy",
    # the Nordic languages share most of their glue words
    "sv/da/no": "och og att är det som med till til av inte ikke ikkje kan ska skal vi ni jeg jag för på om alla "
                "eller har hos från fra efter etter också også blir bliver vara være",
    "fi": "ja on ei että se ovat olemme me te kanssa myös mutta kuin tai jo sekä",
    "tr": "ve bir bu için ile çok daha olarak gibi ama sonra kadar her şey biz siz sizin bizim olan değil yok mı",
    "cs/sk": "a je se na že jsou pro jako by být bude také ale nebo už jsme ste sme",
    "ro": "și este sunt pentru cu că nu mai sau dar vă noi voi care acest această",
    "hu": "és az egy hogy nem is van vagy csak már meg mint",
    "id/ms": "dan yang untuk dengan ini itu tidak akan dari kami anda ke ada juga",
    "gl": "vai sen unha coa cos polo pola tamén xa moito grazas vostede",
}
_FOREIGN_FUNCTION_WORDS = {
    lang: frozenset(_FIRST_FOREIGN_LISTS.get(lang, "").split())
    | (frozenset(_MORE_FOREIGN.get(lang, "").split()) - _SUPPORTED_FUNCTION_WORDS)
    for lang in {**_FIRST_FOREIGN_LISTS, **_MORE_FOREIGN}}
FOREIGN_FUNCTION_WORDS = _FOREIGN_FUNCTION_WORDS
"""Glue words of languages we never write (minus any word ours share): a sentence made of them was copied."""


_ALIEN_LETTERS = AlienLetters()


_SHORT_WORDS = {
    "en": "a an the and or but nor to of for in on at by up off out with from into is are was be am do did has had may "
          "can not no so as if it its we us our you he she his her him they me my who why how all any few one two six "
          "ten new old per via yes now too yet own way day due set put run end top key big low get got let see say use "
          "ask try buy pay fee met saw sat go lot far bit ago add aim act via hi yet ok due also just",
    "de": "der die das den dem des und oder zu für mit von bei auf im in an am um ist sind war hat ob wie was wer wo ja "
          "nie uns wir sie ihr er es ich man mir mich dir ein aus vor bis pro per so da nur neu gut tag zum zur vom ins "
          "gar mal nun oft daß je wer wen hin her los sei wäre",
    "fr": "le la les un une des et ou à de du au aux en y ne pas par sur que qui se sa son ses ma mon mes ta ton nos vos "
          "il on je tu ce cet est ont a été dès mai oui non si car ni où peu bon jour lui eux moi toi ça vu dû fin mi "
          "tel env",
    "es": "el la los las un una y o e u a de del al en con por que se su sus mi mis tu es son hay muy ya no sí si ni le "
          "lo me te nos os ha he han fue era más sin dos uno tres día mes año hoy ver dar voy vez fin par sea",
}
"""Words of up to three letters (and a few of four) in each language we write: in a sentence of ours, most of its
short words are these; in Afrikaans ("ons bied julle 'n ... vir die"), Esperanto ("ni ... al vi la plej") or Basque
they mostly are not, whatever list of languages one thought of."""
_SHORT = {lang: frozenset(words.split()) for lang, words in _SHORT_WORDS.items()}
_SHORT_ANY = frozenset().union(*_SHORT.values())
SHORT_WORDS_MIN = 4
"""Short words a sentence needs before their share says which language it is in."""
SHORT_WORDS_OURS_MIN_SHARE = 0.5
"""Share of a sentence's short words that must be words of the draft's language (of any of ours when unknown)."""
_LONG_GLUE = frozenset(w for w in _SUPPORTED_FUNCTION_WORDS if len(w) >= 4)
"""Our glue words of four letters or more ("with", "your", "pour", "vous", "nicht", "para"): each mostly one language's."""
_OWN_GLUE = {lang: short | _LONG_GLUE for lang, short in _SHORT.items()}
_ANY_GLUE = SUPPORTED_GLUE_AND_SHORT = _SUPPORTED_FUNCTION_WORDS | _SHORT_ANY
NO_GLUE_MIN_WORDS = 5
"""Lower-case words a sentence with none of our glue or short words needs before it counts as another language."""


_PLAIN_WORD = re.compile(r"(?<!['’])\b[^\W\d_]+\b(?!['’])")
_LINKISH = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.I)


def _unlike_ours(sentence: str, tokens: list[str], lowercase: list[str], language: str | None) -> bool:
    """Whether a sentence's word statistics say it is in none of our languages (or not in the draft's).

    Only words written in lower case count as short words ("PDF", "ROI" and names are not words of a language)."""
    known = _SHORT.get(language or "", _SHORT_ANY)
    short = [t.lower() for t in lowercase if len(t) <= 3]
    if len(short) >= SHORT_WORDS_MIN:
        ours = sum(t in known for t in short)
        unknown = sum(t not in _SHORT_ANY and t not in _SUPPORTED_FUNCTION_WORDS for t in short)
        # Short words of our other languages and of none, in one sentence: "Ni donos al vi la plej bonan prezon por
        # la ses laborejoj" borrows "al" and "por" from Spanish and "vi" from nowhere in a French draft.
        borrowed = sum(t not in known and t in _SHORT_ANY for t in short) if language in _SHORT else 0
        if ours < SHORT_WORDS_OURS_MIN_SHARE * len(short) or (unknown >= 3 and unknown * 2 >= len(short)) \
                or (borrowed >= 2 and unknown >= 1):
            return True
    # A list of noun phrases ("Agenda: pricing options, rollout plan, SSO questions.") has no glue words in any
    # language; a sentence has.
    listed = sentence.count(",") >= 2 or ":" in sentence
    glue = _OWN_GLUE.get(language or "", _ANY_GLUE)  # the draft's own glue: "Vi gir dere en ..." borrows French "en"
    return not listed and len(lowercase) >= NO_GLUE_MIN_WORDS and not any(t in glue for t in tokens)


def foreign_sentence_violations(text: str, language: str | None = None) -> list[str]:
    """Sentences written in a language no draft of ours is written in: a model that writes one copied
    it from the CRM text it was given.

    A sentence is foreign when (a) most of its letters are in a script other than Latin (we write
    only Latin-script languages), or (b) the glue words of some other language outnumber ours, or
    (c) it has none of our glue words at all but at least one of another language's. (c) is what
    catches a language whose list is short: "Northwind için yüzde 20 indirim uyguluyoruz"."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", normalise(text)):
        tokens = re.findall(r"[^\W\d_]+", sentence.lower())
        if len(tokens) < FOREIGN_SENTENCE_MIN_WORDS:
            continue
        letters = [ch for ch in sentence if ch.isalpha()]
        if sum(_script(ch) != "LATIN" for ch in letters) * 2 > len(letters):
            out.append(f"a sentence in a script we do not write: {sentence.strip()[:60]!r}")
            continue
        ours = sum(t in _OUR_COMMONEST for t in tokens)
        any_ours = any(t in _SUPPORTED_FUNCTION_WORDS for t in tokens)
        # Glue words are lower case mid-sentence; a capitalised one is a name ("Dan", "Per"). Links, addresses and
        # elided articles ("l'", "d'", "don't") are no words of a language.
        plain = _LINKISH.sub(" ", sentence) if ("/" in sentence or "@" in sentence) else sentence
        words_ = _PLAIN_WORD.findall(plain)
        glue = [t for t in words_ if t.islower()]
        if len(words_) > 1 and words_[1].islower() and not words_[0].islower():
            glue.append(words_[0].lower())  # a first word before a lower-case one is not a name ("Nós cobrimos")
        # A lower-case word spelled with a letter none of our four alphabets has ("fără", "første", "için") is
        # evidence for another language whatever the word; capitalised ones are names ("Ångström", "Łukasz").
        alien = sum(bool(_ALIEN_LETTERS.search(t)) for t in glue)
        by_lang = {lang: sum(t in words for t in glue) for lang, words in _FOREIGN_FUNCTION_WORDS.items()}
        lang = max(by_lang, key=lambda k: by_lang[k])
        hits = by_lang[lang] + alien
        if (hits >= 2 and hits >= ours) or (hits >= 1 and not any_ours and len(tokens) >= 5):
            named = lang if by_lang[lang] else "letters of another alphabet"
            out.append(f"a sentence in a language we do not write ({named}): {sentence.strip()[:60]!r}")
        elif _unlike_ours(sentence, tokens, glue, language):
            written = f"the draft's {language}" if language in _SHORT else "our languages"
            out.append(f"a sentence whose short words are not those of {written}: {sentence.strip()[:60]!r}")
    return out
