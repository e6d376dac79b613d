"""DIAGNOSTIC reference learners: how low can a learner get in this market if it is told the truth?

Benchmarks only. Every learner here is told something the app CANNOT know (the market's hidden
truth, read from the simulation's population); none is, or may become, the product's default.
They exist to split our regret into what the outcome delay costs, what the prior costs and what
the learner itself costs (learning/README.md, "wave 20: what is reachable"). Run them with

    python -m benchmarks.learning_replicates --reference NAME [--instant] ...

What the market draws: by default NOTHING about the strategies. `integrations/sandbox/market/_truth.py`
holds one fixed table `STRATEGY_EFFECT` (log-odds by arm and segment, the same on every seed) plus
re-engagement's bonus on deals quiet for more than 21 days; the seeds draw the deals, not the
effects. So "Thompson sampling whose prior is the market's generative distribution of effects"
is, literally, a point mass at the table: `truth_point`. The softer readings below tell the
learner the truth's SHAPE (how far arms and segments spread) but not which arm is best. With
`--drawn-effects` (since wave 21) each seed has its own table (`market/_effects.py`), and every
learner here is told the truth of ITS seed's table (read from the run's population), not the
distribution it was drawn from.

The truth is put on the learner's own scale (`Posterior`: credit per unit of amount weight above
the deal's score and the stage-and-band mean of partial credit), from the expected reward of
every decision of the run under every arm (`learning.simulate`): an arm's mean in a cell is the
cell's common level (the mean over the arms allowed on every deal) plus the arm's mean contrast to
that level on the decisions where it is allowed (so the discount arm, allowed on a subset of deals
only, is not credited with how those deals differ: what `ELIGIBILITY_CONTROL` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np

from integrations.sandbox.market import OPEN_STAGES, STRATEGIES
from learning.bandit import Posterior
from learning.simulate import Population, Stream, advances, win_probability

SEGMENTS = ("smb", "mid", "ent")

REFERENCES: dict[str, str] = {
    "truth_point": "KNOWS THE TRUTH: prior = a point mass at each arm's true mean per (segment, engagement) "
                   "cell (the market's effects are a fixed table, so this is its 'generative distribution'); "
                   "it never learns; its regret is the exploration floor's and what the cells do not show",
    "true_prior": "KNOWS THE TRUTH'S SHAPE: the kept hierarchy with its hyperparameters set to the truth's "
                  "(arms' common mean and spread at the tenant level, each arm's spread between segments) "
                  "instead of estimated; it does not know which arm is best anywhere",
    "true_structure": "KNOWS WHICH ARMS ARE TIED ACROSS SEGMENTS: the kept learner with each arm's "
                      "between-segment spread set to the truth's (tenant-level mean and spread still estimated)",
}
"""Reference learners by name, each with what it is told that the app is not."""


def truth_on_learner_scale(pop: Population, s: Stream) -> dict[str, dict[str, float]]:
    """Each arm's true mean on the learner's scale per level key of the posterior ("seg" and
    "seg|engagement"), over the run's non-holdout decisions (`Posterior`'s level keys)."""
    acted = ~s.holdout
    k = len(STRATEGIES)
    value = np.column_stack([win_probability(pop, s, np.full(len(s.row), j))
                             + s.stage_value * advances(pop, s, np.full(len(s.row), j)) for j in range(k)])
    # the learner subtracts the score and the mean partial credit of decisions made at the same
    # stage and band: the latter for every arm alike, so its truth here is the mean over the arms
    # allowed on every deal
    common = s.allowed[acted].all(axis=0)
    partial = np.column_stack([s.stage_value * advances(pop, s, np.full(len(s.row), j)) for j in range(k)])
    stage_key = np.array([f"{OPEN_STAGES[pop.stage[r]]}|{pop.band[r]}" for r in s.row])
    stage_mean = {key: float(partial[acted & (stage_key == key)][:, common].mean())
                  for key in set(stage_key[acted])}
    obs = value - pop.score[s.row][:, None] - np.array([stage_mean.get(key, 0.0) for key in stage_key])[:, None]
    level = obs[:, common].mean(axis=1)
    contrast = np.where(s.allowed, obs - level[:, None], np.nan)
    out: dict[str, dict[str, float]] = {}
    seg, eng = pop.segment[s.row], pop.engagement[s.row]
    keys = {g: acted & (seg == g) for g in SEGMENTS}
    keys |= {f"{g}|{e}": acted & (seg == g) & (eng == e) for g in SEGMENTS for e in ("active", "quiet")}
    for key, rows in keys.items():
        if not rows.any():
            continue
        base = float(level[rows].mean())
        out[key] = {a: base + float(np.nanmean(contrast[rows, j])) for j, a in enumerate(STRATEGIES)
                    if s.allowed[rows, j].any()}
    return out


def true_hyperparameters(truth: Mapping[str, Mapping[str, float]]) -> tuple[float, float, dict[str, float]]:
    """(common mean, spread of the arms' tenant-level means, each arm's spread between segments) of
    the truth on the learner's scale: the hierarchy's hyperparameters if the table had been drawn
    from it (tenant-level arm mean = the unweighted mean of its segment means)."""
    means = {a: [truth[g][a] for g in SEGMENTS if g in truth and a in truth[g]] for a in STRATEGIES}
    tenant = {a: float(np.mean(m)) for a, m in means.items() if m}
    tau = {a: max(float(np.var(m)), 1e-6) for a, m in means.items() if len(m) > 1}
    return float(np.mean(list(tenant.values()))), max(float(np.var(list(tenant.values()))), 1e-6), tau


class TruthPointPosterior(Posterior):
    """The posterior of a point-mass prior at the truth: every belief is the truth, whatever is
    observed (folding outcomes still runs, so the bookkeeping is the kept learner's)."""

    def __init__(self, arms: Iterable[str], truth: Mapping[str, Mapping[str, float]]) -> None:
        super().__init__(tuple(arms))
        self.truth = truth

    def beliefs(self, context: Mapping[str, Any], arms: Iterable[str]) -> dict[str, tuple[float, float]]:
        seg = str(context.get("segment") or "unknown")
        cell = self.truth.get(f"{seg}|{context.get('engagement')}") or self.truth.get(seg, {})
        return {a: (float(cell.get(a, -1.0)), 1e-4) for a in arms}


class KnownHyperPosterior(Posterior):
    """The kept hierarchy with hyperparameters told from the truth (all of them, or only the arms'
    spreads between segments: `structure_only`)."""

    def __init__(self, arms: Iterable[str], truth: Mapping[str, Mapping[str, float]], *,
                 structure_only: bool) -> None:
        super().__init__(tuple(arms))
        self.true_mu0, self.true_s0, self.true_tau = true_hyperparameters(truth)
        self.structure_only = structure_only

    def hyperparameters(self) -> tuple[float, float, list[float]]:
        mu0, s0, shared = super().hyperparameters()
        if not self.structure_only:
            mu0, s0 = self.true_mu0, self.true_s0
        self._tau_by_arm = dict(self.true_tau)
        return mu0, s0, [shared[0], float(np.mean(list(self.true_tau.values()))), *shared[2:]]


def factory(name: str) -> Callable[[Population, Stream], Posterior]:
    """The starting posterior of reference learner `name` (REFERENCES), built from the run's truth.

    Raises:
        ValueError: an unknown name (the message lists the known ones).
    """
    if name not in REFERENCES:
        raise ValueError(f"unknown reference learner {name!r}; known: {', '.join(REFERENCES)}")

    def make(pop: Population, s: Stream) -> Posterior:
        truth = truth_on_learner_scale(pop, s)
        if name == "truth_point":
            return TruthPointPosterior(STRATEGIES, truth)
        return KnownHyperPosterior(STRATEGIES, truth, structure_only=name == "true_structure")

    return make
