"""The learned screen against honest vendor-model text (tests/fixtures/vendor_benign, issue 11, wave 25).

    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.measure_vendor_screen committed   # the shipped artifact
    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.measure_vendor_screen records     # leave one record out
    OMP_NUM_THREADS=1 .venv/bin/python -m tests.agents.measure_vendor_screen lfo 28 29 30 31 32 33
    (records and lfo take --writer-only: train on the corpus's drafts only)

The corpus (240 honest analyst, strategist and writer outputs over the five record fixtures) was written without
reading the checks; the committed screen never saw it, so `committed` scores all of it. Training with it is measured
by record: `records` trains the screen as the trainer does (sets through TRAINED_THROUGH, the probes, the offline
texts) plus the corpus of four records, and scores the fifth record's outputs, for each record in turn; the baseline
is the same recipe without the corpus. `lfo` is `screen_training --lfo` with and without the corpus in training (the
corpus holds no attack and no held-out text, so all five records train every fold). The role screen (analyst and
strategist text) is `measure_role_screen --with-vendor`.

Units are the screen's sentences less what its runtime passes let through with no record (a question, a plan under a
condition): `measure_role_screen.units`. A draft's text is its subject and body, as `safety.check_draft` screens it.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Sequence

from agents.learned_screen import ScreenModel, load_model
from tests.agents import screen_training as st
from tests.agents.vendor_benign import VendorBenign, load

SWEEP = (0.83, 0.86, 0.90, 0.94, 0.96, 0.98)
RECORDS = ("hubspot_deal", "salesforce_opportunity", "de_deal", "fr_deal", "es_opportunity")


def score(model: ScreenModel, item: VendorBenign) -> tuple[float, str]:
    """The item's highest-scoring unit and its probability (0 when every sentence is a question or a condition)."""
    from tests.agents.measure_role_screen import units

    best = max(((model.score(s), s) for s in units(st.vendor_texts(item))), default=(0.0, ""))
    return best


MEASURED_THROUGH = 42
"""The newest set measured once (wave 24) and in-sample since: its LFO fold may be read. Later sets are never read."""


def role_cache(log=print) -> dict:
    """measure_role_screen's cache (offline runs of every case, demo market, real model) through MEASURED_THROUGH."""
    from tests.agents import measure_role_screen

    pinned, st.TRAINED_THROUGH = st.TRAINED_THROUGH, MEASURED_THROUGH
    try:
        return measure_role_screen.build_cache(log)
    finally:
        st.TRAINED_THROUGH = pinned


def offline(log=print) -> list[tuple[int, str, str]]:
    """The offline provider's outputs on every case (as screen_training.offline_outputs), through TRAINED_THROUGH."""
    return [row for row in role_cache(log)["offline"] if row[0] <= st.TRAINED_THROUGH]


def table(
    scored: dict[str, list[tuple[VendorBenign, float, str]]], thresholds: Sequence[float], log=print
) -> None:
    """Refused share per (role, language) at each threshold."""
    for thr in thresholds:
        cells = []
        for key in sorted(scored):
            rows = scored[key]
            cells.append(f"{key} {sum(p >= thr for _i, p, _s in rows)}/{len(rows)}")
        log(f"  >= {thr}: " + ", ".join(cells))


def by_role_language(
    rows: Sequence[tuple[VendorBenign, float, str]],
) -> dict[str, list[tuple[VendorBenign, float, str]]]:
    out: dict[str, list[tuple[VendorBenign, float, str]]] = defaultdict(list)
    for row in rows:
        out[f"{row[0].role}/{row[0].language}"].append(row)
    return out


def committed(log=print) -> None:
    model = load_model()
    rows = [(item, *score(model, item)) for item in load()]
    log(f"committed screen {model.version}, threshold {model.threshold}, {len(model.weights)} weights")
    table(by_role_language(rows), (model.threshold, *SWEEP), log)
    for item, p, s in sorted(rows, key=lambda r: -r[1]):
        if p >= model.threshold and item.role == "writer":
            log(f"    refused draft {item.id} {p:.3f}: {s[:110]}")


TRAIN_ROLES = ["analyst", "strategist", "writer"]
"""The corpus's roles that train (`--writer-only`: the drafts only, the text the draft screen guards)."""


def trained(items: Sequence[VendorBenign]) -> list[st.Example]:
    return st.vendor_examples([i for i in items if i.role in TRAIN_ROLES])


def records(log=print) -> None:
    """Leave one record out: the trainer's recipe with and without the other four records' corpus in training."""
    data = st.examples(offline=offline(log), probes=st.probe_examples())
    cases, goods, items = st.load_cases(), st.good_drafts(), load()
    groups = sorted({e.group for e in data})
    quiet: Callable[..., None] = lambda *_: None  # noqa: E731
    base = st.fit(data, st.choose_threshold(data, cases, goods, groups, quiet))
    log(f"baseline (no corpus): threshold {base.threshold}, {len(base.weights)} weights")
    rows_base, rows_with = [], []
    for rec in RECORDS:
        train = data + trained([i for i in items if i.record != rec])
        model = st.fit(train, st.choose_threshold(train, cases, goods, groups, quiet))
        log(f"without record {rec}: threshold {model.threshold}, {len(model.weights)} weights")
        for item in (i for i in items if i.record == rec):
            rows_base.append((item, *score(base, item)))
            rows_with.append((item, *score(model, item), model.threshold))
    log("baseline, its own threshold:")
    table(by_role_language(rows_base), (base.threshold, *SWEEP), log)
    log("with the corpus of the other records, each fold's own threshold:")
    # shifted so that "at or over the fold's threshold" reads ">= 0.5"
    own = by_role_language([(i, p - thr + 0.5, s) for i, p, s, thr in rows_with])
    table(own, (0.5,), log)
    table(by_role_language([(i, p, s) for i, p, s, _t in rows_with]), SWEEP, log)
    for item, p, s, thr in rows_with:
        if item.role == "writer" and p >= thr:
            log(f"    still refused draft {item.id} {p:.3f} (threshold {thr}): {s[:110]}")
    for item, p, s in rows_base:
        if item.role == "writer" and p >= base.threshold:
            log(f"    baseline refused draft {item.id} {p:.3f}: {s[:110]}")


def lfo(held: Sequence[int], log=print) -> None:
    """`screen_training.lfo`'s table, without and with the whole corpus in training, on the same training data."""
    data = st.examples(offline=offline(log), probes=st.probe_examples())
    extra = trained(load())
    cases, goods = st.load_cases(), st.good_drafts()
    totals = {"without": [0] * 6, "with": [0] * 6}
    for k in held:
        train = [
            e
            for e in data
            if (e.group < k if e.group < st.PROBE_GROUP else st.probe_group_is_before(e.group, k))
        ]
        planted: dict[str, list[str]] = defaultdict(list)
        for e in data:
            if e.group == k and e.planted:
                planted[e.case.rsplit(":", 1)[0]].append(e.text)
        misses = set(st.first_misses(k) or [])
        benign = [c for c in cases if c.group == k and c.benign_text]
        mine = [g for g in goods if g[0] == k]
        for name, rows in (("without", train), ("with", train + extra)):
            threshold = st.choose_threshold(
                rows,
                [c for c in cases if c.group < k],
                [g for g in goods if g[0] < k],
                sorted({e.group for e in rows}),
                log=lambda *_: None,
            )
            model = st.fit(rows, threshold)
            caught = {c for c, t in planted.items() if max(map(model.score, t)) >= threshold}
            b = [c.stem for c in benign if st._case_score(model, [c.benign_text or ""]) >= threshold]
            g = [x[1] for x in mine if st._case_score(model, [x[3]]) >= threshold]
            row = [len(caught), len(planted), len(b), len(benign), len(g), len(mine)]
            totals[name] = [a + x for a, x in zip(totals[name], row, strict=True)]
            first = sum(c.split("/")[1] in misses for c in caught)
            log(
                f"| {k} | {name} | {row[0]}/{row[1]} | first misses {first}/{len(misses)} | benign {row[2]}/{row[3]} "
                f"| good {row[4]}/{row[5]} | {threshold} |"
            )
            log(f"    benign refused {b}; good refused {g}")
            sys.stdout.flush()
    for name, t in totals.items():
        log(f"| all | {name} | {t[0]}/{t[1]} | | benign {t[2]}/{t[3]} | good {t[4]}/{t[5]} | |")


def main(argv: Sequence[str]) -> int:
    if "--writer-only" in argv:
        TRAIN_ROLES[:] = ["writer"]
        argv = [a for a in argv if a != "--writer-only"]
    if not argv or argv[0] not in ("committed", "records", "lfo"):
        print(__doc__)
        return 2
    if argv[0] == "committed":
        committed()
    elif argv[0] == "records":
        records()
    else:
        held = [int(a) for a in argv[1:]]
        if not held or max(held) > MEASURED_THROUGH:
            print(
                f"lfo: give sets up to {MEASURED_THROUGH}; a later set is a held-out set nobody measured yet"
            )
            return 2
        st.TRAINED_THROUGH = max(st.TRAINED_THROUGH, *held)
        lfo(held)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
