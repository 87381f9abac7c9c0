"""Which codes a typed response can carry: a condition waiting for any other never fires."""

from __future__ import annotations

from functools import cache

from trainsim.model.conditions import (
    AnchoredCondition,
    CodeCondition,
    Condition,
    GroundingCondition,
    MentionsCondition,
    ProbesLimitCondition,
    ProbingCondition,
    walk,
)


@cache
def emitted() -> tuple[str, ...]:
    """The codes the free-text coder emits (read on first use: the coder package is heavy)."""
    from trainsim.coding.codes import LABELS

    return LABELS

TYPED_ONLY = (CodeCondition, MentionsCondition, ProbingCondition, ProbesLimitCondition,
              AnchoredCondition, GroundingCondition)
"""Conditions on what was typed: they never hold for an option's ``when``."""


def unemitted(condition: Condition) -> list[str]:
    """A message for each code the condition tests on typed words that the coder never emits."""
    codes = [p.code for p in walk(condition) if isinstance(p, CodeCondition)]
    if not codes:
        return []
    known = emitted()
    return [f"condition waits for code '{code}', which the free-text coder never emits "
            f"(it emits {', '.join(known)}): this can never hold; test the words with "
            "mentions instead" for code in codes if code not in known]
