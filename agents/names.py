"""Names in a text: which capitalised words are names, another customer's name in any form, words dressed up to pass
a check (digits for letters). German capitalises every noun and French/Spanish sentences start with capitals, so a name
is a capitalised word mid-sentence the record does not know; "our customer X" names X whatever X is (agents.facts)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from agents.code_segments import code_segment
from agents.compound_parts import opens_a_compound
from agents.language_names import LANGUAGE_NAMES
from agents.loanwords import GERMAN_ANGLICISMS
from agents.name_abbreviations import SENTENCE_END as _SENTENCE_END
from agents.normalize import normalise
from agents.quoted_terms import quoted_as_titles
from agents.sentence_ends import sentence_parts

COMMON_CAPITALISED = frozenset("""
i i'm i'll i've i'd hi hello hey dear thanks thank best regards cheers kind warm warmest sincerely
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december
team ps p.s ok okay happy looking also would could can let our your we you it this that the a an
and or but if so as at on in for to of with by from please just quick great good glad hope
following re fwd subject call script opening close closing discovery next step steps agenda
objective purpose voicemail note notes mr mrs ms dr prof sir madam
hallo guten tag danke vielen viele grüße gruß freundlichen sie ihr ihre ihnen ihrem ihren ihrer ihres
montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz mai juni juli oktober dezember
herr frau bonjour bonsoir merci cordialement madame monsieur mme vous votre vos lundi mardi mercredi jeudi
vendredi samedi dimanche janvier février avril juin juillet août septembre octobre novembre décembre
hola buenos días saludos atentamente estimado estimada estimado/a gracias usted su sus lunes martes miércoles
jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
diciembre sr sra señor señora don doña
""".split()) | LANGUAGE_NAMES
"""Capitalised words that are not names (greetings, days, months, sentence glue, languages: wave 37)."""

_DAY_WORDS = frozenset("""montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april
mai juni juli august september oktober november dezember wochen""".split())

_GERMAN_TIME_UNITS = frozenset("""sekunde sekunden minute minuten viertelstunde stunde stunden tag tage tagen woche
wochen monat monate monaten jahr jahre jahren zeit""".split())
"""German nouns of time, a closed class: "eine halbe Stunde Zeit" asks for time, it names nobody."""

_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_LEET = re.compile(r"\b(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[013457])[a-z0-9]{4,}\b", re.I)
_LEET_MAP = str.maketrans("013457", "oieast")
_UNIT_TOKEN = re.compile(r"^\d+(?:st|nd|rd|th|am|pm|k|m|x|h|hrs?|min|mins|s|er|e|ème|º|ª|kw|gb|mb|tb|fps|px)$|"
                         r"^[a-z]{1,3}\d$|^\d{1,4}[a-z]{1,2}$|^(?:kw|cw|wk)\d{1,2}$", re.I)
"""Letters and digits that are a unit or a code, not a disguised word: 1st, 10am, 5k, mp3, 4pm, KW49 (a calendar week)."""
_CUSTOMER_REF = re.compile(r"\b(?:our|unser\w*|notre|nos|nuestr[oa]s?)\s+(?:\w+\s+)?(?:customers?|clients?|kunden?|"
                           r"kundin(?:nen)?|clientes?|clientèle|references?|referenz\w*|référence\w*|referencias?)\b"
                           r"\W+((?:[\w'’-]+\W+){0,3})", re.I)

def word_list(text: str) -> list[str]:
    return list(_words_of(text))


@functools.lru_cache(maxsize=4096)
def _words_of(text: str) -> tuple[str, ...]:
    """Memoised: every agent role builds the record's vocabulary from the same activity texts."""
    return tuple(_base(w) for w in _WORD.findall(text))


def _base(word: str) -> str:
    if "'" not in word and "’" not in word and word[-1:] != "-":
        return word  # most words: nothing to strip (_WORD starts every word with a letter)
    w = word.replace("’", "'")
    return w[:-2] if w.lower().endswith("'s") else w.strip("'-")


_STOPWORDS_BY_LANGUAGE = {
    "en": frozenset("the and to of for with you your is are we our on in this that would could".split()),
    # wave 33 (set 42's de-g9): a note's genitive and contracted articles ("zur Durchsicht des Angebots", "vom 28.
    # Oktober", "oder"): with "des" alone a German note counted as French ("des" is French too)
    "de": frozenset("der die das des zur zum vom von oder und zu für mit sie ihr ihre ist sind wir unser auf im dem den "
                    "ein eine nicht".split()),
    "fr": frozenset("le la les et de des pour avec vous votre est sont nous notre sur dans un une du au".split()),
    "es": frozenset("el la los las y de para con usted su es son nosotros nuestro en un una del al por".split()),
}


def guess_language(text: str) -> str:
    """Guess en/de/fr/es from function words (enough to decide how capitals behave)."""
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    counts = {lang: sum(t in sw for t in tokens) for lang, sw in _STOPWORDS_BY_LANGUAGE.items()}
    return max(counts, key=lambda k: (counts[k], k == "en"))


def language_counts(text: str) -> dict[str, int]:
    """How many of each language's function words a text uses."""
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    return {lang: sum(t in sw for t in tokens) for lang, sw in _STOPWORDS_BY_LANGUAGE.items()}


FOREIGN_SENTENCE_MIN_WORDS = 3
"""Function words of one language a sentence needs before it counts as written in that language."""


def foreign_sentences(text: str, language: str) -> list[str]:
    """Sentences written in another supported language than `language`: a draft that switches language mid-way
    ("Hi Javier, The proposal ... will arrive next week. Nos centramos en ...") is not in the buyer's language
    even when most of its words are."""
    if language not in _STOPWORDS_BY_LANGUAGE:
        return []
    out = []
    for sentence in sentence_parts(text):
        counts = language_counts(sentence)
        top = max(counts, key=lambda k: counts[k])
        if top != language and counts[top] >= FOREIGN_SENTENCE_MIN_WORDS and counts[language] * 3 <= counts[top]:
            out.append(sentence.strip())
    return out


_INITIALISM = re.compile(r"[A-Z][a-z]?[A-Z]|[A-Z][a-z][A-Z][A-Z]|[A-Z]{2,5}s")  # wave 38: plurals, "PCs", "KPIs"
def known_word(w: str, words: frozenset[str]) -> bool:
    lw = w.lower()
    if lw in words or lw in COMMON_CAPITALISED or lw in _GERMAN_TIME_UNITS or (w.isupper() and len(w) <= 5) \
            or _INITIALISM.fullmatch(w):  # "SSO", and with a small joining letter "IdP", "PoC": a term, no name
        return True
    if len(lw) >= 9 and any(lw[:i] in _DAY_WORDS for i in range(5, len(lw) - 3)):
        return True  # a German compound on a day or month ("Montagvormittag", "Dezemberwoche")
    return "-" in w and all(p.lower() in words or p.lower() in COMMON_CAPITALISED for p in w.split("-") if p)


_GERMAN_DETERMINERS = frozenset("""der die das den dem des ein eine einen einem einer eines kein keine keinen keinem
keiner keines ihr ihre ihren ihrem ihrer ihres unser unsere unseren unserem unserer unseres mein meine meinen meinem
meiner meines sein seine seinen seinem seiner seines dein deine deinen deinem deiner euer eure euren eurem eurer dies
diese diesen diesem dieser dieses jede jeden jedem jeder jedes jene jenen jenem jener alle allen aller manche welche
welchen welchem welcher zum zur vom beim im am ins ans aufs""".split())
"""Words that open a German noun phrase: the capitalised word they lead to is a noun, not a name."""
_GERMAN_HONORIFICS = frozenset({"herr", "herrn", "frau"})
_BEFORE_A_NAME = _GERMAN_HONORIFICS | {"hr", "hrn", "fr", "dr", "prof", "med", "dent", "dipl", "ing"}
_ADJECTIVE_ENDING = re.compile(r"^[a-zäöüß]+(?:e|en|em|er|es)$")
def _german_noun(tokens: list[str], i: int, words: frozenset[str]) -> bool:
    """Whether German grammar makes the capitalised token i a noun rather than a name: an honorific itself, the
    genitive of a name the record knows ("Webers" of Weber), a word after a determiner and its adjectives ("einem
    neuen Angebot") or after a genitive ("Webers Frage")."""
    w = tokens[i]
    if w.lower() in _GERMAN_HONORIFICS or (w.endswith("s") and len(w) > 3 and known_word(w[:-1], words)):
        return True
    j = i - 1
    while j > 0 and i - j <= 2 and _ADJECTIVE_ENDING.match(tokens[j]) and tokens[j].lower() not in _GERMAN_DETERMINERS:
        j -= 1
    prev = tokens[j]
    if prev.lower() in _GERMAN_DETERMINERS and (prev[0].islower() or j == 0):
        return True
    before = tokens[i - 1]
    return before.endswith("s") and before[:1].isupper() and len(before) > 3 and known_word(before[:-1], words)


_GERMAN_LETTERS = re.compile(r"[äöüß]|\b(?:Frau|Herr|Herrn|Hallo|Grüße|Grüßen)\b")


def _german_by_its_letters(text: str) -> bool:
    """wave 31 (set 40's de-g1, "gern, bis Ende nächster Woche: Freitag, 27. November."): a line with no function word
    of any language is told by its letters and its forms of address; German capitalises its nouns there too."""
    return not any(language_counts(text).values()) and _GERMAN_LETTERS.search(text) is not None


def unknown_names(text: str, words: frozenset[str], seen: frozenset[str] = frozenset()) -> list[str]:
    out: list[str] = []
    # German capitalises every noun, so there a lone capitalised word is no evidence of a name:
    # only two unknown capitalised words in a row ("Anna Schmidt") or one after Herr/Frau count.
    german = guess_language(text) == "de" or _german_by_its_letters(text)
    # Sentence starts are capitalised anyway; only mid-sentence capitals are taken as names.
    if german:
        text = quoted_as_titles(text, _GERMAN_DETERMINERS)
    # an honorific's dot ends no sentence: "votre directeur général, M. Bernard, ..." names Bernard mid-sentence
    for sentence in re.split(_SENTENCE_END, text):
        tokens = [_base(t) for t in _WORD.findall(sentence)]
        for i, w in enumerate(tokens):
            if i == 0 or not w or not w[0].isupper() or known_word(w, words):
                continue
            if german and (_german_noun(tokens, i, words) or w.lower() in GERMAN_ANGLICISMS):
                continue
            if german:
                triple = any(len(r) == 3 and all(t[:1].isupper() and not known_word(t, words) for t in r)
                             for r in (tokens[max(i - 2, 1):i + 1], tokens[i - 1:i + 2], tokens[i:i + 3]))
                if (w.lower() in seen or (tokens[i - 1].lower() not in _BEFORE_A_NAME and opens_a_compound(w, seen))) \
                        and not triple:
                    # a German noun the customer's own text used ("Laufzeit"), alone or opening a compound of it
                    # ("Amortisation" of "Amortisationsrechnung", wave 31), not a new name
                    continue
                nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
                prev = tokens[i - 1]
                pair = (bool(nxt) and nxt[0].isupper() and not known_word(nxt, words) and nxt.lower() not in seen) or \
                    (i > 1 and prev[:1].isupper() and not known_word(prev, words) and prev.lower() not in seen)
                # Three capitalised words in a row mid-sentence ("bei der Spedition Hansen Nord"): a name even if noted once
                run = tokens[i - 1:i + 2] if i + 1 < len(tokens) else []
                pair = pair or (len(run) == 3 and all(t[:1].isupper() and not known_word(t, words) for t in run))
                if not (pair or prev.lower() in _BEFORE_A_NAME):  # "Herr Weber", "Hr. Krause", "Dr. med. Hartmann"
                    continue
            out.append(w)
    return out


def disguised_words(text: str) -> list[str]:
    """Words with digits standing in for letters ("3 m0nths fr33"): they hide a word from every
    check that reads it."""
    out = []
    for m in _LEET.finditer(text):
        token = m.group(0)
        letters = sum(c.isalpha() for c in token)
        if letters >= 2 and not _UNIT_TOKEN.match(token) and token.translate(_LEET_MAP).isalpha() \
                and not code_segment(text, m.start(), m.end()):  # "NW-4E1A-2026": a reference's segment (wave 34)
            out.append(token)
    return out


def customer_references(text: str, words: frozenset[str]) -> list[str]:
    """Capitalised words the record does not know that follow "our customer/unser Kunde/notre client/
    nuestro cliente": whoever follows is another customer, named."""
    out = []
    for m in _CUSTOMER_REF.finditer(normalise(text)):
        out += [w for w in _WORD.findall(m.group(1)) if w[:1].isupper() and not known_word(w, words)]
    return out


def trie_pattern(literals: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern that finds, at every position of a text, the longest of `literals` starting there (a regex
    shaped as a trie, so the text is scanned once however many literals there are)."""
    trie: dict[str, Any] = {}
    for lit in literals:
        node = trie
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return None

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(f"(?=({build(trie)}))")


