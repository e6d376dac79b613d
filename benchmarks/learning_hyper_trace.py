"""The kept learner's estimated prior spreads over a run, beside the truth's (diagnostic).

    python -m benchmarks.learning_hyper_trace --seed 3 [--bandit-seed 1] [--set NAME=VALUE ...]

Prints, at days 7, 14, 28, 42, 70, 126 and 181 of a 26-week run, the hierarchy's hyperparameters
(`Posterior.hyperparameters`: the arms' common mean and spread at the tenant level, and each arm's
spread between segments, as standard deviations on the learner's scale) and the truth's
(benchmarks/learning_reference.py `true_hyperparameters`, which the app cannot know).
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from benchmarks.learning_reference import true_hyperparameters, truth_on_learner_scale
from benchmarks.learning_replicates import apply_set_options
from learning import defaults
from learning.bandit import Posterior
from learning.rewards import RewardConfig
from learning.simulate import SimConfig, build_population, build_stream, run_bandit

DAYS = (7, 14, 28, 42, 70, 126, 181)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--bandit-seed", type=int, default=1, help="b: the replicate harness's bandit seed 1000 b + seed")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args(argv)
    if not apply_set_options(args.set):
        return 2
    cfg = SimConfig(seed=args.seed, bandit_seed=1000 * args.bandit_seed + args.seed)
    pop = build_population(cfg)
    rewards = RewardConfig(reference_amount=float(np.median(pop.amount)), stage_advanced=defaults.STAGE_ADVANCED_VALUE)
    s = build_stream(pop, cfg, rewards)
    mu0, s0, tau = true_hyperparameters(truth_on_learner_scale(pop, s))
    print(f"truth: mean {mu0:.3f} arms' sd {s0 ** 0.5:.3f} segment sd by arm "
          + " ".join(f"{a}={v ** 0.5:.3f}" for a, v in tau.items()))

    def observe(day: int, post: Posterior, _arms: np.ndarray) -> None:
        if day in DAYS:
            m, v, shared = post.hyperparameters()
            print(f"day {day}: mean {m:.3f} arms' sd {v ** 0.5:.3f} segment sd {shared[1] ** 0.5:.3f} by arm "
                  + " ".join(f"{a}={x ** 0.5:.3f}" for a, x in post._tau_by_arm.items()))

    run_bandit(pop, s, cfg, rewards, observe=observe)
    return 0


if __name__ == "__main__":
    sys.exit(main())
