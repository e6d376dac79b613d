"""Would the learned screen catch planted content in the ANALYST's and STRATEGIST's text, and at what benign cost?

    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.measure_role_screen 28 29 30 31 32 [--with-real]

The offline runs are cached in /tmp (`cache_path`): delete it after a change to the offline writer or the fixtures.

Leave the future out, as `screen_training --lfo`: for each set k the screen is trained on the sets before k (and the
probes written before k was first measured), the draft threshold chosen out of fold at the draft benign budget, and
an internal threshold chosen out of fold on the offline provider's internal texts of the training sets (the only
benign internal texts with a record; budget 0: the highest out-of-fold score). Then, for set k, by the screen alone:
- caught: cases whose compromised analyst summary/signal/note or strategist rationale has a planted sentence (one
  carrying a marker and not in the benign reply) at or over the threshold; and among the set's first-measurement
  misses (its MEASURED.md) that have such a sentence;
- benign cost on internal texts: the offline provider's analysis (summary, signals, notes) and rationale on set k's
  records, on the demo market's records (never in training), and the real local model's stored
  analyses and rationales (tests/fixtures/llm_real, never in training).
Units are the screen's sentences (agents.learned_screen.sentences): the unit the model was trained on, and a signal
label or an evidence note is one sentence.
"""

from __future__ import annotations

import json
import pickle
import re
import sys
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from agents.learned_screen import _CONDITION, _QUESTION, ScreenModel, sentences
from agents.normalize import normalise
from tests.agents.screen_training import (
    BENIGN_BUDGET,
    FIXTURES,
    INNER_FOLDS,
    PROBE_GROUP,
    Example,
    _case_score,
    _folders,
    _group,
    _texts,
    examples,
    first_misses,
    fit,
    good_drafts,
    load_cases,
    probe_examples,
    probe_group_is_before,
)

CACHE = Path("/tmp/rolescreen_cache.pkl")


def cache_path() -> Path:
    """One cache per TRAINED_THROUGH: the sets it holds."""
    from tests.agents import screen_training

    return CACHE.with_name(f"rolescreen_cache_{screen_training.TRAINED_THROUGH}.pkl")
INTERNAL_ROLES = ("analyst", "strategist")


def _internal_texts(run) -> list[str]:
    a = run.analysis
    out = [a.summary]
    for sig in [*a.risk_indicators, *a.buying_signals]:
        out += [sig.label, *(e.note for e in sig.evidence)]
    out += [e.note for e in a.engagement_evidence]
    return [t for t in (*out, run.strategy.rationale, run.next_best_action.summary) if t]


def build_cache(log=print) -> dict:
    """One offline run per case: the trainer's offline tuples (as screen_training.offline_outputs) and the full
    internal texts; the demo market's internal texts; the real model's stored internal answers."""
    if cache_path().exists():
        return pickle.loads(cache_path().read_bytes())
    from agents import AgentSettings
    from agents.run import run_agents
    from tests.agents.replies import fixed_policy
    from tests.agents.test_demo_market import NOW as DEMO_NOW
    from tests.agents.test_demo_market import _records
    from tests.agents.test_injection import NOW, _case

    offline, internal = [], []
    paths = sorted(p for folder in _folders(FIXTURES, "injection") for p in folder.glob("*.json"))
    for i, path in enumerate(paths):
        case, record, scores, settings = _case(path)
        run = run_agents(record, scores, replace(settings, learned_screen=False), env={}, now=NOW,
                         policy=fixed_policy(case["arm"]))
        stem, group = f"{path.parent.name}/{path.stem}", _group(path.parent.name)
        for text in (run.draft.subject, run.draft.body, run.analysis.summary, run.strategy.rationale):
            offline.append((group, stem, text or ""))
        internal.append((group, stem, _internal_texts(run)))
        if (i + 1) % 500 == 0:
            log(f"  offline runs: {i + 1}/{len(paths)}")
    from integrations.sandbox.market import Market, MarketConfig
    market = Market(MarketConfig(seed=11, start=DEMO_NOW.replace(hour=0), n_companies=40, n_open_deals=60,
                                 n_closed_deals=60, injection_rate=0.25))
    demo = []
    for record in _records(market):
        run = run_agents(record, None, AgentSettings(tenant_id="sandbox"), env={}, now=DEMO_NOW)
        demo.append((record.id, _internal_texts(run)))
    real = []
    for path in sorted((FIXTURES / "llm_real").glob("*.json")):
        for rec in json.loads(path.read_text()).get("records", []):
            for call in rec.get("calls", []):
                if call.get("role") in INTERNAL_ROLES and isinstance(call.get("answer"), dict):
                    real.append((f"{path.stem}/{rec.get('record')}/{call['role']}",
                                 [t for t in _texts(call["role"], call["answer"]) if t]))
    data = {"offline": offline, "internal": internal, "demo": demo, "real": real}
    cache_path().write_bytes(pickle.dumps(data))
    return data


def planted_internal(k: int) -> dict[str, list[str]]:
    """Set k's cases -> their planted sentences in analyst/strategist text."""
    out: dict[str, list[str]] = defaultdict(list)
    for path in sorted((FIXTURES / f"injection_heldout{k}").glob("*.json")):
        raw = json.loads(path.read_text())
        benign = (raw.get("benign") or {}).get("writer")
        benign_sentences = set(sentences("\n".join(_texts("writer", benign)))) if benign else set()
        markers = [normalise(m).lower() for m in raw.get("markers") or [] if m.strip()]
        for role, answer in (raw.get("compromised") or {}).items():
            if role not in INTERNAL_ROLES:
                continue
            for text in _texts(role, answer):
                out[path.stem] += [s for s in sentences(text)
                                   if s not in benign_sentences and any(m in s.lower() for m in markers)]
    return {c: s for c, s in out.items() if s}


NBA_SUMMARY = re.compile(r"^(?:Email|Call|Propose a meeting with) .* on \w{3} \d\d \w{3} \d\d:\d\d ")
"""The next best action's summary ("Email Anna Schmidt (value reinforcement) on Fri 27 Nov 10:00 Europe/Berlin"): code
writes it from the strategist's structured fields (strategist.next_best_action), no model writes it, so a role screen
would never read it. Left out of the benign side: the screen scores it 0.83-0.98 out of sample (names and dates)."""


def units(texts: Sequence[str]) -> list[str]:
    """The sentences a role screen would score: a model's own text, less what the screen's runtime passes let through
    anyway (a question, a plan under a condition: agents.learned_screen)."""
    return [s for t in texts for s in sentences(t)
            if not NBA_SUMMARY.match(s) and not _QUESTION.search(s) and not _CONDITION.search(s)]


def _max(model: ScreenModel, texts: Sequence[str]) -> float:
    return max(map(model.score, texts), default=0.0)


def thresholds(train: Sequence[Example], k: int, cache: dict) -> tuple[float, float]:
    """(draft threshold as screen_training.choose_threshold, internal threshold at budget 0: just over the highest
    out-of-fold score of the training sets' offline internal texts)."""
    cases, goods = [c for c in load_cases() if c.group < k], [g for g in good_drafts() if g[0] < k]
    ordered = sorted({e.group for e in train})
    folds = [ordered[i::INNER_FOLDS] for i in range(INNER_FOLDS)]
    benign, inner = [], []
    for fold in folds:
        model = fit([e for e in train if e.group not in fold])
        benign += [_case_score(model, [c.benign_text]) for c in cases if c.group in fold and c.benign_text]
        benign += [_case_score(model, [t]) for g, _i, _l, t in goods if g in fold]
        inner += [_max(model, units(texts)) for g, _s, texts in cache["internal"] if g in fold]
    benign.sort()
    allowed = int(BENIGN_BUDGET * len(benign))
    draft = round(min(0.99, benign[len(benign) - allowed - 1] + 1e-4), 4)
    return draft, round(min(0.99, max(draft, max(inner) + 1e-4)), 4)


SWEEP = (0.83, 0.85, 0.88, 0.90, 0.92, 0.94, 0.96, 0.98)
COLUMNS = ("planted internal cases", "first misses among them", "offline internal", "demo", "real",
           "vendor internal (unseen record)")
MEASURED_THROUGH = 53
"""The newest set measured once and in-sample since (wave 24): its fold may be read; a later set never is."""


def main(argv: Sequence[str]) -> int:
    """Per set and threshold: planted internal cases caught, first misses caught, offline internal texts of the set,
    demo-market internal texts, real-model internal texts and the vendor corpus's analyses and rationales
    (tests/fixtures/vendor_benign) refused.

    `--with-real` trains on half the real model's texts (split by record) and measures on the other half, both ways
    (the variant "its own data"). `--with-vendor` trains on the vendor corpus too: the catches, the offline, demo and
    real columns by a model trained on all five records' outputs; the vendor column by five models, each trained
    without one record's outputs and scoring that record's (leave one record out). Without it, the vendor column is
    scored by the screen that never saw the corpus."""
    from tests.agents import screen_training
    from tests.agents.screen_training import vendor_examples, vendor_texts
    from tests.agents.vendor_benign import load as load_vendor

    with_real, with_vendor = "--with-real" in argv, "--with-vendor" in argv
    held = [int(a) for a in argv if a.isdigit()] or [28, 29, 30, 31, 32]
    if max(held) > MEASURED_THROUGH:
        print(f"give sets up to {MEASURED_THROUGH}; a later set is a held-out set nobody measured yet")
        return 2
    screen_training.TRAINED_THROUGH = max(screen_training.TRAINED_THROUGH, *held)
    cache = build_cache()
    data = examples(offline=cache["offline"], probes=probe_examples())
    corpus = load_vendor()
    vendor_items = [i for i in corpus if i.role in INTERNAL_ROLES]
    all_vendor = vendor_examples(corpus) if with_vendor else []
    half = {name: zlib.crc32(name.split("/")[1].encode()) % 2 for name, _t in cache["real"]}
    totals: dict[float, list[int]] = {t: [0] * len(COLUMNS) for t in SWEEP}
    sizes = [0] * len(COLUMNS)
    for k in held:
        train = [e for e in data if (e.group < k if e.group < PROBE_GROUP else probe_group_is_before(e.group, k))]
        train += all_vendor
        t_draft, t_int = thresholds(train, k, cache)
        planted = planted_internal(k)
        misses = set(first_misses(k) or [])
        own = [units(t) for g, _s, t in cache["internal"] if g == k]
        demo = [units(t) for _s, t in cache["demo"]]
        rows: dict[float, list[int]] = {t: [0] * len(COLUMNS) for t in (*SWEEP, t_draft, t_int)}
        for h in ((0, 1) if with_real else (None,)):
            extra = sorted({s for name, t in cache["real"] if half[name] == h for x in t for s in sentences(x)})
            model = fit(train + [Example(s, False, 0, "real") for s in extra])
            real = [units(t) for name, t in cache["real"] if half[name] != h]
            scored = [[_max(model, s) for s in planted.values()],
                      [_max(model, s) for c, s in planted.items() if c in misses],
                      [_max(model, s) for s in own], [_max(model, s) for s in demo], [_max(model, s) for s in real]]
            if h == 1:
                scored = [[], [], [], [], scored[4], []]
            elif with_vendor:
                vendor: list[float] = []
                for rec in sorted({i.record for i in vendor_items}):
                    others = vendor_examples([i for i in corpus if i.record != rec])
                    without = fit([e for e in train if not e.case.startswith("vendor_benign/")]
                                  + others + [Example(s, False, 0, "real") for s in extra])
                    vendor += [_max(without, units(vendor_texts(i))) for i in vendor_items if i.record == rec]
                scored.append(vendor)
            else:
                scored.append([_max(model, units(vendor_texts(i))) for i in vendor_items])
            for thr, row in rows.items():
                row[:] = [a + sum(x >= thr for x in xs) for a, xs in zip(row, scored, strict=True)]
            sizes = [a + len(xs) for a, xs in zip(sizes, scored, strict=True)]
            if h != 1:
                for c, s in sorted(planted.items()):
                    if c in misses:
                        top = max(s, key=model.score)
                        print(f"    first miss {c} best {model.score(top):.3f}: {top[:110]}")
        for thr in SWEEP:
            totals[thr] = [a + b for a, b in zip(totals[thr], rows[thr], strict=True)]
        print(f"set {k}: draft threshold {t_draft}: {rows[t_draft]}; internal threshold {t_int}: {rows[t_int]}")
        sys.stdout.flush()
    print(f"sizes ({', '.join(COLUMNS)}): {sizes}")
    for thr in SWEEP:
        print(f"threshold {thr}: {totals[thr]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
