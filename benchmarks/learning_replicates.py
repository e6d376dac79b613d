"""How much of the learning loop's regret is the policy's luck: many bandit seeds per market seed.

    python -m benchmarks.learning_replicates [--seeds 0,1,2,3,4] [--bandit-seeds 1,2,3,4]
                                             [--weeks 26] [--procs 2] [--out FILE]
                                             [--set THOMPSON_SCALE=0.5 --set ...]
                                             [--reference NAME] [--instant] [--paired FILE]
                                             [--drawn-effects]

`agentic-sales simulate --seed S` draws the market, the decision stream AND the bandit's own
random choices from S, so one run per market seed measures one draw of the policy's luck. This
runs the bandit on each market seed with each bandit seed (`SimConfig.bandit_seed` = 1000 x b +
S; `default` = the draw of `simulate --seed S`; the market, the decisions and the outcome draws
stay those of S) and reports regret (expected under the truth, and realised) against
uniform random and the best single arm, overall and per segment (`simulate.regret_only`: no OPE,
seconds per run). `--set NAME=VALUE` overrides a number of learning/defaults.py in every run (a
lever compared on the same draws without editing the code; recorded in the output's config).
`--reference NAME` replaces our learner by a DIAGNOSTIC reference learner that is told part of
the truth (benchmarks/learning_reference.py: never the product's), `--instant` folds every
outcome the morning after its decision (no close delay; uniform's and the best arm's regret are
unchanged, since expected rewards do not depend on when they arrive), and `--paired FILE` adds the
mean difference of ours / uniform's regret against FILE's runs of the same (seed, bandit seed),
with its standard error, overall and per segment. `--drawn-effects` runs every market seed with
its own drawn strategy-effect table (`MarketConfig.drawn_effects`; integrations/sandbox/market/
_effects.py) instead of the fixed table all seeds share; each run records which arms its table
made size-dependent and its best arm per segment.
Writes benchmarks/results/learning_replicates.json; the summary on stdout.
"""

from __future__ import annotations

import argparse
import ast
import json
import statistics
import sys
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from benchmarks.learning_reference import REFERENCES, factory
from learning import defaults
from learning.simulate import SimConfig, regret_only

OUT = Path(__file__).resolve().parent / "results" / "learning_replicates.json"
LEARNING = Path(defaults.__file__).resolve().parent

INSTANT_DELAY_DAYS = 0.5
"""`--instant`: every deal closes half a day after its decision, so its outcome is folded the next
morning with its stage advances before its close (at a delay of 0 they tie with the close, which
sorts first, and the learner would take every stage credit as reported after the close, with no
stage baseline: an artefact, not a faster market)."""


def apply_overrides(overrides: dict[str, float | tuple[str, ...]]) -> None:
    for name, value in overrides.items():
        setattr(defaults, name, value)


def bound_at_import(package: Path = LEARNING) -> dict[str, str]:
    """Names of learning/defaults.py that a module of `package` copies when it is imported.

    `--set` changes learning/defaults.py after every module is imported, so a value copied at
    import (a default argument `share=defaults.HOLDOUT_SHARE`, a dataclass field default, a
    module-level `X = defaults.Y`, `from learning.defaults import Y`) never sees it and the run
    silently keeps the old value (wave 21: a whole batch measured the baseline under another
    name). A `lambda: defaults.Y` (a dataclass `default_factory`) reads it at call time.

    Returns:
        name -> where it is bound ("learning/holdout.py:30"), for every such name.
    """
    found: dict[str, str] = {}

    def scan(node: ast.AST, where: str) -> None:
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, ast.Lambda):
                continue  # its body runs when called, not when the module is imported
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "defaults":
                found.setdefault(n.attr, f"{where}:{n.lineno}")
            stack.extend(ast.iter_child_nodes(n))

    for path in sorted(package.glob("*.py")):
        where = f"{package.name}/{path.name}"
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("defaults"):
                for alias in node.names:
                    found.setdefault(alias.name, f"{where}:{node.lineno}")
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                for d in [*node.args.defaults, *node.args.kw_defaults]:
                    if d is not None:
                        scan(d, where)
            elif isinstance(node, ast.Module | ast.ClassDef):
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
                        scan(stmt.value, where)
    return found


def parse_overrides(items: list[str], *, bound: dict[str, str] | None = None
                    ) -> dict[str, float | tuple[str, ...]]:
    """`NAME=VALUE` pairs naming numbers of learning/defaults.py, or a tuple of names given as
    `NAME=a+b` (e.g. `SIZE_DEPENDENT_ARMS=social_proof+re_engagement`; `NAME=` for none).

    Args:
        bound: names some module binds at import (default: `bound_at_import()`), refused.

    Raises:
        ValueError: not NAME=VALUE, an unknown name, a value that is not a number, or a name
            a module binds when it is imported (the setting would be silently ignored).
    """
    bound = bound_at_import() if bound is None else bound
    out: dict[str, float | tuple[str, ...]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if sep and name in bound:
            raise ValueError(f"--set {item!r}: {bound[name]} copies {name} when the module is imported, so the "
                             f"run would silently keep {getattr(defaults, name, '?')!r}; make that code read "
                             f"defaults.{name} when it is called first")
        current = getattr(defaults, name, None)
        if sep and isinstance(current, tuple) and all(isinstance(x, str) for x in current):
            out[name] = tuple(v for v in value.split("+") if v)
            continue
        if not sep or not isinstance(current, int | float):
            raise ValueError(f"--set {item!r}: expected NAME=VALUE with NAME a number in learning/defaults.py")
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"--set {item!r}: {value!r} is not a number") from None
        # a whole number for an int default stays an int: PROPENSITY_DRAWS, BOOTSTRAP_RESAMPLES
        # and the like are sizes of arrays, which numpy refuses as floats
        out[name] = int(number) if isinstance(current, int) and number.is_integer() else number
    return out


def apply_set_options(items: list[str]) -> bool:
    """Apply a CLI's ``--set NAME=VALUE`` options to learning/defaults.py; False (after saying why) if one is bad."""
    try:
        apply_overrides(parse_overrides(items))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return False
    return True


def _one(job: tuple[int, int | None, int, str | None, bool, bool]) -> dict[str, Any]:
    seed, bandit, weeks, reference, instant, drawn = job
    cfg = SimConfig(seed=seed, weeks=weeks, bandit_seed=None if bandit is None else 1000 * bandit + seed,
                    delay_scale=0.0 if instant else 1.0, min_delay_days=INSTANT_DELAY_DAYS if instant else 3.0,
                    drawn_effects=drawn)
    return regret_only(cfg, make_posterior=None if reference is None else factory(reference))


def paired(runs: list[dict[str, Any]], base: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean difference (these runs - base's) of ours / uniform's regret on the same (seed, bandit
    seed), with its standard error, overall and per segment; how many runs are lower.

    Raises:
        ValueError: a run has no partner in `base` (different seeds or bandit seeds).
    """
    keyed = {(r["seed"], r["bandit_seed"]): r for r in base}
    missing = [(r["seed"], r["bandit_seed"]) for r in runs if (r["seed"], r["bandit_seed"]) not in keyed]
    if missing:
        raise ValueError(f"--paired: no baseline run for (seed, bandit seed) {missing[:3]}")

    def diff(get: Any) -> dict[str, float]:
        d = [get(r) - get(keyed[(r["seed"], r["bandit_seed"])]) for r in runs]
        se = statistics.stdev(d) / len(d) ** 0.5 if len(d) > 1 else float("nan")
        return {"mean": statistics.mean(d), "se": se, "lower_in": sum(x < 0 for x in d), "runs": len(d)}

    out = {"ratio": diff(lambda r: r["ratio"])}
    for seg in ("smb", "mid", "ent"):
        out[seg] = diff(lambda r, g=seg: r["by_segment"][g]["ours"] / r["by_segment"][g]["uniform_random"])
    return out


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Distribution of ours / uniform's regret and how often ours is below the best single arm."""
    ratios = [r["ratio"] for r in runs]

    def share(seg: str) -> float:
        return statistics.mean(r["by_segment"][seg]["ours"] / r["by_segment"][seg]["uniform_random"] for r in runs)

    realized = [r["ratio_realized"] for r in runs]
    return {"runs": len(runs), "ratio_mean": statistics.mean(ratios), "ratio_median": statistics.median(ratios),
            "ratio_sd": statistics.stdev(ratios) if len(ratios) > 1 else 0.0,
            "realized_ratio_mean": statistics.mean(realized),
            "realized_ratio_sd": statistics.stdev(realized) if len(realized) > 1 else 0.0,
            "ratio_max": max(ratios), "share_at_most_0_30": sum(x <= 0.30 for x in ratios) / len(ratios),
            "below_best_single_arm": sum(r["regret"]["ours"] < r["regret"]["best_single_arm"] for r in runs),
            "ent_ratio_mean": share("ent"), "mid_ratio_mean": share("mid"), "smb_ratio_mean": share("smb")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="0,1,2,3,4")
    ap.add_argument("--bandit-seeds", default="1,2,3,4")
    ap.add_argument("--weeks", type=int, default=26)
    ap.add_argument("--procs", type=int, default=2)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--reference", choices=sorted(REFERENCES), default=None,
                    help="a DIAGNOSTIC learner told part of the truth instead of ours (benchmarks only)")
    ap.add_argument("--instant", action="store_true", help="outcomes folded the morning after the decision")
    ap.add_argument("--paired", default=None, metavar="FILE", help="a previous output of the same draws")
    ap.add_argument("--drawn-effects", action="store_true",
                    help="each market seed with its own drawn strategy-effect table (not the fixed one)")
    args = ap.parse_args(argv)
    try:
        seeds = [int(s) for s in args.seeds.split(",")]
        bandits = [None if s == "default" else int(s) for s in args.bandit_seeds.split(",")]
    except ValueError:
        print("error: --seeds and --bandit-seeds must be comma-separated lists of integers", file=sys.stderr)
        return 2
    try:
        overrides = parse_overrides(args.set)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    base = json.loads(Path(args.paired).read_text())["runs"] if args.paired else None
    t0 = time.perf_counter()
    jobs = [(s, b, args.weeks, args.reference, args.instant, args.drawn_effects) for b in bandits for s in seeds]
    with Pool(max(1, args.procs), initializer=apply_overrides, initargs=(overrides,)) as pool:
        runs = pool.map(_one, jobs)
    summary = summarise(runs)
    if base is not None:
        try:
            summary["paired"] = {"against": args.paired, **paired(runs, base)}
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    Path(args.out).write_text(json.dumps({"config": {"seeds": seeds, "bandit_seeds": bandits, "weeks": args.weeks,
                                                     "overrides": overrides, "reference": args.reference,
                                                     "reference_knows": REFERENCES.get(args.reference or ""),
                                                     "instant_outcomes": args.instant,
                                                     "drawn_effects": args.drawn_effects},
                                          "summary": summary, "runs": runs,
                                          "seconds": round(time.perf_counter() - t0, 1)}, indent=1))
    print(json.dumps({"out": args.out, **summary}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
