"""The default strategy catalogue of DESIGN.md: the arms the learning loop will test.

Tenants may edit their catalogue (names are the contract; descriptions are prompt material). An
arm's `recipient` says who the draft goes to: the deal's primary contact, or its most senior one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class StrategyArm:
    """One strategy: what it is, when it fits, and how the writer should carry it out."""

    name: str
    description: str
    when: str
    default_channel: Literal["email", "call", "meeting"] = "email"
    uses_discount: bool = False
    recipient: Literal["primary", "executive"] = "primary"


DEFAULT_CATALOGUE: tuple[StrategyArm, ...] = (
    StrategyArm(
        "value_reinforcement",
        "Restate the concrete value the buyer said they need, tied to what they have already seen.",
        "Engaged buyer with clear buying signals who needs a reason to move forward.",
    ),
    StrategyArm(
        "social_proof",
        "Point to how similar companies in the same industry use the product.",
        "Early or mid-stage deal where the buyer is still comparing options.",
    ),
    StrategyArm(
        "limited_time_incentive",
        "Offer an approved incentive tied to a date, within the tenant's discount cap.",
        "Price-sensitive buyer close to a decision, with a close date near.",
        uses_discount=True,
    ),
    StrategyArm(
        "executive_alignment",
        "Propose a short conversation between the buyer's senior sponsor and our side.",
        "Large deal, or a deal stalled below the decision maker.",
        default_channel="meeting",
        recipient="executive",
    ),
    StrategyArm(
        "risk_reversal",
        "Lower the perceived risk of deciding: a scoped pilot, clear success criteria.",
        "Buyer shows hesitation or risk indicators outweigh buying signals.",
        default_channel="call",
    ),
    StrategyArm(
        "education_nurture",
        "Share useful material at the buyer's pace, without pushing for a decision.",
        "Low intent or early stage: keep the relationship warm.",
    ),
    StrategyArm(
        "re_engagement",
        "Reopen a conversation that went quiet with a short, easy-to-answer note.",
        "No reply or activity for weeks, or engagement declining.",
    ),
)
"""The seven default arms, in DESIGN.md order."""

DEFAULT_ARM_NAMES: tuple[str, ...] = tuple(a.name for a in DEFAULT_CATALOGUE)
"""Names of the default arms (the strings stored in `ai_strategy`)."""


def catalogue_by_name(arms: Iterable[StrategyArm] = DEFAULT_CATALOGUE) -> dict[str, StrategyArm]:
    """Index a catalogue by arm name.

    Args:
        arms: the tenant's catalogue; the default one when omitted.

    Returns:
        A dict from arm name to arm, in catalogue order.
    """
    return {a.name: a for a in arms}
