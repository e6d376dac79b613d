"""Errors of the learning loop.

    LearningError
     +-- LearningConfigError   a reward/policy/holdout setting is invalid (names the setting)
     +-- NoAllowedArmError     every arm of the catalogue is excluded for this decision
"""

from __future__ import annotations


class LearningError(Exception):
    """Base class of the learning loop's errors."""


class LearningConfigError(LearningError, ValueError):
    """A learning setting is invalid; the message names the setting and what is accepted."""


class NoAllowedArmError(LearningError):
    """Every arm was excluded (policy caps, catalogue): the caller should take no AI action."""
