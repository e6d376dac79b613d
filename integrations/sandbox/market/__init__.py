"""A deterministic simulated market with a hidden ground truth (see `Market`).

    >>> from integrations.sandbox.market import Market, MarketConfig
    >>> m = Market(MarketConfig(seed=1))
    >>> m.truth(m.open_deals()[0].key)["p_win"]  # doctest: +SKIP
"""

from ._effects import DRAWN_EFFECT_BOUNDS, DRAWN_STALE_BONUS_RANGE, FIXED_EFFECTS, EffectTable, draw_effects
from ._eventual import eventual_p_win
from ._history import closed_history
from ._market import Market, MarketConfig
from ._model import OPEN_STAGES, STAGE_LABELS, STAGE_PROBABILITY, STAGES, stage_kind
from ._money import CORPORATE, RATES, UnknownMarketCurrency, local_amount
from ._truth import PRICE_BETA, STRATEGIES, STRATEGY_EFFECT, p_win, price_effect, strategy_effect

__all__ = [
    "CORPORATE",
    "DRAWN_EFFECT_BOUNDS",
    "DRAWN_STALE_BONUS_RANGE",
    "EffectTable",
    "FIXED_EFFECTS",
    "Market",
    "MarketConfig",
    "OPEN_STAGES",
    "PRICE_BETA",
    "RATES",
    "STAGES",
    "STAGE_LABELS",
    "STAGE_PROBABILITY",
    "STRATEGIES",
    "STRATEGY_EFFECT",
    "UnknownMarketCurrency",
    "closed_history",
    "draw_effects",
    "eventual_p_win",
    "local_amount",
    "p_win",
    "price_effect",
    "stage_kind",
    "strategy_effect",
]
