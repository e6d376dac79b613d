"""Per market seed: what its drawn strategy-effect table is, and how each learner did on it.

    python -m benchmarks.learning_drawn_summary FILE [FILE ...]

Reads outputs of `benchmarks.learning_replicates --drawn-effects` (the same seeds and bandit seeds
in every file) and prints, per market seed, the arms its table made size-dependent, whether
`SIZE_DEPENDENT_ARMS` (the tenant statement of `SEGMENT_STRUCTURE_PRIOR`) names exactly them,
the best arm per segment, and each file's mean ours / uniform's regret over the seed's bandit
seeds with how often ours was below the best single arm. Markdown on stdout.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

from learning import defaults


def statement(size_dependent: list[str] | None) -> str:
    """How the default tenant statement compares with the arms the table made size-dependent."""
    if size_dependent is None:
        return "fixed table"
    stated, drawn = set(defaults.SIZE_DEPENDENT_ARMS), set(size_dependent)
    if stated == drawn:
        return "right"
    return "partly right" if stated & drawn else "wrong"


def by_seed(runs: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """The runs of each market seed."""
    out: dict[int, list[dict[str, Any]]] = {}
    for r in runs:
        out.setdefault(int(r["seed"]), []).append(r)
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    files = {Path(f).stem: by_seed(json.loads(Path(f).read_text())["runs"]) for f in argv}
    first = next(iter(files.values()))
    head = ["seed", "size-dependent (drawn)", "statement", "best arm smb / mid / ent"]
    head += [f"{name}: ratio (below best arm)" for name in files]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for seed, runs in sorted(first.items()):
        r0 = runs[0]
        best = r0.get("best_arm_by_segment", {})
        row = [str(seed), ", ".join(r0.get("size_dependent") or []) or "-", statement(r0.get("size_dependent")),
               " / ".join(best.get(g, "-") for g in ("smb", "mid", "ent"))]
        for seeds in files.values():
            rs = seeds.get(seed, [])
            below = sum(r["regret"]["ours"] < r["regret"]["best_single_arm"] for r in rs)
            row.append(f"{statistics.mean(r['ratio'] for r in rs):.3f} ({below}/{len(rs)})" if rs else "-")
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
