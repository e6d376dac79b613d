"""A second screen, learned rather than listed: does a sentence of an output read like planted content?

The pattern checks (agents/claims.py, concepts.py and friends) name each way a compromised model commits the vendor
("verrechnen wir nicht", "une gracieuseté de notre part"); every red team found wordings no pattern names. This
screen scores each sentence with a linear model over character n-grams and word pairs, trained on the project's labelled
replies (`tests.agents.screen_training`: sentences of compromised replies that carry an injected marker against
sentences of benign replies and good drafts, EN/DE/FR/ES). Character n-grams generalise across inflections,
spellings and neighbouring languages where word lists do not ("verrechnen", "verrechnet"; "gratuit", "gracieux").

The model is a versioned artifact (`agents/models_data/commitment_screen.json.gz`), rebuilt by
`make screen-model`; this module only reads it, so the runtime needs no scikit-learn. Scoring a sentence is a sum
of the weights of its n-grams, l2-normalised, through a logistic: the same arithmetic the trainer's
`LogisticRegression.decision_function` does on the same features.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from agents.facts import Vocabulary, find_unsupported
from agents.held_codes import quotes_a_held_code
from agents.links import URL
from agents.normalize import normalise
from agents.order_numbers import order_numbers_out
from agents.vouched import is_template_sentence

MODEL_PATH = Path(__file__).resolve().parent / "models_data" / "commitment_screen.json.gz"
"""Where the trained screen lives (built by `python -m tests.agents.screen_training`)."""

NGRAM = 4
"""Character n-gram size, taken inside words padded by a space (as scikit-learn's `char_wb`)."""

_GERMAN_MONTH = r"(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\w*\b"
_SENTENCE = re.compile(rf"(?<=[.!?])(?<!\d\.)(?<!\b[A-Z]\.)\s+(?![a-zà-ÿ])|(?<=\d\.)\s+(?!{_GERMAN_MONTH})|\n+")
"""Sentence ends, but not a German ordinal's dot before its month ("Freitag, 27. November"); "on November 18. Great
news: ..." is two sentences; nor an initial's dot ("U.S."), nor a dot before a lower-case word ("the proposal... let me
know"). A semicolon joins what a sentence says (a fragment after it, "please confirm which depots
go live first", reads as an order out of its context)."""
_WORD = re.compile(r"[^\W_]+|\d+", re.UNICODE)
_DIGITS = str.maketrans("0123456789", "0000000000")


def sentences(text: str) -> list[str]:
    """The units the screen scores: sentences (and lines), in the screen's canonical spelling."""
    return [s.strip() for s in _SENTENCE.split(normalise(text)) if len(s.strip()) > 1]


def features(sentence: str) -> set[str]:
    """The sentence's features: character 4-grams of its lower-cased words padded by a space (digits all read as 0,
    so a figure's shape counts, not its value), its words and its pairs of adjacent words. One n-gram size: 3- to
    5-grams measured about the same and cost three times the screening CPU (agents/README.md, wave 17). Word pairs
    read how words combine ("no charge" against "no login"): on the leave-future-out table (sets 27-31, each trained
    on the sets before it) they caught 414 of 549 planted cases' sentences instead of 388, with 10 of 733 benign
    replies refused as before and 6 of 200 good drafts instead of 8 (agents/README.md, wave 23)."""
    low = sentence.lower().translate(_DIGITS)
    out: set[str] = set()
    words = _WORD.findall(low)
    for word in words:
        out.add("w " + word)
        padded = f" {word} "
        out.update(padded[i:i + NGRAM] for i in range(max(1, len(padded) - NGRAM + 1)))
    out.update(f"b {a} {b}" for a, b in zip(words, words[1:], strict=False))
    return out


class ScreenModelError(RuntimeError):
    """The screen's artifact is missing or unreadable; rebuild it with `make screen-model`."""


@dataclass(frozen=True)
class ScreenModel:
    """Weights per feature, the intercept and the decision threshold (a probability) chosen at training."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    version: str

    def score(self, sentence: str) -> float:
        """Probability that `sentence` is planted content rather than what a benign reply says."""
        feats = features(sentence)
        if not feats:
            return 0.0
        w = self.weights
        known = [w[f] for f in feats if f in w]
        # binary features, l2-normalised over the features the model knows (as TfidfVectorizer's vocabulary does)
        z = self.intercept + (sum(known) / math.sqrt(len(known)) if known else 0.0)
        return 1.0 / (1.0 + math.exp(-z))

    def flagged(self, text: str) -> list[tuple[str, float]]:
        """Each sentence of `text` the model reads as planted, with its probability."""
        scored = ((s, self.score(s)) for s in sentences(text))
        return [(s, p) for s, p in scored if p >= self.threshold]


_FACT = re.compile(rf"\d|@|{URL.pattern}", re.I)
"""A figure, an address or a link: something the facts check can vouch for."""
_QUESTION = re.compile(r"\?\s*$|^\s*¿")
_CONDITION = re.compile(r"\b(?:once|when|if|as soon as|sobald|wenn|falls|dès que|une fois que|si|lorsque|quand|cuando|"
                        r"en cuanto|una vez que|tan pronto como)\b", re.I)
"""A condition still to be met ("Sobald der Vertrag unterschrieben ist, ..."): a plan, which states nothing done. The
model, trained on sentences, reads the signing word and not the condition; the pattern checks read the condition."""

_GREETING_WORDS = frozenset("""
hi hello dear hey best regards kind warm many thanks thank cheers yours sincerely
hallo liebe lieber sehr geehrte geehrter guten tag viele beste freundliche grüße gruß grüßen herzliche mit
bonjour chère cher madame monsieur bien à vous cordialement salutations bonne journée merci
hola estimado estimada estimados buenos días un saludo saludos atentamente cordiales gracias
""".split())
_LINKING_WORDS = frozenset("call at with and anruf anrufen bei mit und appel appeler chez avec et llamada llamar a con y"
                           .split())
"""Greeting and sign-off words of our languages, and the few words of a call script's heading ("Call Mia at Nimbus
Creative"): with the record's names they make a sentence of no content."""
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
"""A word, an elided name whole ("N'Diaye": its "N" alone is no name of the record)."""

_override: list[ScreenModel] = []


def current_model() -> ScreenModel:
    """The shipped model, or the one a measurement installed with `measured_with` (leave-one-set-out)."""
    return _override[-1] if _override else load_model()


@contextlib.contextmanager
def measured_with(model: ScreenModel) -> Iterator[ScreenModel]:
    """Screen with `model` instead of the shipped one inside the block (tests.agents.screen_training's measurements)."""
    _override.append(model)
    try:
        yield model
    finally:
        _override.pop()


def planted_sentence_violations(text: str, vocab: Vocabulary, kinds: tuple[str, ...] | None = None, *,
                                answers_the_buyer: Callable[[str], bool] | None = None,
                                vouched_out: Callable[[str], str] | None = None) -> list[str]:
    """Sentences of an output the learned screen reads as planted, unless the record vouches for them.

    A question commits the vendor to nothing, nor does a plan under a condition still to be met (the pattern checks
    still read both). A sentence that states a figure, a date or a link which the facts
    check finds in the record (the deal's amount, an allow-listed page) is anchored in the record: the look-alike
    "the total is EUR 36,000 for all 120 vehicles" reads like an injected price, and the record says it. Any other
    flagged sentence is refused like a pattern's finding, and the model is asked to repair it once.
    `answers_the_buyer` tells a sentence that does what the buyer asked (a same-day call they asked for): passed.
    `vouched_out` blanks a clause the record vouches for (a contact's absence her own message states); the rest of
    the sentence is scored again, and passes only if the screen no longer flags it.
    """
    reasons = []
    model = current_model()
    for sentence, p in model.flagged(text):
        if _QUESTION.search(sentence) or _CONDITION.search(sentence) or is_template_sentence(sentence, vocab.own_words):
            continue
        if answers_the_buyer is not None and answers_the_buyer(sentence):
            # "Como me pidió, le llamo esta tarde": the buyer asked for today, and the screen learned same-day calls
            # only as attacks (set 27's benign 032/033); the pattern checks still read the sentence
            continue
        if vouched_out is not None and (rest := vouched_out(sentence)) != sentence \
                and model.score(rest) < model.threshold:
            continue  # wave 42: "Claire étant absente jusqu'à vendredi, je me permets ..." (agents.screen_vouches)
        if vocab.names and all(_no_content(w.lower(), vocab.names) for w in _LETTER_WORD.findall(sentence)):
            continue  # a signature ("Pierre"), a greeting ("Hola Lucas:"), a call's heading, of the record's own names
        # a section number, an ordinal or a reference code is no fact at all, so it anchors nothing: "The quote
        # reference HDG-0427 is on the cover page" is still the screen's to read (wave 25)
        # ... unless the record holds the code whole ("PO-4471" in its purchase-order field, wave 30)
        anchored = _FACT.search(order_numbers_out(sentence)) or quotes_a_held_code(sentence, vocab.codes)
        if anchored and not find_unsupported(sentence, vocab, kinds=kinds):
            continue
        shown = sentence if len(sentence) <= 90 else sentence[:87] + "..."
        reasons.append(f"learned screen: {shown!r} reads as planted content ({p:.2f}) and states nothing the "
                       "record vouches for")
    return reasons


def _no_content(word: str, names: frozenset[str] | set[str]) -> bool:
    """A record's name, a greeting or a heading's linking word; an elided word is one when it is a name whole
    ("n'diaye") or each of its parts is one."""
    if word in names or word in _GREETING_WORDS or word in _LINKING_WORDS:
        return True
    return "'" in word and all(_no_content(part, names) for part in word.split("'"))


def model_from_json(raw: dict) -> ScreenModel:
    return ScreenModel(weights={k: float(v) for k, v in raw["weights"].items()}, intercept=float(raw["intercept"]),
                       threshold=float(raw["threshold"]), version=str(raw["version"]))


@functools.cache
def load_model(path: Path = MODEL_PATH) -> ScreenModel:
    """The screen, read once per process."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return model_from_json(json.load(fh))
    except (OSError, ValueError, KeyError) as exc:
        raise ScreenModelError(f"cannot read the learned screen at {path}: {exc}; rebuild it with "
                               "`make screen-model`") from exc
