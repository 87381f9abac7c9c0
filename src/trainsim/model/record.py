"""Immutable records of what happened in a session."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base for records: frozen, unknown keys refused when read back."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(Record):
    """Points on one rubric dimension for one turn, and why."""

    dimension: str
    points: int
    reason: str
    source: str = Field(description="What earned the points: 'option:<id>' or 'rule:<rubric>:<n>'.")


class Turn(Record):
    """One exchange: where the trainee was, what they did, and what it changed."""

    index: int = Field(description="0-based position in the session.")
    node: str
    kind: Literal["choice", "typed"]
    option: str | None = Field(None, description="The chosen option's id (choices only).")
    text: str = Field(description="What the trainee said: the option text or the typed words.")
    codes: tuple[str, ...] = ()
    spans: dict[str, tuple[tuple[int, int], ...]] = Field(
        default_factory=dict, description="Typed turns: code -> character spans that show it.")
    evidence: tuple[Evidence, ...] = ()
    shown: tuple[str, ...] = Field(
        (), description="Ids of the options that were visible when the turn was taken.")
    available: dict[str, int] = Field(
        default_factory=dict, description="Best points any visible option offered, per dimension.")
    feedback: str = ""
    state_before: dict[str, int]
    state_after: dict[str, int]
    next: str
    sensitive: bool = Field(False, description="Whether the node was tagged sensitive.")
    time: float = Field(0.0, description="Session clock when the turn was taken (seconds).")

    def points(self, dimension: str) -> int:
        """Total points this turn earned on ``dimension``."""
        return sum(e.points for e in self.evidence if e.dimension == dimension)
