"""Contextual Thompson sampling over a tenant's strategy catalogue.

Context = (segment, conversion score band, engagement). Each (context, arm) cell has a Gaussian
posterior over its mean reward that borrows strength from coarser levels (arm overall -> arm in
the segment -> arm in the full context): a Gaussian hierarchy whose exact posterior is computed
from the cells' statistics, each outcome counted once (`Posterior.beliefs`). The tenant-level
arms' spread and each arm's spread between segments are estimated from the data (empirical
Bayes, `Posterior.hyperparameters`; EMPIRICAL_PRIOR), the engagement cells' is sigma^2 /
PRIOR_PSEUDO_COUNT. Decisions are grouped by the arms policy excluded for them, and each group's
common level is removed (`Posterior.stratum_shifts`; ELIGIBILITY_CONTROL), so an arm allowed only
on some deals is not credited with how those deals differ. A new tenant starts from a cold-start
prior, so its first choices are near-uniform.

Choosing: the arm probabilities are Thompson sampling's (the probability each allowed arm has
the highest posterior draw, by Monte Carlo), mixed with EXPLORATION_FLOOR of uniform; the arm is
then drawn from exactly those probabilities, so the logged propensity is the true probability
of the logged choice (what off-policy evaluation needs). Arms a policy forbids are removed
before the probabilities are computed.

The posterior is a table of sufficient statistics (count, sum, sum of squares) per level, cell
and arm: `update(rewards)` adds rewards incrementally and `to_json`/`from_json` round-trip it,
so the app can persist it per tenant and it survives restarts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from learning import defaults
from learning.errors import LearningConfigError, NoAllowedArmError

POLICY_NAME = "thompson-v1"
"""Logged as the decision's `policy`."""

CONTEXT_KEYS = ("segment", "engagement")
"""Context fields the posterior pools by, coarse to fine; unknown values are 'unknown'.

The conversion band is logged with every decision (reports, OPE) but not pooled by: measured in
the simulation (seed 0, 26 weeks), pooling by segment > band > engagement gave regret 0.59 of
uniform's, segment > engagement 0.43, segment alone 0.66 (PRIOR_PSEUDO_COUNT 200). The band
splits each segment in three cells with no real difference in which strategy works (the deal's
odds are already removed by the baseline), so every cell had to learn the same thing alone.
"""

SCHEMA_VERSION = 1

CONTROL_ARM = "holdout"
"""Key of the holdout's observations in an eligibility group (`Posterior.strata`, ELIGIBILITY_CONTROL 2):
the same name as `learning.holdout.HOLDOUT_ARM`, never an arm of the catalogue."""

PARTIAL_KINDS = ("stage_advanced", "stalled")
"""Outcome kinds that give a deal still open partial credit (learning.rewards)."""


def make_context(segment: str | None, band: str | None, engagement: str | None,
                 baseline: float | None = None) -> dict[str, Any]:
    """Normalise a decision context (missing values become 'unknown').

    Args:
        baseline: the deal's conversion probability when the decision was made (the scoring
            engine's); the bandit learns each arm's reward above it (see `Posterior.update`).
    """
    ctx: dict[str, Any] = {"segment": segment or "unknown", "band": band or "unknown",
                           "engagement": engagement or "unknown"}
    if baseline is not None:
        ctx["baseline"] = round(float(baseline), 4)
    return ctx


def _levels(context: Mapping[str, Any]) -> list[str]:
    """Keys of the levels a context belongs to, coarse to fine: the tenant, then the segment and
    engagement (CONTEXT_KEYS). Strategies that work (or fail) everywhere are learned tenant-wide
    first; segment and finer cells then learn how they differ (measured in the simulation: with
    the tenant level the regret was 0.56-0.67 of uniform's on seeds 0-2, without it 0.70-0.83).
    """
    keys = ["*"]
    parts: list[str] = []
    for name in CONTEXT_KEYS:
        parts.append(f"{name}={context.get(name, 'unknown') or 'unknown'}")
        keys.append("|".join(parts))
    return keys


def _stratum(context: Mapping[str, Any]) -> str | None:
    """The decision's eligibility group: its segment and the arms policy excluded for it
    (context `excluded`, a list of arm names); None when the context does not say."""
    excluded = context.get("excluded")
    if not isinstance(excluded, list | tuple):
        return None
    return f"{context.get('segment') or 'unknown'}|{'+'.join(sorted(str(a) for a in excluded))}"


def _stage_key(context: Mapping[str, Any]) -> str:
    return f"{context.get('stage') or 'unknown'}|{context.get('band') or 'unknown'}"


def baseline_of(context: Mapping[str, Any]) -> float:
    """The context's baseline reward (its conversion probability), COLD_START_MEAN when absent."""
    b = context.get("baseline")
    return float(b) if isinstance(b, int | float) else defaults.COLD_START_MEAN


@dataclass(frozen=True)
class Choice:
    """A policy's choice with its propensity and every allowed arm's probability."""

    arm: str
    propensity: float
    probabilities: Mapping[str, float]
    policy: str = POLICY_NAME


class Posterior:
    """Per-tenant posterior of every arm's mean reward by context (see module docstring)."""

    def __init__(self, arms: Sequence[str], *, prior_mean: float = 0.0,
                 prior_sd: float | None = None,
                 pseudo_count: float | None = None,
                 segment_pseudo_count: float | None = None) -> None:
        # None = the module default read now, not at import: `learning_replicates --set` changes them
        prior_sd = defaults.COLD_START_SD if prior_sd is None else prior_sd
        pseudo_count = defaults.PRIOR_PSEUDO_COUNT if pseudo_count is None else pseudo_count
        if not arms:
            raise LearningConfigError("a posterior needs at least one arm (the strategy catalogue is empty)")
        if prior_sd <= 0 or pseudo_count <= 0:
            raise LearningConfigError("prior_sd and pseudo_count must be > 0")
        self.arms: tuple[str, ...] = tuple(dict.fromkeys(arms))
        self.prior_mean = float(prior_mean)
        self.prior_sd = float(prior_sd)
        self.pseudo_count = float(pseudo_count)
        self.segment_pseudo_count = float(segment_pseudo_count if segment_pseudo_count is not None
                                          else defaults.SEGMENT_PSEUDO_COUNT)
        self.stats: dict[str, dict[str, list[float]]] = {}
        """level key -> arm -> [count, sum, sum of squares]."""
        self.n_updates = 0
        self.pending: dict[str, list[Any]] = {}
        """decision id -> [partial credit per unit weight so far, arm, context]: stage advances of a
        deal still open, folded into one observation with the decision's final outcome."""
        self.stage_credit: dict[str, list[float]] = {}
        """stage at decision -> [closed decisions, their summed partial credit]: the learned
        control variate of partial credit (all arms alike)."""
        self.closed: list[str] = []
        """The last CLOSED_DECISIONS_KEPT decisions whose final outcome was folded (a stage advance
        reported after its deal's close adds to the counted observation instead of waiting)."""
        self.watermark: str | int | None = None
        """Free for the app: e.g. the id of the last stored reward folded in."""
        self._hyper_cache: tuple[float, tuple[float, float, list[float]]] | None = None
        self.strata: dict[str, dict[str, list[float]]] = {}
        """eligibility group (segment and the arms policy excluded, `_stratum`) -> arm -> [count,
        sum]: the same observations as `stats`, grouped by which arms the decision could use."""
        self.stratum_counts: dict[str, dict[str, dict[str, float]]] = {}
        """level key -> arm -> eligibility group -> count: how much of each cell came from each group."""
        self._view_cache: tuple[float, dict[str, dict[str, list[float]]]] | None = None
        self._tau_by_arm: dict[str, float] = {}
        self.stakes: dict[str, list[float]] = {}
        """segment -> [rewards folded, sum of log amount weight]: the segment's typical stake, the
        reference of stake-aware exploration with STAKE_REFERENCE_WEIGHT 0 (`stake_scale`)."""

    # --- learning ------------------------------------------------------------------------
    def add(self, context: Mapping[str, Any], arm: str, value: float, *, count: float = 1.0,
            propensity: float | None = None) -> None:
        """Fold one observation of `arm` in `context` into the posterior (`count` 0 adds credit to
        an observation already counted: a stage advance reported after its deal closed).

        `propensity` (the logged probability of the choice; None = 1) weighs the observation in
        its eligibility group's inverse-propensity sums (`stratum_shifts`)."""
        if arm not in self.arms:
            return  # an arm removed from the catalogue since the decision: nothing to learn
        v = float(value)
        stratum = _stratum(context)
        for key in _levels(context):
            cell = self.stats.setdefault(key, {}).setdefault(arm, [0.0, 0.0, 0.0])
            cell[0] += count
            cell[1] += v
            cell[2] += v * v
            if stratum is not None:
                by = self.stratum_counts.setdefault(key, {}).setdefault(arm, {})
                by[stratum] = by.get(stratum, 0.0) + count
        if stratum is not None:
            self._add_to_stratum(stratum, arm, v, count, propensity)
        self.n_updates += 1

    def _fold(self, context: Mapping[str, Any], arm: str, obs: float, count: float, propensity: float | None) -> None:
        """`add` for an arm's observation; a holdout decision's (CONTROL_ARM) measures its
        eligibility group's level only (no arm learns from it)."""
        if arm != CONTROL_ARM:
            self.add(context, arm, obs, count=count, propensity=propensity)
            return
        stratum = _stratum(context)
        if stratum is not None:
            self._add_to_stratum(stratum, CONTROL_ARM, obs, count, None)
            self.n_updates += 1

    def _add_to_stratum(self, stratum: str, arm: str, value: float, count: float, propensity: float | None) -> None:
        """Count one observation in its eligibility group: [count, sum, sum of w, sum of w x value,
        sum of w^2] with w = 1 / propensity (a credit added later, `count` 0, comes with its own
        decision's propensity, so its weight is the one its observation was counted with)."""
        w = 1.0 / max(float(propensity), 1e-6) if propensity is not None and propensity > 0 else 1.0
        cell = self.strata.setdefault(stratum, {}).setdefault(arm, [0.0] * 5)
        cell[0] += count
        cell[1] += value
        cell[2] += w * count
        cell[3] += w * value
        cell[4] += w * w * count

    def stage_baseline(self, context: Mapping[str, Any]) -> float:
        """Mean partial credit per closed decision made at the context's stage and conversion
        band (0 before any): how far such a deal moves whatever the arm."""
        n, total = self.stage_credit.get(_stage_key(context), (0.0, 0.0))
        return total / n if n else 0.0

    def update(self, rewards: Iterable[Any]) -> Posterior:
        """Fold rewards in (objects with `context`, `arm`, `value`, e.g. `learning.rewards.Reward`).

        The posterior learns the reward per unit of amount weight (`value / weight`): a deal's
        amount weight multiplies every arm's value for that deal alike, so it cannot change which
        arm is best for it, while learning on weighted values would let a few large deals' noise
        drown every comparison. It learns that credit above the deal's `baseline` (its conversion
        probability at decision time, COLD_START_MEAN when unscored): a control variate that
        removes the deals' different odds from the comparison, including when an arm is only
        allowed on some deals (a discount arm on price-insensitive ones). Pass each stored reward
        once (the app tracks what it folded in with `watermark`); holdout rewards are skipped:
        they measure doing nothing, not an arm.

        Partial credit (`kind` stage_advanced or stalled, with a `decision_id`) is held per
        decision until its deal's won/lost reward arrives; the decision is then ONE observation:
        its whole credit (final + partial) minus the baseline and minus the mean partial credit
        of decisions made at the same stage (`stage_baseline`, learned from closed decisions, the
        same for every arm, so it removes how far along the deal was without favouring an arm).
        Counting each stage advance as its own observation would weigh a decision by how many
        stages its deal moved and compare arms on deals still open, whose credit is incomplete.
        """
        closed = set(self.closed)
        for r in rewards:
            context = getattr(r, "context", None) or {}
            control = bool(getattr(r, "holdout", False) or context.get("holdout"))
            if control and (defaults.ELIGIBILITY_CONTROL < 2 or _stratum(context) is None):
                continue
            value: Any = getattr(r, "value", None)
            if value is None:
                value = getattr(r, "reward", 0.0)  # the app's rows call it `reward`
            weight = float(getattr(r, "weight", 1.0) or 1.0)
            credit = float(value) / weight
            if not control and weight > 0:
                stake = self.stakes.setdefault(str(context.get("segment") or "unknown"), [0.0, 0.0])
                stake[0] += 1.0
                stake[1] += float(np.log(weight))
            kind = str(getattr(r, "kind", "") or "")
            decision = str(getattr(r, "decision_id", "") or "")
            arm = CONTROL_ARM if control else str(r.arm)
            raw = getattr(r, "propensity", None)
            propensity = float(raw) if isinstance(raw, int | float) and not control else None

            if kind in PARTIAL_KINDS and decision:
                if decision in closed:
                    self._fold(context, arm, credit, 0.0, propensity)
                else:
                    self.pending.setdefault(decision, [0.0, arm, dict(context)])[0] += credit
                continue
            obs = credit - baseline_of(context)
            if kind:  # a won/lost reward: its decision's partial credit is complete now
                partial = float(self.pending.pop(decision, [0.0])[0]) if decision else 0.0
                obs += partial - self.stage_baseline(context)
                if not control:  # the stage baseline is the arms' (what a decision of an arm moves)
                    cell = self.stage_credit.setdefault(_stage_key(context), [0.0, 0.0])
                    cell[0] += 1.0
                    cell[1] += partial
                if decision:
                    closed.add(decision)
                    self.closed.append(decision)
            self._fold(context, arm, obs, 1.0, propensity)
        del self.closed[:-defaults.CLOSED_DECISIONS_KEPT]
        return self

    # --- beliefs -------------------------------------------------------------------------
    def _sigma2(self, context: Mapping[str, Any]) -> float:
        """Per-reward variance in the context's segment (all its arms and cells), shrunk toward
        the tenant-wide pooled variance, itself shrunk toward the cold-start prior's.

        Per segment because amount-weighted rewards of enterprise deals are far noisier than
        small businesses': one pooled noise level would make small-business cells learn slowly.
        The tenant-wide variance this shrinks toward includes the segment's own outcomes, unlike
        the arm means (see `belief`): here that is harmless, since it is a plug-in estimate whose
        weight is fixed at `pseudo_count` whatever the tenant's count (a segment with most of the
        tenant's data shrinks toward nearly its own variance), not a posterior whose spread grows
        more confident with every outcome counted.
        """
        return self._noise(_levels(context)[:2])

    def _noise(self, keys: Sequence[str]) -> float:
        """`_sigma2` from the given levels (the tenant, optionally one segment)."""
        k = self.pseudo_count
        prior = self.prior_sd ** 2
        for key in keys:
            n = s = ss = 0.0
            for cell in self.stats.get(key, {}).values():
                n, s, ss = n + cell[0], s + cell[1], ss + cell[2]
            resid = max(ss - (s * s / n if n else 0.0), 0.0)
            prior = (resid + k * prior) / (n + k)
        return max(prior, 1e-9)

    def _tau2(self) -> list[float]:
        """Between-cell variance of an arm's mean at each level below the tenant (index = depth):
        segments may differ a lot (the best strategy differs by segment), cells within a segment
        little. Scaled by the tenant-wide noise, so every context's belief is a posterior of the
        same model."""
        sigma2 = self._noise(["*"])
        return [0.0, sigma2 / self.segment_pseudo_count] + [sigma2 / self.pseudo_count] * (len(CONTEXT_KEYS) - 1)

    def stratum_shifts(self) -> dict[str, float]:
        """Each eligibility group's common level above the baseline, relative to its segment's
        largest group, measured on the arms observed in both (each arm's difference of means,
        weighted by 1 / (1/n1 + 1/n2), shrunk toward 0 by ELIGIBILITY_PSEUDO_COUNT).

        An arm allowed only on some deals (a discount arm when the deal's best discount is within
        the cap) is observed only on them; when those deals do better than their score says, for
        every arm alike, the arm would be credited with it. Comparing the other arms across the
        groups measures that level without the restricted arm's own effect.

        ELIGIBILITY_CONTROL 2 measures it only on evidence whose amount does not depend on what
        was learned: each arm's mean in a group is weighted by the inverse of each choice's
        logged propensity (the Hajek mean; its evidence counted as the effective number of
        outcomes, (sum w)^2 / sum w^2), and the holdout's decisions (CONTROL_ARM: never chosen by
        the policy) are one more "arm" observed in every group. With plain means (1), the arms
        the policy stopped choosing in a group keep the outcomes that made it stop: their means
        there are biased low, and the group's level with them, so the arm observed only there
        is credited with the difference (wave 12: seed 8's mid-market discount arm)."""
        by_segment: dict[str, list[str]] = {}
        for stratum in self.strata:
            by_segment.setdefault(stratum.split("|")[0], []).append(stratum)
        shifts: dict[str, float] = {}
        k0 = float(defaults.ELIGIBILITY_PSEUDO_COUNT)
        weighted = defaults.ELIGIBILITY_CONTROL >= 2

        def mean_and_count(cell: Sequence[float]) -> tuple[float, float]:
            if not weighted:
                return cell[1] / cell[0], cell[0]
            return cell[3] / cell[2], cell[2] * cell[2] / cell[4]

        for ids in by_segment.values():
            ref = max(ids, key=lambda g: sum(c[0] for a, c in self.strata[g].items() if a != CONTROL_ARM))
            for g in ids:
                if g == ref:
                    continue
                num = den = 0.0
                for arm, cell in self.strata[g].items():
                    other = self.strata[ref].get(arm)
                    if other is None or cell[0] < 1.0 or other[0] < 1.0 or (arm == CONTROL_ARM and not weighted):
                        continue
                    (m1, n1), (m2, n2) = mean_and_count(cell), mean_and_count(other)
                    w = 1.0 / (1.0 / n1 + 1.0 / n2)
                    num, den = num + w * (m1 - m2), den + w
                shifts[g] = num / (den + k0)
        return shifts

    def _view(self) -> dict[str, dict[str, list[float]]]:
        """`stats` with each eligibility group's level shift removed from the sums
        (ELIGIBILITY_CONTROL 1), else `stats` itself."""
        if not defaults.ELIGIBILITY_CONTROL or not self.strata:
            return self.stats
        if self._view_cache is not None and self._view_cache[0] == self.n_updates:
            return self._view_cache[1]
        shifts = self.stratum_shifts()
        view: dict[str, dict[str, list[float]]] = {}
        for key, cells in self.stats.items():
            view[key] = {}
            for arm, (n, s, ss) in cells.items():
                by = self.stratum_counts.get(key, {}).get(arm, {})
                view[key][arm] = [n, s - sum(c * shifts.get(g, 0.0) for g, c in by.items()), ss]
        self._view_cache = (self.n_updates, view)
        return view

    def hyperparameters(self) -> tuple[float, float, list[float]]:
        """(prior mean, prior variance of a tenant-level arm mean, tau2 per level) of the hierarchy.

        Fixed (EMPIRICAL_PRIOR 0): prior_mean, COLD_START_MEAN_SD^2 and `_tau2`. Empirical
        (EMPIRICAL_PRIOR 1): the tenant-level arms' common mean and spread, and the segment
        level's spread, each estimated from the cells' means by restricted maximum likelihood on
        a grid of variances with a log-uniform hyperprior (the posterior mean over the grid is
        used: before any outcome that is a middle value of the grid, and it narrows as arms and
        segments are observed). Each cell mean is observed with its sampling variance sigma^2/n,
        so a few noisy outcomes do not read as a real spread. The engagement level keeps
        sigma^2 / PRIOR_PSEUDO_COUNT (its cells are few and thin).
        """
        if not defaults.EMPIRICAL_PRIOR:
            self._tau_by_arm = {}
            return self.prior_mean, defaults.COLD_START_MEAN_SD ** 2, self._tau2()
        if self._hyper_cache is not None and self._hyper_cache[0] == self.n_updates:
            return self._hyper_cache[1]
        grid = np.geomspace(1e-5, defaults.COLD_START_MEAN_SD ** 2, int(defaults.EMPIRICAL_PRIOR_GRID))
        fixed = self._tau2()
        # tenant level: arm means around a common mean
        sigma2 = self._noise(["*"])
        stats = self._view()
        tenant = [(c[1] / c[0], sigma2 / c[0]) for c in stats.get("*", {}).values() if c[0] >= 1.0]
        mu0, s0 = self.prior_mean, float(grid.mean())
        if tenant:
            means, var = np.array(tenant).T
            post, mu_hat = _reml(grid, [(means, var)])
            s0 = _centre(post, grid)
            mu0 = float(post @ mu_hat[:, 0]) if len(tenant) > 1 else self.prior_mean
        # segment level: each arm's segment means around the arm's own mean
        groups: dict[str, tuple[list[float], list[float]]] = {}
        for key, cells in stats.items():
            if key == "*" or "|" in key:
                continue
            noise = self._noise(["*", key])
            for arm, c in cells.items():
                if c[0] >= 1.0:
                    groups.setdefault(arm, ([], []))[0].append(c[1] / c[0])
                    groups[arm][1].append(noise / c[0])
        named = [(arm, np.array(m), np.array(v)) for arm, (m, v) in groups.items() if len(m) > 1]
        arrays = [(m, v) for _a, m, v in named]
        tau_seg = _centre(_reml(grid, arrays)[0], grid) if arrays else float(grid.mean())
        self._tau_by_arm = {}
        if defaults.EMPIRICAL_PRIOR >= 2 and len(named) > 1:
            # per arm: its own segment means, with the other arms' evidence about the spread
            # counted as one arm's (arms differ in how much they vary between segments)
            each = [_loglik(grid, m, v) for _a, m, v in named]
            pooled = np.sum(each, axis=0)
            for (arm, _m, _v), own in zip(named, each, strict=True):
                ll = own + (pooled - own) / (len(named) - 1)
                post = np.exp(ll - ll.max())
                # a stated structure: an arm the tenant calls tied across segments takes the
                # geometric centre (narrow until the data show a spread), a size-dependent one the mean
                tied = defaults.SEGMENT_STRUCTURE_PRIOR >= 1 and arm not in defaults.SIZE_DEPENDENT_ARMS
                self._tau_by_arm[arm] = (_centre(post / post.sum(), grid, geometric=True)
                                         if defaults.EMPIRICAL_PRIOR_CENTRE >= 1 or tied
                                         else float(post @ grid / post.sum()))
        out = (mu0, s0, [0.0, tau_seg] + fixed[2:])
        self._hyper_cache = (self.n_updates, out)
        return out

    def belief(self, context: Mapping[str, Any], arm: str) -> tuple[float, float]:
        """Posterior (mean, standard deviation) of `arm`'s mean credit above the baseline in `context`."""
        return self.beliefs(context, [arm])[arm]

    def beliefs(self, context: Mapping[str, Any], arms: Iterable[str]) -> dict[str, tuple[float, float]]:
        """Exact posterior (mean, sd) of each arm's mean credit in `context` under the hierarchy

            tenant mean ~ N(prior_mean, COLD_START_MEAN_SD^2),
            segment mean = tenant mean + N(0, tau2[1]), cell mean = segment mean + N(0, tau2[2]),
            an outcome in a cell = cell mean + N(0, sigma2 of its segment),

        given every cell's sufficient statistics. Each level's stats hold its children's data, so
        a level's evidence is what its children tell it (each child's own posterior widened by the
        child's tau2), and the context's path takes from each level only what the OTHER children
        say: passing a level's posterior down as its child's prior and adding the child's own
        stats again would count every outcome once per level (2-3 times), most where one segment
        or cell holds most of the tenant's data, making those beliefs over-confident.
        """
        levels = _levels(context)
        mu0, var0, shared = self.hyperparameters()
        noise: dict[str, float] = {}
        keys_at: dict[int, list[str]] = {}
        stats = self._view()
        for key in stats:
            keys_at.setdefault(0 if key == "*" else key.count("|") + 1, []).append(key)

        def sigma2_of(key: str) -> float:
            seg = key.split("|")[0]
            if seg not in noise:
                noise[seg] = self._noise(["*"] if seg == "*" else ["*", seg])
            return noise[seg]

        def children(key: str, depth: int) -> list[str]:
            below = keys_at.get(depth + 1, [])
            return below if depth == 0 else [k for k in below if k.startswith(key + "|")]

        def evidence(key: str, depth: int, arm: str, skip: str | None, tau2: list[float]) -> tuple[float, float]:
            """(precision, precision x mean) about this level's arm mean from its subtree, the
            child `skip` left out."""
            own = stats.get(key, {}).get(arm)
            n, s = (own[0], own[1]) if own else (0.0, 0.0)
            prec = h = 0.0
            for child in children(key, depth):
                cell = stats[child].get(arm)
                if cell is not None:
                    n, s = n - cell[0], s - cell[1]  # the child's outcomes reach this level through the child
                if child == skip or cell is None:
                    continue
                cp, ch = evidence(child, depth + 1, arm, None, tau2)
                if cp > 0:  # the child's posterior about its own mean, widened by its spread around ours
                    widened = 1.0 / (1.0 / cp + tau2[depth + 1])
                    prec, h = prec + widened, h + widened * ch / cp
            if n > 1e-9:  # outcomes stored at this level and no finer one (not in a layout written by `add`)
                sigma2 = sigma2_of(key)
                prec, h = prec + n / sigma2, h + s / sigma2
            return prec, h

        out: dict[str, tuple[float, float]] = {}
        for arm in arms:
            tau2 = shared if arm not in self._tau_by_arm else [shared[0], self._tau_by_arm[arm], *shared[2:]]
            mean, var = mu0, var0
            for depth, key in enumerate(levels):
                var += tau2[depth]
                prec, h = evidence(key, depth, arm, levels[depth + 1] if depth + 1 < len(levels) else None, tau2)
                precision = 1.0 / var + prec
                mean = (mean / var + h) / precision
                var = 1.0 / precision
            out[arm] = (mean, float(np.sqrt(var)))
        return out

    def stake_scale(self, context: Mapping[str, Any], scale: float) -> float:
        """The Thompson scale of one decision given its stake (STAKE_EXPLORATION_POWER; `scale`
        unchanged when it is 0 or the context has no `amount_weight`): `scale` x (w_ref / w) **
        power, at least min(scale, STAKE_SCALE_MIN) and at most max(scale, STAKE_SCALE_MAX). w_ref is STAKE_REFERENCE_WEIGHT, or with 0 the
        geometric mean weight of the rewards folded in the decision's segment (unchanged until it
        has STAKE_MIN_REWARDS of them)."""
        power = float(defaults.STAKE_EXPLORATION_POWER)  # read at call time: a benchmark may set it
        w = context.get("amount_weight")
        if power <= 0 or not isinstance(w, int | float) or w <= 0:
            return scale
        ref = float(defaults.STAKE_REFERENCE_WEIGHT)
        if ref <= 0:
            n, logs = self.stakes.get(str(context.get("segment") or "unknown"), (0.0, 0.0))
            if n < defaults.STAKE_MIN_REWARDS:
                return scale
            ref = float(np.exp(logs / n))
        low, high = min(scale, defaults.STAKE_SCALE_MIN), max(scale, defaults.STAKE_SCALE_MAX)
        return float(min(max(scale * (ref / float(w)) ** power, low), high))

    def probabilities(self, context: Mapping[str, Any], allowed: Iterable[str] | None = None, *,
                      rng: np.random.Generator | None = None, floor: float | None = None,
                      draws: int | None = None,
                      scale: float | None = None,
                      beliefs: Mapping[str, tuple[float, float]] | None = None) -> dict[str, float]:
        """Probability of choosing each allowed arm in `context` (Thompson + exploration floor).

        The Thompson draws use the posterior's spread times `scale` (THOMPSON_SCALE), adjusted to
        the decision's stake when its context carries `amount_weight` (`stake_scale`): below 1 the
        policy explores near-tied arms less and exploits sooner, while the floor keeps every arm
        tried. The probabilities returned are exactly the ones the arm is drawn from.
        `beliefs` (`self.beliefs(context, allowed)`, for a caller choosing for many decisions of
        the same cell at once) saves recomputing them.

        Raises:
            NoAllowedArmError: no arm of the catalogue is allowed.
        """
        arms = [a for a in self.arms if allowed is None or a in set(allowed)]
        if not arms:
            raise NoAllowedArmError("no strategy is allowed for this decision (all excluded by policy)")
        rng = rng if rng is not None else np.random.default_rng(0)
        known = beliefs if beliefs is not None else self.beliefs(context, arms)
        beliefs_ = np.array([known[a] for a in arms])
        scale = defaults.THOMPSON_SCALE if scale is None else scale  # read at call time: a benchmark may set it
        floor = defaults.EXPLORATION_FLOOR if floor is None else floor  # likewise (a default argument was bound at import)
        draws = defaults.PROPENSITY_DRAWS if draws is None else draws  # likewise
        scale = self.stake_scale(context, scale)
        samples = rng.normal(beliefs_[:, 0], beliefs_[:, 1] * scale, size=(draws, len(arms)))
        wins = np.bincount(samples.argmax(axis=1), minlength=len(arms)) / draws
        probs = (1.0 - floor) * wins + floor / len(arms)
        return {a: float(p) for a, p in zip(arms, probs / probs.sum(), strict=True)}

    def choose(self, context: Mapping[str, Any], allowed: Iterable[str] | None = None, *,
               rng: np.random.Generator, floor: float | None = None,
               draws: int | None = None, scale: float | None = None) -> Choice:
        """Draw an arm from `probabilities` and return it with its propensity."""
        probs = self.probabilities(context, allowed, rng=rng, floor=floor, draws=draws, scale=scale)
        names = list(probs)
        arm = names[int(rng.choice(len(names), p=np.array(list(probs.values()))))]
        return Choice(arm=arm, propensity=probs[arm], probabilities=probs)

    def greedy(self, context: Mapping[str, Any], allowed: Iterable[str] | None = None) -> str:
        """The arm with the highest posterior mean (for reports and candidate policies)."""
        arms = [a for a in self.arms if allowed is None or a in set(allowed)]
        if not arms:
            raise NoAllowedArmError("no strategy is allowed for this decision (all excluded by policy)")
        known = self.beliefs(context, arms)
        return max(arms, key=lambda a: known[a][0])

    # --- persistence ---------------------------------------------------------------------
    def to_json(self) -> str:
        """Serialise (the app stores this per tenant)."""
        return json.dumps({"schema": SCHEMA_VERSION, "policy": POLICY_NAME, "arms": list(self.arms),
                           "prior_mean": self.prior_mean, "prior_sd": self.prior_sd,
                           "pseudo_count": self.pseudo_count, "segment_pseudo_count": self.segment_pseudo_count,
                           "n_updates": self.n_updates,
                           "watermark": self.watermark, "stats": self.stats, "pending": self.pending,
                           "stage_credit": self.stage_credit, "closed": self.closed,
                           "strata": self.strata, "stratum_counts": self.stratum_counts,
                           "stakes": self.stakes}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes, *, arms: Sequence[str] | None = None) -> Posterior:
        """Load a stored posterior; `arms` (the tenant's current catalogue) adds new arms at the prior.

        Raises:
            LearningConfigError: the text is not a posterior of a known schema.
        """
        try:
            data = json.loads(text)
            if data.get("schema") != SCHEMA_VERSION:
                raise LearningConfigError(f"posterior schema {data.get('schema')!r} is not {SCHEMA_VERSION}")
            p = cls(list(arms) if arms else data["arms"], prior_mean=data["prior_mean"],
                    prior_sd=data["prior_sd"], pseudo_count=data["pseudo_count"],
                    segment_pseudo_count=data.get("segment_pseudo_count"))
            p.stats = {k: {a: [float(x) for x in v] for a, v in cell.items()} for k, cell in data["stats"].items()}
            p.n_updates = int(data["n_updates"])
            p.watermark = data.get("watermark")
            # absent in posteriors saved before partial credit was learned: start them empty
            p.pending = {str(k): [float(v[0]), str(v[1]), dict(v[2])] for k, v in data.get("pending", {}).items()}
            p.stage_credit = {str(k): [float(v[0]), float(v[1])] for k, v in data.get("stage_credit", {}).items()}
            p.closed = [str(x) for x in data.get("closed", [])]
            # absent in posteriors saved before wave 11: no eligibility groups yet
            p.strata = {str(g): {str(a): _stratum_cell(v) for a, v in cells.items()}
                        for g, cells in data.get("strata", {}).items()}
            p.stratum_counts = {str(k): {str(a): {str(g): float(c) for g, c in by.items()} for a, by in cells.items()}
                                for k, cells in data.get("stratum_counts", {}).items()}
            # absent in posteriors saved before wave 19: no stakes seen yet
            p.stakes = {str(g): [float(v[0]), float(v[1])] for g, v in data.get("stakes", {}).items()}
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            if isinstance(exc, LearningConfigError):
                raise
            raise LearningConfigError(f"stored posterior is not valid JSON of schema {SCHEMA_VERSION}: {exc}") \
                from exc
        return p


def _stratum_cell(v: Sequence[Any]) -> list[float]:
    """A stored eligibility-group cell; one saved before wave 12 ([count, sum]) reads as if every
    propensity were 1 (its weighted sums equal the plain ones)."""
    cell = [float(x) for x in v]
    return cell if len(cell) >= 5 else [cell[0], cell[1], cell[0], cell[1], cell[0]]


def _centre(post: np.ndarray, grid: np.ndarray, *, geometric: bool = False) -> float:
    """The central value of a (normalised) posterior over a grid of variances used as the spread:
    its mean, or (EMPIRICAL_PRIOR_CENTRE 1, or `geometric`) its geometric mean."""
    if geometric or defaults.EMPIRICAL_PRIOR_CENTRE >= 1:
        return float(np.exp(post @ np.log(grid)))
    return float(post @ grid)


def _loglik(grid: np.ndarray, m: np.ndarray, v: np.ndarray) -> np.ndarray:
    """REML log-likelihood over `grid` of one group's means `m` (sampling variances `v`)."""
    w = 1.0 / (grid[:, None] + v[None, :])
    mu = (w * m[None, :]).sum(axis=1) / w.sum(axis=1)
    return np.asarray(0.5 * (np.log(w).sum(axis=1) - (w * (m[None, :] - mu[:, None]) ** 2).sum(axis=1)
                             - np.log(w.sum(axis=1))))


def _reml(grid: np.ndarray, groups: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Posterior over `grid` (log-uniform hyperprior) of the variance t of true means around
    their group's common mean, from observed means with known sampling variances
    (`groups`: (means, variances) per group; each group's common mean profiled out, REML), and
    each group's common mean at every grid value (grid x groups)."""
    loglik = np.zeros(len(grid))
    centre = np.zeros((len(grid), len(groups)))
    for j, (m, v) in enumerate(groups):
        w = 1.0 / (grid[:, None] + v[None, :])
        mu = (w * m[None, :]).sum(axis=1) / w.sum(axis=1)
        centre[:, j] = mu
        loglik += 0.5 * (np.log(w).sum(axis=1) - (w * (m[None, :] - mu[:, None]) ** 2).sum(axis=1)
                         - np.log(w.sum(axis=1)))
    post = np.exp(loglik - loglik.max())
    return post / post.sum(), centre


def allowed_arms(arms: Iterable[Any], *, max_discount: float, required_discount: float | None = None,
                 excluded: Iterable[str] = ()) -> list[str]:
    """Names of the arms a tenant's policy allows for one decision.

    Args:
        arms: the catalogue (objects with `name` and `uses_discount`, e.g. agents' StrategyArm).
        max_discount: the tenant's discount cap (fraction).
        required_discount: the discount a discount arm would need (e.g. the price score's
            `best_discount`); when above the cap the arm is excluded, since a capped offer is not
            the strategy the arm stands for. A discount arm is also excluded when the cap is 0.
        excluded: arm names the tenant turned off.
    """
    off = set(excluded)
    out = []
    for a in arms:
        if a.name in off:
            continue
        if getattr(a, "uses_discount", False) and (
                max_discount <= 0 or (required_discount is not None and required_discount > max_discount)):
            continue
        out.append(a.name)
    return out
