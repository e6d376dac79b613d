"""Token estimation without a tokenizer download (issue 6: budgets must work offline).

A tokenizer is anything with `count(text) -> int`. The default estimates ~4 characters per token
for English prose (OpenAI's and Anthropic's published rule of thumb), rounding up, so a budget
errs on the side of sending less.
"""

from __future__ import annotations

import math
from typing import Protocol


class Tokenizer(Protocol):
    """Counts tokens in a text."""

    def count(self, text: str) -> int: ...


class CharEstimator:
    """Estimate tokens as characters / `chars_per_token`, rounded up."""

    def __init__(self, chars_per_token: float = 4.0) -> None:
        self.chars_per_token = chars_per_token

    def count(self, text: str) -> int:
        """Return the estimated token count of `text` (0 for empty)."""
        return math.ceil(len(text) / self.chars_per_token) if text else 0


DEFAULT_TOKENIZER: Tokenizer = CharEstimator()
"""The estimator used when none is injected."""
