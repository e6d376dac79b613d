"""Build the per-sentence language profiles (agents/sentence_language.py) from the labelled corpora.

    .venv/bin/python -m tests.agents.language_training     # (re)build agents/models_data/language_profiles.json.gz

Data, per language (en/de/fr/es): every sentence of every benign writer reply (the case's record gives the language),
of every good labelled draft, and of the offline templates (agents/phrases.py). Thresholds are chosen out of fold:
each set's sentences are scored by profiles trained without that set (the templates always in), and
- `min_fit` is the fit under the draft's own profile below which at most FIT_BUDGET of those sentences fall;
- `max_gap` is the margin by which another of our languages must fit better, at least GAP_FLOOR, above which at most
  GAP_BUDGET of them fall.
Deterministic: the same fixtures give the same artifact byte for byte (rounded, sorted, gzip with mtime 0).
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.learned_screen import sentences
from agents.phrases import P
from agents.sentence_language import (
    LANGUAGES,
    MIN_UNSEEN,
    MIN_WORDS,
    PROFILES_PATH,
    LanguageProfiles,
    trigram_words,
)
from tests.agents.conftest import NOW, load_record
from tests.agents.screen_training import FIXTURES, _group, good_drafts

VERSION = "language-profiles.v1"
ALPHA = 0.5
"""Additive smoothing of trigram counts."""
VOCABULARY = 30000
"""Trigrams assumed possible per language (for smoothing)."""
MIN_COUNT = 1
"""Trigrams seen fewer times are left out of the artifact (they read as unseen)."""
FIT_BUDGET = 0.002
GAP_BUDGET = 0.001
GAP_FLOOR = 0.5
NOT_IN_LANGUAGE = frozenset({"foreign_language", "encoded", "homoglyph", "zero_width"})
"""Kinds whose compromised replies are written to look unlike the draft's language."""
TRAINED_THROUGH = 53
"""The newest held-out set the committed profiles learned from (built at 9a75787 through set 26; rebuilt in wave 22
through set 30, each of sets 27-30 measured once before). A set that arrives later stays never-seen for the language check until someone rebuilds on purpose
(raise this, `make language-profiles`, commit the artifact), as tests/agents/screen_training.TRAINED_THROUGH does for
the learned screen: training on every folder there is would make a new red team's set in-sample the moment it lands."""
RECORD_LANGUAGE = {"hubspot_deal": "en", "salesforce_opportunity": "en", "de_deal": "de", "fr_deal": "fr",
                   "es_opportunity": "es"}


def vouched_words() -> dict[str, frozenset[str]]:
    """Per record, the words its structured fields vouch for (names), as the runtime check gets them."""
    out = {}
    for name in RECORD_LANGUAGE:
        record, scores = load_record(name)
        out[name] = build_vocabulary(build_context(record, scores, now=NOW)).own_words
    return out


def corpus() -> list[tuple[int, str, str, str]]:
    """(set, language, record or "", text) of every benign reply and good draft; set -1 is the templates."""
    rows = []
    for folder in sorted(p for p in FIXTURES.glob("injection*") if p.is_dir()):
        for path in sorted(folder.glob("*.json")):
            case = json.loads(path.read_text())
            lang, benign = RECORD_LANGUAGE.get(case["record"]), (case.get("benign") or {}).get("writer")
            if lang and benign:
                rows.append((_group(folder.name), lang, case["record"],
                             f"{benign.get('subject') or ''}\n{benign.get('body') or ''}"))
            attack = (case.get("compromised") or {}).get("writer")
            if lang and attack and case.get("kind") not in NOT_IN_LANGUAGE:
                # the compromised reply's sentences without a marker are the same rep's prose around the planted one
                markers = [m.lower() for m in case.get("markers") or []]
                prose = [x for x in sentences(f"{attack.get('subject') or ''}\n{attack.get('body') or ''}")
                         if not any(m in x.lower() for m in markers)]
                rows.append((_group(folder.name), lang, case["record"], "\n".join(prose)))
    for name, lang in RECORD_LANGUAGE.items():
        record, _ = load_record(name)
        rows += [(-1, lang, name, f"{a.subject or ''}\n{a.body or ''}") for a in record.activities]
    labelled = {e["id"]: e["record"] for e in _labelled_entries()}
    rows += [(group, lang, labelled.get(i, ""), text) for group, i, lang, text in good_drafts() if lang in LANGUAGES]
    rows += [(-1, lang, "", re.sub(r"\{\w+\}", " ", s)) for lang in LANGUAGES for s in P[lang].values()]
    return [r for r in rows if r[0] <= TRAINED_THROUGH]


GENERAL_TEXT = Path("/usr/share/locale")
"""General text per language: the gettext catalogues a Debian system ships (translations of coreutils, glib, gtk ...;
their English source strings for English). The corpora are sales e-mails written around five records, too few words
to know a language by: without this, "The subscription tiers are listed below." read as no language we write."""
GENERAL_CHARS = 400_000
"""Characters of general text taken per language (catalogues in name order, strings of four words or more)."""


def general_text(root: Path = GENERAL_TEXT) -> list[tuple[int, str, str, str]]:
    """(-2, language, "", text) rows of general text; none where the catalogues are not installed."""
    import gettext

    rows: list[tuple[int, str, str, str]] = []
    english: list[str] = []
    for lang in ("de", "fr", "es"):
        taken: list[str] = []
        size = 0
        for path in sorted((root / lang / "LC_MESSAGES").glob("*.mo")):
            try:
                with path.open("rb") as f:
                    catalog = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
            except (OSError, ValueError):
                continue
            for key, value in sorted((k, v) for k, v in catalog.items() if isinstance(k, str) and isinstance(v, str)):
                if size < GENERAL_CHARS and len(value.split()) >= 4 and len(key.split()) >= 4:
                    taken.append(value)
                    size += len(value)
                    if lang == "de":
                        english.append(key)
        rows += [(-2, lang, "", t) for t in taken]
    rows += [(-2, "en", "", t) for t in english]
    return rows


def _labelled_entries() -> list[dict]:
    entries = json.loads((FIXTURES / "drafts" / "labelled.json").read_text())
    for folder in sorted(p for p in FIXTURES.glob("quality_heldout*") if p.is_dir()):
        for path in sorted(folder.glob("*.json")):
            entries += json.loads(path.read_text())
    return entries


def counts(rows) -> dict[str, Counter[str]]:
    """Trigram counts per language of the rows' words."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for _, lang, _, text in rows:
        for s in sentences(text):
            for w in trigram_words(s):
                padded = f" {w.lower()} "
                out[lang].update(padded[i:i + 3] for i in range(len(padded) - 2))
    return out


def train(rows, counted: dict[str, Counter[str]] | None = None) -> LanguageProfiles:
    """Trigram log-probabilities per language (additive smoothing; an unseen trigram gets the floor), from the rows'
    `counts` (or those already `counted`)."""
    c_by_lang = counts(rows) if counted is None else counted
    logp, unseen = {}, {}
    for lang in LANGUAGES:
        c = c_by_lang.get(lang, Counter())
        total = sum(c.values()) + ALPHA * VOCABULARY
        logp[lang] = {g: round(math.log((n + ALPHA) / total), 3) for g, n in sorted(c.items()) if n >= MIN_COUNT}
        unseen[lang] = round(math.log(ALPHA / total), 3)
    return LanguageProfiles(logp=logp, unseen=unseen, centre={}, min_fit=-math.inf, max_gap=math.inf, version=VERSION)


Read = list[tuple[int, str, str, list[str]]]
"""(set, language, sentence, words) per row: `trigram_words` of each sentence with at least MIN_WORDS of them."""


def read(rows, vouched) -> Read:
    out = []
    for group, lang, record, text in rows:
        for s in sentences(text):
            words = trigram_words(s, vouched.get(record, frozenset()), lang)
            if len(words) >= MIN_WORDS:
                out.append((group, lang, s, words))
    return out


def _centred(model: LanguageProfiles, sentences_read: Read) -> LanguageProfiles:
    """The model with each language's median fit on its own training sentences as its centre."""
    fits: dict[str, list[float]] = defaultdict(list)
    for group, lang, _s, words in sentences_read:
        if group == -2:
            continue  # the centre is where our drafts sit, not where software messages do
        fits[lang].append(model.fit(words, (lang,))[lang])
    centre = {lang: round(sorted(f)[len(f) // 2], 3) for lang, f in sorted(fits.items())}
    return replace(model, centre=centre)


def out_of_fold(rows, vouched) -> list[tuple[float, float, str, str, float]]:
    """(own fit, best other's gap, language, sentence, unseen share) of every corpus sentence, scored without its
    own set. A fold's counts are all the rows' less its set's (the same integers as counting the other rows), and
    every sentence's words are read once (wave 33: the rebuild through set 41 counted and read the whole corpus,
    400,000 characters of general text per language among it, once per set)."""
    scored = []
    everything, sentences_read = counts(rows), read(rows, vouched)
    for group in sorted({r[0] for r in rows if r[0] >= 0}):
        held = counts([r for r in rows if r[0] == group])
        fold = {lang: c - held.get(lang, Counter()) for lang, c in everything.items()}
        model = _centred(train([], fold), [x for x in sentences_read if x[0] != group])
        for _, lang, s, words in (x for x in sentences_read if x[0] == group):
            fit = model.fit(words)
            unseen = model.unseen_share(words, lang)
            scored.append((fit[lang], max(v for k, v in fit.items() if k != lang) - fit[lang], lang, s, unseen))
    return scored


def build(log=print) -> LanguageProfiles:
    rows, vouched = corpus() + general_text(), vouched_words()
    scored = out_of_fold(rows, vouched)
    fits = sorted(x[0] for x in scored)
    gaps = sorted(x[1] for x in scored)
    min_fit = round(fits[int(FIT_BUDGET * len(fits))], 3)
    max_gap = round(max(GAP_FLOOR, gaps[min(len(gaps) - 1, int((1 - GAP_BUDGET) * len(gaps)))]), 3)
    refused = [x for x in scored if (x[0] < min_fit and x[4] >= MIN_UNSEEN) or x[1] > max_gap]
    log(f"{len(scored)} sentences out of fold; min_fit {min_fit}, max_gap {max_gap}; refused {len(refused)}")
    for x in refused:
        log(f"  out of fold refused ({x[2]}, fit {x[0]:.2f}, gap {x[1]:.2f}): {x[3][:100]}")
    full = _centred(train(rows), read(rows, vouched))
    return replace(full, min_fit=min_fit, max_gap=max_gap)


def save(model: LanguageProfiles, path: Path = PROFILES_PATH) -> None:
    raw = {"version": model.version, "centre": model.centre, "min_fit": model.min_fit, "max_gap": model.max_gap, "unseen": model.unseen,
           "logp": model.logp}
    data = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    path.write_bytes(gzip.compress(data, mtime=0))


def main() -> int:
    save(build())
    print(f"wrote {PROFILES_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
