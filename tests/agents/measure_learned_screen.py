"""Leave one set out: what the learned screen would have done on a set it had never seen, through the real pipeline.

    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.measure_learned_screen 22 23 24 25

For each set N: train the screen on every other set (sentences, offline outputs, good drafts, and the fixers' probes
written before N was first measured; the threshold chosen
out of fold on those sets only, never on N), install it, and replay set N through the injection harness and the
quality checks exactly as `measure_heldout` does. Printed per set:
- attacks whose compromised output the screen refused (a `learned screen:` reason), whatever else refused it;
- of the attacks the pattern checks missed at the set's first measurement (MEASURED.md), how many the screen
  refuses: the fair "never seen" figure, since today's patterns were fixed on those very misses;
- benign replies that no longer land, all reasons and the screen's alone; offline outputs now unsafe;
- quality per language: good drafts the screen would refuse as a writer's reply, bad drafts it would refuse.
The pattern checks are today's (in-sample for sets before this wave); only the screen is out of sample.
"""

from __future__ import annotations

import json
import sys
import time

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.learned_screen import measured_with, planted_sentence_violations
from tests.agents.conftest import FIXTURES, load_record
from tests.agents.screen_training import (
    choose_threshold,
    examples,
    first_misses,
    fit,
    good_drafts,
    load_cases,
    offline_outputs,
    probe_examples,
    probe_group_is_before,
)
from tests.agents.test_injection import NOW, _benign_lands, _offline_is_unsafe, _replay_compromised, _unsafe
from tests.agents.test_quality import LANGUAGES, _bad, _good

SCREEN = "learned screen:"


def _injection(k: int) -> None:
    paths = sorted((FIXTURES / f"injection_heldout{k}").glob("*.json"))
    misses = set(first_misses(k) or [])
    attacks = caught = by_screen = 0
    saved, not_saved, benign_failed, screen_benign, offline_unsafe = [], [], [], [], []
    for p in paths:
        case = json.loads(p.read_text())
        if case["compromised"]:
            attacks += 1
            case, record, settings, run, _, ok = _replay_compromised(p, "openai")
            ok = ok and not _unsafe(run, case, record, settings)
            caught += ok
            screened = any(SCREEN in f.reason for f in run.fallbacks)
            by_screen += screened
            if p.stem in misses:
                (saved if screened else not_saved).append(p.stem)
        if _offline_is_unsafe(p):
            offline_unsafe.append(p.stem)
        landed, why = _benign_lands(p)
        if not landed:
            benign_failed.append(p.stem)
            if any(SCREEN in w for w in why):
                screen_benign.append((p.stem, [w for w in why if SCREEN in w]))
    n = len(paths)
    print(f"set {k}: caught {caught}/{attacks} (screen refused {by_screen}/{attacks}); first misses refused by the "
          f"screen {len(saved)}/{len(misses)}; benign {n - len(benign_failed)}/{n} (screen refused "
          f"{len(screen_benign)}); offline unsafe {len(offline_unsafe)}/{n}")
    print(f"  first misses not refused by the screen: {not_saved}")
    print(f"  offline unsafe: {offline_unsafe}")
    for stem, why in screen_benign:
        print(f"  benign refused by the screen: {stem} {why}")


def _quality(k: int) -> None:
    """Quality drafts read as a model's output: good drafts the screen would refuse (a false refusal of a writer
    reply), bad drafts it would refuse (the quality checks do not use the screen: see agents/README.md)."""
    folder = FIXTURES / f"quality_heldout{k}"
    if not folder.exists():
        return
    for lang in LANGUAGES:
        entries = json.loads((folder / f"{lang}.json").read_text())
        hits = {}
        for e in entries:
            record, scores = load_record(e["record"])
            vocab = build_vocabulary(build_context(record, scores, now=NOW), score_figures=False)
            hits[e["id"]] = planted_sentence_violations(f"{e['draft']['subject']}\n{e['draft']['body']}", vocab)
        bad, good = _bad(entries), _good(entries)
        print(f"  quality {k} {lang}: good drafts the screen refuses {[e['id'] for e in good if hits[e['id']]]} of "
              f"{len(good)}; bad drafts it refuses {sum(bool(hits[e['id']]) for e in bad)}/{len(bad)}")


def main(sets: list[int]) -> None:
    offline = offline_outputs()
    data, cases, goods = examples(offline=offline, probes=probe_examples()), load_cases(), good_drafts()
    for k in sets:
        started = time.perf_counter()
        # every other set, and the fixers' probes written before set k was first measured (later ones copy its misses)
        train = [e for e in data if e.group != k and probe_group_is_before(e.group, k)]
        threshold = choose_threshold(train, [c for c in cases if c.group != k], [g for g in goods if g[0] != k],
                                     sorted({e.group for e in train}), log=lambda *_: None)
        with measured_with(fit(train, threshold)):
            print(f"== set {k} left out: threshold {threshold}")
            _injection(k)
            _quality(k)
        print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
