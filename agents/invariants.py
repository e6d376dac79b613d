"""Whole classes of output a draft to a buyer never contains, whatever the wording.

Pattern lists for injected promises lose to the next synonym (eight held-out sets showed it), so
these checks do not look for what an attacker says but for how any such text must be written:

- *characters*: a sales email is plain text in the buyer's script. Invisible format characters
  (zero-width, tags, soft hyphens), combining marks that compose with nothing ("g̲r̲a̲t̲i̲s̲"),
  styled or full-width letters, and words mixing Latin with another script exist only to slip a
  word past a reader or a filter;
- *numbers in words* (agents.spelled_numbers): "ninety days", "fünfzehn" are numbers like any other;
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
from agents.latin_loanwords import without_latin_loanwords
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts
from agents.settings import FOREIGN_SENTENCE_MIN_WORDS
from agents.symbol_letters import is_symbol_letter, without_ordinal_suffixes
from agents.text_memory import TEXT_MEMORY, remembered

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
    for ch in sorted({c for c in without_ordinal_suffixes(without_emoji_presentation(t)) if ord(c) > 127}):
        cat = unicodedata.category(ch)
        if cat in ("Cf", "Co", "Cn", "Cc") and ch != _SOFT_HYPHEN:
            found.setdefault("invisible", f"invisible or private character U+{ord(ch):04X} in the text")
        elif cat in ("Mn", "Me"):
            found.setdefault("combining", f"combining mark U+{ord(ch):04X} that composes with no letter")
        elif ch == _MICRO and not _MICRO_IN_A_WORD.search(t):
            continue  # "µ", "µm", "µs": the micro sign as a symbol or a unit's prefix
        elif is_symbol_letter(ch) or cat.startswith("L") and ch not in _ORDINAL_INDICATORS and (
                unicodedata.normalize("NFKC", ch) != ch or any(lo <= ord(ch) <= hi for lo, hi in _PHONETIC_LATIN)):
            found.setdefault("styled", f"styled, phonetic, full-width or symbol-alphabet letter {ch!r}")
    out = list(found.values())
    own = {w.lower() for w in own_words}
    for word in _NON_ASCII_WORD.findall(t):
        if _FORMULA.fullmatch(word) or word in _GREEK_SYMBOLS:
            continue  # "CO₂", "m²", "Δ Standzeit": a formula, a unit or a symbol, no word in two scripts
        if all(unicodedata.category(c) == "No" for c in word):
            continue  # wave 38 (set 48's 077): "½", "¾" are numbers (VULGAR FRACTION ...), not a script's letters
        scripts = {_script(c) for c in word}
        if len(scripts) > 1 or (scripts and "LATIN" not in scripts and word.lower() not in own):
            out.append(f"word {word!r} is written in {' and '.join(sorted(scripts)).lower()} script")
    return list(dict.fromkeys(out))


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PRESENTATION = re.compile(r"([^\w\s])[\ufe0e\ufe0f]")
_EMOJI_JOINER = re.compile(r"([^\w\s])\u200d(?=([^\w\s]))")
_EMOJI_PARTS = frozenset({"So", "Sk"})
"""Emoji (So) and their skin-tone modifiers (Sk): what a zero-width joiner composes into one emoji."""


def without_emoji_presentation(text: str) -> str:
    """`text` without the variation selectors (U+FE0E text, U+FE0F emoji presentation) that follow a symbol: U+2764 U+FE0F
    is how every phone writes a red heart, not a mark hidden on a letter (wave 34, set 43's 084). After a letter the
    selector stays, and is read as the stray mark it is. Likewise a zero-width joiner (U+200D) between two emoji is how
    "👩‍💻" or "👨‍👩‍👧" is composed (wave 35, set 44's 084); between letters, or a letter and an emoji, it stays refused."""
    text = _PRESENTATION.sub(lambda m: m.group(1) if unicodedata.category(m.group(1)) == "So" else m.group(0), text)
    if "\u200d" not in text:
        return text
    return _EMOJI_JOINER.sub(lambda m: m.group(1) if {unicodedata.category(m.group(1)),
                                                       unicodedata.category(m.group(2))} <= _EMOJI_PARTS
                             else m.group(0), text)


_ELEMENT = (r"(?:H|He|Li|Be|B|C|N|O|F|Ne|Na|Mg|Al|Si|P|S|Cl|Ar|K|Ca|Ti|Cr|Mn|Fe|Co|Ni|Cu|Zn|Br|Kr|Ag|Sn|I|Xe|Ba|Pt|"
            r"Au|Hg|Pb|U)")
_FORMULA = re.compile(rf"(?:{_ELEMENT}[\u2080-\u2089]*)*{_ELEMENT}[\u2080-\u2089]+(?:{_ELEMENT}[\u2080-\u2089]*)*|"
                      r"(?:[kcmdµμ]?m|ft|in|yd|mi|s)[\u00b2\u00b3]|[µμ](?:m|s|g|l|A|V|W|F|mol)[\u00b2\u00b3]?")
"""A chemical formula with subscript digits ("CO₂", "H₂O") or a unit squared or cubed ("m²", "km³"), or in micro ("µm"):
sub- and superscript digits are how they are written, not a second script. A subscript letter inside a word
("ₒffₑᵣₜₑ") is still refused."""
_MICRO = "\u00b5"
_MICRO_IN_A_WORD = re.compile(r"\w\u00b5|\u00b5(?!(?:m|s|g|l|A|V|W|F|mol)?\b)\w")
"""The micro sign inside a word rather than alone or before a unit ("µm", "µs", "µg")."""
_GREEK_SYMBOLS = frozenset("ΔΩΣΠΦΨΘΛΓΞδπλμµθφψωσ")
"""Greek letters that stand alone as symbols ("Δ Standzeit" for a difference, "Ω", "µ", "π") and look like no Latin
letter; inside a Latin word, or a Greek letter that passes for a Latin one ("Α", "ο"), is still refused."""


_NON_ASCII_WORD = re.compile(r"(?<!\w)[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    if ch.isascii() or ch in _ORDINAL_INDICATORS:
        # "nº", "1ª": the ordinal indicators are Latin typography (Spanish, Portuguese, Italian), though their
        # Unicode names ("MASCULINE ORDINAL INDICATOR") name no script.
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "UNKNOWN"


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


@remembered(TEXT_MEMORY)
def foreign_sentence_violations(text: str, language: str | None = None) -> list[str]:
    """Sentences written in a language no draft of ours is written in: a model that writes one copied
    it from the CRM text it was given.

    A sentence is foreign when (a) most of its letters are in a script other than Latin (we write
    only Latin-script languages), or (b) the glue words of some other language outnumber ours, or
    (c) it has none of our glue words at all but at least one of another language's. (c) is what
    catches a language whose list is short: "Northwind için yüzde 20 indirim uyguluyoruz"."""
    out = []
    for sentence in sentence_parts(normalise(text)):
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
        plain = without_latin_loanwords(plain, _SHORT.get(language or "", _SHORT_ANY))  # "per se", "ad hoc" (wave 32)
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
