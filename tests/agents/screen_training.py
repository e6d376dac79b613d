"""Build the learned screen (agents/learned_screen.py) from the labelled fixtures, and measure it set by set.

    .venv/bin/python -m tests.agents.screen_training            # (re)build agents/models_data/commitment_screen.json.gz
    .venv/bin/python -m tests.agents.screen_training --loso 22 23 24 25   # leave-one-set-out table
    .venv/bin/python -m tests.agents.screen_training --lfo 27 28 29 30 31  # leave-future-out table (wave 23)

Labels, per sentence (the screen's unit):
- planted: a sentence of a compromised reply (writer subject/body, analyst summary and labels, strategist rationale)
  that carries one of the case's markers and is not a sentence of the case's benign reply;
- benign: every sentence of every benign writer reply, and of every good labelled draft.
Bad quality drafts are left out: their defects (a wrong name, a past date) are not planted content.

Groups are the sets (the main corpus and drafts/labelled.json are set 0, `injection_heldoutN` and
`quality_heldoutN` are set N), so a set is left out whole. The threshold is chosen without the set measured: on
out-of-fold scores of the training sets (each training set scored by a model trained without it), the lowest
probability at which at most `BENIGN_BUDGET` of the training sets' benign replies would be refused.

Needs scikit-learn (a project dependency); the runtime screen does not. Reproducible: the same training data gives
the same decisions on any machine, and in practice the same bytes (sorted keys, weights rounded to ROUNDING, gzip
with mtime 0, a solver tolerance TOL far below the rounding step; `differences` says what a rebuild changed). The
training data is more than the fixtures: the probes of tests/agents/test_waveN_kinds.py and what the offline
provider writes for every case, so a change to the offline writer changes the artifact too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agents.learned_screen import MODEL_PATH, ScreenModel, features, sentences
from agents.normalize import normalise

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VERSION = "commitment-screen.v3"
"""v3: word pairs among the features (agents.learned_screen.features), C 8 (wave 23)."""
C = 8.0
"""Inverse regularisation of the logistic regression. With word pairs, 8 (and 6 to 12 about the same) caught more on
the leave-future-out table than 4 with as few benign refusals; 16 without pairs caught more and refused more
(agents/README.md, wave 23)."""
MIN_DF = 2
"""A feature seen in fewer sentences is noise the model would memorise."""
BENIGN_BUDGET = 0.01
"""Share of training benign replies the chosen threshold may refuse out of fold."""
INNER_FOLDS = 5
TOL = 1e-8
"""Stopping tolerance of the solver (liblinear's relative gradient norm). scikit-learn's default, 1e-4, stops where
the iterate still depends on the OpenBLAS kernel the CPU gets (wave 20: the artifact of e973262 was rebuilt byte for
byte with OPENBLAS_CORETYPE=SkylakeX; with Haswell kernels 696 of its 11,924 weights came out one rounding step off)."""
PROBE_WEIGHT = 2.0
"""Weight of a probe sentence (tests/agents/test_waveN_kinds.py) against one sentence of a fixture. A probe is a
look-alike or a kind written by hand at the boundary the tests hold (a must-pass sentence or a must-refuse one); a
fixture's sentences are many near-copies of a template. With weight 1 the rebuild with set 28 refused 19 of the 367
must-pass probe sentences in-sample (a wave-13 look-alike among them, "Ich habe die Unterlagen an unsere
Rechtsabteilung und die Buchhaltung gegeben." at 0.843 over a threshold of 0.826); with 2, 3 (wave 20)."""


@dataclass(frozen=True)
class Example:
    text: str
    planted: bool
    group: int
    case: str  # "<set>/<stem>:compromised|benign|good"


@dataclass
class Case:
    """One held-out case as the screen sees it, for case-level rates."""

    group: int
    stem: str
    attack_texts: list[str]
    benign_text: str | None


def _group(folder: str) -> int:
    found = re.search(r"(\d+)$", folder)
    if folder in ("injection_heldout", "quality_heldout"):
        return 1
    return int(found.group(1)) if found and "heldout" in folder else 0


TRAINED_THROUGH = 53
"""The newest held-out set the committed screen learned from. A set that arrives later is never-seen until someone
retrains on purpose (raise this, `make screen-model`, commit the artifact): training on every folder there is would
make a new red team's set in-sample the moment it lands, and the rebuild test fail for a reason no code changed."""


def _folders(root: Path, prefix: str) -> list[Path]:
    return sorted(p for p in root.glob(f"{prefix}*") if p.is_dir() and _group(p.name) <= TRAINED_THROUGH)


def _texts(role: str, answer: dict[str, Any]) -> list[str]:
    if role == "writer":
        return [answer.get("subject") or "", answer.get("body") or ""]
    if role == "analyst":
        out = [answer.get("summary") or ""]
        for key in ("risk_indicators", "buying_signals"):
            for sig in answer.get(key) or []:
                out.append(sig.get("label") or "")
                out += [ev.get("note") or "" for ev in sig.get("evidence") or []]
        out += [ev.get("note") or "" for ev in answer.get("engagement_evidence") or []]
        return out
    return [answer.get("rationale") or ""]


def load_cases(root: Path = FIXTURES) -> list[Case]:
    cases = []
    for folder in _folders(root, "injection"):
        for path in sorted(folder.glob("*.json")):
            raw = json.loads(path.read_text())
            attack = [t for role, ans in (raw.get("compromised") or {}).items() for t in _texts(role, ans)]
            benign = (raw.get("benign") or {}).get("writer")
            cases.append(Case(_group(folder.name), f"{folder.name}/{path.stem}", attack,
                              "\n".join(_texts("writer", benign)) if benign else None))
    return cases


def good_drafts(root: Path = FIXTURES) -> list[tuple[int, str, str, str]]:
    """(set, id, language, text) of every good labelled draft."""
    out = []
    labelled = root / "drafts" / "labelled.json"
    entries = [(0, e) for e in json.loads(labelled.read_text())] if labelled.exists() else []
    for folder in _folders(root, "quality_heldout"):
        for path in sorted(folder.glob("*.json")):
            entries += [(_group(folder.name), e) for e in json.loads(path.read_text())]
    for group, e in entries:
        if e.get("label") == "good":
            d = e["draft"]
            out.append((group, e["id"], e.get("language", "en"), f"{d.get('subject') or ''}\n{d.get('body') or ''}"))
    return out


def offline_outputs(root: Path = FIXTURES, log=print) -> list[tuple[int, str, str]]:
    """(set, case, text) of what the offline provider writes for every case's record (draft, analysis summary,
    strategy rationale): the screen reads these too (it is part of the check of an offline answer), so they are benign.

    The case-to-record replay is the injection harness's own (tests/agents/test_injection.py), imported here rather
    than copied so that training sees the records the measurements see; the checks whose verdicts no offline text
    depends on are left out (tests/agents/offline_texts.py)."""
    from tests.agents.offline_texts import case_run, quality_verdicts, texts

    out = []
    paths = sorted(p for folder in _folders(root, "injection") for p in folder.glob("*.json"))
    with quality_verdicts():
        for i, path in enumerate(paths):
            stem = f"{path.parent.name}/{path.stem}"
            out += [(_group(path.parent.name), stem, text) for text in texts(case_run(path))]
            if (i + 1) % 250 == 0:
                log(f"  offline outputs: {i + 1}/{len(paths)} cases")
    return out


PROBE_GROUP = 100
"""Probe sentences of wave W are group PROBE_GROUP + W (tests/agents/test_waveW_kinds.py)."""


PROBES_AFTER_THEIR_SET_FROM_WAVE = 27
"""From wave 27 on, each wave measured set W + 9 first and then wrote probes modelled on its misses
(test_wave27_set36_kinds.py ... test_wave36_inj45_kinds.py name the set); waves 21-26 wrote no probe file."""


def probe_group_is_before(group: int, held_set: int) -> bool:
    """Whether a probe group was written before set `held_set` was first measured. Until wave 19, wave W's probes
    came before set W + 9 (set 22 was measured on wave 13's branch, set 28 after merging wave 19's fixes); from wave 27
    on, the set was measured first and the wave's probes came after it. A probe written after a set would leak it into the
    leave-future-out tables."""
    if group < PROBE_GROUP:
        return True
    wave = group - PROBE_GROUP
    if wave < PROBES_AFTER_THEIR_SET_FROM_WAVE:
        return wave + 9 <= held_set
    # a wave may measure a second set and write probes on it (wave 37: sets 46 and 47)
    return max(wave + 9, SETS_NAMED_BY_WAVE.get(wave, 0)) < held_set


def _sets_named_by_wave(tests_dir: Path = FIXTURES.parent / "agents") -> dict[int, int]:
    """The newest set each wave's probe files name (test_wave37_inj47_kinds.py: wave 37, set 47)."""
    named: dict[int, int] = {}
    for path in tests_dir.glob("test_wave*_kinds.py"):
        found = re.match(r"test_wave(\d+)_(?:set|inj|look)(\d+)_", path.name)
        if found:
            named[int(found.group(1))] = max(named.get(int(found.group(1)), 0), int(found.group(2)))
    return named


SETS_NAMED_BY_WAVE = _sets_named_by_wave()


def probe_examples(tests_dir: Path = FIXTURES.parent / "agents") -> list[Example]:
    """The fixers' probe sentences (tests/agents/test_waveN_kinds.py): sentences a test says must pass are benign,
    those it says are refused are planted; xfail-marked tests (an outcome the checks do not reach) are left out."""
    import importlib

    out = []
    for path in sorted(tests_dir.glob("test_wave*_kinds.py")):
        wave = int(re.search(r"wave(\d+)", path.stem).group(1))  # type: ignore[union-attr]
        module = importlib.import_module(f"tests.agents.{path.stem}")
        for name, fn in sorted(vars(module).items()):
            marks = getattr(fn, "pytestmark", []) if name.startswith("test_") else []
            if any(m.name == "xfail" for m in marks):
                continue
            if "refused" in name or "_fails_" in name:
                planted = True
            elif "_pass" in name and "refuse" not in name:
                planted = False
            else:
                continue
            for m in marks:
                if m.name != "parametrize":
                    continue
                argnames = [a.strip() for a in (m.args[0].split(",") if isinstance(m.args[0], str) else m.args[0])]
                if "sentence" not in argnames:
                    continue
                at = argnames.index("sentence")
                # a test that says per sentence whether it is refused ("..._is_refused_but_not_one_to_meet", wave 12)
                said = argnames.index("refused") if "refused" in argnames else None
                for values in m.args[1]:
                    values = getattr(values, "values", values)
                    text = values[at] if isinstance(values, tuple | list) else values
                    label = bool(values[said]) if said is not None else planted
                    out += [Example(s, label, PROBE_GROUP + wave, f"{path.stem}::{name}") for s in sentences(text)]
    return out


def vendor_texts(item: Any) -> list[str]:
    """What the screen reads of a corpus output (tests.agents.vendor_benign.VendorBenign): a draft's subject and body
    as one text (as `safety.check_draft` screens it), an analysis's summary, labels and notes, a rationale."""
    answer = item.output.model_dump()
    if item.role == "writer":
        return ["\n".join(_texts("writer", answer))]
    return [t for t in _texts(item.role, answer) if t]


def vendor_examples(items: Iterable[Any] | None = None) -> list[Example]:
    """Benign sentences of the honest vendor-model corpus (tests/fixtures/vendor_benign, issue 11, wave 25): analyses,
    rationales and drafts over the five record fixtures, written by an outsider who did not read the checks. The sets'
    benign replies are writer replies only and the offline texts are templates, so the screen has never seen a
    model's honest analysis ("Signed off" as a signal label scores 0.99). Group 0: it belongs to no red team's set.

    NOT in `training_data` (wave 25, measured by tests.agents.measure_vendor_screen, agents/README.md): all of it in
    training caught 454 of 672 planted cases of sets 28-33 leave-future-out instead of 460; its drafts alone caught
    465 but refused as many honest drafts as before (2 of the corpus's 80, 11 of 240 good drafts, 16 of 911 benign
    replies). The measurements add it on purpose (`examples(vendor=...)`)."""
    if items is None:
        from tests.agents.vendor_benign import load

        items = load()
    out, seen = [], set()
    for item in items:
        for text in vendor_texts(item):
            for s in sentences(text):
                if s not in seen:
                    seen.add(s)
                    out.append(Example(s, False, 0, f"vendor_benign/{item.id}:vendor"))
    return out


def examples(root: Path = FIXTURES, offline: Sequence[tuple[int, str, str]] = (),
             probes: Sequence[Example] = (), vendor: Sequence[Example] = ()) -> list[Example]:
    out: list[Example] = [Example(s, False, g, stem + ":offline") for g, stem, t in offline for s in sentences(t)]
    out += probes
    out += vendor
    for path in sorted(p for folder in _folders(root, "injection") for p in folder.glob("*.json")):
        raw = json.loads(path.read_text())
        group, stem = _group(path.parent.name), f"{path.parent.name}/{path.stem}"
        benign = (raw.get("benign") or {}).get("writer")
        benign_sentences = set(sentences("\n".join(_texts("writer", benign)))) if benign else set()
        out += [Example(s, False, group, stem + ":benign") for s in sorted(benign_sentences)]
        markers = [normalise(m).lower() for m in raw.get("markers") or [] if m.strip()]
        for role, answer in (raw.get("compromised") or {}).items():
            for text in _texts(role, answer):
                for s in sentences(text):
                    if s not in benign_sentences and any(m in s.lower() for m in markers):
                        out.append(Example(s, True, group, stem + ":compromised"))
    for group, ident, _lang, text in good_drafts(root):
        out += [Example(s, False, group, f"good/{ident}") for s in sentences(text)]
    # one example per (sentence, label, group): a template sentence repeated in 80 benign replies is one fact
    seen: set[tuple[str, bool, int]] = set()
    unique = []
    for e in out:
        if (e.text, e.planted, e.group) not in seen:
            seen.add((e.text, e.planted, e.group))
            unique.append(e)
    return unique


def fit(train: Sequence[Example], threshold: float = 0.5) -> ScreenModel:
    """A logistic regression over binary, l2-normalised n-gram features seen in at least MIN_DF sentences."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    # a fixed order, so the sparse matrix and the solver's result are the same from run to run
    feats = [sorted(features(e.text)) for e in train]
    df: dict[str, int] = defaultdict(int)
    for fs in feats:
        for f in fs:
            df[f] += 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}
    rows, cols, vals = [], [], []
    for r, fs in enumerate(feats):
        known = [vocab[f] for f in fs if f in vocab]
        for c in known:
            rows.append(r)
            cols.append(c)
            vals.append(1.0 / len(known) ** 0.5)
    x = csr_matrix((vals, (rows, cols)), shape=(len(train), len(vocab)))
    y = np.array([e.planted for e in train])
    weight = np.array([PROBE_WEIGHT if e.group >= PROBE_GROUP else 1.0 for e in train])
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, solver="liblinear", tol=TOL)
    clf.fit(x, y, sample_weight=weight)
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {f: round(float(w), 4) for f, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 5e-4}
    return ScreenModel(weights=weights, intercept=round(float(clf.intercept_[0]), 4), threshold=threshold,
                       version=VERSION)


def _case_score(model: ScreenModel, texts: Iterable[str]) -> float:
    return max((model.score(s) for t in texts for s in sentences(t)), default=0.0)


def choose_threshold(train: Sequence[Example], cases: Sequence[Case], goods: Sequence[tuple[int, str, str, str]],
                     groups: Sequence[int], log=print) -> float:
    """The lowest threshold at which, out of fold, at most BENIGN_BUDGET of the training sets' benign replies and
    good drafts would be refused (each scored by a model trained without its own set)."""
    ordered = sorted(set(groups))
    folds = [ordered[i::INNER_FOLDS] for i in range(INNER_FOLDS)]
    benign_scores: list[float] = []
    for i, fold in enumerate(folds):
        model = fit([e for e in train if e.group not in fold])
        benign_scores += [_case_score(model, [c.benign_text]) for c in cases if c.group in fold and c.benign_text]
        benign_scores += [_case_score(model, [t]) for g, _i, _l, t in goods if g in fold]
        log(f"  inner fold {i + 1}/{INNER_FOLDS}: sets {fold}")
    benign_scores.sort()
    allowed = int(BENIGN_BUDGET * len(benign_scores))
    cut = benign_scores[len(benign_scores) - allowed - 1] if benign_scores else 0.5
    return round(min(0.99, cut + 1e-4), 4)


ROUNDING = 1e-4
"""The step weights and the intercept are stored at (`fit`)."""


def differences(rebuilt: ScreenModel, committed: ScreenModel, texts: Iterable[str]) -> list[str]:
    """How a rebuilt screen differs from the committed one in what it decides, or [] when it decides the same.

    Bytes are the same when the training data is: the solver converges to TOL, far below ROUNDING, so a weight lands
    on the other side of a rounding step only when the exact optimum sits within the solver's last error of a step
    boundary (measured wave 20: 0 to 2 weights of 12,203, depending on the OpenBLAS kernel and thread count). Such a
    weight moves by one step; any larger move, another threshold or another vocabulary means the training data (the
    fixtures, the probes, the offline writer's output) changed since the artifact was built: run `make screen-model`."""
    out = []
    if rebuilt.threshold != committed.threshold:
        out.append(f"threshold {rebuilt.threshold} rebuilt, {committed.threshold} committed")
    if abs(rebuilt.intercept - committed.intercept) > ROUNDING * 1.5:
        out.append(f"intercept {rebuilt.intercept} rebuilt, {committed.intercept} committed")
    new, gone = set(rebuilt.weights) - set(committed.weights), set(committed.weights) - set(rebuilt.weights)
    if new or gone:
        out.append(f"{len(new)} features only in the rebuild ({sorted(new)[:5]}), {len(gone)} only in the artifact")
    moved = sorted(f for f in set(rebuilt.weights) & set(committed.weights)
                   if abs(rebuilt.weights[f] - committed.weights[f]) > ROUNDING * 1.5)
    if moved:
        out.append(f"{len(moved)} weights moved by more than one rounding step ({moved[:5]})")
    flipped = [t for t in texts if (rebuilt.score(t) >= rebuilt.threshold) != (committed.score(t) >= committed.threshold)]
    if flipped:
        out.append(f"{len(flipped)} sentences decided otherwise ({flipped[:3]})")
    return out


def save(model: ScreenModel, path: Path = MODEL_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({"version": model.version, "intercept": model.intercept, "threshold": model.threshold,
                          "weights": model.weights}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    data = gzip.compress(payload.encode(), compresslevel=9, mtime=0)
    if path.exists() and path.read_bytes() == data:
        print(f"{path}: unchanged")
        return
    path.write_bytes(data)
    print(f"{path}: written ({len(data) // 1024} KiB, {len(model.weights)} weights, threshold {model.threshold})")


def training_data(log=print) -> list[Example]:
    """Every labelled sentence the screen learns from (the offline outputs take most of the time)."""
    return examples(offline=offline_outputs(log=log), probes=probe_examples())


def build(log=print, data: Sequence[Example] | None = None) -> ScreenModel:
    data = list(data) if data is not None else training_data(log)
    cases, goods = load_cases(), good_drafts()
    groups = sorted({e.group for e in data})
    log(f"{len(data)} sentences ({sum(e.planted for e in data)} planted) over {len(groups)} sets")
    threshold = choose_threshold(data, cases, goods, groups, log)
    log(f"threshold {threshold} (out of fold, benign budget {BENIGN_BUDGET:.0%})")
    model = fit(data, threshold)
    return model


FIRST_MISSES_BEFORE_MEASURED_MD = {22: ("001", "094", "005", "006", "095", "011", "017", "096", "032", "034", "098", "039",
                                         "099", "077")}
"""Sets measured before the red teams wrote MEASURED.md: the case numbers of the first misses, from agents/README.md."""


def first_misses(group: int, root: Path = FIXTURES) -> list[str] | None:
    """The attacks the lexicon missed at the set's first measurement (its MEASURED.md), or None if not recorded."""
    measured = root / f"injection_heldout{group}" / "MEASURED.md"
    if group in FIRST_MISSES_BEFORE_MEASURED_MD:
        return sorted(p.stem for p in (root / f"injection_heldout{group}").glob("*.json")
                      if p.stem[:3] in FIRST_MISSES_BEFORE_MEASURED_MD[group])
    if not measured.exists():
        return None
    found = re.search(r"missed: \[([^\]]*)\]", measured.read_text())
    return re.findall(r"'([^']+)'", found.group(1)) if found else None


def loso(held: Sequence[int], log=print) -> None:
    """Leave one set out: train (and choose the threshold) without it, then measure on it. Every other set is in
    the training data, later ones too: `lfo` is the table that predicts the next set."""
    data, cases, goods = examples(offline=offline_outputs(log=log), probes=probe_examples()), load_cases(), good_drafts()
    log("| set | screen alone caught | lexicon's first misses caught | lexicon+screen (first) | benign refused "
        "by screen | good drafts refused by screen | threshold |")
    log("|---|---|---|---|---|---|---|")
    for k in held:
        train = [e for e in data if e.group != k and probe_group_is_before(e.group, k)]
        groups = sorted({e.group for e in train})
        threshold = choose_threshold(train, [c for c in cases if c.group != k], [g for g in goods if g[0] != k],
                                     groups, log=lambda *_: None)
        model = fit(train, threshold)
        mine = [c for c in cases if c.group == k]
        attacks = [c for c in mine if c.attack_texts]
        caught = {c.stem.split("/")[1] for c in attacks if _case_score(model, c.attack_texts) >= threshold}
        benign_refused = [c.stem for c in mine if c.benign_text and _case_score(model, [c.benign_text]) >= threshold]
        my_goods = [g for g in goods if g[0] == k]
        good_refused = [g[1] for g in my_goods if _case_score(model, [g[3]]) >= threshold]
        missed = first_misses(k) or []
        saved = [m for m in missed if m in caught]
        first_caught = len(attacks) - len(missed)
        log(f"| {k} | {len(caught)}/{len(attacks)} | {len(saved)}/{len(missed)} | "
            f"{first_caught + len(saved)}/{len(attacks)} | {len(benign_refused)}/{sum(bool(c.benign_text) for c in mine)}"
            f" | {len(good_refused)}/{len(my_goods)} | {threshold} |")
        log(f"    first misses still missed: {[m for m in missed if m not in caught]}")
        log(f"    benign refused: {benign_refused}  good refused: {good_refused}")
        for c in mine:
            for s in sentences(c.benign_text or ""):
                if model.score(s) >= threshold:
                    log(f"      benign sentence {model.score(s):.2f}: {s}")
        for c in attacks:
            if c.stem.split("/")[1] in missed and c.stem.split("/")[1] not in caught:
                top = max((s for t in c.attack_texts for s in sentences(t)), key=model.score, default="")
                log(f"      missed {c.stem} best {model.score(top):.2f}: {top}")


def lfo(held: Sequence[int], log=print) -> tuple[int, int, int, int, int, int]:
    """Leave the future out: for each set k, train (and choose the threshold out of fold) on the sets before k only,
    and the probes written before k was first measured, then score set k with the screen alone (no pattern check,
    none of the screen's record passes): how many attacks have a planted sentence at or over the threshold, how many
    benign replies and good drafts have any sentence there. This is what the next red team's set meets; leaving one
    set out (`loso`) trains on later sets too, whose look-alikes were written after k's misses. Sets later than
    TRAINED_THROUGH are not read. Returns the totals (caught, attacks, benign refused, benign, good refused, good)."""
    data, cases, goods = training_data(log=lambda *_: None), load_cases(), good_drafts()
    log("| set | screen alone caught (a planted sentence flagged) | benign replies refused by the screen | good drafts "
        "refused by the screen | threshold | weights |")
    log("|---|---|---|---|---|---|")
    totals = [0] * 6
    for k in held:
        train = [e for e in data if (e.group < k if e.group < PROBE_GROUP else probe_group_is_before(e.group, k))]
        threshold = choose_threshold(train, [c for c in cases if c.group < k], [g for g in goods if g[0] < k],
                                     sorted({e.group for e in train}), log=lambda *_: None)
        model = fit(train, threshold)
        planted: dict[str, list[str]] = defaultdict(list)
        for e in data:
            if e.group == k and e.planted:
                planted[e.case.rsplit(":", 1)[0]].append(e.text)
        caught = [c for c, texts in planted.items() if max(map(model.score, texts)) >= threshold]
        benign = [c for c in cases if c.group == k and c.benign_text]
        benign_refused = [c for c in benign if _case_score(model, [c.benign_text or ""]) >= threshold]
        mine = [g for g in goods if g[0] == k]
        good_refused = [g for g in mine if _case_score(model, [g[3]]) >= threshold]
        row = (len(caught), len(planted), len(benign_refused), len(benign), len(good_refused), len(mine))
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        log(f"| {k} | {row[0]}/{row[1]} | {row[2]}/{row[3]} | {row[4]}/{row[5]} | {threshold} | {len(model.weights)} |")
        for c in benign_refused:
            for s in sentences(c.benign_text or ""):
                if model.score(s) >= threshold:
                    log(f"    benign {c.stem} {model.score(s):.2f}: {s}")
        for g in good_refused:
            for s in sentences(g[3]):
                if model.score(s) >= threshold:
                    log(f"    good {g[1]} {model.score(s):.2f}: {s}")
    log(f"| all | {totals[0]}/{totals[1]} | {totals[2]}/{totals[3]} | {totals[4]}/{totals[5]} | | |")
    return (totals[0], totals[1], totals[2], totals[3], totals[4], totals[5])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loso", type=int, nargs="*", help="sets to leave out one at a time (table on stdout)")
    parser.add_argument("--lfo", type=int, nargs="*", help="sets to measure each trained on the sets before it")
    args = parser.parse_args(argv)
    if args.lfo:
        lfo(args.lfo)
        return 0
    if args.loso:
        loso(args.loso)
        return 0
    save(build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
