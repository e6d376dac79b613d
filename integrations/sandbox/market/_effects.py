"""Strategy-effect tables: the fixed one (the default) and one drawn per seed (`drawn_effects`).

The fixed table (`_truth.STRATEGY_EFFECT` plus re-engagement's stale bonus) is the same on every
seed, so a learner, a hyperparameter or a stated prior fitted to it cannot be caught by another
seed. `MarketConfig(drawn_effects=True)` draws a table per seed instead, from the distribution
below, on a random stream of its own (`EFFECT_STREAM`): the deals, activities, decision streams
and outcome draws of a seed are the same with either table, only what a strategy does changes.

The generative distribution (log-odds of winning, by arm and segment; every number in
`DRAWN_EFFECT_*` below, and the reason for it):

1. **Each arm's common effect** ~ Normal(0.14, 0.10). A strategy a rep executes usually helps a
   little and sometimes not at all; the fixed table's arms average 0.14 with an sd of 0.105
   between them, so a drawn market is about as rich in good and bad arms as the fixed one.
   Re-engagement's common effect (on a deal that is not stale) ~ Normal(-0.05, 0.05): a "checking
   in" touch on a live deal adds nothing or annoys (the fixed table's -0.05).
2. **Which arms depend on company size**: 1, 2 or 3 arms (equally likely), chosen at random among
   all seven. Sales teams agree that some plays work differently for a 50-person company than for
   a 5,000-person one, but not on which (an executive meeting, a discount, customer references,
   an educational sequence all have their advocates); the fixed table has two clear ones
   (executive alignment, the discount) and one borderline (social proof). Drawing WHICH arms keeps
   a learner or a tenant statement tuned to those two from being right by construction.
3. **How a size-dependent arm moves**: a slope per size step (smb -> mid -> ent) of magnitude
   Uniform(0.10, 0.30) and random sign. The fixed table's two slopes are +0.275 and -0.275; the
   sign is drawn because in one market executive meetings carry enterprise deals and in another
   the discount rescues small ones, or the reverse (a market where price matters most to large
   buyers is unusual but exists: procurement-led enterprise deals).
4. **Every arm's segment deviation** ~ Normal(0, 0.05) per segment, on top of 1-3: arms "tied"
   across segments still differ a little (the fixed table's tied arms spread 0.02-0.06).
5. **Bounds**: every effect clipped to [-0.30, 0.60] (the fixed table spans -0.25..0.50): no
   strategy turns a 30% deal into a sure win or loss.
6. **Re-engagement's stale bonus** (deals with no activity for more than `STALE_DAYS`) ~
   Uniform(0.30, 0.70) (the fixed table's 0.50): the play exists for stale deals and always helps
   them, by how much differs between markets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import _truth

EFFECT_STREAM = 20_21
"""Second key of the drawn table's random stream (`default_rng([seed, EFFECT_STREAM])`), so the
draw never consumes the market's own generator and a seed's deals are the same with either table."""

DRAWN_EFFECT_MEAN = 0.14
"""Mean of an arm's common effect (log-odds) across segments (the fixed table's arms: 0.136)."""
DRAWN_EFFECT_SD = 0.10
"""Spread of the arms' common effects (the fixed table's: 0.105)."""
DRAWN_RE_ENGAGEMENT_MEAN = -0.05
"""Mean of re-engagement's common effect on a deal that is not stale (the fixed table's -0.05)."""
DRAWN_RE_ENGAGEMENT_SD = 0.05
"""Spread of re-engagement's common effect."""
DRAWN_SIZE_DEPENDENT_COUNTS = (1, 2, 3)
"""How many arms depend on company size (one of these, equally likely)."""
DRAWN_SLOPE_RANGE = (0.10, 0.30)
"""Magnitude of a size-dependent arm's change per size step smb -> mid -> ent (sign drawn)."""
DRAWN_SEGMENT_SD = 0.05
"""Every arm's independent deviation per segment."""
DRAWN_EFFECT_BOUNDS = (-0.30, 0.60)
"""Every drawn effect is clipped to this range (the fixed table's: -0.25..0.50)."""
DRAWN_STALE_BONUS_RANGE = (0.30, 0.70)
"""Re-engagement's extra effect on stale deals (the fixed table's 0.50)."""

SIZE_STEP = {"smb": -1.0, "mid": 0.0, "ent": 1.0}
"""Position of each segment on the company-size axis a size-dependent arm's slope acts along."""


@dataclass(frozen=True)
class EffectTable:
    """What executing each strategy does to a deal's win log-odds, by segment."""

    effects: Mapping[str, Mapping[str, float]]
    """arm -> segment -> change in win log-odds."""
    stale_bonus: float
    """Re-engagement's extra effect on deals with no activity for more than `_truth.STALE_DAYS`."""
    size_dependent: tuple[str, ...] | None = None
    """The arms drawn as size-dependent (None: the fixed table, whose structure was not drawn)."""
    seed: int | None = None
    """The market seed the table was drawn for (None: the fixed table)."""

    @property
    def drawn(self) -> bool:
        """Whether the table was drawn from the generative distribution (vs the fixed one)."""
        return self.seed is not None

    def effect(self, strategy: str, segment: str, days_since_activity: float) -> float:
        """Return the log-odds lift of executing one strategy on one deal."""
        effect = float(self.effects[strategy][segment])
        if strategy == "re_engagement" and days_since_activity > _truth.STALE_DAYS:
            effect += self.stale_bonus
        return effect

    def describe(self) -> dict[str, Any]:
        """The table as JSON-able data (benchmarks record which market they ran on)."""
        return {"drawn": self.drawn, "seed": self.seed, "stale_bonus": round(self.stale_bonus, 4),
                "size_dependent": None if self.size_dependent is None else list(self.size_dependent),
                "effects": {a: {g: round(float(v), 4) for g, v in row.items()} for a, row in self.effects.items()}}


FIXED_EFFECTS = EffectTable(_truth.STRATEGY_EFFECT, _truth.RE_ENGAGEMENT_STALE_BONUS)
"""The default: one table on every seed."""


def draw_effects(seed: int) -> EffectTable:
    """Draw the strategy-effect table of market `seed` from the distribution in the module docstring."""
    rng = np.random.default_rng([seed, EFFECT_STREAM])
    arms = _truth.STRATEGIES
    common = rng.normal(DRAWN_EFFECT_MEAN, DRAWN_EFFECT_SD, len(arms))
    reengage = arms.index("re_engagement")
    common[reengage] = rng.normal(DRAWN_RE_ENGAGEMENT_MEAN, DRAWN_RE_ENGAGEMENT_SD)
    k = int(rng.choice(DRAWN_SIZE_DEPENDENT_COUNTS))
    chosen = sorted(int(j) for j in rng.choice(len(arms), size=k, replace=False))
    slope = np.zeros(len(arms))
    slope[chosen] = rng.uniform(*DRAWN_SLOPE_RANGE, size=k) * rng.choice([-1.0, 1.0], size=k)
    deviation = rng.normal(0.0, DRAWN_SEGMENT_SD, (len(arms), len(_truth.SEGMENTS)))
    lo, hi = DRAWN_EFFECT_BOUNDS
    effects = {a: {g: float(np.clip(common[j] + slope[j] * SIZE_STEP[g] + deviation[j, i], lo, hi))
                   for i, g in enumerate(_truth.SEGMENTS)} for j, a in enumerate(arms)}
    bonus = float(rng.uniform(*DRAWN_STALE_BONUS_RANGE))
    return EffectTable(effects, bonus, tuple(arms[j] for j in chosen), seed)


def effect_table(seed: int, drawn: bool) -> EffectTable:
    """The table of a market: drawn for `seed` when `drawn`, else the fixed one."""
    return draw_effects(seed) if drawn else FIXED_EFFECTS
